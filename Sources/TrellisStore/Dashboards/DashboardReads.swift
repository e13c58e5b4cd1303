import Foundation
import TrellisCore

/// What the dashboards are made of, kept (`RecentReads`) and forgotten the moment this process writes what they show
/// (`forgetDashboards`), since a leader's dashboard is opened again and again while little under it changes.
///
/// A dashboard is put together from several reads and services, so what is kept is the whole figure, whatever the
/// caller builds; it is refreshed ahead and made once at a time (`RecentReads.reuse`), and kept for a minute while the
/// district's change mark stays the same (DistrictChanges.swift): making a large school's figure takes a good part of
/// a second of the machine, which requests opened beside it would otherwise wait for.
public struct DashboardReads: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    /// The value kept under `key` (a name within this district's dashboards), or what `build` makes, kept for next time.
    /// Inside a transaction nothing is kept or reused.
    public func kept<Value: Sendable>(_ key: String, _ build: () async throws -> Value) async throws -> Value {
        try await executor.reusing(Self.prefix(organizationID) + key, unchangedIn: organizationID.rawValue, build)
    }

    static func prefix(_ organization: Organization.ID) -> String { "dashboard:\(organization)/" }
}

extension SQLExecutor {
    /// Forgets every kept dashboard figure of the district and moves its change mark on, so other instances make theirs
    /// again too: called beside the caseload's forgets (plans, sessions, relationships, stalls, the rhythm, people,
    /// schools) and the cohort pages' (cohorts, PLCs and their links), which are the writes that move a dashboard.
    func forgetDashboards(in organization: Organization.ID) {
        forgetRecent(startingWith: DashboardReads.prefix(organization))
        noteDistrictChange(organization.rawValue)
    }
}

extension OrganizationScope {
    public var dashboardReads: DashboardReads { DashboardReads(executor: executor, organizationID: organizationID) }
}
