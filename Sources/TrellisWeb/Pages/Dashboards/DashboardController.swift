import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// `/dashboards/schools/:id` (a school's leaders; the district's admins, any school) and `/dashboards/district` (admins),
/// each section downloadable as CSV. `/dashboards` sends each person to the dashboard that is theirs.
struct DashboardController {
    let renderer: PageRenderer
    let dashboards: DashboardService

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/dashboards", use: mine)
        router.get("/dashboards/district", use: district)
        router.get("/dashboards/district/schools.csv", use: districtCSV)
        router.get("/dashboards/schools/:id", use: school)
        for section in SchoolDashboardSection.allCases {
            router.get("/dashboards/schools/:id/\(section.rawValue).csv") { request, context in
                try await schoolCSV(section, context: context)
            }
        }
    }

    /// The dashboard a person's navigation links to: their school's for a leader, the district's for an admin.
    static func path(for actor: Actor) -> String? {
        if let school = actor.schoolID, actor.has(.leader), DashboardService.maySee(actor, school: school) {
            return SiteRoute.schoolDashboard(school).path
        }
        return DashboardService.maySee(actor, school: nil) ? SiteRoute.districtDashboard.path : nil
    }

    func mine(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        guard let path = Self.path(for: try context.requireActor()) else { throw ServiceError.forbidden }
        return Response(status: .seeOther, headers: [.location: path])
    }

    func school(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let dashboard = try await dashboards.school(actor, try Self.schoolID(context))
        let source = SchoolDashboardView.Source(page: dashboard.page, viewer: actor)
        return renderer.render("dashboard_school", source: source, context: context, section: Self.section(actor)) { source in
            ("\(source.page.school.name): dashboard", SchoolDashboardView(source))
        }
    }

    func schoolCSV(_ section: SchoolDashboardSection, context: TrellisRequestContext) async throws -> Response {
        let dashboard = try await dashboards.school(try context.requireActor(), try Self.schoolID(context))
        let csv = dashboard.csv(section)
        return FileDownload.response(csv.data, mediaType: DashboardCSV.mediaType, filename: csv.filename, fallback: "dashboard.csv")
    }

    func district(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let dashboard = try await dashboards.district(try context.requireActor())
        return renderer.render("dashboard_district", source: dashboard, context: context, section: .district) { dashboard in
            ("District dashboard", DistrictDashboardView(dashboard))
        }
    }

    func districtCSV(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let csv = try await dashboards.district(try context.requireActor()).csv
        return FileDownload.response(csv.data, mediaType: DashboardCSV.mediaType, filename: csv.filename, fallback: "dashboard.csv")
    }

    /// Admins reach dashboards through "District"; a leader through their own "Dashboard" link.
    static func section(_ actor: Actor) -> NavSection {
        actor.has(.districtAdmin) ? .district : .dashboard
    }

    static func schoolID(_ context: TrellisRequestContext) throws -> School.ID {
        School.ID(try context.parameters.require("id"))
    }
}
