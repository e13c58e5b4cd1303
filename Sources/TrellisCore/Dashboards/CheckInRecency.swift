/// How recently a plan under way was checked in on, as a leader's dashboard groups plans: this week, within the
/// district's check-in rhythm, overdue (longer ago than the rhythm), or never. Only plans being worked (active, or
/// returned for changes) are grouped: a draft has not started and a submitted plan waits on its reviewer.
public enum CheckInRecency: String, Sendable, Hashable, CaseIterable {
    case thisWeek = "this_week"
    case withinRhythm = "within_rhythm"
    case overdue
    case never

    /// The group of a plan whose last check-in was `lastCheckIn`, on `today`. A check-in dated ahead of today (a
    /// person in another time zone) counts as this week rather than as overdue.
    public static func of(lastCheckIn: CalendarDate?, today: CalendarDate, rhythm: CheckInRhythm) -> CheckInRecency {
        guard let lastCheckIn else { return .never }
        let daysAgo = lastCheckIn.days(until: today)
        if daysAgo < 7 { return .thisWeek }
        return daysAgo <= rhythm.days ? .withinRhythm : .overdue
    }

    public static func applies(to status: PlanStatus) -> Bool { status == .active || status == .returned }

    /// The column heading on the dashboard; `rhythm` names the district's.
    public func label(rhythm: CheckInRhythm) -> String {
        switch self {
        case .thisWeek: "This week"
        case .withinRhythm: "Within \(rhythm.label)"
        case .overdue: "Overdue (over \(rhythm.label))"
        case .never: "Never"
        }
    }
}
