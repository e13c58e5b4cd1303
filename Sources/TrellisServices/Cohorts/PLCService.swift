import Foundation
import TrellisCore
import TrellisStore

/// A cohort's PLCs: the facilitator splits the cohort into them; each PLC picks a theme, writes its group goal and
/// its action plan. Linking members' own goals, the roll-up and meeting notes are in `PLCService+Links`.
public struct PLCService: Sendable {
    let env: ServiceEnvironment
    let cohorts: CohortService

    public init(_ env: ServiceEnvironment) {
        self.env = env
        self.cohorts = CohortService(env)
    }

    public var today: CalendarDate { env.today }

    /// A PLC as the person asking may see it, with its cohort.
    public struct Loaded: Sendable {
        public let cohort: CohortService.Loaded
        public let plc: PLC
        public let version: Int
        public var members: Set<Person.ID> { Set(plc.memberIDs) }
        /// Whether the actor may change the group goal and plan.
        public let canEdit: Bool
    }

    /// The PLC, if it is in this cohort and the actor may do `action` to it (see `CohortService.load` for 404 and 403).
    public func load(_ actor: Actor, _ cohortID: Cohort.ID, _ id: PLC.ID, may action: Action = .read) async throws -> Loaded {
        let cohort = try await cohorts.load(actor, cohortID)
        guard let stored = try await env.scope(actor).plcs.find(id), stored.plc.cohortID == cohortID else { throw ServiceError.notFound }
        let part = CohortPart.plc(members: Set(stored.plc.memberIDs))
        guard Policy.can(actor, action, .cohort(cohort.access, part)) else { throw ServiceError.forbidden }
        return Loaded(cohort: cohort, plc: stored.plc, version: stored.version,
                      canEdit: Policy.can(actor, .update, .cohort(cohort.access, part)))
    }

    public func plcs(_ actor: Actor, _ cohortID: Cohort.ID) async throws -> [PLCStore.Stored] {
        _ = try await cohorts.load(actor, cohortID)
        return try await env.scope(actor).plcs.plcs(of: cohortID)
    }

    /// Makes a PLC of some of the cohort's members (facilitator only).
    @discardableResult
    public func create(_ actor: Actor, _ cohortID: Cohort.ID, name: String, members: [String]) async throws -> PLC {
        let cohort = try await cohorts.load(actor, cohortID, may: .update, .setup)
        let (trimmed, memberIDs) = try validate(name: name, members: members, in: cohort.cohort)
        let plc = PLC(id: env.ids.make(), cohortID: cohortID, name: trimmed, memberIDs: memberIDs)
        try await cohorts.write(actor) { tx in
            try await tx.plcs.create(plc, at: env.clock.now())
            try await tx.audit.append(cohorts.event(actor, "made PLC \(plc.id) of \(memberIDs.count) in cohort \(cohortID)"))
        }
        return plc
    }

    /// Renames a PLC or changes who is in it (facilitator only); members who leave lose their link.
    public func setMembers(_ actor: Actor, _ cohortID: Cohort.ID, _ id: PLC.ID, name: String, members: [String],
                           expecting version: Int?) async throws {
        let loaded = try await load(actor, cohortID, id)
        guard loaded.cohort.isFacilitator else { throw ServiceError.forbidden }
        let (trimmed, memberIDs) = try validate(name: name, members: members, in: loaded.cohort.cohort)
        var plc = loaded.plc
        let leaving = plc.memberIDs.filter { !memberIDs.contains($0) }
        plc.name = trimmed
        plc.memberIDs = memberIDs
        plc.steps = plc.steps.map { step in
            var step = step
            if let assignee = step.assigneeID, !memberIDs.contains(assignee) { step.assigneeID = nil }
            return step
        }
        try await save(actor, plc, loaded, expecting: version, "changed members of PLC \(id)") { tx in
            for person in leaving { try await tx.plcs.unlink(person, from: id) }
        }
    }

    /// Feedback on the PLC's group goal as it is saved, with the district's guiding questions; none before it is written.
    public func feedback(_ actor: Actor, _ loaded: Loaded) async throws -> [SMARTNote] {
        guard let goal = loaded.plc.goal else { return [] }
        return goal.feedback(in: loaded.cohort.cohort.schoolYear, questions: try await env.scope(actor).guidingQuestions() ?? .standard)
    }

    /// Picks the PLC's theme and writes its group goal. Returns SMART feedback on the goal, as for an educator's own.
    @discardableResult
    public func saveGoal(_ actor: Actor, _ cohortID: Cohort.ID, _ id: PLC.ID, _ form: GroupGoalForm,
                         expecting version: Int?) async throws -> [SMARTNote] {
        let loaded = try await load(actor, cohortID, id, may: .update)
        var errors = FieldErrors()
        func text(_ value: String, _ field: String, limit: Int = 4000) -> String {
            let trimmed = value.trimmingWhitespace()
            if trimmed.count > limit { errors[field] = "Use at most \(limit) characters (this has \(trimmed.count))." }
            return trimmed
        }
        let statement = text(form.statement, "statement")
        if statement.isEmpty { errors["statement"] = "Write the group goal in a sentence or two: what will change for students, and what you will do together." }
        let year = loaded.cohort.cohort.schoolYear
        var goal = GroupGoal(statement: statement, studentOutcome: text(form.studentOutcome, "student_outcome"),
                             teacherAction: text(form.teacherAction, "teacher_action"), measure: text(form.measure, "measure"),
                             baseline: text(form.baseline, "baseline", limit: 300), target: text(form.target, "target", limit: 300))
        goal.targetDate = date(form.targetDate, field: "target_date", within: year, into: &errors)
        let themes = try await env.scope(actor).visioning.themes(of: cohortID)
        let themeID = form.themeID.isEmpty ? nil : Theme.ID(form.themeID)
        if let themeID, !themes.contains(where: { $0.id == themeID }) { errors["theme"] = "Choose one of the cohort’s themes." }
        try errors.throwIfAny()
        var plc = loaded.plc
        plc.goal = goal
        plc.themeID = themeID
        try await save(actor, plc, loaded, expecting: version, "wrote the group goal of PLC \(id)")
        return goal.feedback(in: year, questions: try await env.scope(actor).guidingQuestions() ?? .standard)
    }

    /// Adds a step to the group action plan (`stepID` nil) or saves one; the assignee must be in the PLC.
    public func saveStep(_ actor: Actor, _ cohortID: Cohort.ID, _ id: PLC.ID, stepID: GroupActionStep.ID?, _ form: GroupStepForm,
                         expecting version: Int?) async throws {
        let loaded = try await load(actor, cohortID, id, may: .update)
        var plc = loaded.plc
        let index = stepID.flatMap { step in plc.steps.firstIndex { $0.id == step } }
        if stepID != nil, index == nil { throw ServiceError.notFound }
        var errors = FieldErrors()
        let what = form.what.trimmingWhitespace()
        if what.isEmpty || what.count > 1000 { errors["what"] = "Say what will be done, in at most 1000 characters." }
        let assignee = form.assigneeID.isEmpty ? nil : Person.ID(form.assigneeID)
        if let assignee, !plc.isMember(assignee) { errors["assignee"] = "Assign the step to a member of this PLC, or to the whole group." }
        let due = date(form.dueDate, field: "due_date", within: nil, into: &errors)
        let status = ActionStep.Status(rawValue: form.status)
        if status == nil { errors["status"] = "Choose where the step stands." }
        try errors.throwIfAny()
        let step = GroupActionStep(id: stepID ?? env.ids.make(), what: what, assigneeID: assignee, dueDate: due, status: status!)
        if let index { plc.steps[index] = step } else { plc.steps.append(step) }
        try await save(actor, plc, loaded, expecting: version, "\(index == nil ? "added" : "changed") a step of PLC \(id)")
    }

    public func removeStep(_ actor: Actor, _ cohortID: Cohort.ID, _ id: PLC.ID, stepID: GroupActionStep.ID, expecting version: Int?) async throws {
        let loaded = try await load(actor, cohortID, id, may: .update)
        guard loaded.plc.steps.contains(where: { $0.id == stepID }) else { throw ServiceError.notFound }
        var plc = loaded.plc
        plc.steps.removeAll { $0.id == stepID }
        try await save(actor, plc, loaded, expecting: version, "removed a step of PLC \(id)")
    }

    func save(_ actor: Actor, _ plc: PLC, _ loaded: Loaded, expecting version: Int?, _ detail: String,
              also: @Sendable (OrganizationScope) async throws -> Void = { _ in }) async throws {
        if let version, version != loaded.version { throw ServiceError.conflict(CohortService.changedElsewhere) }
        try await cohorts.write(actor) { tx in
            try await tx.plcs.update(plc, expecting: loaded.version)
            try await also(tx)
            try await tx.audit.append(cohorts.event(actor, detail))
        }
    }

    private func validate(name: String, members: [String], in cohort: Cohort) throws -> (String, [Person.ID]) {
        var errors = FieldErrors()
        let trimmed = name.trimmingWhitespace()
        if trimmed.isEmpty || trimmed.count > 120 { errors["name"] = "Name the PLC in at most 120 characters, e.g. “Cascade Elementary team”." }
        var seen: Set<String> = []
        let ids = members.filter { seen.insert($0).inserted }.map(Person.ID.init)
        if ids.isEmpty {
            errors["members"] = "Choose at least one member of the cohort."
        } else if !ids.allSatisfy(cohort.isMember) {
            errors["members"] = "Choose members of this cohort: a PLC is made of the cohort’s people."
        }
        try errors.throwIfAny()
        return (trimmed, ids)
    }

    func date(_ value: String, field: String, within year: SchoolYear?, into errors: inout FieldErrors) -> CalendarDate? {
        let trimmed = value.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        guard let date = CalendarDate(iso: trimmed) else {
            errors[field] = "Enter a date like 2027-05-15."
            return nil
        }
        if let year, !year.contains(date) {
            errors[field] = "Choose a date in the \(year.label) school year (\(year.startDate.longForm) to \(year.endDate.longForm))."
        }
        return date
    }
}
