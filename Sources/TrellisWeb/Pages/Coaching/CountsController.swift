import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// `/coaching/counts`: how much coaching happened this school year, per school and per coach, for district admins
/// (every school) and leaders (their own). Counts only: coaching is not evaluation.
struct CountsController {
    let renderer: PageRenderer
    let counts: CoachingCountsService

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/coaching/counts", use: page)
    }

    func page(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let view = CountsView(try await counts.counts(actor), caseloadPath: actor.has(.coach) || actor.has(.educator) ? SiteRoute.coaching.path : nil)
        return renderer.render("coaching_counts", title: "Coaching this year", content: view, context: context, section: .coaching)
    }
}

/// The counts as two tables: per school and per coach.
struct CountsView {
    struct Row {
        let name: String
        let sessions: String
        let hours: String
        let people: String
    }

    let heading: String
    let intro: String
    let schools: [Row]
    let coaches: [Row]
    let hasSchools: Bool
    let hasCoaches: Bool
    let caseloadPath: String?

    init(_ counts: CoachingCountsService.Counts, caseloadPath: String?) {
        heading = "Coaching in \(counts.year.label)" + (counts.schoolName.map { " at \($0)" } ?? "")
        intro = "Sessions held from \(counts.year.startDate.longForm) to today, the hours they took and how many people were coached. "
            + "What was said in coaching stays between coach and educator: these pages show counts only."
        func row(_ row: CoachingCountsService.Row) -> Row {
            Row(name: row.name, sessions: String(row.sessions), hours: Self.hours(row.minutes), people: String(row.people))
        }
        schools = counts.schools.map(row)
        coaches = counts.coaches.map(row)
        hasSchools = !schools.isEmpty
        hasCoaches = !coaches.isEmpty
        self.caseloadPath = caseloadPath
    }

    /// Minutes as hours with one decimal ("1.5"), as a log of hours reads.
    static func hours(_ minutes: Int) -> String {
        let tenths = (minutes * 10 + 30) / 60
        return "\(tenths / 10).\(tenths % 10)"
    }
}
