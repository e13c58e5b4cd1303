import Foundation
import Testing
@testable import TrellisStore

/// `RecentReads.reuse`: the kept values of the pages opened all day are refreshed ahead, made once at a time, and a
/// write still wins over a read that began before it. Time is moved by hand and the order of events is awaited, so
/// nothing here depends on how busy the machine is.
@Suite struct RecentReadsReuseTests {
    @Test func requestsArrivingWhileAValueIsMadeShareThatOneRead() async throws {
        // setup
        let reads = RecentReads(lifetime: .seconds(2), clock: ManualClock().now)
        let counter = ReadCounter(), gate = Gate()
        // run: twenty requests for a value nobody has kept yet, while the first read is held open
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 {
                group.addTask { try await reads.reuse("dashboard") { await gate.pass(); return await counter.next() } }
            }
            try await until { reads.waitingForRead(of: "dashboard") == 19 }
            await gate.open()
            return try await group.reduce(into: []) { $0.append($1) }
        }
        // check
        #expect(await counter.count == 1, "one read for all twenty")
        #expect(Set(values) == [1])
    }

    @Test func aValueHalfItsLifetimeOldIsReadAgainWhileOthersAreAnsweredWithIt() async throws {
        // setup: a kept value past half its lifetime
        let clock = ManualClock()
        let reads = RecentReads(lifetime: .seconds(2), clock: clock.now)
        _ = try await reads.reuse("caseload") { "first" }
        clock.advance(by: .milliseconds(1_100))
        let gate = Gate()
        // run: one request reads again (held open); another meanwhile
        let refresher = Task { try await reads.reuse("caseload") { await gate.pass(); return "second" } }
        try await until { reads.waitingForRead(of: "caseload") != nil }
        let meanwhile = try await reads.reuse("caseload") { "not read: the kept value is still within its lifetime" }
        // check: answered at once with the kept value, though the refresh is still held
        #expect(meanwhile == "first")
        await gate.open()
        #expect(try await refresher.value == "second")
        #expect(try await reads.reuse("caseload") { "not read" } == "second")
    }

    @Test func aRefreshThatReadsAnEqualValueKeepsTheValueItHad() async throws {
        // setup: a kept figure past half its lifetime
        let clock = ManualClock()
        let reads = RecentReads(lifetime: .seconds(2), clock: clock.now)
        _ = try await reads.reuse("dashboard") { Figure(content: "12 plans", making: 1) }
        clock.advance(by: .milliseconds(1_100))
        // run: refreshed with an equal figure; half a lifetime later, with a different one
        let unchanged = try await reads.reuse("dashboard") { Figure(content: "12 plans", making: 2) }
        let meanwhile = try await reads.reuse("dashboard") { Figure(content: "not read", making: 0) }
        clock.advance(by: .milliseconds(1_100))
        let changed = try await reads.reuse("dashboard") { Figure(content: "13 plans", making: 3) }
        // check: the figure it had, by which what was made from it is found; a changed one replaces it
        #expect(unchanged.making == 1 && meanwhile.making == 1)
        #expect(changed.making == 3 && changed.content == "13 plans")
    }

    /// A value whose making is not part of its equality, as a figure read twice from the same records.
    struct Figure: Equatable, Sendable {
        let content: String
        let making: Int

        static func == (lhs: Figure, rhs: Figure) -> Bool { lhs.content == rhs.content }
    }

    @Test func aSlowReadIsRefreshedSoonerThanAQuickOne() async throws {
        // setup: a read that took 400 ms, and a quick one kept as it ended
        let clock = ManualClock()
        let reads = RecentReads(lifetime: .seconds(2), clock: clock.now)
        _ = try await reads.reuse("dashboard") { clock.advance(by: .milliseconds(400)); return "slow" }
        _ = try await reads.reuse("session") { "kept" }
        // run: 0.6 s after the slow read began, 0.2 s after the quick one
        clock.advance(by: .milliseconds(200))
        let refreshedSlow = try await reads.reuse("dashboard") { "read again" }
        let keptQuick = try await reads.reuse("session") { "read again" }
        // check: past a quarter of its lifetime the slow one is read again; the quick one waits for half
        #expect(refreshedSlow == "read again")
        #expect(keptQuick == "kept")
    }

    @Test func aValueIsNeverAnsweredPastItsLifetime() async throws {
        // setup
        let clock = ManualClock()
        let reads = RecentReads(lifetime: .seconds(2), clock: clock.now)
        _ = try await reads.reuse("cohort") { "old" }
        // run
        clock.advance(by: .milliseconds(2_001))
        // check
        #expect(try await reads.reuse("cohort") { "new" } == "new")
    }

    @Test func aWriteDuringAReadIsNotHiddenByIt() async throws {
        // setup: a read begins and is held open; a request joins it
        let reads = RecentReads(lifetime: .seconds(2), clock: ManualClock().now)
        let gate = Gate()
        let first = Task { try await reads.reuse("plan") { await gate.pass(); return "before the write" } }
        try await until { reads.waitingForRead(of: "plan") == 0 }
        let joined = Task { try await reads.reuse("plan") { "after the write (joined)" } }
        try await until { reads.waitingForRead(of: "plan") == 1 }
        // run: a write forgets the key; a request arriving now
        reads.forget("plan")
        let afterWrite = try await reads.reuse("plan") { "after the write" }
        await gate.open()
        // check: the newcomer did not wait for the old read; the one who joined it read again; the old read is not kept
        #expect(afterWrite == "after the write")
        #expect(try await joined.value == "after the write (joined)")
        #expect(try await first.value == "before the write")
        #expect(try await reads.reuse("plan") { "read again" } != "before the write")
    }

    @Test func aFailedReadLeavesOthersToReadForThemselves() async throws {
        // setup
        struct Unavailable: Error {}
        let reads = RecentReads(lifetime: .seconds(2), clock: ManualClock().now)
        let gate = Gate()
        let failing = Task { try await reads.reuse("dashboard") { await gate.pass(); throw Unavailable() } as String }
        try await until { reads.waitingForRead(of: "dashboard") == 0 }
        let waiting = Task { try await reads.reuse("dashboard") { "read by the one who waited" } }
        try await until { reads.waitingForRead(of: "dashboard") == 1 }
        // run
        await gate.open()
        // check
        await #expect(throws: Unavailable.self) { try await failing.value }
        #expect(try await waiting.value == "read by the one who waited")
    }

    @Test func aValueMadeUnderADistrictMarkIsKeptForAMinuteWhileTheMarkStaysTheSame() async throws {
        // setup
        let clock = ManualClock()
        let reads = RecentReads(lifetime: .seconds(2), unchangedLifetime: .seconds(60), clock: clock.now)
        _ = try await reads.reuse("dashboard", mark: 7) { "made" }
        // run + check: ten seconds on, under the same mark, nothing is read
        clock.advance(by: .seconds(10))
        #expect(try await reads.reuse("dashboard", mark: 7) { "read again" } == "made")
        // past the minute it is read again, mark or not
        clock.advance(by: .seconds(51))
        #expect(try await reads.reuse("dashboard", mark: 7) { "read again" } == "read again")
    }

    @Test func onceTheMarkMovesTheValueIsAnOrdinaryKeptOne() async throws {
        // setup: two values made under mark 7
        let clock = ManualClock()
        let reads = RecentReads(lifetime: .seconds(2), unchangedLifetime: .seconds(60), clock: clock.now)
        _ = try await reads.reuse("young", mark: 7) { "made" }
        clock.advance(by: .seconds(10))
        _ = try await reads.reuse("old", mark: 7) { "made" }
        // run: another instance wrote; the mark reads 8
        clock.advance(by: .milliseconds(500))
        let young = try await reads.reuse("young", mark: 8) { "read again" }
        let old = try await reads.reuse("old", mark: 8) { "read again" }
        // check: ten seconds old, it is read again at once; half a second old, within the lifetime, it is still the answer
        #expect(young == "read again")
        #expect(old == "made")
        // and kept under the new mark as any value
        clock.advance(by: .seconds(10))
        #expect(try await reads.reuse("young", mark: 8) { "not read" } == "read again")
    }

    @Test func aFailedRefreshAnswersWithTheValueStillWithinItsLifetime() async throws {
        // setup
        struct Unavailable: Error {}
        let clock = ManualClock()
        let reads = RecentReads(lifetime: .seconds(2), clock: clock.now)
        _ = try await reads.reuse("cohort") { "kept" }
        clock.advance(by: .milliseconds(1_100))
        // run
        let answer = try await reads.reuse("cohort") { () async throws -> String in throw Unavailable() }
        // check
        #expect(answer == "kept")
    }
}

/// Waits (up to five seconds) until `condition` holds: the order of events, without guessing how long it takes.
private func until(_ condition: () -> Bool) async throws {
    for _ in 0..<500 where !condition() { try await Task.sleep(for: .milliseconds(10)) }
    #expect(condition(), "the awaited state was never reached")
}

/// Time that moves only when the test moves it.
private final class ManualClock: @unchecked Sendable {
    private let start = ContinuousClock.now
    private let lock = NSLock()
    private var offset: Duration = .zero

    var now: @Sendable () -> ContinuousClock.Instant { { [self] in lock.withLock { start + offset } } }
    func advance(by duration: Duration) { lock.withLock { offset += duration } }
}

/// Holds reads open until the test lets them go, or five seconds have passed: a test whose expectation is wrong
/// then fails on what it finds instead of waiting for ever.
private actor Gate {
    private var isOpen = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func pass() async {
        if isOpen { return }
        Task { try? await Task.sleep(for: .seconds(5)); self.open() }
        await withCheckedContinuation { waiting.append($0) }
    }

    func open() {
        isOpen = true
        waiting.forEach { $0.resume() }
        waiting = []
    }
}

private actor ReadCounter {
    private(set) var count = 0
    func next() -> Int { count += 1; return count }
}
