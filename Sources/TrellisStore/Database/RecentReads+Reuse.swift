import Foundation

/// The way long reads are kept: `reuse` answers from what was kept, and makes sure the pages opened all day never
/// wait for a kept value to be made again.
///
/// - Refreshed ahead: once a kept value is half its lifetime old (a quarter, for a slow read), the next request reads it again while every other
///   request goes on being answered with the kept value, which is still within its lifetime. So under steady use the
///   value never runs out, and no request waits for anyone else's read; what another instance wrote still shows within
///   the lifetime, counted from when the kept read began. A refresh that reads a value equal to the kept one keeps
///   the kept one: what was made from it (a rendered page, kept by its source) is then found by comparing a value with
///   itself, which for arrays and strings that share their storage takes no walk through their contents.
/// - Made once at a time: when there is no kept value (the first request, or after a write forgot it), the first
///   request reads and those arriving meanwhile wait for its result instead of running the same queries.
/// - A write wins: a forget stops anyone from joining a read that began before it, and those already waiting for such
///   a read read again themselves rather than take its result. The ticket rule of `keep` still applies.
/// - Kept while nothing changed: a value made from a district's records is given the district's change mark, read
///   before it (DistrictChanges.swift). While the mark is the same, no instance has written anything it is made of,
///   so it stays right for `unchangedLifetime` (a minute), not `lifetime`: a dashboard over a large school is made once
///   and then answered from memory until someone changes something. Once the mark moves, it is an ordinary kept value.
extension RecentReads {
    /// A read under way, and who is waiting for it. Guarded by the `RecentReads` lock.
    final class Build: @unchecked Sendable {
        fileprivate var finished = false
        fileprivate var result: (any Sendable)?
        fileprivate var waiters: [CheckedContinuation<(any Sendable)?, Never>] = []
    }

    private enum Step<Value: Sendable> {
        case answer(Value)
        case refresh(keeping: Value, Build, Ticket)
        case read(Build, Ticket)
        case wait(Build)
    }

    /// The value kept under `key`, or what `read` gives (kept for next time, unless a write forgot `key` meanwhile).
    /// `mark`: the district's change mark, read before this call, when the value is made from a district's records.
    func reuse<Value: Sendable>(_ key: String, mark: Int? = nil, _ read: () async throws -> Value) async throws -> Value {
        guard lifetime > .zero else { return try await read() }
        switch step(for: key, mark: mark, as: Value.self) {
        case .answer(let value):
            return value
        case .refresh(let kept, let build, let ticket):
            // On failure the kept value, within its lifetime when this request began, is still the right answer.
            return (try? await readAndShare(key, mark, build, ticket, read, refreshing: kept)) ?? kept
        case .read(let build, let ticket):
            return try await readAndShare(key, mark, build, ticket, read)
        case .wait(let build):
            if let shared = await result(of: build) as? Value { return shared }
            // That read failed, or a write came after it began: read what is stored now.
            let ticket = self.ticket()
            let value = try await read()
            keep(value, key, readSince: ticket, mark: mark)
            return value
        }
    }

    /// Reads for `build`: keeps what it read (or `refreshing`, when that is equal to it) and hands it to those waiting
    /// (nil to them if the read fails).
    private func readAndShare<Value: Sendable>(_ key: String, _ mark: Int?, _ build: Build, _ ticket: Ticket,
                                               _ read: () async throws -> Value, refreshing kept: Value? = nil) async throws -> Value {
        do {
            var value = try await read()
            if let kept, Self.equal(value, kept) { value = kept }
            keep(value, key, readSince: ticket, mark: mark)
            finish(build, key, with: value)
            return value
        } catch {
            finish(build, key, with: nil)
            throw error
        }
    }

    /// Whether two values are equal, for a type that says; false for one that does not.
    private static func equal<Value>(_ value: Value, _ other: Value) -> Bool {
        guard let value = value as? any Equatable else { return false }
        return value.isEqual(to: other)
    }

    private func step<Value: Sendable>(for key: String, mark: Int?, as _: Value.Type) -> Step<Value> {
        let now = clock()
        return lock.withLock {
            if let entry = entries[key], let value = entry.value as? Value {
                let lifetime = mark != nil && entry.mark == mark ? unchangedLifetime : lifetime
                if now - entry.keptAt < lifetime {
                    guard now - entry.keptAt >= refreshAge(after: entry.took, in: lifetime), building[key] == nil else { return .answer(value) }
                    let build = Build()
                    building[key] = build
                    return .refresh(keeping: value, build, ticketHoldingLock())
                }
            }
            if let build = building[key] { return .wait(build) }
            let build = Build()
            building[key] = build
            return .read(build, ticketHoldingLock())
        }
    }

    /// How many requests wait for the read under way for `key` (nil: none under way); for tests of the order of events.
    func waitingForRead(of key: String) -> Int? {
        lock.withLock { building[key]?.waiters.count }
    }

    /// How old a kept value may grow before it is read again: half its lifetime, or sooner for a read that took long
    /// (a dashboard over a large school, on a busy machine), so the new value is ready well before the old one runs out.
    private func refreshAge(after took: Duration, in lifetime: Duration) -> Duration {
        max(lifetime / 4, min(lifetime / 2, lifetime - took * 4))
    }

    private func result(of build: Build) async -> (any Sendable)? {
        await withCheckedContinuation { continuation in
            let done: (any Sendable)?? = lock.withLock {
                if build.finished { return .some(build.result) }
                build.waiters.append(continuation)
                return .none
            }
            if let done { continuation.resume(returning: done) }
        }
    }

    /// Hands the result to whoever waits; nil if the read failed or a write forgot `key` after it began.
    private func finish(_ build: Build, _ key: String, with value: (any Sendable)?) {
        let waiters = lock.withLock {
            let current = building[key] === build
            if current { building.removeValue(forKey: key) }
            build.finished = true
            build.result = current ? value : nil
            defer { build.waiters = [] }
            return build.waiters
        }
        waiters.forEach { $0.resume(returning: build.result) }
    }
}

extension Equatable {
    /// `==` with a value whose type is known only to the caller.
    fileprivate func isEqual(to other: Any) -> Bool {
        (other as? Self).map { $0 == self } ?? false
    }
}
