import Hummingbird
import TrellisCore
import TrellisServices

/// The district admin's pages in one list, behind the navigation's "District" link.
struct DistrictController {
    let renderer: PageRenderer

    struct DistrictView {
        struct Area {
            let title: String
            let path: String
            let about: String
        }
        let areas: [Area]
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/admin", use: show)
    }

    func show(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let org = actor.organizationID
        let areas: [(Resource, Action, String, SiteRoute, String)] = [
            (.dashboard(organizationID: org, schoolID: nil), .read, "Dashboard", .districtDashboard,
             "Follow-through across schools: plans by status, check-ins, stalled plans, each school's dashboard, as CSV too."),
            (.people(org), .read, "People", .people, "Add people, give them roles, send set-password links, deactivate accounts."),
            (.people(org), .create, "Roster import", .roster, "Add and update people and schools from a CSV file, with a dry run first."),
            (.schools(org), .create, "Schools", .schools, "The district's schools and who works at each."),
            (.frameworks(org), .update, "Standards", .frameworks, "Frameworks goals align to: built in, imported from CASE, or your own."),
            (.verifications(org), .read, "Verification", .verification, "Signed plans waiting for clock-hour verification."),
            (.verifications(org), .read, "Exports", .exports, "Verification forms (ZIP) and clock hours for HR (CSV) for a date range."),
            (.settings(org), .update, "Settings", .settings, "The school year, guiding questions and renewal rules."),
            (.settings(org), .update, "School-year calendar", .calendar, "Deadlines, reminders before them, and when a quiet plan counts as stalled."),
            (.settings(org), .read, "Background jobs", .jobs, "The daily stall scans and reminders, and any job that failed."),
            (.settings(org), .update, "Cohort roles", .cohortRoles, "The parts people play in cohorts, offered when a coach adds a member."),
            (.auditLog(org), .read, "Audit log", .auditLog, "Who did what and when, filtered by kind, person and date."),
            (.apiTokens(organizationID: org, ownerID: nil), .read, "Service tokens", .apiTokens(.service),
             "Tokens for the district's HR and student-information systems to use the Trellis API."),
        ]
        let allowed = areas.filter { Policy.can(actor, $0.1, $0.0) }
        guard !allowed.isEmpty, Policy.can(actor, .read, .auditLog(org)) else { throw ServiceError.forbidden }
        let view = DistrictView(areas: allowed.map { DistrictView.Area(title: $0.2, path: $0.3.path, about: $0.4) })
        return renderer.render("district", title: "District", content: view, context: context, section: .district)
    }
}
