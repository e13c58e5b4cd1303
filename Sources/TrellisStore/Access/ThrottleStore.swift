import Foundation
import SQLKit
import TrellisCore

/// Sign-in attempts per key ("account:EMAIL" or "address:IP"), shared by all app instances.
///
/// An attempt is reserved before its password is checked, in one statement that counts it and returns the
/// count, so parallel attempts each see the ones before them and cannot all slip through on the same old count.
/// `failures` therefore holds the failures of the window plus the attempts still being checked.
public struct ThrottleStore: Sendable {
    let executor: any SQLExecutor

    public init(_ executor: any SQLExecutor) {
        self.executor = executor
    }

    private struct Row: Decodable, Sendable {
        let failures: Int
        let lastFailureAt: Int64?
        let lockedUntil: Int64?
        var state: ThrottleState {
            ThrottleState(failures: failures, lastFailureAt: lastFailureAt.map(Date.init(millisecondsSince1970:)),
                          lockedUntil: lockedUntil.map(Date.init(millisecondsSince1970:)))
        }
    }

    public func state(for key: String) async throws -> ThrottleState {
        try await executor.first("""
            SELECT failures, last_failure_at, locked_until FROM sign_in_throttle WHERE throttle_key = \(bind: key)
            """, as: Row.self)?.state ?? ThrottleState()
    }

    /// Counts one more attempt for `key` and returns the state with it counted, atomically. A record whose last
    /// failure is before `forgettingBefore` starts again from this attempt. A new or restarted record takes `now`
    /// as its last failure, so a count left behind by an attempt that never finished still ages out.
    public func reserveAttempt(for key: String, at now: Date, forgettingBefore cutoff: Date) async throws -> ThrottleState {
        let now = now.millisecondsSince1970, cutoff = cutoff.millisecondsSince1970
        let row = try await executor.first("""
            INSERT INTO sign_in_throttle (throttle_key, failures, last_failure_at, locked_until)
            VALUES (\(bind: key), 1, \(bind: now), NULL)
            ON CONFLICT (throttle_key) DO UPDATE SET
                failures = CASE WHEN sign_in_throttle.last_failure_at IS NULL OR sign_in_throttle.last_failure_at < \(bind: cutoff)
                                THEN 1 ELSE sign_in_throttle.failures + 1 END,
                last_failure_at = CASE WHEN sign_in_throttle.last_failure_at IS NULL OR sign_in_throttle.last_failure_at < \(bind: cutoff)
                                       THEN \(bind: now) ELSE sign_in_throttle.last_failure_at END
            RETURNING failures, last_failure_at, locked_until
            """, as: Row.self)
        guard let row else { throw StoreError.notFound }
        return row.state
    }

    /// Gives back a reserved attempt that turned out not to be a failure (refused before checking, or a success
    /// that must not count against a shared address).
    public func releaseAttempt(for key: String) async throws {
        try await executor.execute("""
            UPDATE sign_in_throttle SET failures = failures - 1 WHERE throttle_key = \(bind: key) AND failures > 0
            """)
    }

    /// Records when a reserved attempt failed; with `lockedUntil`, also locks the key and starts counting afresh.
    public func recordFailure(for key: String, at now: Date, lockedUntil: Date?) async throws {
        if let lockedUntil {
            try await executor.execute("""
                UPDATE sign_in_throttle SET failures = 0, last_failure_at = \(bind: now.millisecondsSince1970),
                    locked_until = \(bind: lockedUntil.millisecondsSince1970)
                WHERE throttle_key = \(bind: key)
                """)
        } else {
            try await executor.execute("""
                UPDATE sign_in_throttle SET last_failure_at = \(bind: now.millisecondsSince1970) WHERE throttle_key = \(bind: key)
                """)
        }
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
