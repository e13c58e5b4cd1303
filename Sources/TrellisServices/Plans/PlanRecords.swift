import Foundation
import NIOPosix
import TrellisCore
import TrellisStore

/// What accumulates during the year: evidence, check-ins and the reflection at the end.
extension PlanService {
    /// Adds a piece of evidence: a file (checked against its claimed type), a link or a note.
    @discardableResult
    public func addEvidence(_ actor: Actor, _ planID: GrowthPlan.ID, _ form: EvidenceForm, file: UploadedFile?) async throws -> Evidence.ID {
        // Decided before a byte is written: someone the plan is only shared with, or a plan past editing, stores nothing.
        let loaded = try await requireEditable(actor, planID, expecting: form.version)
        var errors = FieldErrors()
        let caption = PlanInput.text(form.caption, field: "caption", limit: PlanInput.shortText, into: &errors)
        if caption.isEmpty, errors["caption"] == nil { errors["caption"] = "Say in a few words what this shows." }
        let date = PlanInput.date(form.date, field: "date", within: nil, required: false, into: &errors) ?? today
        let goals = form.goalIDs.map(Goal.ID.init)
        if !goals.allSatisfy({ loaded.plan.goal($0) != nil }) { errors["goals"] = "Choose goals from the list." }
        let standards = Set(loaded.plan.goals.flatMap(\.alignedStandardIdentifiers))
        if !form.standardIdentifiers.allSatisfy(standards.contains) { errors["standards"] = "Choose standards from the list." }
        var content: Evidence.Content?
        switch Evidence.Kind(rawValue: form.kind) {
        case .file:
            if let file, !file.data.isEmpty {
                switch EvidenceFileCheck.check(filename: file.filename, firstBytes: Array(file.data.prefix(4096)),
                                               byteCount: file.data.count, maximumBytes: maximumUploadBytes) {
                case .failure(let refusal):
                    errors["file"] = refusal.message
                case .success(let accepted):
                    try errors.throwIfAny()
                    guard let vault else { throw ServiceError.conflict("Evidence files cannot be stored here.") }
                    // Stored before the plan is saved, so a saved plan never names a missing file. If that save then
                    // fails (another window saved first) the file stays: the vault is content-addressed, so the same
                    // bytes may already be, or be about to be, named by other evidence in the district, and removing
                    // them could break that evidence. Such a file costs disk space only, and serves the same file
                    // when it is uploaded again. Hashing, writing and flushing megabytes is blocking work: it runs
                    // on the thread pool made for that, not on the threads that serve requests.
                    let data = file.data, organization = actor.organizationID
                    let hash = try await NIOThreadPool.singleton.runIfActive { try vault.put(data, organization: organization) }
                    content = .file(EvidenceFile(contentHash: hash, byteCount: file.data.count, mediaType: accepted.mediaType,
                                                 originalFilename: String(file.filename.suffix(200))))
                }
            } else {
                errors["file"] = "Choose a file to upload."
            }
        case .link:
            let text = form.link.trimmingWhitespace()
            if let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil, text.count <= 2000 {
                content = .link(url)
            } else {
                errors["link"] = "Enter a web address starting with https://"
            }
        case .note:
            let text = PlanInput.text(form.note, field: "note", limit: PlanInput.longText, into: &errors)
            if text.isEmpty, errors["note"] == nil { errors["note"] = "Write the note." }
            content = .note(text)
        case nil:
            errors["kind"] = "Choose a file, a link or a note."
        }
        try errors.throwIfAny()
        let evidence = Evidence(id: env.ids.make(), content: content!, caption: caption, date: date, goalIDs: goals,
                                standardIdentifiers: form.standardIdentifiers)
        try await update(actor, planID, expecting: form.version) { $0.evidence.append(evidence) }
        return evidence.id
    }

    /// The plan, if the actor may change it now: its owner, while its status allows editing and, given the version
    /// the person's page was made from, nothing was saved since. Pages call it before reading an upload's file.
    @discardableResult
    public func requireEditable(_ actor: Actor, _ planID: GrowthPlan.ID, expecting version: Int? = nil,
                                allowWhenLocked: Bool = false) async throws -> Loaded {
        // The plan as this instance keeps it will do when it is the version the page was made from: the save's UPDATE
        // names that version, so a save made elsewhere in the meantime still meets it as the conflict it is, one
        // statement sooner than reading the latest version first would have found it.
        var loaded = try await load(actor, planID, latest: version == nil)
        if let version, loaded.version != version { loaded = try await load(actor, planID, latest: true) }
        try Self.checkEditable(loaded, expecting: version, allowWhenLocked: allowWhenLocked)
        return loaded
    }

    public func deleteEvidence(_ actor: Actor, _ planID: GrowthPlan.ID, evidenceID: Evidence.ID, expecting version: Int? = nil) async throws {
        try await update(actor, planID, expecting: version) { plan in
            guard plan.evidence.contains(where: { $0.id == evidenceID }) else { throw ServiceError.notFound }
            plan.evidence.removeAll { $0.id == evidenceID }
        }
    }

    /// An evidence file's bytes, for someone who may see the plan.
    public func evidenceFile(_ actor: Actor, _ planID: GrowthPlan.ID, evidenceID: Evidence.ID) async throws -> (EvidenceFile, Data) {
        let loaded = try await load(actor, planID)
        guard let evidence = loaded.plan.evidence.first(where: { $0.id == evidenceID }), case .file(let file) = evidence.content else {
            throw ServiceError.notFound
        }
        do {
            guard let vault else { throw ServiceError.notFound }
            return (file, try vault.get(hash: file.contentHash, organization: actor.organizationID))
        } catch {
            env.logger.error("evidence file \(file.contentHash) of plan \(planID) is missing from the data directory")
            throw ServiceError.notFound
        }
    }

    /// Records a check-in: progress on each goal, what happened, what is next, what gets in the way.
    public func checkIn(_ actor: Actor, _ planID: GrowthPlan.ID, _ form: CheckInForm, expecting version: Int? = nil) async throws {
        try await update(actor, planID, expecting: version, allowWhenLocked: false) { plan in
            var errors = FieldErrors()
            let date = PlanInput.date(form.date, field: "date", within: plan.schoolYear, required: true, into: &errors)
            if let date, date > today { errors["date"] = "A check-in is about what has happened: choose today or an earlier day." }
            var progress: [GoalProgress] = []
            for goal in plan.goals {
                let raw = form.progress[goal.id.rawValue] ?? ""
                if raw.isEmpty { continue }
                if let level = GoalProgressLevel(rawValue: raw) {
                    progress.append(GoalProgress(goalID: goal.id, level: level))
                } else {
                    errors["progress_\(goal.id)"] = "Choose one of the four steps."
                }
            }
            let happened = PlanInput.text(form.whatHappened, field: "what_happened", limit: PlanInput.longText, into: &errors)
            let next = PlanInput.text(form.whatsNext, field: "whats_next", limit: PlanInput.longText, into: &errors)
            let obstacles = PlanInput.text(form.obstacles, field: "obstacles", limit: PlanInput.longText, into: &errors)
            if progress.isEmpty, happened.isEmpty, errors.isEmpty {
                errors["what_happened"] = "Mark your progress on a goal or write what happened."
            }
            try errors.throwIfAny()
            plan.checkIns.append(CheckIn(id: env.ids.make(), date: date!, progress: progress, whatHappened: happened,
                                         whatsNext: next, obstacles: obstacles))
        }
    }

    /// Saves the end-of-year reflection; partial reflections are kept as drafts.
    public func reflect(_ actor: Actor, _ planID: GrowthPlan.ID, _ form: ReflectionForm, expecting version: Int? = nil) async throws {
        try await update(actor, planID, expecting: version) { plan in
            var errors = FieldErrors()
            var goals: [GoalReflection] = []
            for goal in plan.goals {
                let part = form.goals[goal.id.rawValue] ?? ReflectionForm.GoalPart()
                let id = goal.id.rawValue
                goals.append(GoalReflection(
                    goalID: goal.id,
                    studentChange: PlanInput.text(part.studentChange, field: "student_change_\(id)", limit: PlanInput.longText, into: &errors),
                    practiceChange: PlanInput.text(part.practiceChange, field: "practice_change_\(id)", limit: PlanInput.longText, into: &errors),
                    evidenceThatShowsIt: PlanInput.text(part.evidenceThatShowsIt, field: "evidence_\(id)", limit: PlanInput.longText, into: &errors)))
            }
            let nextSteps = PlanInput.text(form.nextSteps, field: "next_steps", limit: PlanInput.longText, into: &errors)
            try errors.throwIfAny()
            plan.reflection = Reflection(goals: goals, nextSteps: nextSteps)
        }
    }
}
