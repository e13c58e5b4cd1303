import Testing
import TestSupport
import TrellisStore

@Suite struct MigratorTests {
    @Test func migratingTwiceAppliesNothingTheSecondTimeAndReportsStatus() async throws {
        try await TestDatabase.with { database in
            // run
            let again = try await Migrator(database: database).migrate()
            let status = try await Migrator(database: database).status()
            // check
            #expect(again.isEmpty)
            #expect(status.count == Migrations.all.count)
            #expect(status.allSatisfy { $0.appliedAt != nil })
            #expect(status.map(\.version) == status.map(\.version).sorted())
        }
    }

    @Test func databaseLocationParsesBothKindsAndExplainsBadOnes() throws {
        #expect(try DatabaseLocation(parsing: "sqlite:trellis-data/trellis.sqlite") == .sqlite(path: "trellis-data/trellis.sqlite"))
        #expect(try DatabaseLocation(parsing: "sqlite:///var/lib/trellis.sqlite") == .sqlite(path: "/var/lib/trellis.sqlite"))
        #expect(try DatabaseLocation(parsing: "postgres://app:pw@db:5432/trellis") == .postgres(url: "postgres://app:pw@db:5432/trellis"))
        for bad in ["", "sqlite:", "mysql://x/y", "postgres://", "postgres://app:secret@db:port/trellis"] {
            #expect(throws: DatabaseLocation.ParseError.self) { try DatabaseLocation(parsing: bad) }
        }
        do {
            _ = try DatabaseLocation(parsing: "postgres://app:secret@db:port/trellis")
        } catch {
            #expect(!error.description.contains("secret"), "passwords never appear in messages")
        }
    }
}
