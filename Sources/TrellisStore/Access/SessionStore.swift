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
        SHA256.hash(data: Data(key.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Inserts; returns false when the key already exists.
    public func create(key: String, value: String, expiresAt: Date?) async throws -> Bool {
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
        try await executor.execute("""
            INSERT INTO sessions (key_hash, value, expires_at)
            VALUES (\(bind: Self.hash(key)), \(bind: value), \(bind: expiresAt?.millisecondsSince1970))
            ON CONFLICT (key_hash) DO UPDATE SET value = excluded.value,
                expires_at = COALESCE(excluded.expires_at, sessions.expires_at)
            """)
    }

    /// The entry, unless it is missing or expired at `now`.
    public func get(key: String, now: Date) async throws -> Entry? {
        guard let row = try await executor.first("""
            SELECT value, expires_at FROM sessions WHERE key_hash = \(bind: Self.hash(key))
            """, as: Row.self) else { return nil }
        let expiresAt = row.expiresAt.map(Date.init(millisecondsSince1970:))
        if let expiresAt, expiresAt <= now { return nil }
        return Entry(value: row.value, expiresAt: expiresAt)
    }

    public func remove(key: String) async throws {
        try await executor.execute("DELETE FROM sessions WHERE key_hash = \(bind: Self.hash(key))")
    }

    /// Deletes sessions that expired before `now`.
    public func removeExpired(now: Date) async throws {
        try await executor.execute("""
            DELETE FROM sessions WHERE expires_at IS NOT NULL AND expires_at <= \(bind: now.millisecondsSince1970)
            """)
    }
}
