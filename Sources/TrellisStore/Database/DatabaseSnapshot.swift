import Foundation
import SQLKit

/// What a backup reads from the database: a consistent copy of an SQLite file while the server keeps writing, and the
/// facts a backup's manifest records about a database (its schema version, how many rows each table holds, which
/// evidence files its plans name).
extension Database {
    /// Writes a consistent copy of this SQLite database to `path`, which must not exist yet.
    ///
    /// `VACUUM INTO` reads the database inside one read transaction: in WAL mode it sees every transaction committed
    /// before it began and none after, while the server's writers carry on beside it (readers never wait for the
    /// writer, nor it for them). The copy is compact and a complete database on its own, with no `-wal` file.
    public func snapshot(into path: String) async throws {
        guard dialect == .sqlite else { throw SnapshotUnavailable() }
        try await withSQL { sql in
            try await sql.raw("VACUUM INTO \(bind: path)").run()
        }
    }

    /// The highest schema migration applied: what a restore compares with the migrations it knows.
    public func schemaVersion() async throws -> Int {
        try await scalar("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")
    }

    /// The number of rows in every table, by table name.
    public func rowCountsByTable() async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in try await tableNames() {
            // Names come from the catalogue, not from input; quoted, so any name is one identifier.
            let quoted = "\"" + table.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            counts[table] = try await scalar("SELECT COUNT(*) FROM \(unsafeRaw: quoted)")
        }
        return counts
    }

    /// The tables of the schema this database works in, without the database's own bookkeeping.
    public func tableNames() async throws -> [String] {
        struct Row: Decodable { let name: String }
        let query: SQLQueryString = dialect == .sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
        return try await all(query, as: Row.self).map(\.name)
    }

    /// Every evidence file the plans name, as (organization id, content hash). Read from the plan documents
    /// themselves, so a backup can tell a file the database needs from one it merely found on disk.
    public func evidenceFilesNamedByPlans() async throws -> Set<StoredEvidenceName> {
        struct Row: Decodable { let organizationId: String; let document: String }
        var references: Set<StoredEvidenceName> = []
        let pattern = /"contentHash"\s*:\s*"([0-9a-f]{64})"/
        for row in try await all("SELECT organization_id, document FROM growth_plans", as: Row.self) {
            for match in row.document.matches(of: pattern) {
                references.insert(StoredEvidenceName(organizationID: row.organizationId, contentHash: String(match.output.1)))
            }
        }
        return references
    }
}

/// One evidence file as the database names it: the district it belongs to and the SHA-256 of its content.
public struct StoredEvidenceName: Sendable, Hashable, Comparable {
    public let organizationID: String
    public let contentHash: String

    public init(organizationID: String, contentHash: String) {
        self.organizationID = organizationID
        self.contentHash = contentHash
    }

    public static func < (a: Self, b: Self) -> Bool {
        (a.organizationID, a.contentHash) < (b.organizationID, b.contentHash)
    }
}

/// A snapshot was asked of a database that is not an SQLite file (PostgreSQL is copied with its own tools).
public struct SnapshotUnavailable: Error, CustomStringConvertible {
    public var description: String { "only an SQLite database can be copied this way" }
}
