import Hummingbird
import TrellisCore
import TrellisServices

/// The first page after sign-in: what this person can do now, by role.
struct HomeController {
    let renderer: PageRenderer
    let home: HomeService

    struct HomeView {
        let displayName: String
        let districtName: String
        let schoolName: String?
        let roles: String
        let isEducator: Bool
        let isCoach: Bool
        let isLeader: Bool
        let admin: AdminPanel?
        let leader: LeaderPanel?
        let passwordPath = SiteRoute.changePassword.path
    }

    struct AdminPanel {
        let people: Int
        let schools: [SchoolLine]
        let recent: [AuditLine]
        let peoplePath = SiteRoute.people.path
        let schoolsPath = SiteRoute.schools.path
        let auditPath = SiteRoute.auditLog.path
        let newPersonPath = SiteRoute.newPerson.path
    }

    struct LeaderPanel {
        let schoolName: String
        let people: Int
    }

    struct SchoolLine {
        let name: String
        let people: Int
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/", use: page)
    }

    func page(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let summary = try await home.summary(for: actor)
        let admin = summary.admin.map { admin in
            AdminPanel(people: admin.peopleCount,
                       schools: admin.schools.map { SchoolLine(name: $0.school.name, people: $0.people) },
                       recent: admin.recentEvents.map { AuditLine($0, names: admin.names) })
        }
        let view = HomeView(
            displayName: summary.person.displayName, districtName: summary.organization.name, schoolName: summary.school?.name,
            roles: summary.person.sortedRoles.map(\.label).joined(separator: ", "),
            isEducator: actor.has(.educator), isCoach: actor.has(.coach), isLeader: actor.has(.leader),
            admin: admin, leader: summary.leader.map { LeaderPanel(schoolName: $0.school.name, people: $0.people) })
        return renderer.render("home", title: "Home", content: view, context: context, section: .home)
    }
}
