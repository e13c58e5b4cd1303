import Foundation
import TrellisCore

/// The dashboards' sections as CSV files: RFC 4180 (CRLF line ends; a field holding a comma, a quote, CR or LF is
/// quoted, quotes doubled), UTF-8 with a byte order mark so spreadsheets read accented names right. Every cell that
/// starts with `=`, `+`, `-`, `@` (or a tab or CR) gets an apostrophe first, so a name or goal typed as a formula shows
/// as text instead of running (OWASP's CSV injection advice); the dashboards write no negative numbers, so nothing of
/// Trellis's own is changed by it.
public struct DashboardCSV: Sendable, Hashable {
    public let filename: String
    public let data: Data
    public static let mediaType = "text/csv; charset=utf-8; header=present"

    init(filename: String, header: [String], rows: [[String]]) {
        self.filename = filename
        let text = ([header] + rows).map { $0.map(Self.field).joined(separator: ",") + "\r\n" }.joined()
        data = Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
    }

    /// One field: guarded against formulas, then quoted when RFC 4180 requires it.
    static func field(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// The sections of a school's dashboard that download as CSV, named as in their addresses (`plans.csv`).
public enum SchoolDashboardSection: String, Sendable, CaseIterable {
    case plans
    case stalled
    case checkIns = "check-ins"
    case standards
    case cohorts
    case reviews
    case coaching
}

extension SchoolDashboard {
    /// One section of the dashboard, everyone in it.
    public func csv(_ section: SchoolDashboardSection) -> DashboardCSV {
        let page = self.page
        let name = "\(Self.slug(page.school.name))-\(section.rawValue)-\(page.year.startYear).csv"
        func day(_ date: CalendarDate?) -> String { date?.iso ?? "" }
        func status(_ person: DashboardPerson) -> String { person.status?.label ?? "No plan yet" }
        switch section {
        case .plans:
            return DashboardCSV(filename: name, header: ["name", "status", "last_check_in", "last_change", "check_in_recency",
                                                         "shared_with_leaders", "first_goal"],
                                rows: people.map { person in
                [person.name, status(person), day(person.lastCheckIn), day(person.lastChange), person.recency?.label(rhythm: page.rhythm) ?? "",
                 person.planID == nil ? "" : (person.isSharedWithLeaders ? "yes" : "no"), person.firstGoal ?? ""]
            })
        case .stalled:
            return DashboardCSV(filename: name, header: ["name", "status", "stalled_since", "last_activity"], rows: stalls.map { stall in
                [stall.person.name, status(stall.person), stall.since.iso, day(stall.lastActivity)]
            })
        case .checkIns:
            return DashboardCSV(filename: name, header: ["name", "status", "check_in_recency", "last_check_in"],
                                rows: people.filter { $0.recency != nil }.map { person in
                [person.name, status(person), person.recency?.label(rhythm: page.rhythm) ?? "", day(person.lastCheckIn)]
            })
        case .standards:
            return DashboardCSV(filename: name, header: ["code", "standard", "identifier", "goals"], rows: page.standards.map { heat in
                [heat.code, heat.title, heat.identifier, String(heat.goals)]
            })
        case .cohorts:
            return DashboardCSV(filename: name, header: ["cohort", "members", "members_from_school", "plc", "plc_members", "linked_goals",
                                                         "progress_percent", "steps_done", "steps"],
                                rows: page.cohorts.flatMap { cohort in
                let head = [cohort.name, String(cohort.members), String(cohort.schoolMembers)]
                guard !cohort.plcs.isEmpty else { return [head + ["", "", "", "", "", ""]] }
                return cohort.plcs.map { plc in
                    head + [plc.name, String(plc.members), String(plc.linkedGoals), String(plc.percent), String(plc.stepsDone), String(plc.steps)]
                }
            })
        case .reviews:
            let waiting = people.filter { $0.status == .inReview || $0.status == .signed }
            return DashboardCSV(filename: name, header: ["name", "status", "since"], rows: waiting.map { person in
                [person.name, person.status == .signed ? "Signed, waiting for verification" : status(person), day(person.lastChange)]
            })
        case .coaching:
            let row = page.coaching
            return DashboardCSV(filename: name, header: ["school", "sessions", "hours", "people_coached"],
                                rows: [[page.school.name, String(row.sessions), Self.hours(row.minutes), String(row.people)]])
        }
    }

    /// Minutes as hours with one decimal ("1.5").
    static func hours(_ minutes: Int) -> String {
        let tenths = (minutes * 10 + 30) / 60
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// A school's name for a file name: lower-case ASCII letters and digits joined by hyphens.
    static func slug(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        let words = folded.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return words.isEmpty ? "school" : words.joined(separator: "-")
    }
}

extension DistrictDashboard {
    /// One row per school and the totals.
    public var csv: DashboardCSV {
        let header = ["school", "people"] + Self.statuses.map { $0?.rawValue ?? "no_plan" } + Self.recency.map { "check_ins_\($0.rawValue)" }
            + ["stalled", "cohorts", "coaching_sessions", "coaching_hours"]
        let rows = (self.rows + [total]).map { row in
            [row.name, String(row.people)] + row.statuses.map(String.init) + row.recency.map(String.init)
                + [String(row.stalled), String(row.cohorts), String(row.coachingSessions), SchoolDashboard.hours(row.coachingMinutes)]
        }
        return DashboardCSV(filename: "district-dashboard-\(year.startYear).csv", header: header, rows: rows)
    }
}
