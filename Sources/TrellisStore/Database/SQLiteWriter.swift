import Logging
import NIOCore
import NIOPosix
import SQLiteKit
import SQLKit

/// The one connection this process writes to an SQLite file through.
///
/// SQLite lets one writer in at a time. With every pooled connection free to write, a writer that found another one
/// writing waited in SQLite's busy handler, which sleeps 1, 2, 5, 10, 15, 20, 25… ms whatever happens meanwhile, while
/// holding a pooled connection (and its thread) that readers then queued for: with a save in every ten requests the
/// slowest requests took tens of milliseconds for nothing. Here writers wait in the pool's queue, first come first
/// served, without holding anything, and each starts the moment the one before it ends. Every write of the process
/// takes its turn here, transactions and single statements alike, so none can be starved by a line of the others.
/// The busy timeout still covers other processes (the command line beside a running server).
///
/// The writer has a thread of its own: the connection's results arrive there, and the code holding the connection
/// continues there after each statement (`EventLoopTaskExecutor`). On the shared threads, each of a save's half-dozen
/// statements waited for a thread behind pages being rendered, all while every other save waited for the connection.
final class SQLiteWriter: Sendable {
    private let thread: MultiThreadedEventLoopGroup
    private let executor: EventLoopTaskExecutor
    private let connection: any ConnectionLender

    /// Whether the current task holds the writing connection: a write it makes through the database rather than its
    /// own transaction (a mistake, but one that must not hang) goes to another connection, where SQLite decides.
    @TaskLocal private static var holding = false

    init(source: ConfiguredSQLiteSource, logger: Logger) {
        thread = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = thread.next()
        executor = EventLoopTaskExecutor(loop)
        let pool = EventLoopGroupConnectionPool(source: source, maxConnectionsPerEventLoop: 1, requestTimeout: .seconds(30),
                                                logger: logger, on: loop)
        connection = PooledLender(pool: pool, logger: logger) { $0.sql() }
    }

    /// Runs `body` on the writing connection, or returns nil when this task already holds it.
    func withSQL<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T? {
        if Self.holding { return nil }
        return try await withTaskExecutorPreference(executor) {
            try await connection.withSQL { sql in try await Self.$holding.withValue(true) { try await body(sql) } }
        }
    }

    func shutdown() async {
        await connection.shutdown()
        try? await thread.shutdownGracefully()
    }

    /// Whether a statement writes: it begins with INSERT, UPDATE, DELETE or REPLACE, or is a WITH whose statement
    /// does. A read taken for a write only waits its turn; a write taken for a read meets the busy handler as before.
    static func writes(_ statement: SQLQueryString) -> Bool {
        var serializer = SQLSerializer(database: SyntaxOnly())
        statement.serialize(to: &serializer)
        let text = serializer.sql
        let first = text.drop(while: { !$0.isLetter }).prefix(while: \.isLetter).uppercased()
        if writingVerbs.contains(first) { return true }
        guard first == "WITH" else { return false }
        return text.uppercased().split(whereSeparator: { !$0.isLetter && $0 != "_" }).contains { writingVerbs.contains(String($0)) }
    }

    private static let writingVerbs: Set<String> = ["INSERT", "UPDATE", "DELETE", "REPLACE"]
}

/// What `SQLSerializer` asks of a database to turn a statement into text: SQLite's dialect. It runs nothing.
private struct SyntaxOnly: SQLDatabase {
    var logger: Logger { Logger(label: "trellis.sql-syntax") }
    var eventLoop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }
    var dialect: any SQLDialect { SQLiteDialect() }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        eventLoop.makeFailedFuture(SyntaxOnlyError())
    }
}

private struct SyntaxOnlyError: Error, CustomStringConvertible {
    var description: String { "a statement was given to the database that only turns statements into text" }
}
