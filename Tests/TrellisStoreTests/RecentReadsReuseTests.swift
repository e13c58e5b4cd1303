import Foundation
import Testing
@testable import TrellisStore

/// `RecentReads.reuse`: the kept values of the pages opened all day are refreshed ahead, made once at a time, and a
/// write still wins over a read that began before it.
@Suite struct RecentReadsReuseTests {
    @Test func requestsArrivingWhileAValueIsMadeShareThatOneRead() async throws {
        // setup
        let reads = RecentReads(lifetime: .seconds(5))
        let counter = ReadCounter(), gate = Gate()
        // run: twenty requests for a value nobody has kept yet, while the first read is held open
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 {
                group.addTask { try await reads.reuse("dashboard") { await gate.pass(); return await counter.next() } }
            }
            try await Task.sleep(for: .milliseconds(100))
            await gate.open()
            return try await group.reduce(into: []) { $0.append($1) }
        }
        // check
        #expect(await counter.count == 1, "one read for all twenty")
        #expect(Set(values) == [1])
    }

    @Test func aValueHalfItsLifetimeOldIsReadAgainWhileOthersAreAnsweredWithIt() async throws {
        // setup: a kept value past half its lifetime
        let reads = RecentReads(lifetime: .seconds(2))
        _ = try await reads.reuse("caseload") { "first" }
        // past half its lifetime, with most of it left for a busy machine
        try await Task.sleep(for: .milliseconds(1_100))
        let gate = Gate()
        // run: one request reads again (held open); the others meanwhile
        let refresher = Task { try await reads.reuse("caseload") { await gate.pass(); return "second" } }
        try await Task.sleep(for: .milliseconds(30))
        let meanwhile = try await reads.reuse("caseload") { "not read: the kept value is still within its lifetime" }
        // check: answered at once with the kept value, though the refresh is still held
        #expect(meanwhile == "first")
        await gate.open()
        #expect(try await refresher.value == "second")
        #expect(try await reads.reuse("caseload") { "not read" } == "second")
    }

    @Test func aSlowReadIsRefreshedSoonerThanAQuickOne() async throws {
        // setup: two values kept at the same moment, one whose read took 400 ms
        let reads = RecentReads(lifetime: .seconds(2))
        _ = try await reads.reuse("dashboard") { () async throws -> String in try await Task.sleep(for: .milliseconds(400)); return "slow" }
        _ = try await reads.reuse("session") { "kept" }
        // run: 0.6 s after the slow read began; 0.2 s after the quick one was made
        try await Task.sleep(for: .milliseconds(200))
        let refreshedSlow = try await reads.reuse("dashboard") { "read again" }
        let keptQuick = try await reads.reuse("session") { "read again" }
        // check: past a quarter of its lifetime the slow one is read again; the quick one is still answered
        #expect(refreshedSlow == "read again")
        #expect(keptQuick == "kept")
    }

    @Test func aValueIsNeverAnsweredPastItsLifetime() async throws {
        // setup
        let reads = RecentReads(lifetime: .milliseconds(100))
        _ = try await reads.reuse("cohort") { "old" }
        // run
        try await Task.sleep(for: .milliseconds(150))
        // check
        #expect(try await reads.reuse("cohort") { "new" } == "new")
    }

    @Test func aWriteDuringAReadIsNotHiddenByIt() async throws {
        // setup: a read begins and is held open; a request joins it
        let reads = RecentReads(lifetime: .seconds(5))
        let gate = Gate(), counter = ReadCounter()
        let first = Task { try await reads.reuse("plan") { await gate.pass(); return "before the write \(await counter.next())" } }
        try await Task.sleep(for: .milliseconds(30))
        let joined = Task { try await reads.reuse("plan") { "after the write \(await counter.next())" } }
        try await Task.sleep(for: .milliseconds(30))
        // run: a write forgets the key; a request arriving now
        reads.forget("plan")
        let afterWrite = try await reads.reuse("plan") { "after the write \(await counter.next())" }
        await gate.open()
        // check: the newcomer did not wait for the old read; the one who joined it read again; the old read is not kept
        #expect(afterWrite.hasPrefix("after the write"))
        #expect(try await joined.value.hasPrefix("after the write"))
        _ = try await first.value
        #expect(try await reads.reuse("plan") { "read again" }.hasPrefix("after the write"))
    }

    @Test func aFailedReadLeavesOthersToReadForThemselves() async throws {
        // setup
        struct Unavailable: Error {}
        let reads = RecentReads(lifetime: .seconds(5))
        let gate = Gate()
        let failing = Task { try await reads.reuse("dashboard") { await gate.pass(); throw Unavailable() } as String }
        try await Task.sleep(for: .milliseconds(30))
        let waiting = Task { try await reads.reuse("dashboard") { "read by the one who waited" } }
        try await Task.sleep(for: .milliseconds(30))
        // run
        await gate.open()
        // check
        await #expect(throws: Unavailable.self) { try await failing.value }
        #expect(try await waiting.value == "read by the one who waited")
    }

    @Test func aFailedRefreshAnswersWithTheValueStillWithinItsLifetime() async throws {
        // setup
        struct Unavailable: Error {}
        let reads = RecentReads(lifetime: .seconds(2))
        _ = try await reads.reuse("cohort") { "kept" }
        // past half its lifetime, with most of it left for a busy machine
        try await Task.sleep(for: .milliseconds(1_100))
        // run
        let answer = try await reads.reuse("cohort") { () async throws -> String in throw Unavailable() }
        // check
        #expect(answer == "kept")
    }
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
