import Foundation

/// Turns at writing to the SQLite file, taken one at a time in the order asked, before a connection is borrowed.
///
/// SQLite lets one writer in at a time. Without turns, a transaction that finds another writing waits in SQLite's busy
/// handler, which sleeps in steps of 1, 2, 5, 10, 15, 20, 25… ms whatever happens meanwhile, while holding a pooled
/// connection and its thread, so readers queue behind sleeping writers too: with a save in every ten requests the
/// slowest requests took tens of milliseconds for nothing. Here a writer waits without a connection and starts the
/// moment the one before it ends. The busy timeout still covers other processes (the command line, `trellis jobs work`).
final class WriterTurns: @unchecked Sendable {
    private let lock = NSLock()
    private var writing = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Which turns the current task holds: a transaction opened inside another one's body must not wait for the turn
    /// its own caller holds. SQLite decides about that one, as it would without turns.
    @TaskLocal private static var held: Set<ObjectIdentifier> = []

    func inTurn<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        let me = ObjectIdentifier(self)
        if Self.held.contains(me) { return try await body() }
        await take()
        defer { pass() }
        return try await Self.$held.withValue(Self.held.union([me])) { try await body() }
    }

    private func take() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let mine = lock.withLock {
                guard writing else { writing = true; return true }
                waiting.append(continuation)
                return false
            }
            if mine { continuation.resume() }
        }
    }

    /// How many writers wait for their turn; for tests of the order of events.
    var waitingCount: Int { lock.withLock { waiting.count } }

    /// Hands the turn straight to the next writer, if any, so nobody can slip in between.
    private func pass() {
        let next = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            guard !waiting.isEmpty else { writing = false; return nil }
            return waiting.removeFirst()
        }
        next?.resume()
    }
}
