import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// A person's growth plans: the list, starting one, the overview of one, its status and its sharing.
struct PlansController {
    let renderer: PageRenderer
    let plans: PlanService
    let standards: StandardsService
    /// The coaching shown on the plan's timeline.
    let coaching: PlanCoachingTimeline
    let secure: Bool

    struct ListView {
        struct Line {
            let title: String
            let status: String
            let path: String
        }
        let mine: [Line]
        let shared: [Line]
        let hasShared: Bool
        let canStart: Bool
        let currentYear: String
        let startPath = SiteRoute.plans.path
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/plans", use: list)
        router.post("/plans", use: start)
        router.get("/plans/:plan", use: overview)
        router.post("/plans/:plan/status", use: changeStatus)
        router.get("/plans/:plan/sharing", use: sharing)
        router.post("/plans/:plan/sharing", use: share)
    }

    func list(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let year = try await plans.currentSchoolYear(actor)
        let mine = try await plans.myPlans(actor)
        let shared = try await plans.sharedWithMe(actor)
        let names = try await ownerNames(actor, shared.map(\.ownerID))
        func line(_ summary: PlanStoreSummary, owner: String?) -> ListView.Line {
            let label = SchoolYear(startingIn: summary.schoolYear).label
            return ListView.Line(title: owner.map { "\($0) — \(label)" } ?? "\(label) growth plan", status: summary.status.label,
                                 path: SiteRoute.plan(summary.id).path)
        }
        let view = ListView(mine: mine.map { line($0, owner: nil) }, shared: shared.map { line($0, owner: names[$0.ownerID] ?? "") },
                            hasShared: !shared.isEmpty, canStart: !mine.contains { $0.schoolYear == year.startYear }, currentYear: year.label)
        return renderer.render("plans", title: "Growth plans", content: view, context: context, section: .plans)
    }

    func start(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let plan = try await plans.start(actor)
        return Flash.redirect(to: .planSection(plan.id, "goals"),
                              Flash(message: "Your \(plan.schoolYear.label) plan is started. Begin with a goal: what do you want to change for your students?"),
                              secure: secure)
    }

    func overview(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let loaded = try await plans.load(actor, try Self.planID(context))
        // Three reads that need only the plan, made at the same time: each may be a database round trip.
        async let aligned = standards.standards(actor, identifiers: Set(loaded.plan.goals.flatMap(\.alignedStandardIdentifiers)))
        async let names = ownerNames(actor, loaded.plan.sharing.coachIDs)
        async let coaching = coaching.entries(actor, ownerID: loaded.plan.ownerID)
        let source = PlanOverviewView.Source(loaded: loaded, today: plans.today, standards: try await aligned,
                                             coachNames: try await names, coaching: try await coaching)
        return renderer.render("plan", source: source, context: context, section: .plans) { source in
            let view = PlanOverviewView(source)
            return (view.header.title, view)
        }
    }

    func changeStatus(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try Self.planID(context)
        let form = try await FormData.from(request)
        guard let target = PlanStatus(rawValue: form["to"]) else { throw HTTPError(.badRequest) }
        do {
            let plan = try await plans.move(actor, id, to: target, address: context.peerAddress)
            return Flash.redirect(to: .plan(id), Flash(message: "Your plan is now \(plan.status.label.lowercased())."), secure: secure)
        } catch let notReady as PlanNotReady {
            return Flash.redirect(to: .plan(id), Flash(message: "Not yet: " + notReady.reasons.joined(separator: " ")), secure: secure)
        }
    }

    struct SharingView {
        struct Coach {
            let id: String
            let name: String
            let checked: Bool
            let domID: String
        }
        let header: PlanHeader
        let coaches: [Coach]
        let hasCoaches: Bool
        let withLeaders: Bool
        let withPLC: Bool
        let action: String
        let audience: [String]
        let hasAudience: Bool
    }

    func sharing(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let loaded = try await plans.load(actor, try Self.planID(context))
        guard loaded.isOwner else { throw ServiceError.forbidden }
        let coaches = try await plans.coaches(actor)
        let chosen = Set(loaded.plan.sharing.coachIDs)
        var audience = ["You"]
        audience += coaches.filter { chosen.contains($0.id) }.map { "\($0.displayName) (coach)" }
        if loaded.plan.sharing.isSharedWithSchoolLeaders { audience.append("Your school’s leaders") }
        if loaded.plan.sharing.isSharedWithPLC { audience.append("Your PLCs (linked goals only)") }
        let view = SharingView(
            header: PlanHeader(loaded, current: nil),
            coaches: coaches.enumerated().map { SharingView.Coach(id: $1.id.rawValue, name: $1.displayName, checked: chosen.contains($1.id), domID: "coach-\($0)") },
            hasCoaches: !coaches.isEmpty, withLeaders: loaded.plan.sharing.isSharedWithSchoolLeaders, withPLC: loaded.plan.sharing.isSharedWithPLC,
            action: SiteRoute.planSection(loaded.plan.id, "sharing").path, audience: audience, hasAudience: true)
        return renderer.render("plan_sharing", title: "Who can see your plan", content: view, context: context, section: .plans)
    }

    func share(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try Self.planID(context)
        let form = try await FormData.from(request)
        do {
            try await plans.share(actor, id, coaches: form.all("coaches"), withLeaders: form["leaders"] == "yes", withPLC: form["plc"] == "yes")
        } catch is FieldErrors {
            throw HTTPError(.badRequest)
        }
        return Flash.redirect(to: .plan(id), Flash(message: "Sharing is saved."), secure: secure)
    }

    private func ownerNames(_ actor: Actor, _ ids: [Person.ID]) async throws -> [Person.ID: String] {
        try await plans.names(actor, of: Set(ids))
    }

    static func planID(_ context: TrellisRequestContext) throws -> GrowthPlan.ID {
        GrowthPlan.ID(try context.parameters.require("plan"))
    }

    /// The plan version a form was made from (its hidden `version`); nil when the form carries none.
    static func version(_ form: FormData) -> Int? {
        Int(form["version"])
    }

    /// Pages that only lead to a change (e.g. "Remove this goal?") are for the owner of a plan that can still change.
    static func requireEditable(_ loaded: PlanService.Loaded) throws {
        try PlanService.checkEditable(loaded)
    }
}

typealias PlanStoreSummary = PlanService.Summary
