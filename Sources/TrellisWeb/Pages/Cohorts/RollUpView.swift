import TrellisCore

/// A PLC's roll-up as the pages show it: the group's bar, then each member with their linked goal's progress.
/// Bars are small inline SVGs whose width is the percent; the same words are in text beside them, so the picture
/// is never the only way to read it.
struct RollUpView {
    struct Member {
        let name: String
        let role: String
        let isLinked: Bool
        let goalLabel: String?
        /// The goal's statement, only when the member shares it with the PLC (or is the one looking).
        let statement: String?
        let level: String
        let percent: String
        let evidence: String
        let lastActivity: String?
    }

    let percent: String
    let summary: String
    let members: [Member]
    let hasMembers: Bool

    init(_ rollUp: GroupGoalRollUp, names: [Person.ID: String], roles: [Person.ID: String]) {
        percent = String(rollUp.percent)
        summary = "\(rollUp.linkedCount) of \(Plural.count(rollUp.members.count, "member")) linked a goal · "
            + "\(rollUp.stepsDone) of \(Plural.count(rollUp.steps.count, "step")) done"
        members = rollUp.members.map { line in
            Member(name: names[line.personID] ?? "A former member", role: roles[line.personID] ?? "",
                   isLinked: line.isLinked, goalLabel: line.goalNumber.map { "Goal \($0)" }, statement: line.goal?.statement,
                   level: line.level?.label ?? (line.isLinked ? "No check-in yet" : "No goal linked yet"),
                   percent: String(line.percent), evidence: Plural.count(line.evidenceCount, "piece of evidence", plural: "pieces of evidence"),
                   lastActivity: line.lastActivity?.longForm)
        }
        hasMembers = !members.isEmpty
    }
}
