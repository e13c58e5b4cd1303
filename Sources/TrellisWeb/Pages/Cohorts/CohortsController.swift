import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// The cohorts a person is in, starting one (coaches), and a cohort's page: the whole picture on one screen.
struct CohortsController {
    let renderer: PageRenderer
    let cohorts: CohortService
    let secure: Bool

    struct ListView {
        struct Line {
            let name: String
            let detail: String
            let path: String
        }
        let errorSummary: ErrorSummary?
        let cohorts: [Line]
        let hasCohorts: Bool
        let canStart: Bool
        let name: FieldView
        let action = SiteRoute.cohorts.path
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/cohorts", use: list)
        router.post("/cohorts", use: start)
        router.get("/cohorts/:cohort", use: overview)
    }

    func list(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await listPage(context, name: "", errors: FieldErrors(), status: .ok)
    }

    func start(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let form = try await FormData.from(request)
        do {
            let cohort = try await cohorts.start(actor, name: form["name"])
            return Flash.redirect(to: .cohortSection(cohort.id, "members"),
                                  Flash(message: "“\(cohort.name)” is started. Add its members, each with the part they play."), secure: secure)
        } catch let errors as FieldErrors {
            return try await listPage(context, name: form["name"], errors: errors, status: .unprocessableContent)
        }
    }

    func overview(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        // Everything the page shows is in the overview (the viewer's roll-ups included), so the page is kept by it.
        let overview = try await cohorts.overview(actor, try Self.cohortID(context))
        return renderer.render("cohort", source: overview, context: context, section: .cohorts) { overview in
            let view = CohortOverviewView(overview)
            return (view.name, view)
        }
    }

    private func listPage(_ context: TrellisRequestContext, name: String, errors: FieldErrors, status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        let mine = try await cohorts.myCohorts(actor)
        let field = FieldView(name: "name", label: "Name of the new cohort", value: name, errors: errors,
                              hint: "For example, “Digital Learning Cohort”. You will facilitate it.")
        let summary = ErrorSummary([ErrorSummary.field(field)])
        let view = ListView(
            errorSummary: summary,
            cohorts: mine.map { cohort in
                let role = cohort.facilitatorID == actor.personID ? "You facilitate" : (cohort.member(actor.personID)?.role ?? "")
                return ListView.Line(name: cohort.name, detail: "\(cohort.schoolYear.label) · \(Plural.count(cohort.members.count, "member")) · \(role)",
                                     path: SiteRoute.cohort(cohort.id).path)
            },
            hasCohorts: !mine.isEmpty, canStart: cohorts.canStart(actor), name: field)
        return renderer.render("cohort_list", title: ErrorSummary.title("Cohorts", summary), content: view, context: context,
                               status: status, section: .cohorts)
    }

    static func cohortID(_ context: TrellisRequestContext) throws -> Cohort.ID {
        Cohort.ID(try context.parameters.require("cohort"))
    }

    static func plcID(_ context: TrellisRequestContext) throws -> PLC.ID {
        PLC.ID(try context.parameters.require("plc"))
    }
}
