import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// Visioning: members post statements of the current and the ideal state (with or without their name) while a round
/// is open; the facilitator opens and closes rounds.
struct VisioningController {
    let renderer: PageRenderer
    let cohorts: CohortService
    let secure: Bool

    struct VisioningView {
        struct Round {
            let prompt: String
            let dates: String
            let isOpen: Bool
            let closePath: String
        }
        struct Mine {
            let kind: String
            let text: String
            let withdrawPath: String
        }
        let errorSummary: ErrorSummary?
        let name: String
        let cohortPath: String
        let isFacilitator: Bool
        let isMember: Bool
        let rounds: [Round]
        let openRound: Round?
        let postPath: String
        let roundID: String
        let text: FieldView
        let currentChecked: Bool
        let idealChecked: Bool
        let kindError: String?
        let anonymousChecked: Bool
        let mine: [Mine]
        let hasMine: Bool
        let prompt: FieldView
        let openPath: String
        let themesPath: String
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/cohorts/:cohort/visioning", use: show)
        router.post("/cohorts/:cohort/visioning", use: post)
        router.post("/cohorts/:cohort/rounds", use: open)
        router.post("/cohorts/:cohort/rounds/:round/close", use: close)
        router.post("/cohorts/:cohort/statements/:statement/withdraw", use: withdraw)
    }

    func show(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await page(context, form: FormData(""), errors: FieldErrors(), status: .ok)
    }

    func post(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try CohortsController.cohortID(context)
        let form = try await FormData.from(request)
        do {
            let statement = try await cohorts.post(actor, id, round: VisioningRound.ID(form["round"]), kind: form["kind"], text: form["text"],
                                                   anonymous: form["anonymous"] == "yes")
            let message = statement.isAnonymous ? "Your statement is posted without your name. Nobody can see who wrote it, you included."
                : "Your statement is posted."
            return Flash.redirect(to: .cohortSection(id, "visioning"), Flash(message: message), secure: secure)
        } catch let errors as FieldErrors {
            return try await page(context, form: form, errors: errors, status: .unprocessableContent)
        } catch ServiceError.conflict(let message) {
            return try await page(context, form: form, errors: FieldErrors(), notice: message, status: .conflict)
        }
    }

    func open(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try CohortsController.cohortID(context)
        let form = try await FormData.from(request)
        do {
            _ = try await cohorts.openRound(actor, id, prompt: form["prompt"])
            return Flash.redirect(to: .cohortSection(id, "visioning"), Flash(message: "Visioning is open. Members can post their statements now."), secure: secure)
        } catch let errors as FieldErrors {
            return try await page(context, form: form, errors: errors, status: .unprocessableContent)
        } catch ServiceError.conflict(let message) {
            return try await page(context, form: form, errors: FieldErrors(), notice: message, status: .conflict)
        }
    }

    func close(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try CohortsController.cohortID(context)
        try await cohorts.closeRound(actor, id, round: VisioningRound.ID(try context.parameters.require("round")))
        return Flash.redirect(to: .cohortSection(id, "themes"), Flash(message: "The round is closed. Next: group the statements into themes."), secure: secure)
    }

    func withdraw(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try CohortsController.cohortID(context)
        try await cohorts.withdraw(actor, id, statement: VisioningStatement.ID(try context.parameters.require("statement")))
        return Flash.redirect(to: .cohortSection(id, "visioning"), Flash(message: "Your statement is taken back."), secure: secure)
    }

    private func page(_ context: TrellisRequestContext, form: FormData, errors: FieldErrors, notice: String? = nil,
                      status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        let id = try CohortsController.cohortID(context)
        let loaded = try await cohorts.load(actor, id)
        let rounds = try await cohorts.rounds(actor, id).map { round in
            VisioningView.Round(prompt: round.prompt, dates: round.closedOn.map { "\(round.openedOn.longForm) to \($0.longForm)" }
                                    ?? "Open since \(round.openedOn.longForm)",
                                isOpen: round.isOpen, closePath: SiteRoute.cohortSection(id, "rounds/\(round.id)/close").path)
        }
        let open = try await cohorts.rounds(actor, id).first(where: \.isOpen)
        let mine = try await cohorts.myStatements(actor, id).map { statement in
            VisioningView.Mine(kind: statement.kind.label, text: statement.text,
                               withdrawPath: SiteRoute.cohortSection(id, "statements/\(statement.id)/withdraw").path)
        }
        let text = FieldView(name: "text", label: "Your statement", type: "textarea", value: form["text"], errors: errors,
                             hint: "One thing, in a sentence or two. Post as many as you like, one at a time.", rows: 3)
        let prompt = FieldView(name: "prompt", label: "What members are asked", value: form["prompt"], errors: errors,
                               hint: "For example, “Digital learning in our district, now and in three years”.")
        let summary = ErrorSummary(notice: notice, [ErrorSummary.field(id: "kind-current", errors["kind"]), ErrorSummary.field(text),
                                                    ErrorSummary.field(prompt)])
        let view = VisioningView(
            errorSummary: summary, name: loaded.cohort.name, cohortPath: SiteRoute.cohort(id).path, isFacilitator: loaded.isFacilitator,
            isMember: loaded.cohort.isMember(actor.personID), rounds: rounds, openRound: rounds.first(where: \.isOpen),
            postPath: SiteRoute.cohortSection(id, "visioning").path, roundID: open?.id.rawValue ?? "", text: text,
            currentChecked: form["kind"] != "ideal", idealChecked: form["kind"] == "ideal", kindError: errors["kind"],
            anonymousChecked: form["anonymous"] == "yes", mine: mine, hasMine: !mine.isEmpty, prompt: prompt,
            openPath: SiteRoute.cohortSection(id, "rounds").path, themesPath: SiteRoute.cohortSection(id, "themes").path)
        return renderer.render("cohort_visioning", title: ErrorSummary.title("Visioning", summary), content: view, context: context,
                               status: status, section: .cohorts)
    }
}
