import Foundation
import Logging
import TrellisCore
import TrellisServices
import TrellisStore

/// A fresh, migrated database for one test: a temporary SQLite file, or, when `TEST_POSTGRES_URL` is set,
/// a schema of its own on that PostgreSQL server, so tests can run in parallel without seeing each other.
public enum TestDatabase {
    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment["TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Runs `body` with a new database and removes it afterwards, whatever happens. On PostgreSQL the database gets
    /// `connections` (spread over the event loops); a test that reads from outside a transaction it holds open
    /// needs four, so that each loop has a second. `recentReads` is how long reads may be kept (`RecentReads`): a test
    /// of what is kept until a write forgets it asks for longer than a busy machine could take between two reads.
    public static func with<T>(connections: Int = 2, recentReads: Duration = .seconds(2),
                               _ body: (Database) async throws -> T) async throws -> T {
        try await withInstances(connections: connections, recentReads: recentReads) { database, _ in try await body(database) }
    }

    /// As `with`, with a second `Database` over the same data: another instance of the installation, with its own
    /// pool and its own recent reads.
    public static func withTwoInstances<T>(recentReads: Duration = .seconds(2),
                                           _ body: (Database, Database) async throws -> T) async throws -> T {
        try await withInstances(connections: 2, recentReads: recentReads, second: true) { try await body($0, $1!) }
    }

    private static func withInstances<T>(connections: Int, recentReads: Duration, second: Bool = false,
                                         _ body: (Database, Database?) async throws -> T) async throws -> T {
        var logger = Logger(label: "trellis.test")
        logger.logLevel = .warning
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let database: Database
        var other: Database? = nil
        var cleanup: () async -> Void
        if let url = postgresURL {
            await TestDatabaseSlots.postgres.acquire()
            // Tests run in parallel: few connections each, and a bounded number of tests at once (`TestDatabaseSlots`),
            // keep the server within its connection limit.
            let admin: Database
            do {
                admin = try await Database.open(.postgres(url: url), maxConnections: 1, logger: logger)
                try await admin.withSQL { try await $0.raw("CREATE SCHEMA \(unsafeRaw: name)").run() }
                database = try await Database.open(.postgres(url: url), maxConnections: connections, searchPath: [name], recentReads: recentReads, logger: logger)
                other = second ? try await Database.open(.postgres(url: url), maxConnections: connections, searchPath: [name],
                                                         recentReads: recentReads, logger: logger) : nil
            } catch {
                await TestDatabaseSlots.postgres.release()
                throw TestFailure(String(reflecting: error))
            }
            cleanup = { [other] in
                await other?.close()
                await database.close()
                _ = try? await admin.withSQL { try await $0.raw("DROP SCHEMA \(unsafeRaw: name) CASCADE").run() }
                await admin.close()
                await TestDatabaseSlots.postgres.release()
            }
        } else {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(name)
            let path = directory.appendingPathComponent("trellis.sqlite").path
            database = try await Database.open(.sqlite(path: path), recentReads: recentReads, logger: logger)
            other = second ? try await Database.open(.sqlite(path: path), recentReads: recentReads, logger: logger) : nil
            cleanup = { [other] in
                await other?.close()
                await database.close()
                try? FileManager.default.removeItem(at: directory)
            }
        }
        do {
            try await Migrator(database: database).migrate()
            let result = try await body(database, other)
            await cleanup()
            return result
        } catch {
            await cleanup()
            // PostgreSQL's errors hide their detail from `description`; a failing test should show it.
            throw TestFailure(String(reflecting: error))
        }
    }
}

/// An error with the full text of what went wrong underneath.
public struct TestFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
