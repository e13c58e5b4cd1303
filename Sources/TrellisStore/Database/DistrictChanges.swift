import Foundation
import SQLKit

/// A district's change mark: a number in `district_changes`, moved on by every transaction that writes something a
/// district-wide kept page is made of (a plan, a check-in, a coaching session or relationship, a stall, a person, a
/// school, a cohort, the district's rhythm or school year), in that transaction, just before it commits.
///
/// It lets any instance tell whether a dashboard or a caseload it kept is still right without making it again: a value
/// is made after reading the mark, so while the mark reads the same, nothing it was made of has changed anywhere
/// (`RecentReads.reuse(_:mark:_:)`). The mark itself is read at most once per `RecentReads.lifetime` (two seconds) per
/// instance and district, so what another instance writes shows within that, as for every other kept read; what this
/// instance writes is forgotten at once, as before.
///
/// Writes name the district through `forgetDashboards(in:)` (which `forgetCaseloads` and the cohort forgets call), so a
/// write that moves a kept page cannot forget it here without moving the mark for the other instances.
///
/// A kind of record that is read all day and written rarely has a mark of its own beside the district's, moved by its
/// writes as well: `coaching(_:)`, `notifications(_:)`, `cohorts(_:)`. A value made from those records alone keeps
/// while that mark stays, whatever else of the district changes (under a day's load the district's own mark moves with
/// every teacher's check-in); what every page shows of them (the unread count, the "Cohorts" link, the plan's coaching)
/// is then read once a minute per person, not every other second.
///
/// Who a request is signed in as rests on two reads every request makes, kept the same way: the person with their roles
/// and credentials under `people(_:)`, the session under `sessions` (the installation's, for a session is found by its
/// key alone). The writes that change access (a sign-out, a password, a role, a deactivation) move the mark in their
/// transaction, before they answer, so another instance applies them within the mark's two seconds, as before.
enum DistrictChanges {
    static func markKey(_ district: String) -> String { "district-change-mark:" + district }

    /// The mark of a district's coaching relationships and sessions (a row of its own in `district_changes`), which
    /// the plans' coaching timelines are kept under.
    static func coaching(_ district: String) -> String { district + "#coaching" }
    /// The mark of a district's notifications, which the unread counts are kept under.
    static func notifications(_ district: String) -> String { district + "#notifications" }
    /// The mark of a district's cohorts and their members, which whether a person is in any is kept under.
    static func cohorts(_ district: String) -> String { district + "#cohorts" }
    /// The mark of a district's people: their names, schools, roles, whether active, their credentials.
    static func people(_ district: String) -> String { district + "#people" }
    /// The mark of the installation's sessions: moved when one ends or changes (a new one is not kept before it exists).
    static let sessions = "#sessions"

    /// Moves the district's mark on. The first change of a district creates its row.
    static func bump(_ district: String) -> SQLQueryString {
        "INSERT INTO district_changes (organization_id, version) VALUES (\(bind: district), 1) \(movesOn)"
    }

    /// How an insert of a mark's first value moves an existing mark on instead: `bump` and `movingMark` alike.
    private static let movesOn: SQLQueryString = "ON CONFLICT (organization_id) DO UPDATE SET version = district_changes.version + 1"

    /// PostgreSQL: `write`, a statement that returns the rows it wrote, and the district's mark moved with it when it
    /// wrote any, as one statement: one transaction of its own, so the two commit together as they would in
    /// `Database.transaction`, in one round trip instead of four (BEGIN, the write, the mark, COMMIT).
    static func movingMark(_ write: SQLQueryString, of district: String) -> SQLQueryString {
        """
        WITH written AS (\(write)), moved AS (
            INSERT INTO district_changes (organization_id, version) SELECT \(bind: district), 1 FROM written LIMIT 1 \(movesOn))
        SELECT * FROM written
        """
    }
}

/// The database, for a write that moves its district's mark in its own statement (`DistrictChanges.movingMark`), which
/// PostgreSQL can do (a data-modifying `WITH`) and SQLite cannot: noting the change then only forgets this instance's
/// reading of the mark. A write of several statements still belongs in a transaction.
struct MarkMovedInStatement: SQLExecutor {
    private let database: any SQLExecutor

    /// nil where the mark cannot move in the write's statement: on SQLite, or inside a transaction (which moves it
    /// before it commits).
    init?(_ executor: any SQLExecutor) {
        guard executor.dialect == .postgres, !executor.isTransaction else { return nil }
        database = executor
    }

    var dialect: DatabaseDialect { database.dialect }
    var recentReads: RecentReads { database.recentReads }
    var isTransaction: Bool { false }
    var siteAddress: String { database.siteAddress }
    func withSQL<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T { try await database.withSQL(body) }
    func withSQL<T: Sendable>(for statement: SQLQueryString, _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await database.withSQL(for: statement, body)
    }
    func atomically<T: Sendable>(_ body: @Sendable (any SQLExecutor) async throws -> T) async throws -> T { try await database.atomically(body) }
    func forgetRecent(_ key: String) { database.forgetRecent(key) }
    func forgetRecent(startingWith prefix: String) { database.forgetRecent(startingWith: prefix) }
    func noteDistrictChange(_ district: String) { database.forgetRecent(DistrictChanges.markKey(district)) }
}

extension SQLExecutor {
    /// The district's change mark as this instance knows it: read at most once per `lifetime`, by one request at a time,
    /// refreshed ahead like every kept value. 0 for a district that never changed anything since the mark was added.
    func districtChangeMark(_ district: String) async throws -> Int {
        let read = { try await self.scalar("SELECT version FROM district_changes WHERE organization_id = \(bind: district)") }
        guard let reads = readsToReuse else { return try await read() }
        return try await reads.reuse(DistrictChanges.markKey(district), read)
    }

    /// `read`, or what it gave before: as `reusing(_:_:_:)`, and kept for a minute while nothing of `district` changed.
    func reusing<Value: Sendable>(_ key: String, unchangedIn district: String,
                                  _ read: () async throws -> Value) async throws -> Value {
        guard let reads = readsToReuse else { return try await read() }
        let mark = try await districtChangeMark(district)
        return try await reads.reuse(key, mark: mark, read)
    }

    /// As `reusing(_:unchangedIn:_:)`, for a read that may find nothing: nil is answered and never kept, for what does
    /// not exist yet (a person, a session) may soon.
    func reusing<Value: Sendable>(_ key: String, unchangedIn district: String,
                                  ifFound read: () async throws -> Value?) async throws -> Value? {
        guard let reads = readsToReuse else { return try await read() }
        let mark = try await districtChangeMark(district)
        do {
            return try await reads.reuse(key, mark: mark) {
                guard let value = try await read() else { throw NothingFound() }
                return value
            }
        } catch is NothingFound {
            return nil
        }
    }

    /// `write` in one transaction that moves `mark` before it commits, with `key` forgotten: for a write another
    /// instance must follow within the mark's two seconds of its answer, not of a mark moved after it.
    func writing<T: Sendable>(forgetting key: String, movingMark mark: String,
                              _ write: @Sendable (any SQLExecutor) async throws -> T) async throws -> T {
        try await atomically { tx in
            defer {
                tx.forgetRecent(key)
                tx.noteDistrictChange(mark)
            }
            return try await write(tx)
        }
    }
}

/// What `reusing(_:unchangedIn:ifFound:)` throws past `reuse`, which keeps every value it is given.
private struct NothingFound: Error {}

/// Writes started from synchronous code, which `finished()` waits for. One write per key waits to start at a time: a
/// district's people written one by one outside a transaction move its mark once or twice, not once each, so on SQLite
/// they do not crowd the other writers waiting for the file.
final class BackgroundWrites: @unchecked Sendable {
    private let lock = NSLock()
    private var running: [UInt64: Task<Void, Never>] = [:]
    private var waitingToStart: Set<String> = []
    private var next: UInt64 = 0

    /// Starts `write` for `key`, unless one for `key` has not started yet: that one, started after this call, covers it.
    func start(_ key: String, _ write: @escaping @Sendable () async -> Void) {
        lock.withLock {
            guard waitingToStart.insert(key).inserted else { return }
            let id = next
            next += 1
            running[id] = Task { [self] in
                lock.withLock { _ = waitingToStart.remove(key) }
                await write()
                lock.withLock { _ = running.removeValue(forKey: id) }
            }
        }
    }

    func finished() async {
        for task in lock.withLock({ Array(running.values) }) { await task.value }
    }
}
