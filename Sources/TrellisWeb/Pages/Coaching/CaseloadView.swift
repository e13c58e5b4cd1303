import TrellisCore
import TrellisServices

/// A coach's caseload page: a table on a desk, labelled cards on a phone (the stylesheet does the change).
struct CaseloadView {
    struct Row {
        let name: String
        let path: String
        let school: String?
        let status: String
        let statusClass: String
        let goal: String?
        let lastCheckIn: String
        let lastContact: String
        let nextSession: String
        let isQuiet: Bool
        /// "Stalled since March 3" while the plan's stall stands.
        let stalledSince: String?
        /// For a proposal: what it waits for, and the page to answer or withdraw it.
        let waiting: String?
        let waitingPath: String?
        let waitingAction: String?
    }

    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    /// Everything the page is made from, to render it once per distinct source (`PageRenderer`).
    struct Source: Hashable {
        let caseload: CaseloadService.Caseload
        let order: CaseloadOrder
        let quietOnly: Bool
        let isAlsoEducator: Bool
        let maySeeCounts: Bool
    }

    let countLine: String
    let rhythmLine: String
    let rows: [Row]
    let hasRows: Bool
    let emptyMessage: String
    let orders: [Option]
    let quietOnly: Bool
    let filterAction = SiteRoute.coaching.path
    let invitePath = SiteRoute.coachingInvite.path
    let contactPath = SiteRoute.coachingContact.path
    let minePath: String?
    let countsPath: String?

    init(_ source: Source) {
        let caseload = source.caseload
        var parts = ["\(Self.count(caseload.people, "person", "people"))", "\(caseload.quiet) gone quiet"]
        if caseload.proposals > 0 { parts.append(Self.count(caseload.proposals, "proposal", "proposals") + " waiting") }
        countLine = parts.joined(separator: ", ")
        rhythmLine = "Gone quiet: no check-in, plan change or coaching contact for more than \(caseload.rhythm.label)."
        let today = caseload.today
        rows = caseload.lines.map { line in
            let entry = line.entry, relationship = entry.relationship
            let isWaiting = relationship.state == .proposed
            return Row(
                name: entry.educatorName, path: SiteRoute.coachingRelationship(relationship.id).path, school: entry.schoolName,
                status: isWaiting ? "Shown once they agree" : entry.planStatus?.label ?? "No plan this year", statusClass: entry.planStatus.map { "status--\($0.rawValue)" } ?? "",
                goal: entry.currentGoal.flatMap { $0.isEmpty ? nil : $0 },
                lastCheckIn: entry.lastCheckIn.map { Self.day($0, today: today) } ?? "None yet",
                lastContact: entry.lastContact.map { Self.day($0, today: today) } ?? "None yet",
                nextSession: entry.nextSession.map { Self.session($0, today: today) } ?? "None planned",
                isQuiet: line.isQuiet,
                stalledSince: line.stalledSince.map { "Stalled since \($0.longForm)" },
                waiting: isWaiting ? (line.awaitsMyAnswer ? "Asks you to coach them" : "Invitation sent, not answered yet") : nil,
                waitingPath: isWaiting ? SiteRoute.coachingRelationshipPart(relationship.id, line.awaitsMyAnswer ? "answer" : "end").path : nil,
                waitingAction: isWaiting ? (line.awaitsMyAnswer ? "Answer" : "Withdraw") : nil)
        }
        hasRows = !rows.isEmpty
        emptyMessage = source.quietOnly ? "Nobody has gone quiet. Everyone has had a sign of life within \(caseload.rhythm.label)."
            : "Nobody yet. Invite an educator to work with you, or wait for one to ask."
        orders = CaseloadOrder.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: $0 == source.order) }
        quietOnly = source.quietOnly
        minePath = source.isAlsoEducator ? SiteRoute.coachingMine.path : nil
        countsPath = source.maySeeCounts ? SiteRoute.coachingCounts.path : nil
    }

    /// "Today", "Yesterday", "Oct 14" this year, "Oct 14, 2025" before.
    static func day(_ date: CalendarDate, today: CalendarDate) -> String {
        let days = date.days(until: today)
        if days == 0 { return "Today" }
        if days == 1 { return "Yesterday" }
        if days == -1 { return "Tomorrow" }
        let short = "\(CalendarDate.monthNames[date.month - 1].prefix(3)) \(date.day)"
        return date.year == today.year ? short : "\(short), \(date.year)"
    }

    static func session(_ timing: SessionTiming, today: CalendarDate) -> String {
        day(timing.date, today: today) + (timing.startsAt.map { ", \($0.spoken)" } ?? "")
    }

    static func count(_ number: Int, _ one: String, _ many: String) -> String {
        "\(number) \(number == 1 ? one : many)"
    }
}
