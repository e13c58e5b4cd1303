import TrellisCore

/// The cohort page reads a cohort's document, rounds, statements, themes, PLCs and links on every request; with `recent`
/// these are kept for two seconds (`RecentReads`) under the cohort's prefix, and every write to any of them here
/// forgets the prefix, so this instance never shows a cohort older than its last change, and other instances within
/// two seconds. Reads for a change never pass `recent`: a change always starts from what is stored.
extension SQLExecutor {
    /// `read`, or what it gave in the last two seconds when `recent` (the caseload's, the dashboards' and the cohort
    /// page's kept values use it too): kept only if nothing forgot its key while it ran, refreshed ahead, made once at a
    /// time (`RecentReads.reuse`).
    func reusing<Value: Sendable>(_ recent: Bool, _ key: String, _ read: () async throws -> Value) async throws -> Value {
        guard recent, let reads = readsToReuse else { return try await read() }
        return try await reads.reuse(key, read)
    }
}

extension OrganizationScope {
    /// A value made from one cohort's records and the plans linked to it (the cohort page's roll-ups), kept for two
    /// seconds like the reads it is made from and forgotten with them, and by any plan save in the district: the page is
    /// opened all day and rebuilding thirty members' progress on every request was most of its cost. Access is decided
    /// by the caller on every request, before asking; `name` must say everything the value depends on besides the
    /// cohort (who is looking, their roles, the day).
    public func keptCohortValue<Value: Sendable>(_ cohort: Cohort.ID, _ name: String,
                                                 make: () async throws -> Value) async throws -> Value {
        try await executor.reusing(true, CohortReads.prefix(organizationID, cohort) + "kept:" + name, make)
    }
}

extension SQLExecutor {
    /// Called by every plan save: a linked plan's progress shows on its cohort's page.
    func forgetCohortPages(in organization: Organization.ID) {
        forgetRecent(startingWith: CohortReads.prefix(organization))
    }

    /// Called by the writes of a cohort's members, its PLCs and their links (nil: a cohort the write does not know),
    /// which the school dashboards' cohort and PLC progress show too. Visioning writes forget the cohort only.
    func forgetCohortAndDashboards(in organization: Organization.ID, _ cohort: Cohort.ID? = nil) {
        forgetRecent(startingWith: cohort.map { CohortReads.prefix(organization, $0) } ?? CohortReads.prefix(organization))
        forgetDashboards(in: organization)
    }
}

enum CohortReads {
    /// Everything kept about one cohort starts with this.
    static func prefix(_ organization: Organization.ID, _ cohort: Cohort.ID) -> String { "cohort-data:\(organization)/\(cohort)/" }

    /// Every cohort of the district, for a write that does not know its cohort (a statement taken back, a link removed).
    static func prefix(_ organization: Organization.ID) -> String { "cohort-data:\(organization)/" }
}
