import Foundation
import TrellisCore

/// What the dashboards are made of, kept for a moment (`RecentReads`) and forgotten the moment this process writes a
/// plan, a coaching session or relationship, or the district's rhythm (`forgetCaseloads` forgets these too), since a
/// leader's dashboard is opened again and again while little under it changes.
///
/// A dashboard is put together from several reads and services, so what is kept is the whole figure, whatever the
/// caller builds; it is refreshed ahead and made once at a time (`RecentReads.reuse`).
public struct DashboardReads: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    /// The value kept under `key` (a name within this district's dashboards), or what `build` makes, kept for next time.
    /// Inside a transaction nothing is kept or reused.
    public func kept<Value: Sendable>(_ key: String, _ build: () async throws -> Value) async throws -> Value {
        try await executor.reusing(true, Self.prefix(organizationID) + key, build)
    }

    static func prefix(_ organization: Organization.ID) -> String { "dashboard:\(organization)/" }
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
