import Foundation
import Testing
@testable import TrellisStore

/// `WriterTurns`: one writer at a time, in the order they asked, and a transaction opened inside another's body is not
/// made to wait for the turn its own caller holds.
@Suite struct WriterTurnsTests {
    @Test func writersTakeTurnsOneAtATimeInTheOrderTheyAsked() async throws {
        // setup
        let turns = WriterTurns(), log = TurnLog()
        // run: the first writer holds its turn while nine more ask, one after another
        let release = AsyncStream<Void>.makeStream()
        let first = Task {
            try await turns.inTurn { log.began(0); for await _ in release.stream { break }; log.ended(0) }
        }
        try await until { log.order == [0] }
        var others: [Task<Void, any Error>] = []
        for writer in 1..<10 {
            others.append(Task { try await turns.inTurn { log.began(writer); await Task.yield(); log.ended(writer) } })
            try await until { turns.waitingCount == writer }
        }
        release.continuation.yield()
        try await first.value
        for other in others { try await other.value }
        // check
        #expect(log.mostAtOnce == 1)
        #expect(log.order == Array(0..<10))
    }

    @Test func aTurnTakenInsideAnotherIsNotWaitedFor() async throws {
        // setup
        let turns = WriterTurns()
        // run: a body that asks for a turn again (a transaction opened inside another's body)
        let inner = try await turns.inTurn { try await turns.inTurn { "inner ran" } }
        // check: it ran, instead of waiting for ever for the turn its caller holds
        #expect(inner == "inner ran")
    }

    @Test func aFailingWriterPassesTheTurnOn() async throws {
        struct Failed: Error {}
        let turns = WriterTurns()
        await #expect(throws: Failed.self) { try await turns.inTurn { throw Failed() } }
        #expect(try await turns.inTurn { "next" } == "next")
    }
}

/// Waits (up to five seconds) until `condition` holds.
private func until(_ condition: () -> Bool) async throws {
    for _ in 0..<500 where !condition() { try await Task.sleep(for: .milliseconds(10)) }
    #expect(condition(), "the awaited state was never reached")
}

private final class TurnLog: @unchecked Sendable {
    private let lock = NSLock()
    private var running = 0
    private(set) var mostAtOnce = 0
    private var started: [Int] = []
    var order: [Int] { lock.withLock { started } }

    func began(_ writer: Int) {
        lock.withLock { running += 1; mostAtOnce = max(mostAtOnce, running); started.append(writer) }
    }

    func ended(_ writer: Int) { lock.withLock { running -= 1 } }
}
