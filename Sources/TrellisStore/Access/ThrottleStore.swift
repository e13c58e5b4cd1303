import Foundation
import SQLKit
import TrellisCore

/// Failed sign-in counts per key ("account:EMAIL" or "address:IP"), shared by all app instances.
public struct ThrottleStore: Sendable {
    let executor: any SQLExecutor

    public init(_ executor: any SQLExecutor) {
        self.executor = executor
    }

    private struct Row: Decodable, Sendable {
        let failures: Int
        let lastFailureAt: Int64?
        let lockedUntil: Int64?
    }

    public func state(for key: String) async throws -> ThrottleState {
        guard let row = try await executor.first("""
            SELECT failures, last_failure_at, locked_until FROM sign_in_throttle WHERE throttle_key = \(bind: key)
            """, as: Row.self) else { return ThrottleState() }
        return ThrottleState(failures: row.failures, lastFailureAt: row.lastFailureAt.map(Date.init(millisecondsSince1970:)),
                             lockedUntil: row.lockedUntil.map(Date.init(millisecondsSince1970:)))
    }

    public func save(_ state: ThrottleState, for key: String) async throws {
        try await executor.execute("""
            INSERT INTO sign_in_throttle (throttle_key, failures, last_failure_at, locked_until)
            VALUES (\(bind: key), \(bind: state.failures), \(bind: state.lastFailureAt?.millisecondsSince1970), \(bind: state.lockedUntil?.millisecondsSince1970))
            ON CONFLICT (throttle_key) DO UPDATE SET failures = excluded.failures,
                last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until
            """)
    }

    public func clear(_ key: String) async throws {
        try await executor.execute("DELETE FROM sign_in_throttle WHERE throttle_key = \(bind: key)")
    }
}
