import Foundation
import SQLKit

/// Brings a database's schema up to date, once, even when several app instances start together.
public struct Migrator: Sendable {
    /// A constant key for PostgreSQL's advisory lock: any number that other software is unlikely to use.
    static let advisoryLockKey = 7_274_355_472

    public struct Status: Sendable, Hashable {
        public let version: Int
        public let name: String
        public let appliedAt: Date?
    }

    let database: Database
    let migrations: [any Migration]

    public init(database: Database, migrations: [any Migration] = Migrations.all) {
        self.database = database
        self.migrations = migrations
    }

    /// Applies every pending migration, each in its own transaction, and returns those applied.
    @discardableResult
    public func migrate(now: Date = Date()) async throws -> [Status] {
        let migrations = self.migrations
        let dialect = database.dialect
        return try await database.withSQL { sql in
            if dialect == .postgres {
                try await sql.raw("SELECT pg_advisory_lock(\(literal: Self.advisoryLockKey))").run()
            }
            do {
                let applied = try await Self.apply(migrations, on: sql, dialect: dialect, now: now)
                if dialect == .postgres {
                    try await sql.raw("SELECT pg_advisory_unlock(\(literal: Self.advisoryLockKey))").run()
                }
                return applied
            } catch {
                if dialect == .postgres {
                    try? await sql.raw("SELECT pg_advisory_unlock(\(literal: Self.advisoryLockKey))").run()
                }
                throw error
            }
        }
    }

    /// Every known migration with the time it was applied, or nil when pending.
    public func status() async throws -> [Status] {
        let migrations = self.migrations
        return try await database.withSQL { sql in
            try await Self.ensureLedger(on: sql)
            let done = try await Self.appliedVersions(on: sql)
            return migrations.map { Status(version: $0.version, name: $0.name, appliedAt: done[$0.version]) }
        }
    }

    private static func apply(_ migrations: [any Migration], on sql: any SQLDatabase, dialect: DatabaseDialect, now: Date) async throws -> [Status] {
        try await ensureLedger(on: sql)
        let done = try await appliedVersions(on: sql)
        var applied: [Status] = []
        for migration in migrations.sorted(by: { $0.version < $1.version }) where done[migration.version] == nil {
            try await sql.raw(dialect == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN").run()
            do {
                for statement in migration.statements(for: dialect) {
                    try await sql.raw(statement).run()
                }
                let at = Int64(now.timeIntervalSince1970 * 1000)
                try await sql.raw("""
                    INSERT INTO schema_migrations (version, name, applied_at)
                    VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: at))
                    """).run()
                try await sql.raw("COMMIT").run()
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw MigrationError(version: migration.version, name: migration.name, underlying: String(describing: error))
            }
            applied.append(Status(version: migration.version, name: migration.name, appliedAt: now))
        }
        return applied
    }

    private static func ensureLedger(on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at BIGINT NOT NULL
            )
            """).run()
    }

    private struct LedgerRow: Decodable { let version: Int; let appliedAt: Int64 }

    private static func appliedVersions(on sql: any SQLDatabase) async throws -> [Int: Date] {
        let rows = try await sql.raw("SELECT version, applied_at FROM schema_migrations")
            .all(decoding: LedgerRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.version, Date(millisecondsSince1970: $0.appliedAt)) })
    }
}

/// A migration that failed; the database is left as it was before that migration.
public struct MigrationError: Error, CustomStringConvertible {
    public let version: Int
    public let name: String
    public let underlying: String
    public var description: String { "migration \(version) (\(name)) failed: \(underlying)" }
}
