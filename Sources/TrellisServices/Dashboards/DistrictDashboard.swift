import Foundation
import TrellisCore

/// The district's follow-through across its schools, for its admins: one row per school (and one for people of no
/// school, when there are any) with the same counts as a school's dashboard, and the totals. Counts only.
public struct DistrictDashboard: Sendable, Hashable {
    public let year: SchoolYear
    public let today: CalendarDate
    public let rhythm: CheckInRhythm
    /// By school name.
    public let rows: [Row]
    public let total: Row

    /// The statuses counted, in lifecycle order (nil: no plan yet), and the check-in groups: the columns of each row.
    public static let statuses: [PlanStatus?] = PlanStatus.allCases.filter { $0 != .archived }.map { $0 } + [nil]
    public static let recency = CheckInRecency.allCases

    /// One school's counts (or the totals).
    public struct Row: Sendable, Hashable {
        public let schoolID: School.ID?
        public let name: String
        public let people: Int
        /// In the order of `DistrictDashboard.statuses`.
        public let statuses: [Int]
        /// In the order of `DistrictDashboard.recency`.
        public let recency: [Int]
        public let stalled: Int
        /// Cohorts with members at the school; in the totals, the sum over schools (a cohort across two schools counts twice).
        public let cohorts: Int
        public let coachingSessions: Int
        public let coachingMinutes: Int

        public func count(_ status: PlanStatus?) -> Int { statuses[DistrictDashboard.statuses.firstIndex(of: status)!] }
    }

    init(year: SchoolYear, today: CalendarDate, rhythm: CheckInRhythm, schools: [School], people: [DashboardPerson], stalls: [PlanStall],
         cohorts: [School.ID?: Int], coaching: [School.ID?: CoachingCountsService.Row]) {
        self.year = year
        self.today = today
        self.rhythm = rhythm
        let bySchool = Dictionary(grouping: people, by: \.schoolID)
        let stalled = Dictionary(grouping: stalls, by: \.schoolID).mapValues(\.count)
        func row(_ id: School.ID?, _ name: String) -> Row {
            let people = bySchool[id] ?? []
            return Row(schoolID: id, name: name, people: people.count,
                       statuses: Self.statuses.map { status in people.filter { $0.status == status }.count },
                       recency: Self.recency.map { recency in people.filter { $0.recency == recency }.count },
                       stalled: stalled[id] ?? 0, cohorts: cohorts[id] ?? 0,
                       coachingSessions: coaching[id]?.sessions ?? 0, coachingMinutes: coaching[id]?.minutes ?? 0)
        }
        var rows = schools.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }.map { row($0.id, $0.name) }
        // People of no school still count, on a row of their own.
        if bySchool[nil] != nil || stalled[nil] != nil { rows.append(row(nil, "No school")) }
        self.rows = rows
        func sum(_ values: (Row) -> Int) -> Int { rows.map(values).reduce(0, +) }
        total = Row(schoolID: nil, name: "All schools", people: sum(\.people),
                    statuses: Self.statuses.indices.map { index in sum { $0.statuses[index] } },
                    recency: Self.recency.indices.map { index in sum { $0.recency[index] } },
                    stalled: sum(\.stalled), cohorts: sum(\.cohorts), coachingSessions: sum(\.coachingSessions),
                    coachingMinutes: sum(\.coachingMinutes))
    }
}
