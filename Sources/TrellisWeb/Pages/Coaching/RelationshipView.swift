import TrellisCore
import TrellisServices

/// The relationship page's data: who, since when, the cycles with their sessions, other sessions, and for the coach
/// the alliance trend. Built from an `Overview` that already holds only what the reader may see.
struct RelationshipView {
    struct SessionLine {
        let path: String
        let kind: String
        let when: String
        /// For the educator: shared feedback not answered yet.
        let respondPath: String?
        /// For the educator: a feedback conversation whose alliance pulse is not answered yet.
        let alliancePath: String?
    }

    struct CycleBlock {
        let focus: String
        let goal: String?
        let dates: String
        let phase: String
        let lookFors: [String]
        let hasLookFors: Bool
        let sessions: [SessionLine]
        let hasSessions: Bool
        let editPath: String?
        /// The cycle's shortlist of tools, which both sides see and choose together.
        let toolsPath: String
    }

    struct TrendLine {
        let statement: String
        let latest: String
        let change: String
    }

    let heading: String
    let otherPersonLabel: String
    let since: String
    let isCoach: Bool
    let canWrite: Bool
    let newCyclePath: String
    let newSessionPath: String
    let contactPath: String
    let cycles: [CycleBlock]
    let hasCycles: Bool
    let otherSessions: [SessionLine]
    let hasOtherSessions: Bool
    let trend: [TrendLine]
    let hasTrend: Bool
    let trendNote: String

    init(_ overview: CoachingSessionService.Overview) {
        let relationship = overview.relationship
        isCoach = overview.isCoach
        canWrite = overview.canWrite
        heading = overview.isCoach ? "Coaching \(overview.educatorName)" : "Coaching with \(overview.coachName)"
        otherPersonLabel = overview.isCoach ? "Educator: \(overview.educatorName)" : "Coach: \(overview.coachName)"
        let started = relationship.startedAt.map { "Since \(ReviewDates.day($0))" }
        since = [relationship.state.label, started].compactMap { $0 }.joined(separator: " · ")
        newCyclePath = SiteRoute.coachingRelationshipPart(relationship.id, "cycles/new").path
        newSessionPath = SiteRoute.coachingRelationshipPart(relationship.id, "sessions/new").path
        contactPath = SiteRoute.coachingContact.path + "?relationship=\(relationship.id)"
        func line(_ session: CoachingSession) -> SessionLine {
            let isEducator = !overview.isCoach
            let respond = isEducator && session.feedback.map { $0.educatorResponse.isEmpty && $0.usefulness == nil } == true
            let answer = isEducator && session.kind == .feedback && !overview.answered.contains(session.id) && relationship.state != .proposed
            return SessionLine(path: SiteRoute.coachingSession(session.id).path, kind: session.kind.label,
                               when: CoachingRequest.when(session.timing),
                               respondPath: respond ? SiteRoute.coachingSessionPart(session.id, "feedback").path : nil,
                               alliancePath: answer ? SiteRoute.coachingSessionPart(session.id, "alliance").path : nil)
        }
        cycles = overview.cycles.map { entry in
            let cycle = entry.cycle
            let dates = cycle.endsOn.map { "\(cycle.startsOn.longForm) to \($0.longForm)" } ?? "From \(cycle.startsOn.longForm)"
            return CycleBlock(focus: cycle.focus, goal: entry.goalStatement, dates: dates, phase: entry.phase.label,
                              lookFors: cycle.lookFors.map(\.text), hasLookFors: !cycle.lookFors.isEmpty,
                              sessions: entry.sessions.map(line), hasSessions: !entry.sessions.isEmpty,
                              editPath: overview.canWrite ? SiteRoute.coachingCycle(cycle.id).path : nil,
                              toolsPath: SiteRoute.shortlist(.cycle(cycle.id)).path)
        }
        hasCycles = !cycles.isEmpty
        otherSessions = overview.otherSessions.map(line)
        hasOtherSessions = !otherSessions.isEmpty
        let trend = overview.trend
        let latest = trend?.latest
        let change = trend?.change
        self.trend = latest.map { latest in
            AlliancePulse.statements.enumerated().map { index, statement in
                let value = index < latest.answers.count ? latest.answers[index] : 0
                let delta = change.flatMap { index < $0.count ? $0[index] : nil }
                let changeText = delta.map { $0 == 0 ? "no change" : ($0 > 0 ? "up \($0)" : "down \(-$0)") } ?? "first answer"
                return TrendLine(statement: statement, latest: "\(value) of 5", change: changeText)
            }
        } ?? []
        hasTrend = !self.trend.isEmpty
        let count = trend?.points.count ?? 0
        trendNote = count == 1 ? "One set of answers so far." : "\(count) sets of answers; the change is from the first to the latest."
    }
}
