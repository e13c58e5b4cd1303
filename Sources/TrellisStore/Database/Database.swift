import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLiteKit
import SQLKit

/// The one database of a Trellis installation: an embedded SQLite file or a PostgreSQL server,
/// reached through the same SQL. Each call borrows a pooled connection for its duration.
public final class Database: SQLExecutor {
    public let dialect: DatabaseDialect
    public let location: DatabaseLocation
    public let recentReads: RecentReads
    public let siteAddress: String
    public var isTransaction: Bool { false }
    private let lender: any ConnectionLender
    /// SQLite only: the connection every write of this process goes through, one at a time.
    private let writer: SQLiteWriter?
    /// Change marks being moved after a write outside a transaction.
    private let markWrites = BackgroundWrites()

    private init(location: DatabaseLocation, dialect: DatabaseDialect, lender: any ConnectionLender, writer: SQLiteWriter? = nil,
                 recentReads: RecentReads, siteAddress: String) {
        self.location = location
        self.dialect = dialect
        self.lender = lender
        self.writer = writer
        self.recentReads = recentReads
        self.siteAddress = siteAddress
    }

    /// Opens a pool for the location. SQLite gets a few connections to read through, which in WAL mode run side by side
    /// and never wait for the writer, and one to write through (`SQLiteWriter`); transactions begin IMMEDIATE so a
    /// writer of another process never deadlocks with ours. PostgreSQL gets `maxConnections`.
    /// `recentReads` is how long sessions and identities read here may be reused (see `RecentReads`). `siteAddress` is
    /// `TRELLIS_BASE_URL`, which emails written with a change (the outbox) link to.
    public static func open(_ location: DatabaseLocation, maxConnections: Int = 8, searchPath: [String]? = nil,
                            recentReads: Duration = .seconds(2), siteAddress: String = "http://127.0.0.1:8080",
                            logger: Logger) async throws -> Database {
        let recent = RecentReads(lifetime: recentReads)
        switch location {
        case .sqlite(let path):
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            // One thread per connection. SQLite waits for a busy database by blocking its thread; on a shared pool as
            // small as the machine's cores, a connection waiting for another process's writer could take every thread.
            let readers = 4
            let threads = NIOThreadPool(numberOfThreads: readers + 1)
            threads.start()
            let source = ConfiguredSQLiteSource(path: path, threads: threads)
            let pool = EventLoopGroupConnectionPool(
                source: source, maxConnectionsPerEventLoop: readers, requestTimeout: .seconds(30),
                logger: logger, on: MultiThreadedEventLoopGroup.singleton.next())
            let database = Database(location: location, dialect: .sqlite,
                                    lender: PooledLender(pool: pool, logger: logger, threads: threads) { $0.sql() },
                                    writer: SQLiteWriter(source: source, logger: logger), recentReads: recent, siteAddress: siteAddress)
            // Opening the first connection now turns a bad path into an error at start, not at the first request.
            do {
                _ = try await database.scalar("SELECT 1")
            } catch {
                await database.close()
                throw error
            }
            return database
        case .postgres(let url):
            var configuration = try SQLPostgresConfiguration(url: url)
            configuration.searchPath = searchPath
            let group = MultiThreadedEventLoopGroup.singleton
            let perLoop = max(1, maxConnections / max(1, group.makeIterator().map { $0 }.count))
            let pool = EventLoopGroupConnectionPool(
                source: PostgresConnectionSource(sqlConfiguration: configuration),
                maxConnectionsPerEventLoop: perLoop, requestTimeout: .seconds(10), logger: logger, on: group)
            return Database(location: location, dialect: .postgres, lender: PooledLender(pool: pool, logger: logger) { $0.sql() }, recentReads: recent,
                            siteAddress: siteAddress)
        }
    }

    public func withSQL<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await lender.withSQL(body)
    }

    public func withSQL<T: Sendable>(for statement: SQLQueryString, _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        guard writer != nil, SQLiteWriter.writes(statement) else { return try await lender.withSQL(body) }
        return try await withWritingSQL(body)
    }

    /// Runs `body` on SQLite's writing connection; on PostgreSQL, or when this task already holds the writer, on a
    /// pooled one.
    private func withWritingSQL<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        if let writer, let result = try await writer.withSQL(body) { return result }
        return try await lender.withSQL(body)
    }

    /// Runs `body` on a connection it may write through, continuing after each statement on the thread the connection's
    /// results arrive on (`EventLoopTaskExecutor`), as SQLite's writer does. A transaction holds its rows' locks between
    /// its statements; on the shared threads, each of a save's statements waited behind pages being rendered while the
    /// locks it held (the district's change mark among them) made every other save of the district wait too.
    /// So a transaction's body shares that thread with the connections served on it: long work belongs before it.
    private func withLockingSQL<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        guard writer == nil else { return try await withWritingSQL(body) }
        return try await lender.withSQL { sql in
            try await withTaskExecutorPreference(EventLoopTaskExecutor(sql.eventLoop)) { try await body(sql) }
        }
    }

    /// Runs `body` in one transaction on one connection: all of it is written, or none.
    /// Recent reads of what it wrote are forgotten again once it has ended, when others can see the change.
    public func transaction<T: Sendable>(_ body: @Sendable (Transaction) async throws -> T) async throws -> T {
        let dialect = self.dialect, siteAddress = self.siteAddress
        let pending = PendingForgets()
        defer { pending.apply(to: recentReads) }
        let recentReads = self.recentReads
        @Sendable func run(_ sql: any SQLDatabase) async throws -> T {
            try await sql.raw(dialect == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN").run()
            do {
                let result = try await body(Transaction(dialect: dialect, recentReads: recentReads, siteAddress: siteAddress, pending: pending, sql: sql))
                // Last, so the mark's row is held only for the commit.
                for district in pending.changedDistricts { try await sql.raw(DistrictChanges.bump(district)).run() }
                try await sql.raw("COMMIT").run()
                return result
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
        }
        return try await withLockingSQL(run)
    }

    public func atomically<T: Sendable>(_ body: @Sendable (any SQLExecutor) async throws -> T) async throws -> T {
        try await transaction { try await body($0) }
    }

    public func forgetRecent(_ key: String) { recentReads.forget(key) }
    public func forgetRecent(startingWith prefix: String) { recentReads.forgetAll(startingWith: prefix) }

    /// Outside a transaction the write has already committed on its own: the mark follows it in a statement of its own.
    /// Until that ends, another instance may still read the old mark with the new data, which only means it keeps what
    /// it made a little longer under a mark that is about to move.
    public func noteDistrictChange(_ district: String) {
        recentReads.forget(DistrictChanges.markKey(district))
        markWrites.start(district) { [self] in
            try? await execute(DistrictChanges.bump(district))
            recentReads.forget(DistrictChanges.markKey(district))
        }
    }

    /// Returns once every change mark moved outside a transaction so far is written (for tests that read the mark).
    public func changeMarksWritten() async { await markWrites.finished() }

    /// After a bulk load (the demo, the state fill): PostgreSQL plans queries from table statistics,
    /// which autovacuum gathers only up to a minute later; until then a freshly filled table looks empty and a
    /// school's dashboard joined 2,500 people to 2,500 plans row by row (5 s instead of 30 ms). SQLite has no
    /// statistics until asked for them, and without them it guesses: a coach's list of the plans shared with them
    /// walked all of the district's plans (3.7 ms) instead of the forty in the list (0.05 ms).
    public func refreshPlannerStatistics() async throws {
        // SQLite writes what it gathers (sqlite_stat1): on its writing connection, like every write.
        try await withWritingSQL { try await $0.raw("ANALYZE").run() }
    }

    /// On opening a SQLite database for the day (`trellis serve`, after its migrations): statistics for the tables whose
    /// own are missing or out of date (their size changed tenfold since), as SQLite advises for a database that lives
    /// long; each table's look is bounded (`analysis_limit`), so it takes milliseconds whatever the size. PostgreSQL
    /// keeps its own up to date (autovacuum).
    public func refreshStaleStatistics() async throws {
        guard dialect == .sqlite else { return }
        // Both on the one connection: the limit is a setting of the connection that gathers.
        try await withWritingSQL { sql in
            try await sql.raw("PRAGMA analysis_limit = 1000").run()
            try await sql.raw("PRAGMA optimize = 0x10002").run()
        }
    }

    /// True when a trivial query succeeds: what `/readyz` reports.
    public func isReachable() async -> Bool {
        (try? await scalar("SELECT 1")) == 1
    }

    public func close() async {
        await markWrites.finished()
        // The writer's connection blocks on the readers' thread pool, which the readers' lender stops: writer first.
        await writer?.shutdown()
        await lender.shutdown()
    }
}

/// SQL run on the connection of an open transaction.
public struct Transaction: SQLExecutor {
    public let dialect: DatabaseDialect
    public let recentReads: RecentReads
    public let siteAddress: String
    public var isTransaction: Bool { true }
    let pending: PendingForgets
    let sql: any SQLDatabase

    public func withSQL<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await body(sql)
    }

    /// Already one transaction: `body` joins it.
    public func atomically<T: Sendable>(_ body: @Sendable (any SQLExecutor) async throws -> T) async throws -> T {
        try await body(self)
    }

    // Forgotten now, so this process stops reusing the old value, and again after the commit: until then other
    // connections still read the old row, and a read between the two must not be kept.
    public func forgetRecent(_ key: String) {
        recentReads.forget(key)
        pending.add(key)
    }

    public func forgetRecent(startingWith prefix: String) {
        recentReads.forgetAll(startingWith: prefix)
        pending.add(prefix: prefix)
    }

    public func noteDistrictChange(_ district: String) {
        pending.add(district: district)
        forgetRecent(DistrictChanges.markKey(district))
    }
}

/// Lends one connection of a pool for the length of a closure.
protocol ConnectionLender: Sendable {
    func withSQL<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    func shutdown() async
}

final class PooledLender<Source: ConnectionPoolSource>: ConnectionLender, @unchecked Sendable where Source.Connection: Sendable {
    // The pool is thread-safe; it is not marked Sendable by its library.
    private let pool: EventLoopGroupConnectionPool<Source>
    private let logger: Logger
    private let makeSQL: @Sendable (Source.Connection) -> any SQLDatabase
    /// The threads the connections block on (SQLite), stopped with the pool.
    private let threads: NIOThreadPool?

    init(pool: EventLoopGroupConnectionPool<Source>, logger: Logger, threads: NIOThreadPool? = nil,
         makeSQL: @escaping @Sendable (Source.Connection) -> any SQLDatabase) {
        self.pool = pool
        self.logger = logger
        self.threads = threads
        self.makeSQL = makeSQL
    }

    func withSQL<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let connection = try await pool.requestConnection(logger: logger).get()
        defer { pool.releaseConnection(connection, logger: logger) }
        return try await body(makeSQL(connection))
    }

    func shutdown() async {
        try? await pool.shutdownAsync()
        try? await threads?.shutdownGracefully()
    }
}

/// SQLite connections tuned for a web server: write-ahead logging so readers never wait for the writer,
/// a busy timeout so a second process (the command line) waits instead of failing, foreign keys on.
struct ConfiguredSQLiteSource: ConnectionPoolSource, Sendable {
    let path: String
    let threads: NIOThreadPool

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        SQLiteConnection.open(storage: .file(path: path), threadPool: threads, logger: logger, on: eventLoop)
            .flatMap { connection in
                connection.query("PRAGMA journal_mode = WAL")
                    .flatMap { _ in connection.query("PRAGMA busy_timeout = 5000") }
                    .flatMap { _ in connection.query("PRAGMA foreign_keys = ON") }
                    .flatMap { _ in connection.query("PRAGMA synchronous = NORMAL") }
                    .map { _ in connection }
            }
    }
}
