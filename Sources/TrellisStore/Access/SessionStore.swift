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

    public struct Entry: Sendable {
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

    /// Where a session read is kept in `RecentReads`; by hash, so the key itself is never held longer than the request.
    private static func recentKey(_ key: String) -> String { recentPrefix + hash(key) }
    private static let recentPrefix = "session:"

    /// Inserts; returns false when the key already exists.
    public func create(key: String, value: String, expiresAt: Date?) async throws -> Bool {
        defer { executor.recentReads.forget(Self.recentKey(key)) }
        do {
            try await executor.execute("""
                INSERT INTO sessions (key_hash, value, expires_at)
                VALUES (\(bind: Self.hash(key)), \(bind: value), \(bind: expiresAt?.millisecondsSince1970))
                """)
            return true
        } catch where error.isUniqueViolation {
            return false
        }
    }

    /// Inserts or replaces. A nil expiry keeps the one already stored.
    public func set(key: String, value: String, expiresAt: Date?) async throws {
        defer { executor.recentReads.forget(Self.recentKey(key)) }
        try await executor.execute("""
            INSERT INTO sessions (key_hash, value, expires_at)
            VALUES (\(bind: Self.hash(key)), \(bind: value), \(bind: expiresAt?.millisecondsSince1970))
            ON CONFLICT (key_hash) DO UPDATE SET value = excluded.value,
                expires_at = COALESCE(excluded.expires_at, sessions.expires_at)
            """)
    }

    /// The entry, unless it is missing or expired at `now`.
    public func get(key: String, now: Date) async throws -> Entry? {
        let entry: Entry
        if let recent = executor.readsToReuse?.value(Self.recentKey(key), as: Entry.self) {
            entry = recent
        } else {
            guard let row = try await executor.first("""
                SELECT value, expires_at FROM sessions WHERE key_hash = \(bind: Self.hash(key))
                """, as: Row.self) else { return nil }
            entry = Entry(value: row.value, expiresAt: row.expiresAt.map(Date.init(millisecondsSince1970:)))
            executor.readsToReuse?.keep(entry, Self.recentKey(key))
        }
        if let expiresAt = entry.expiresAt, expiresAt <= now { return nil }
        return entry
    }

    public func remove(key: String) async throws {
        defer { executor.recentReads.forget(Self.recentKey(key)) }
        try await executor.execute("DELETE FROM sessions WHERE key_hash = \(bind: Self.hash(key))")
    }

    /// Deletes sessions that expired before `now`.
    public func removeExpired(now: Date) async throws {
        defer { executor.recentReads.forgetAll(startingWith: Self.recentPrefix) }
        try await executor.execute("""
            DELETE FROM sessions WHERE expires_at IS NOT NULL AND expires_at <= \(bind: now.millisecondsSince1970)
            """)
    }
}
