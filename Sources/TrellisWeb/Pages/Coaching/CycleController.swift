import Hummingbird
import TrellisCore
import TrellisServices

/// Starting and changing a coaching cycle: focus, the goal it serves, look-fors, dates. The coach's, while the
/// relationship is active.
struct CycleController {
    let renderer: PageRenderer
    let cycles: CoachingCycleService
    let secure: Bool

    struct CyclePage {
        let heading: String
        let errorSummary: ErrorSummary?
        let action: String
        let backPath: String
        let submit: String
        let version: String
        let focus: FieldView
        let goal: ChoiceView?
        let lookFors: FieldView
        let startsOn: FieldView
        let endsOn: FieldView
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/coaching/relationships/:relationship/cycles/new", use: new)
        router.post("/coaching/relationships/:relationship/cycles", use: create)
        router.get("/coaching/cycles/:id", use: edit)
        router.post("/coaching/cycles/:id", use: save)
    }

    func new(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let relationshipID = try CoachingRequest.relationshipID(context)
        var form = CoachingCycleService.CycleForm()
        form.startsOn = cycles.today.iso
        return try await page(context, relationship: relationshipID, cycle: nil, form: form, version: nil, errors: FieldErrors(), status: .ok, actor: actor)
    }

    func create(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let relationshipID = try CoachingRequest.relationshipID(context)
        let form = Self.form(try await FormData.from(request))
        do {
            _ = try await cycles.create(actor, relationshipID, form)
            return Flash.redirect(to: .coachingRelationship(relationshipID), Flash(message: "The cycle is started."), secure: secure)
        } catch let errors as FieldErrors {
            return try await page(context, relationship: relationshipID, cycle: nil, form: form, version: nil, errors: errors,
                                  status: .unprocessableContent, actor: actor)
        }
    }

    func edit(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let loaded = try await cycles.cycle(actor, try CoachingRequest.id(context))
        return try await page(context, relationship: loaded.relationship.id, cycle: loaded.cycle.id, form: .init(loaded.cycle),
                              version: loaded.version, errors: FieldErrors(), status: .ok, actor: actor)
    }

    func save(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let loaded = try await cycles.cycle(actor, try CoachingRequest.id(context))
        let form = Self.form(try await FormData.from(request))
        do {
            try await cycles.update(actor, loaded.cycle.id, form)
            return Flash.redirect(to: .coachingRelationship(loaded.relationship.id), Flash(message: "The cycle is saved."), secure: secure)
        } catch let errors as FieldErrors {
            return try await page(context, relationship: loaded.relationship.id, cycle: loaded.cycle.id, form: form, version: form.version,
                                  errors: errors, status: .unprocessableContent, actor: actor)
        } catch ServiceError.conflict(let message) {
            let latest = try await cycles.cycle(actor, loaded.cycle.id)
            return try await page(context, relationship: loaded.relationship.id, cycle: loaded.cycle.id, form: form, version: latest.version,
                                  errors: FieldErrors(), notice: message, status: .conflict, actor: actor)
        }
    }

    private func page(_ context: TrellisRequestContext, relationship: CoachingRelationship.ID, cycle: CoachingCycle.ID?,
                      form: CoachingCycleService.CycleForm, version: Int?, errors: FieldErrors, notice: String? = nil,
                      status: HTTPResponse.Status, actor: Actor) async throws -> Response {
        // Only someone who may start or change a cycle sees its form; the check is the service's, made before showing.
        let goals = try await cycles.goalChoices(actor, relationship)
        try await cycles.requireWritable(actor, relationship)
        let focus = FieldView(name: "focus", label: "Focus", value: form.focus, errors: errors,
                              hint: "What the cycle works on, in a sentence.")
        let goal = goals.isEmpty ? nil : ChoiceView(name: "goal", label: "Goal on the educator's plan",
                                                    options: [("", "No goal of the plan")] + goals.map { ($0.id.rawValue, $0.statement) },
                                                    chosen: form.goal, errors: errors)
        let lookFors = FieldView(name: "look_fors", label: "Look-fors", type: "textarea", value: form.lookFors, errors: errors,
                                 hint: "What you will watch for, one per line. Observation notes can be tied to them by number.",
                                 required: false, rows: 5)
        let startsOn = FieldView(name: "starts_on", label: "Starts", type: "date", value: form.startsOn, errors: errors)
        let endsOn = FieldView(name: "ends_on", label: "Ends (optional)", type: "date", value: form.endsOn, errors: errors, required: false)
        let summary = ErrorSummary(notice: notice, [ErrorSummary.field(focus), goal?.summaryItem, ErrorSummary.field(lookFors),
                                                    ErrorSummary.field(startsOn), ErrorSummary.field(endsOn)])
        let heading = cycle == nil ? "Start a coaching cycle" : "Change the cycle"
        let view = CyclePage(heading: heading, errorSummary: summary,
                             action: cycle.map { SiteRoute.coachingCycle($0).path } ?? SiteRoute.coachingRelationshipPart(relationship, "cycles").path,
                             backPath: SiteRoute.coachingRelationship(relationship).path, submit: cycle == nil ? "Start the cycle" : "Save the cycle",
                             version: version.map(String.init) ?? "", focus: focus, goal: goal, lookFors: lookFors, startsOn: startsOn, endsOn: endsOn)
        return renderer.render("coaching_cycle_form", title: ErrorSummary.title(heading, summary), content: view, context: context, status: status, section: .coaching)
    }

    static func form(_ data: FormData) -> CoachingCycleService.CycleForm {
        var form = CoachingCycleService.CycleForm()
        form.focus = data["focus"]
        form.goal = data["goal"]
        form.lookFors = data["look_fors"]
        form.startsOn = data["starts_on"]
        form.endsOn = data["ends_on"]
        form.version = CoachingRequest.version(data)
        return form
    }
}
