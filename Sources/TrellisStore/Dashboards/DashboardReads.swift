import Foundation
import TrellisCore

/// What the dashboards are made of, kept for a moment (`RecentReads`) and forgotten the moment this process writes a
/// plan, a coaching session or relationship, or the district's rhythm (`forgetCaseloads` forgets these too), since a
/// leader's dashboard is opened again and again while little under it changes.
///
/// A dashboard is put together from several reads and services, so what is kept is the whole figure, whatever the
/// caller builds; and when the kept figure has run out while many requests ask for it at once, one of them builds it
/// and the others wait for that one, instead of each running the same queries.
public struct DashboardReads: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    /// The value kept under `key` (a name within this district's dashboards), or what `build` makes, kept for next time.
    /// Inside a transaction nothing is kept or reused.
    public func kept<Value: Sendable>(_ key: String, _ build: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let fullKey = Self.prefix(organizationID) + key
        guard let recent = executor.readsToReuse else { return try await build() }
        if let known = recent.value(fullKey, as: Value.self) { return known }
        return try await InFlightDashboards.shared.run(fullKey) {
            if let known = recent.value(fullKey, as: Value.self) { return known }
            let ticket = recent.ticket()
            let value = try await build()
            recent.keep(value, fullKey, readSince: ticket)
            return value
        }
    }

    static func prefix(_ organization: Organization.ID) -> String { "dashboard:\(organization)/" }
}

/// Builds of a kept figure under way, so that concurrent requests for the same key share one.
final class InFlightDashboards: @unchecked Sendable {
    static let shared = InFlightDashboards()
    private let lock = NSLock()
    private var running: [String: Task<any Sendable, any Error>] = [:]

    func run<Value: Sendable>(_ key: String, _ build: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let task: Task<any Sendable, any Error> = lock.withLock {
            if let running = running[key] { return running }
            let task = Task<any Sendable, any Error> { try await build() }
            running[key] = task
            return task
        }
        defer { lock.withLock { if running[key] == task { running[key] = nil } } }
        guard let value = try await task.value as? Value else { return try await build() }
        return value
    }
}

extension SQLExecutor {
    /// Forgets every kept dashboard figure of the district: called beside the caseload's forgets (plans, sessions,
    /// relationships, the rhythm), which are the writes that move a dashboard.
    func forgetDashboards(in organization: Organization.ID) {
        forgetRecent(startingWith: DashboardReads.prefix(organization))
    }
}

extension OrganizationScope {
    public var dashboardReads: DashboardReads { DashboardReads(executor: executor, organizationID: organizationID) }
}
