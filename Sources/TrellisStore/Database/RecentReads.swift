import Foundation

/// Reads that every signed-in request repeats (its session, and the person it belongs to), kept for a moment.
///
/// Under load a person's session and identity are asked for hundreds of times a second and almost never
/// change. A store keeps what it read here for `lifetime` and forgets it the moment this process writes it,
/// so on one instance a sign-out, a password change, a role change or a deactivation applies at once; on
/// other instances of the same installation it applies within `lifetime` (two seconds by default).
///
/// Two races are closed here rather than left to callers:
/// - a read that began before a write and ends after it would otherwise keep the old row: every read takes a
///   `Ticket` before it queries, and what it read is not kept if its key was forgotten after the ticket;
/// - a write inside a transaction is invisible to others until it commits: the transaction forgets its keys
///   again after the commit (`Transaction.forgetRecent`), so a reader between the write and the commit cannot
///   keep the old row either.
/// Nothing is kept while a transaction is open, so a rolled-back write is never remembered.
///
/// Values that take long to make (a dashboard, a caseload) go through `reuse`, which also keeps the requests that
/// open them all day from waiting when a kept value runs out: see RecentReads+Reuse.swift.
public final class RecentReads: @unchecked Sendable {
    public let lifetime: Duration
    private let capacity: Int
    let lock = NSLock()
    /// Each kept value, when the read that made it began, and how long that read took (`reuse` refreshes slow ones sooner).
    private(set) var entries: [String: (value: any Sendable, keptAt: ContinuousClock.Instant, took: Duration)] = [:]
    /// Reads under way through `reuse`, by key, so that requests arriving meanwhile share them (guarded by `lock`).
    var building: [String: Build] = [:]
    /// Every forget moves this on; a ticket remembers where it stood.
    private var generation: UInt64 = 0
    private var forgotten: [String: (generation: UInt64, at: ContinuousClock.Instant)] = [:]
    private var forgottenPrefixes: [(prefix: String, generation: UInt64, at: ContinuousClock.Instant)] = []

    /// Taken before a read: what the read finds may be kept only if its key was not forgotten since.
    public struct Ticket: Sendable {
        fileprivate let generation: UInt64
        fileprivate let at: ContinuousClock.Instant
    }

    /// The time now; tests move it by hand, so what they check does not depend on how busy the machine is.
    let clock: @Sendable () -> ContinuousClock.Instant

    public init(lifetime: Duration = .seconds(2), capacity: Int = 20_000,
                clock: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.lifetime = lifetime
        self.capacity = capacity
        self.clock = clock
    }

    func ticket() -> Ticket {
        lock.withLock { ticketHoldingLock() }
    }

    /// Called with the lock held.
    func ticketHoldingLock() -> Ticket { Ticket(generation: generation, at: clock()) }

    func value<Value: Sendable>(_ key: String, as _: Value.Type = Value.self) -> Value? {
        guard lifetime > .zero else { return nil }
        let now = clock()
        return lock.withLock {
            guard let entry = entries[key], now - entry.keptAt < lifetime else { return nil }
            return entry.value as? Value
        }
    }

    /// Keeps what a read that began at `ticket` found, unless the key was forgotten while it ran.
    func keep(_ value: some Sendable, _ key: String, readSince ticket: Ticket) {
        guard lifetime > .zero else { return }
        let now = clock()
        lock.withLock {
            // A read older than the lifetime may predate forgets already pruned below: never keep it.
            guard now - ticket.at < lifetime, !wasForgotten(key, after: ticket.generation) else { return }
            if entries.count >= capacity {
                entries = entries.filter { now - $0.value.keptAt < lifetime }
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            }
            // Stamped with when the read began: a kept value is never older than `lifetime`, counted from its data.
            entries[key] = (value, ticket.at, now - ticket.at)
        }
    }

    func forget(_ key: String) {
        let now = clock()
        lock.withLock {
            generation += 1
            entries.removeValue(forKey: key)
            // A read under way began before this write: nobody may join it from now on.
            building.removeValue(forKey: key)
            if forgotten.count >= capacity { forgotten = forgotten.filter { now - $0.value.at < lifetime } }
            forgotten[key] = (generation, now)
        }
    }

    /// Forgets every key that starts with `prefix`, after a write that touches many rows.
    func forgetAll(startingWith prefix: String) {
        let now = clock()
        lock.withLock {
            generation += 1
            entries = entries.filter { !$0.key.hasPrefix(prefix) }
            building = building.filter { !$0.key.hasPrefix(prefix) }
            forgottenPrefixes.removeAll { now - $0.at >= lifetime }
            forgottenPrefixes.append((prefix, generation, now))
        }
    }

    /// Called with the lock held.
    private func wasForgotten(_ key: String, after generation: UInt64) -> Bool {
        if let mark = forgotten[key], mark.generation > generation { return true }
        return forgottenPrefixes.contains { $0.generation > generation && key.hasPrefix($0.prefix) }
    }
}

/// Keys a transaction wrote, forgotten again once it has committed or rolled back.
final class PendingForgets: @unchecked Sendable {
    private let lock = NSLock()
    private var keys: [String] = []
    private var prefixes: [String] = []

    func add(_ key: String) { lock.withLock { keys.append(key) } }
    func add(prefix: String) { lock.withLock { prefixes.append(prefix) } }

    func apply(to reads: RecentReads) {
        let (keys, prefixes) = lock.withLock { (self.keys, self.prefixes) }
        keys.forEach(reads.forget)
        prefixes.forEach(reads.forgetAll(startingWith:))
    }
}

extension SQLExecutor {
    /// What was read recently and may be answered from memory; nil inside a transaction.
    var readsToReuse: RecentReads? { isTransaction ? nil : recentReads }
}
