import Foundation

/// Reads that every signed-in request repeats (its session, and the person it belongs to), kept for a moment.
///
/// Under load a person's session and identity are asked for hundreds of times a second and almost never
/// change. A store keeps what it read here for `lifetime` (those two under a change mark, DistrictChanges.swift) and
/// forgets it the moment this process writes it, so on one instance a sign-out, a password change, a role change or a
/// deactivation applies at once; on other instances of the same installation it applies within `lifetime` (two
/// seconds by default).
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
/// open them all day from waiting when a kept value runs out: see RecentReads+Reuse.swift. Those made from a whole
/// district's records carry the district's change mark, and are kept for `unchangedLifetime` while it stays the same
/// (DistrictChanges.swift).
public final class RecentReads: @unchecked Sendable {
    public let lifetime: Duration
    /// How long a value made under a district's change mark is kept while the mark stays the same.
    public let unchangedLifetime: Duration
    private let capacity: Int
    let lock = NSLock()
    /// Each kept value, when the read that made it began, how long that read took (`reuse` refreshes slow ones sooner),
    /// and the district's change mark read before it began, if it was made under one.
    private(set) var entries: [String: Entry] = [:]
    struct Entry {
        let value: any Sendable
        let keptAt: ContinuousClock.Instant
        let took: Duration
        let mark: Int?
    }
    /// Reads under way through `reuse`, by key, so that requests arriving meanwhile share them (guarded by `lock`).
    var building: [String: Build] = [:]
    /// Every forget moves this on; a ticket remembers where it stood.
    private var generation: UInt64 = 0
    private var forgotten: [String: (generation: UInt64, at: ContinuousClock.Instant)] = [:]
    /// Reads that began before this generation are never kept: the keys forgotten before it were let go.
    private var forgetFloor: UInt64 = 0
    /// The latest forget of each prefix: writes forget the same few prefixes again and again.
    private var forgottenPrefixes: [String: (generation: UInt64, at: ContinuousClock.Instant)] = [:]
    /// The kept keys that have a space (see `space(of:)`), by space, so `forgetAll` looks only at those that may match.
    private var keysBySpace: [Substring: Set<String>] = [:]

    /// Taken before a read: what the read finds may be kept only if its key was not forgotten since.
    public struct Ticket: Sendable {
        fileprivate let generation: UInt64
        fileprivate let at: ContinuousClock.Instant
    }

    /// The time now; tests move it by hand, so what they check does not depend on how busy the machine is.
    let clock: @Sendable () -> ContinuousClock.Instant

    public init(lifetime: Duration = .seconds(2), unchangedLifetime: Duration = .seconds(60), capacity: Int = 20_000,
                clock: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.lifetime = lifetime
        self.unchangedLifetime = max(lifetime, unchangedLifetime)
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

    /// Keeps what a read that began at `ticket` found, unless the key was forgotten while it ran. `mark` is the district's
    /// change mark read before the read began, for a value made from the district's records (`reuse(_:mark:_:)`).
    func keep(_ value: some Sendable, _ key: String, readSince ticket: Ticket, mark: Int? = nil) {
        guard lifetime > .zero else { return }
        let now = clock()
        lock.withLock {
            // Forgets are remembered for `unchangedLifetime`: a read that began longer ago may predate forgets already
            // pruned, so it is never kept. (A slow dashboard on a loaded server can take longer than `lifetime`.)
            guard now - ticket.at < unchangedLifetime, !wasForgotten(key, after: ticket.generation) else { return }
            if entries.count >= capacity {
                entries = entries.filter { now - $0.value.keptAt < ($0.value.mark == nil ? lifetime : unchangedLifetime) }
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
                keysBySpace = [:]
                entries.keys.forEach(indexHoldingLock)
            }
            // Stamped with when the read began: a kept value is never older than `lifetime`, counted from its data.
            entries[key] = Entry(value: value, keptAt: ticket.at, took: now - ticket.at, mark: mark)
            indexHoldingLock(key)
        }
    }

    func forget(_ key: String) {
        let now = clock()
        lock.withLock {
            generation += 1
            entries.removeValue(forKey: key)
            if let space = Self.space(of: key) { keysBySpace[space]?.remove(key) }
            // A read under way began before this write: nobody may join it from now on.
            building.removeValue(forKey: key)
            if forgotten.count >= capacity {
                forgotten = forgotten.filter { now - $0.value.at < unchangedLifetime }
                // Still full: forget which keys, and treat every read that began before now as having seen a forget.
                if forgotten.count >= capacity / 2 { forgotten.removeAll(keepingCapacity: true); forgetFloor = generation }
            }
            forgotten[key] = (generation, now)
        }
    }

    /// Forgets every key that starts with `prefix`, after a write that touches many rows. A plan save forgets a few
    /// prefixes of its district, twice, while thousands of sessions and identities are kept: only the keys of the
    /// prefix's space (the part up to its first "/", e.g. `caseload:<district>/`) are looked at, not every kept value.
    func forgetAll(startingWith prefix: String) {
        let now = clock()
        lock.withLock {
            generation += 1
            if let space = Self.space(of: prefix) {
                let gone = keysBySpace[space]?.filter { $0.hasPrefix(prefix) } ?? []
                for key in gone { entries.removeValue(forKey: key) }
                keysBySpace[space]?.subtract(gone)
            } else {
                entries = entries.filter { !$0.key.hasPrefix(prefix) }
                keysBySpace = keysBySpace.mapValues { $0.filter { !$0.hasPrefix(prefix) } }
            }
            building = building.filter { !$0.key.hasPrefix(prefix) }
            forgottenPrefixes = forgottenPrefixes.filter { now - $0.value.at < unchangedLifetime }
            forgottenPrefixes[prefix] = (generation, now)
        }
    }

    /// Called with the lock held.
    private func wasForgotten(_ key: String, after generation: UInt64) -> Bool {
        if generation < forgetFloor { return true }
        if let mark = forgotten[key], mark.generation > generation { return true }
        return forgottenPrefixes.contains { $0.value.generation > generation && key.hasPrefix($0.key) }
    }

    /// Files a kept key under its space. Called with the lock held.
    private func indexHoldingLock(_ key: String) {
        if let space = Self.space(of: key) { keysBySpace[space, default: []].insert(key) }
    }

    /// The part of a key up to and including its first "/" (the kind of value and its district), nil without one.
    private static func space(of key: String) -> Substring? {
        key.firstIndex(of: "/").map { key[...$0] }
    }
}

/// Keys a transaction wrote, forgotten again once it has committed or rolled back, and the districts whose change mark
/// it moves on before it commits.
final class PendingForgets: @unchecked Sendable {
    private let lock = NSLock()
    // Sets: a transaction that writes thousands of rows (a roster import) names the same few prefixes each time.
    private var keys: Set<String> = []
    private var prefixes: Set<String> = []
    private var districts: Set<String> = []

    func add(_ key: String) { lock.withLock { _ = keys.insert(key) } }
    func add(prefix: String) { lock.withLock { _ = prefixes.insert(prefix) } }
    func add(district: String) { lock.withLock { _ = districts.insert(district) } }

    /// In one order, so two transactions that both move two districts' marks never wait for each other's row.
    var changedDistricts: [String] { lock.withLock { districts.sorted() } }

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
