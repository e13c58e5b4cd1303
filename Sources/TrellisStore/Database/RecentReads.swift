import Foundation

/// Reads that every signed-in request repeats (its session, and the person it belongs to), kept for a moment.
///
/// Under load a person's session and identity are asked for hundreds of times a second and almost never
/// change. A store keeps what it read here for `lifetime` and forgets it the moment this process writes it,
/// so on one instance a sign-out, a password change, a role change or a deactivation applies at once; on
/// other instances of the same installation it applies within `lifetime` (two seconds by default).
/// Nothing is kept while a transaction is open, so a rolled-back write is never remembered.
public final class RecentReads: @unchecked Sendable {
    public let lifetime: Duration
    private let capacity: Int
    private let lock = NSLock()
    private var entries: [String: (value: any Sendable, keptAt: ContinuousClock.Instant)] = [:]

    public init(lifetime: Duration = .seconds(2), capacity: Int = 20_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    func value<Value: Sendable>(_ key: String, as _: Value.Type = Value.self) -> Value? {
        guard lifetime > .zero else { return nil }
        let now = ContinuousClock.now
        return lock.withLock {
            guard let entry = entries[key], now - entry.keptAt < lifetime else { return nil }
            return entry.value as? Value
        }
    }

    func keep(_ value: some Sendable, _ key: String) {
        guard lifetime > .zero else { return }
        let now = ContinuousClock.now
        lock.withLock {
            if entries.count >= capacity {
                entries = entries.filter { now - $0.value.keptAt < lifetime }
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[key] = (value, now)
        }
    }

    func forget(_ key: String) {
        lock.withLock { _ = entries.removeValue(forKey: key) }
    }

    /// Forgets every key that starts with `prefix`, after a write that touches many rows.
    func forgetAll(startingWith prefix: String) {
        lock.withLock { entries = entries.filter { !$0.key.hasPrefix(prefix) } }
    }
}

extension SQLExecutor {
    /// What was read recently and may be answered from memory; nil inside a transaction.
    var readsToReuse: RecentReads? { isTransaction ? nil : recentReads }
}
