import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// A PLC's page and what is done on it: the group goal, the group action plan, and linking one's own goal to it.
struct PLCController {
    let renderer: PageRenderer
    let cohorts: CohortService
    let plcs: PLCService
    let secure: Bool

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/cohorts/:cohort/plcs/:plc", use: show)
        router.post("/cohorts/:cohort/plcs/:plc/goal", use: saveGoal)
        router.post("/cohorts/:cohort/plcs/:plc/steps", use: saveStep)
        router.post("/cohorts/:cohort/plcs/:plc/steps/:step", use: saveStep)
        router.post("/cohorts/:cohort/plcs/:plc/steps/:step/remove", use: removeStep)
        router.post("/cohorts/:cohort/plcs/:plc/link", use: link)
        router.post("/cohorts/:cohort/plcs/:plc/unlink", use: unlink)
    }

    func show(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await page(context, goalForm: nil, stepForm: GroupStepForm(), linkValue: "", errors: FieldErrors(), status: .ok)
    }

    func saveGoal(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let (cohortID, id) = (try CohortsController.cohortID(context), try CohortsController.plcID(context))
        let data = try await FormData.from(request)
        var form = GroupGoalForm()
        form.statement = data["statement"]
        form.studentOutcome = data["student_outcome"]
        form.teacherAction = data["teacher_action"]
        form.measure = data["measure"]
        form.baseline = data["baseline"]
        form.target = data["target"]
        form.targetDate = data["target_date"]
        form.themeID = data["theme"]
        do {
            try await plcs.saveGoal(actor, cohortID, id, form, expecting: Int(data["version"]))
            return Flash.redirect(to: .plc(cohortID, id), Flash(message: "The group goal is saved. Here is some feedback on it."), secure: secure)
        } catch let errors as FieldErrors {
            return try await page(context, goalForm: form, stepForm: GroupStepForm(), linkValue: "", errors: errors, status: .unprocessableContent)
        } catch ServiceError.conflict(let message) {
            return try await page(context, goalForm: form, stepForm: GroupStepForm(), linkValue: "", errors: FieldErrors(), notice: message,
                                  status: .conflict)
        }
    }

    func saveStep(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let (cohortID, id) = (try CohortsController.cohortID(context), try CohortsController.plcID(context))
        let stepID = context.parameters.get("step").map(GroupActionStep.ID.init)
        let data = try await FormData.from(request)
        var form = GroupStepForm(what: data["what"], assigneeID: data["assignee"], dueDate: data["due_date"],
                                 status: data["status"].isEmpty ? ActionStep.Status.notStarted.rawValue : data["status"])
        if let stepID {
            // The status form on a step sends only its status; the rest stays as saved.
            let loaded = try await plcs.load(actor, cohortID, id)
            guard let step = loaded.plc.steps.first(where: { $0.id == stepID }) else { throw ServiceError.notFound }
            form = GroupStepForm(what: step.what, assigneeID: step.assigneeID?.rawValue ?? "", dueDate: step.dueDate?.iso ?? "", status: form.status)
        }
        do {
            try await plcs.saveStep(actor, cohortID, id, stepID: stepID, form, expecting: Int(data["version"]))
            return Flash.redirect(to: .plc(cohortID, id), Flash(message: stepID == nil ? "The step is added." : "The step is saved."), secure: secure)
        } catch let errors as FieldErrors {
            return try await page(context, goalForm: nil, stepForm: form, linkValue: "", errors: errors, status: .unprocessableContent)
        } catch ServiceError.conflict(let message) {
            return try await page(context, goalForm: nil, stepForm: form, linkValue: "", errors: FieldErrors(), notice: message, status: .conflict)
        }
    }

    func removeStep(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let (cohortID, id) = (try CohortsController.cohortID(context), try CohortsController.plcID(context))
        let data = try await FormData.from(request)
        do {
            try await plcs.removeStep(actor, cohortID, id, stepID: GroupActionStep.ID(try context.parameters.require("step")), expecting: Int(data["version"]))
        } catch ServiceError.conflict(let message) {
            return try await page(context, goalForm: nil, stepForm: GroupStepForm(), linkValue: "", errors: FieldErrors(), notice: message, status: .conflict)
        }
        return Flash.redirect(to: .plc(cohortID, id), Flash(message: "The step is removed."), secure: secure)
    }

    func link(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let (cohortID, id) = (try CohortsController.cohortID(context), try CohortsController.plcID(context))
        let data = try await FormData.from(request)
        do {
            try await plcs.link(actor, cohortID, id, goal: data["goal"])
            return Flash.redirect(to: .plc(cohortID, id), Flash(message: "Your goal now feeds the group goal."), secure: secure)
        } catch let errors as FieldErrors {
            return try await page(context, goalForm: nil, stepForm: GroupStepForm(), linkValue: data["goal"], errors: errors, status: .unprocessableContent)
        }
    }

    func unlink(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let (cohortID, id) = (try CohortsController.cohortID(context), try CohortsController.plcID(context))
        try await plcs.unlink(actor, cohortID, id)
        return Flash.redirect(to: .plc(cohortID, id), Flash(message: "Your goal no longer feeds the group goal."), secure: secure)
    }

    private func page(_ context: TrellisRequestContext, goalForm: GroupGoalForm?, stepForm: GroupStepForm, linkValue: String,
                      errors: FieldErrors, notice: String? = nil, status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        let (cohortID, id) = (try CohortsController.cohortID(context), try CohortsController.plcID(context))
        let rollUp = try await plcs.rollUp(actor, cohortID, id)
        let loaded = rollUp.plc
        let isMember = loaded.plc.isMember(actor.personID)
        let access = loaded.cohort.access
        let mayReadNotes = Policy.can(actor, .read, .cohort(access, .meetingNotes(members: loaded.members, .sharedWithEducator)))
        let source = PLCPageView.Source(page: rollUp, names: try await cohorts.names(actor, loaded.cohort), themes: try await cohorts.themes(actor, cohortID),
                                        feedback: try await plcs.feedback(actor, loaded),
                                        goalChoices: isMember ? try await plcs.goalChoices(actor) : [], isMember: isMember, mayReadNotes: mayReadNotes)
        let view = PLCPageView(source, goalForm: goalForm ?? GroupGoalForm(loaded.plc.goal, themeID: loaded.plc.themeID), stepForm: stepForm,
                               linkValue: linkValue, errors: errors, notice: notice)
        return renderer.render("cohort_plc", title: ErrorSummary.title(loaded.plc.name, view.errorSummary), content: view, context: context,
                               status: status, section: .cohorts)
    }
}
