import Crypto
import Foundation
import SQLKit

/// Server-side session data, shared by every app instance through the database.
/// Keys are stored only as SHA-256 hashes: a copy of this table lets nobody in.
public struct SessionStore: Sendable {
    let executor: any SQLExecutor

    public init(_ executor: any SQLExecutor) {
        self.executor = executor
    }

    public struct Entry: Sendable, Equatable {
        public let value: String
        public let expiresAt: Date?
    }

    private struct Row: Decodable, Sendable {
        let value: String
        let expiresAt: Int64?
    }

    static func hash(_ key: String) -> String {
        SHA256.hex(of: Data(key.utf8))
    }

    /// Where a session read is kept in `RecentReads`: by the key's hash, so the key itself is never held longer
    /// than the request. Each method hashes the key once and uses the hash for both.
    private static func recentKey(hash: String) -> String { recentPrefix + hash }
    private static let recentPrefix = "session:"

    /// Inserts; returns false when the key already exists.
    public func create(key: String, value: String, expiresAt: Date?) async throws -> Bool {
        let hash = Self.hash(key)
        defer { executor.forgetRecent(Self.recentKey(hash: hash)) }
        do {
            try await executor.execute("""
                INSERT INTO sessions (key_hash, value, expires_at)
                VALUES (\(bind: hash), \(bind: value), \(bind: expiresAt?.millisecondsSince1970))
                """)
            return true
        } catch where error.isUniqueViolation {
            return false
        }
    }

    /// Inserts or replaces. A nil expiry keeps the one already stored.
    public func set(key: String, value: String, expiresAt: Date?) async throws {
        try await changing(key) { hash in """
            INSERT INTO sessions (key_hash, value, expires_at)
            VALUES (\(bind: hash), \(bind: value), \(bind: expiresAt?.millisecondsSince1970))
            ON CONFLICT (key_hash) DO UPDATE SET value = excluded.value,
                expires_at = COALESCE(excluded.expires_at, sessions.expires_at)
            """ }
    }

    /// The entry, unless it is missing or expired at `now`. Kept while the sessions mark stays (`DistrictChanges.sessions`):
    /// every signed-in request asks this.
    public func get(key: String, now: Date) async throws -> Entry? {
        let hash = Self.hash(key)
        let entry = try await executor.reusing(Self.recentKey(hash: hash), unchangedIn: DistrictChanges.sessions, ifFound: {
            try await executor.first("SELECT value, expires_at FROM sessions WHERE key_hash = \(bind: hash)", as: Row.self)
                .map { Entry(value: $0.value, expiresAt: $0.expiresAt.map(Date.init(millisecondsSince1970:))) }
        })
        guard let entry else { return nil }
        if let expiresAt = entry.expiresAt, expiresAt <= now { return nil }
        return entry
    }

    public func remove(key: String) async throws {
        try await changing(key) { hash in "DELETE FROM sessions WHERE key_hash = \(bind: hash)" }
    }

    /// A session that ends or changes, with the sessions mark moved in its transaction.
    private func changing(_ key: String, _ statement: @Sendable (String) -> SQLQueryString) async throws {
        let hash = Self.hash(key)
        try await executor.writing(forgetting: Self.recentKey(hash: hash), movingMark: DistrictChanges.sessions) { tx in
            try await tx.execute(statement(hash))
        }
    }

    /// Deletes sessions that expired before `now`.
    public func removeExpired(now: Date) async throws {
        defer { executor.forgetRecent(startingWith: Self.recentPrefix) }
        try await executor.execute("""
            DELETE FROM sessions WHERE expires_at IS NOT NULL AND expires_at <= \(bind: now.millisecondsSince1970)
            """)
    }
}
