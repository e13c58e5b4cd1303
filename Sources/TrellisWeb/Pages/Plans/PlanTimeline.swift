import TrellisCore
import TrellisServices

/// The plan's timeline: its check-ins and the coaching around it, newest first. Of a check-in and a session on one
/// day, the check-in comes first (it is what the educator wrote about the day).
struct PlanTimelineItem: Encodable {
    struct SessionLine: Encodable {
        let title: String
        let detail: String
        let path: String
        let nextStep: String?
    }

    let date: String
    let iso: String
    let checkIn: PlanOverviewView.CheckInLine?
    let session: SessionLine?

    static func items(_ plan: GrowthPlan, coaching: [PlanCoachingTimeline.Entry]) -> [PlanTimelineItem] {
        let checkIns = plan.checkIns.enumerated().map { offset, checkIn in
            (key: (checkIn.date, 1, offset), item: PlanTimelineItem(
                date: checkIn.date.longForm, iso: checkIn.date.iso,
                checkIn: PlanOverviewView.CheckInLine(
                    date: checkIn.date.longForm, iso: checkIn.date.iso,
                    progress: checkIn.progress.compactMap { item in plan.number(of: item.goalID).map { "Goal \($0): \(item.level.label)" } },
                    whatHappened: checkIn.whatHappened.nonEmpty, whatsNext: checkIn.whatsNext.nonEmpty, obstacles: checkIn.obstacles.nonEmpty),
                session: nil))
        }
        let sessions = coaching.enumerated().map { offset, entry in
            (key: (entry.timing.date, 0, offset), item: PlanTimelineItem(
                date: entry.timing.date.longForm, iso: entry.timing.date.iso, checkIn: nil,
                session: SessionLine(title: "\(entry.kind.label) with \(entry.coachName)", detail: detail(entry),
                                     path: SiteRoute.coachingSession(entry.sessionID).path, nextStep: entry.nextStep)))
        }
        // Newest first; of two check-ins on one day, the one written later first.
        return (checkIns + sessions).sorted { $0.key > $1.key }.map(\.item)
    }

    private static func detail(_ entry: PlanCoachingTimeline.Entry) -> String {
        let minutes = entry.timing.minutes == 1 ? "1 minute" : "\(entry.timing.minutes) minutes"
        let parts = [entry.timing.startsAt?.spoken, entry.channel?.label, minutes].compactMap { $0 }
        return parts.joined(separator: " · ")
    }
}
