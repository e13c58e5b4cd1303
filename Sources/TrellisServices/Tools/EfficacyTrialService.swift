import Foundation
import TrellisCore
import TrellisStore

/// Efficacy trials: a coach starts one with the educators they coach, on an approved tool; the coach and those
/// educators write in it; its summary reaches the adoption view only when shared. Each change is one transaction with
/// its audit event (who, which tool, the verdict; never the notes or what people said) and notices to new educators.
public struct EfficacyTrialService: Sendable {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    public var today: CalendarDate { env.today }

    public static let changedElsewhere = "This trial was changed by someone else since this page was opened, so nothing is saved yet. "
        + "Here is what you typed: look it over and save again."

    /// A trial with what its page needs.
    public struct Detail: Sendable {
        public let trial: EfficacyTrial
        public let version: Int
        public let tool: DigitalTool
        public let names: [Person.ID: String]
        /// The attached evidence the reader may see, by its form key, as "caption (date)".
        public let evidence: [(key: String, label: String)]
    }

    /// Someone the coach works with, offered as an educator of the trial.
    public struct Choice: Sendable, Hashable {
        public let id: String
        public let label: String
    }

    /// The trials the actor is in, the latest first, with their tools.
    public func mine(_ actor: Actor) async throws -> [(trial: EfficacyTrial, tool: DigitalTool?)] {
        let trials = try await env.scope(actor).efficacyTrials.trials(involving: actor.personID).map(\.trial)
        let tools = try await env.scope(actor).digitalTools.tools(Set(trials.map(\.toolID)))
        return trials.map { ($0, tools[$0.toolID]) }
    }

    /// Whether the actor may start trials (a coach).
    public func mayStart(_ actor: Actor) -> Bool { Policy.can(actor, .create, .trials(actor.organizationID)) }

    /// The trial, if the actor is in it; for anyone else it does not exist.
    public func trial(_ actor: Actor, _ id: EfficacyTrial.ID) async throws -> Detail {
        let scope = env.scope(actor)
        guard let stored = try await scope.efficacyTrials.find(id),
              Policy.can(actor, .read, .trial(TrialAccess(stored.trial), .record)),
              let tool = try await scope.digitalTools.find(stored.trial.toolID)?.tool else { throw ServiceError.notFound }
        let names = try await scope.people.names(of: Set([stored.trial.coachID] + stored.trial.educatorIDs))
        let offered = try await evidenceChoices(actor, educators: stored.trial.educatorIDs)
        let attached = Set(stored.trial.evidence.map(TrialForm.evidenceKey))
        return Detail(trial: stored.trial, version: stored.version, tool: tool, names: names,
                      evidence: offered.filter { attached.contains($0.id) }.map { ($0.id, $0.label) })
    }

    /// The educators a coach may add: those they coach now, and any already in the trial.
    public func educatorChoices(_ actor: Actor, keeping current: [Person.ID] = []) async throws -> [Choice] {
        let relationships = try await env.scope(actor).coachingRelationships.relationships(coach: actor.personID, in: [.active])
        let ids = Set(relationships.map(\.relationship.educatorID) + current)
        let names = try await env.scope(actor).people.names(of: ids)
        return ids.map { Choice(id: $0.rawValue, label: names[$0] ?? "someone") }.sorted { ($0.label, $0.id) < ($1.label, $1.id) }
    }

    /// Evidence in the educators' plans that the actor may read, to attach to the trial.
    public func evidenceChoices(_ actor: Actor, educators: [Person.ID]) async throws -> [Choice] {
        let plans = PlanService(env, vault: nil)
        var choices: [Choice] = []
        for educator in educators {
            for summary in try await env.scope(actor).plans.plans(ownedBy: educator) {
                guard let loaded = try? await plans.load(actor, summary.id) else { continue }
                choices += loaded.plan.evidence.map { evidence in
                    Choice(id: TrialForm.evidenceKey(EvidenceReference(planID: loaded.plan.id, evidenceID: evidence.id)),
                           label: "\(evidence.caption) (\(evidence.date.longForm))")
                }
            }
        }
        return choices
    }

    /// Starts a trial, the actor its coach.
    public func start(_ actor: Actor, _ form: TrialForm, address: String? = nil) async throws -> EfficacyTrial.ID {
        guard mayStart(actor) else { throw ServiceError.forbidden }
        var trial = EfficacyTrial(id: env.ids.make(), organizationID: actor.organizationID, toolID: .init(""), coachID: actor.personID,
                                  educatorIDs: [], goal: "", question: "", startsOn: today)
        let tool = try await apply(form, to: &trial, actor, previousTool: nil)
        try await env.database.transaction { [trial] tx in
            let scope = OrganizationScope(tx, organizationID: actor.organizationID)
            try await scope.efficacyTrials.create(trial, at: env.clock.now())
            try await scope.audit.append(env.event(.trialStarted, in: actor.organizationID, by: actor.personID, about: nil,
                                                   detail: "started a trial of \(tool.name) with \(Self.educators(trial.educatorIDs.count))",
                                                   address: address))
            try await notify(scope, trial.educatorIDs, of: trial, tool: tool, by: actor)
        }
        return trial.id
    }

    /// Saves a changed trial: its coach or one of its educators. A stale page is refused with the person's text kept.
    public func update(_ actor: Actor, _ id: EfficacyTrial.ID, _ form: TrialForm, address: String? = nil) async throws {
        let detail = try await trial(actor, id)
        guard Policy.can(actor, .update, .trial(TrialAccess(detail.trial), .record)) else { throw ServiceError.forbidden }
        if let version = form.version, version != detail.version { throw ServiceError.conflict(Self.changedElsewhere) }
        var trial = detail.trial
        let tool = try await apply(form, to: &trial, actor, previousTool: detail.trial.toolID)
        let added = trial.educatorIDs.filter { !detail.trial.educatorIDs.contains($0) }
        var said = "changed the trial of \(tool.name)"
        if trial.verdict != detail.trial.verdict { said += trial.verdict.map { "; verdict: \($0.label.lowercased())" } ?? "; verdict cleared" }
        if trial.visibility != detail.trial.visibility { said += trial.visibility == .sharedSummary ? "; summary shared" : "; summary unshared" }
        do {
            try await env.database.transaction { [trial, said] tx in
                let scope = OrganizationScope(tx, organizationID: actor.organizationID)
                try await scope.efficacyTrials.update(trial, expecting: detail.version)
                try await scope.audit.append(env.event(.trialChanged, in: actor.organizationID, by: actor.personID, about: nil,
                                                       detail: said, address: address))
                try await notify(scope, added, of: trial, tool: tool, by: actor)
            }
        } catch is EfficacyTrialStore.Conflict {
            throw ServiceError.conflict(Self.changedElsewhere)
        }
    }

    /// Checks the form against the district and writes it into `trial`; every mistake at its field.
    private func apply(_ form: TrialForm, to trial: inout EfficacyTrial, _ actor: Actor, previousTool: DigitalTool.ID?) async throws -> DigitalTool {
        var errors = FieldErrors()
        form.applyText(to: &trial, errors: &errors)
        let scope = env.scope(actor)
        var tool: DigitalTool?
        if let found = try await scope.digitalTools.find(DigitalTool.ID(form.tool.trimmingWhitespace()))?.tool,
           Policy.can(actor, .read, .tool(ToolAccess(found))) {
            // A trial keeps a tool retired while it ran; a new choice must be approved.
            if found.approval == .approved || found.id == previousTool { tool = found }
            else { errors["tool"] = "\(found.name) is not approved for use in classrooms yet. Choose an approved tool, or ask a district admin to approve it." }
        } else {
            errors["tool"] = "Choose a tool from the catalogue."
        }
        let allowed = Set(try await educatorChoices(actor, keeping: trial.educatorIDs).map(\.id))
        let chosen = form.educators.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        if chosen.isEmpty { errors["educators"] = "Choose at least one educator who runs the trial with you." }
        else if !chosen.allSatisfy(allowed.contains) || chosen.contains(trial.coachID.rawValue) {
            errors["educators"] = "Choose educators from the list: the people you coach."
        }
        let educators = Array(Set(chosen)).sorted().map(Person.ID.init)
        let offered = Set(try await evidenceChoices(actor, educators: educators).map(\.id))
        // Evidence already attached stays even when the reader cannot see its plan: only its own people remove it.
        let kept = Set(trial.evidence.map(TrialForm.evidenceKey))
        if !form.evidence.allSatisfy({ offered.contains($0) || kept.contains($0) }) {
            errors["evidence"] = "Choose evidence from the educators' plans in the list."
        }
        try errors.throwIfAny()
        trial.toolID = tool!.id
        trial.educatorIDs = educators
        let invisible = trial.evidence.filter { !offered.contains(TrialForm.evidenceKey($0)) }
        trial.evidence = invisible + form.evidence.filter(offered.contains).compactMap { key in
            let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
            return parts.count == 2 ? EvidenceReference(planID: .init(parts[0]), evidenceID: .init(parts[1])) : nil
        }
        return tool!
    }

    private func notify(_ scope: OrganizationScope, _ people: [Person.ID], of trial: EfficacyTrial, tool: DigitalTool, by actor: Actor) async throws {
        guard !people.isEmpty else { return }
        let coach = try await scope.people.names(of: [actor.personID])[actor.personID] ?? "Your coach"
        for person in people where person != actor.personID {
            try await scope.notifications.add(PersonNotification(
                id: env.ids.make(), organizationID: scope.organizationID, personID: person, kind: .trialJoined,
                message: "\(coach) added you to a trial of \(tool.name).", link: "/trials/\(trial.id)", createdAt: env.clock.now()))
        }
    }

    static func educators(_ count: Int) -> String { count == 1 ? "1 educator" : "\(count) educators" }
}
