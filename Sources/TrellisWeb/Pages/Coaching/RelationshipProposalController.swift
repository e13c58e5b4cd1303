import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// Proposing to work together: a coach invites an educator (`/coaching/invite`, found by name), an educator asks one of
/// the district's coaches (`/coaching/ask`). A refused proposal comes back with its message at the field and
/// everything typed kept.
struct RelationshipProposalController {
    let renderer: PageRenderer
    let coaching: CoachingService
    let secure: Bool

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/coaching/invite", use: invitePage)
        router.post("/coaching/invite", use: invite)
        router.get("/coaching/ask", use: askPage)
        router.post("/coaching/ask", use: ask)
    }

    func invitePage(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let search = String((request.uri.queryParameters.get("q") ?? "").prefix(100))
        return try await renderInvite(context, search: search, proposal: .init(), errors: FieldErrors(), status: .ok)
    }

    func invite(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let form = try await FormData.from(request)
        let proposal = CoachingService.Proposal(personID: form["educator"], message: form["message"], sharePlan: false)
        do {
            let relationship = try await coaching.invite(actor, proposal, address: context.peerAddress)
            let name = try await coaching.name(actor, of: relationship.educatorID) ?? "The educator"
            return Flash.redirect(to: .coaching, Flash(message: "Your invitation is sent. \(name) sees it in Trellis and can accept or decline."),
                                  secure: secure)
        } catch let errors as FieldErrors {
            return try await renderInvite(context, search: String(form["q"].prefix(100)), proposal: proposal, errors: errors,
                                          status: .unprocessableContent)
        }
    }

    func askPage(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await renderAsk(context, proposal: .init(), errors: FieldErrors(), status: .ok)
    }

    func ask(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let form = try await FormData.from(request)
        let proposal = CoachingService.Proposal(personID: form["coach"], message: form["message"], sharePlan: form["share_plan"] == "yes")
        do {
            let relationship = try await coaching.ask(actor, proposal, address: context.peerAddress)
            let name = try await coaching.name(actor, of: relationship.coachID) ?? "The coach"
            return Flash.redirect(to: actor.has(.coach) ? .coachingMine : .coaching,
                                  Flash(message: "Your request is sent. \(name) sees it in Trellis and can accept or decline."), secure: secure)
        } catch let errors as FieldErrors {
            return try await renderAsk(context, proposal: proposal, errors: errors, status: .unprocessableContent)
        }
    }

    private func renderInvite(_ context: TrellisRequestContext, search: String, proposal: CoachingService.Proposal, errors: FieldErrors,
                              status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        let found = try await coaching.educatorsToInvite(actor, search: search)
        let schools = try await coaching.schoolNames(actor)
        let view = ProposalFormView(
            kind: .invite, search: search,
            people: found.people.map { ($0.id.rawValue, $0.name, $0.schoolID.flatMap { schools[$0] }) }, more: found.more,
            proposal: proposal, errors: errors)
        return renderer.render("coaching_invite", title: ErrorSummary.title("Invite an educator", view.errorSummary), content: view,
                               context: context, status: status, section: .coaching)
    }

    private func renderAsk(_ context: TrellisRequestContext, proposal: CoachingService.Proposal, errors: FieldErrors,
                           status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        let coaches = try await coaching.coachesToAsk(actor)
        let schools = try await coaching.schoolNames(actor)
        let view = ProposalFormView(kind: .ask, search: "", people: coaches.map { ($0.id.rawValue, $0.name, $0.schoolID.flatMap { schools[$0] }) },
                                    more: false, proposal: proposal, errors: errors)
        return renderer.render("coaching_ask", title: ErrorSummary.title("Ask a coach", view.errorSummary), content: view,
                               context: context, status: status, section: .coaching)
    }
}

/// The invite and ask forms: who (radio buttons found by name, or a select of coaches), a message, and for an
/// educator the box that shares their plan with the coach.
struct ProposalFormView {
    enum Kind { case invite, ask }

    struct Person {
        let id: String
        let name: String
        let school: String?
        let selected: Bool
        let domID: String
    }

    let errorSummary: ErrorSummary?
    let action: String
    let field: String
    let fieldID: String
    let personError: String?
    let people: [Person]
    let hasPeople: Bool
    let more: Bool
    let search: String
    let searchAction: String
    let message: FieldView
    let sharePlan: Bool
    let backPath = SiteRoute.coaching.path

    init(kind: Kind, search: String, people: [(id: String, name: String, school: String?)], more: Bool,
         proposal: CoachingService.Proposal, errors: FieldErrors) {
        field = kind == .invite ? "educator" : "coach"
        action = kind == .invite ? SiteRoute.coachingInvite.path : SiteRoute.coachingAsk.path
        searchAction = action
        self.search = search
        personError = errors[field]
        self.people = people.enumerated().map { index, person in
            Person(id: person.id, name: person.name, school: person.school, selected: person.id == proposal.personID, domID: "person-\(index)")
        }
        // The error links to the first choice, or to the select, so the summary's link lands on the question.
        fieldID = kind == .invite ? (self.people.first?.domID ?? "field-q") : "field-coach"
        hasPeople = !people.isEmpty
        self.more = more
        message = FieldView(name: "message", label: kind == .invite ? "A line for them (optional)" : "A line for the coach (optional)",
                            type: "textarea", value: proposal.message, errors: errors,
                            hint: kind == .invite ? "For example, what you could work on together." : "For example, what you would like help with.",
                            required: false)
        sharePlan = proposal.sharePlan
        errorSummary = ErrorSummary([ErrorSummary.field(id: fieldID, personError), ErrorSummary.field(message)])
    }
}
