import Foundation
import TrellisCore
import TrellisStore

/// A school's follow-through this school year, as its leaders (and the district's admins) see it: where each plan
/// stands and when it last moved, which plans stalled, how recently plans under way were checked in on, which standards
/// the school's goals are aligned to, the cohorts and PLCs its people are in, reviews waiting, and coaching as counts.
///
/// Status and dates only: the first goal of a plan appears only when its owner shares the plan with the school's
/// leaders and the viewer leads that school (an admin sees no plan's content), and no coaching record ever appears.
/// `page` is the part the page shows (short lists), Hashable so the rendered page can be kept; the full lists are for
/// the CSV downloads. Equatable, so a kept figure read again unchanged stays the value it was (`RecentReads.reuse`).
public struct SchoolDashboard: Sendable, Equatable {
    public let page: Page
    /// Everyone counted, by name.
    public let people: [DashboardPerson]
    /// Longest stalled first.
    public let stalls: [DashboardStall]

    /// What the page shows: counts, and the first few people of each group.
    public struct Page: Sendable, Hashable {
        public let school: School
        public let year: SchoolYear
        public let today: CalendarDate
        public let rhythm: CheckInRhythm
        /// Whether goals of plans shared with leaders are shown (the viewer leads this school).
        public let showsContent: Bool
        public let peopleCount: Int
        /// One group per status in lifecycle order, then "No plan yet"; empty groups included, so the table is whole.
        public let statuses: [DashboardGroup]
        public let recency: [DashboardGroup]
        public let stalledCount: Int
        public let stalled: [DashboardStall]
        public let standards: [StandardHeat]
        public let cohorts: [CohortProgress]
        /// Plans in review, and signed plans waiting for the district's verification.
        public let inReview: DashboardGroup
        public let awaitingVerification: DashboardGroup
        public let coaching: CoachingCountsService.Row

        /// The page cache hashes its source on every request: a few fields are enough (equal pages hash the same),
        /// where hashing every group's names was a tenth of the request. Equality still compares everything, which for
        /// the kept figure compared with itself is quick: its lists share their storage.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(school.id)
            hasher.combine(today)
            hasher.combine(peopleCount)
            hasher.combine(stalledCount)
            hasher.combine(showsContent)
        }
    }

    /// How many people to name in each group on the page; the CSV has everyone.
    public static let namesShown = 12
}

/// One person on a dashboard, with their plan's status and dates.
public struct DashboardPerson: Sendable, Hashable {
    public let personID: Person.ID
    public let name: String
    public let schoolID: School.ID?
    public let planID: GrowthPlan.ID?
    /// nil: no plan this school year.
    public let status: PlanStatus?
    public let lastCheckIn: CalendarDate?
    public let lastChange: CalendarDate?
    public let isSharedWithLeaders: Bool
    /// The plan's first goal, only where the viewer may read it (see `SchoolDashboard`).
    public let firstGoal: String?
    /// nil for plans not under way.
    public let recency: CheckInRecency?
}

/// A group of people on the dashboard (a status, a check-in recency): how many, and the first few.
public struct DashboardGroup: Sendable, Hashable {
    /// The group's name in CSV files and addresses ("active", "no_plan", "overdue").
    public let key: String
    public let label: String
    public let count: Int
    public let shown: [DashboardPerson]

    init(key: String, label: String, people: [DashboardPerson]) {
        self.key = key
        self.label = label
        count = people.count
        shown = Array(people.prefix(SchoolDashboard.namesShown))
    }
}

/// A stalled plan on a dashboard.
public struct DashboardStall: Sendable, Hashable {
    public let person: DashboardPerson
    public let since: CalendarDate
    public let lastActivity: CalendarDate?
}

/// One row of the standards heat-map: a standard and how many of the school's goals are aligned to it.
public struct StandardHeat: Sendable, Hashable {
    public let identifier: String
    public let code: String
    public let title: String
    public let goals: Int
    /// 1 to 4: how dark the cell is, relative to the most aligned standard.
    public let level: Int
}

/// A cohort some of the school's people are in, with its PLCs' progress: counts and percentages only, never a goal.
public struct CohortProgress: Sendable, Hashable {
    public let name: String
    public let schoolMembers: Int
    public let members: Int
    public let plcs: [PLCProgressLine]

    public struct PLCProgressLine: Sendable, Hashable {
        public let name: String
        public let members: Int
        public let linkedGoals: Int
        /// The roll-up's progress, 0 to 100.
        public let percent: Int
        public let stepsDone: Int
        public let steps: Int
    }
}

extension SchoolDashboard {
    init(school: School, year: SchoolYear, today: CalendarDate, rhythm: CheckInRhythm, showsContent: Bool, lines: [DashboardQueries.PersonLine],
         stalls: [PlanStall], standards: [StandardHeat], cohorts: [CohortProgress], coaching: CoachingCountsService.Row) {
        let people = lines.map { Self.person($0, today: today, rhythm: rhythm, showsContent: showsContent) }
        let byPerson = Dictionary(people.map { ($0.personID, $0) }, uniquingKeysWith: { first, _ in first })
        let stalled = stalls.compactMap { stall in byPerson[stall.ownerID].map { DashboardStall(person: $0, since: stall.since, lastActivity: stall.lastActivity) } }
        var statuses = PlanStatus.allCases.filter { $0 != .archived }.map { status in
            DashboardGroup(key: status.rawValue, label: status.label, people: people.filter { $0.status == status })
        }
        statuses.append(DashboardGroup(key: "no_plan", label: "No plan yet", people: people.filter { $0.status == nil }))
        let recency = CheckInRecency.allCases.map { recency in
            DashboardGroup(key: recency.rawValue, label: recency.label(rhythm: rhythm), people: people.filter { $0.recency == recency })
        }
        page = Page(school: school, year: year, today: today, rhythm: rhythm, showsContent: showsContent, peopleCount: people.count,
                    statuses: statuses, recency: recency, stalledCount: stalled.count, stalled: Array(stalled.prefix(Self.namesShown)),
                    standards: standards, cohorts: cohorts,
                    inReview: DashboardGroup(key: PlanStatus.inReview.rawValue, label: "In review", people: people.filter { $0.status == .inReview }),
                    awaitingVerification: DashboardGroup(key: PlanStatus.signed.rawValue, label: "Signed, waiting for the district's verification",
                                                         people: people.filter { $0.status == .signed }),
                    coaching: coaching)
        self.people = people
        self.stalls = stalled
    }

    static func person(_ line: DashboardQueries.PersonLine, today: CalendarDate, rhythm: CheckInRhythm, showsContent: Bool) -> DashboardPerson {
        let plan = line.plan
        return DashboardPerson(personID: line.personID, name: line.name, schoolID: line.schoolID, planID: plan?.planID, status: plan?.status,
                               lastCheckIn: plan?.lastCheckIn, lastChange: plan.map { CalendarDate($0.updatedAt, in: ServiceEnvironment.districtTimeZone) },
                               isSharedWithLeaders: plan?.isSharedWithLeaders ?? false, firstGoal: showsContent ? plan?.firstGoal : nil,
                               recency: plan.flatMap { CheckInRecency.applies(to: $0.status)
                                   ? CheckInRecency.of(lastCheckIn: $0.lastCheckIn, today: today, rhythm: rhythm) : nil })
    }

    /// Heat levels 1 to 4 by quarter of the largest count, so the darkest cell is the most aligned standard.
    static func heat(_ counts: [DashboardQueries.StandardCount], standards: [String: Standard]) -> [StandardHeat] {
        let most = max(1, counts.map(\.goals).max() ?? 1)
        return counts.map { count in
            let standard = standards[count.identifier]
            return StandardHeat(identifier: count.identifier, code: standard?.code ?? count.identifier,
                                title: standard?.title ?? "A standard no longer in the district's frameworks", goals: count.goals,
                                level: min(4, max(1, (count.goals * 4 + most - 1) / most)))
        }
    }
}

extension DashboardPerson {
    /// Whether `actor` may open this person's plan from the dashboard, asked of `Policy` from what the dashboard knows
    /// (coach sharing is not read here, so a leader who also coaches the person opens it from the caseload instead).
    public func mayOpenPlan(_ actor: Actor) -> Bool {
        guard planID != nil else { return false }
        return Policy.can(actor, .read, .plan(PlanAccess(organizationID: actor.organizationID, ownerID: personID, ownerSchoolID: schoolID,
                                                         coachIDs: [], isSharedWithSchoolLeaders: isSharedWithLeaders)))
    }
}
