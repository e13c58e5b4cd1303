import Foundation
import NIOPosix
import Testing
import TestSupport
@testable import TrellisStore

/// Writes wait for their turn without holding a connection, so readers never queue behind them (`SQLiteWriter`).
@Suite struct SQLiteWriterTests {
    @Test func statementsThatWriteAreToldFromReads() {
        #expect(SQLiteWriter.writes("INSERT INTO people (id) VALUES (\(bind: "p1"))"))
        #expect(SQLiteWriter.writes("\n    update growth_plans SET version = version + 1 WHERE id = \(bind: "g1") RETURNING version"))
        #expect(SQLiteWriter.writes("DELETE FROM held_submissions WHERE token_hash = \(bind: "t") RETURNING path"))
        #expect(SQLiteWriter.writes("WITH due AS (SELECT id FROM jobs) UPDATE jobs SET state = 'running' WHERE id IN (SELECT id FROM due)"))
        #expect(!SQLiteWriter.writes("SELECT id, updated_at FROM growth_plans WHERE owner_id = \(bind: "p1")"))
        #expect(!SQLiteWriter.writes("WITH recent AS (SELECT plan_id, MAX(updated_at) AS updated_at FROM check_ins GROUP BY plan_id) SELECT * FROM recent"))
        #expect(!SQLiteWriter.writes("SELECT 1"))
    }

    @Test func readsAreAnsweredWhileWritersWaitForAnOpenTransaction() async throws {
        try await TestDatabase.with(connections: 4) { database in
            // setup
            try await database.execute("CREATE TABLE scratch_writes (n INTEGER NOT NULL)")
            let (holding, held) = AsyncStream<Void>.makeStream()
            let (released, release) = AsyncStream<Void>.makeStream()
            // run: a transaction holds the write lock; six writes outside it line up behind it, more than there are
            // connections to read through; then a read
            let transaction = Task {
                try await database.transaction { tx in
                    try await tx.execute("INSERT INTO scratch_writes (n) VALUES (0)")
                    held.yield()
                    for await _ in released { break }
                }
            }
            for await _ in holding { break }
            let writes = (1...6).map { n in Task { try await database.execute("INSERT INTO scratch_writes (n) VALUES (\(bind: n))") } }
            try await Task.sleep(for: .milliseconds(100))  // let the writes reach the database before the read asks
            let done = Flag()
            let read = Task { _ = try await database.scalar("SELECT COUNT(*) FROM people"); done.raise() }
            let answered = await done.raised(within: .seconds(4))
            release.yield()
            try await transaction.value
            for write in writes { try await write.value }
            try await read.value
            // check: the read did not wait for the transaction, and every write landed after it
            #expect(answered, "the read waited for the transaction to end")
            #expect(try await database.scalar("SELECT COUNT(*) FROM scratch_writes") == 7)
        }
    }

    @Test(.enabled(if: TestDatabase.postgresURL == nil, "SQLite's writer only"))
    func codeHoldingTheWriterContinuesOnTheWritersOwnThread() async throws {
        try await TestDatabase.with { database in
            // run: after a statement inside a transaction, which thread goes on
            let onAnEventLoop = try await database.transaction { tx in
                _ = try await tx.scalar("SELECT COUNT(*) FROM people")
                return MultiThreadedEventLoopGroup.currentEventLoop != nil
            }
            let outside = MultiThreadedEventLoopGroup.currentEventLoop != nil
            // check: the writer's event loop, not a thread of the shared pool, where this test itself runs
            #expect(onAnEventLoop)
            #expect(!outside)
        }
    }

    @Test func manyWritersAtOnceInTransactionsAndAloneAllLand() async throws {
        try await TestDatabase.with(connections: 4) { database in
            // setup
            try await database.execute("CREATE TABLE scratch_writes (n INTEGER NOT NULL)")
            // run: forty writers at once, every other one a transaction of two rows
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 0..<40 {
                    group.addTask {
                        if n % 2 == 0 {
                            try await database.transaction { tx in
                                try await tx.execute("INSERT INTO scratch_writes (n) VALUES (\(bind: n))")
                                try await tx.execute("INSERT INTO scratch_writes (n) VALUES (\(bind: n))")
                            }
                        } else {
                            try await database.execute("INSERT INTO scratch_writes (n) VALUES (\(bind: n))")
                        }
                    }
                }
                try await group.waitForAll()
            }
            // check
            #expect(try await database.scalar("SELECT COUNT(*) FROM scratch_writes") == 60)
        }
    }
}

/// Set once, from any task; waited for by polling, so a waiter gives up on time whatever the setter is stuck behind.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var isRaised = false

    func raise() { lock.withLock { isRaised = true } }

    func raised(within limit: Duration) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if lock.withLock({ isRaised }) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return lock.withLock { isRaised }
    }
}
