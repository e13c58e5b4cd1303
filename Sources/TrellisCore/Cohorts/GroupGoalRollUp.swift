/// How a PLC's group goal stands, made from what each member's own plan says: the goal and its steps, and under
/// it every member with their linked goal's progress (latest check-in level, evidence count, last activity).
///
/// Pure: the caller brings the PLC, the links and the linked plans. A member's goal content (its statement and
/// parts) is shown only when their plan is shared with the PLC and the viewer belongs to it; otherwise only
/// progress shows. Members who have not linked a goal are listed too, so the group sees who is still to join in.
public struct GroupGoalRollUp: Sendable, Hashable {
    /// One member's line in the roll-up.
    public struct MemberLine: Sendable, Hashable {
        public let personID: Person.ID
        /// The linked goal's number in its plan ("goal 2"); nil when nothing is linked.
        public let goalNumber: Int?
        /// The linked goal itself, only when the viewer may read it.
        public let goal: Goal?
        public let level: GoalProgressLevel?
        public let evidenceCount: Int
        /// The latest check-in reporting on the goal, or evidence for it, up to today.
        public let lastActivity: CalendarDate?

        public var isLinked: Bool { goalNumber != nil }

        /// 0 to 100 for a progress bar: a quarter per step of the four-step scale, 0 before any check-in.
        public var percent: Int { (level?.step ?? 0) * 25 }
    }

    public let goal: GroupGoal?
    public let steps: [GroupActionStep]
    public let members: [MemberLine]

    /// The group's progress: the average of linked members' percents, 0 when nobody has linked yet.
    public var percent: Int {
        let linked = members.filter(\.isLinked)
        guard !linked.isEmpty else { return 0 }
        return linked.map(\.percent).reduce(0, +) / linked.count
    }

    public var linkedCount: Int { members.filter(\.isLinked).count }
    public var stepsDone: Int { steps.filter { $0.status == .done }.count }

    /// - Parameters:
    ///   - links: each member's link with the plan it points into. A link to a plan that is not the member's, or
    ///     to a goal the plan no longer has, counts as no link.
    ///   - viewer: who is looking; a member always sees their own goal.
    ///   - viewerBelongs: whether the viewer is in the PLC (or facilitates it), so that sharing with the PLC reaches them.
    public static func make(plc: PLC, links: [(link: GoalLink, plan: GrowthPlan)], viewer: Person.ID, viewerBelongs: Bool,
                            today: CalendarDate) -> GroupGoalRollUp {
        var byMember: [Person.ID: (link: GoalLink, plan: GrowthPlan)] = [:]
        for entry in links where entry.link.plcID == plc.id && entry.plan.ownerID == entry.link.personID
            && entry.plan.id == entry.link.planID {
            byMember[entry.link.personID] = entry
        }
        let lines = plc.memberIDs.map { member -> MemberLine in
            guard let (link, plan) = byMember[member], let goal = plan.goal(link.goalID), let number = plan.number(of: link.goalID) else {
                return MemberLine(personID: member, goalNumber: nil, goal: nil, level: nil, evidenceCount: 0, lastActivity: nil)
            }
            let showsContent = member == viewer || (viewerBelongs && plan.sharing.isSharedWithPLC)
            let reports = plan.checkIns.filter { $0.date <= today && $0.level(for: goal.id) != nil }
            let latest = CheckInSummary.latestCheckIn(reports, asOf: today)
            let evidence = plan.evidence(for: goal.id)
            let activity = (reports.map(\.date) + evidence.map(\.date).filter { $0 <= today }).max()
            return MemberLine(personID: member, goalNumber: number, goal: showsContent ? goal : nil,
                              level: latest?.level(for: goal.id), evidenceCount: evidence.count, lastActivity: activity)
        }
        return GroupGoalRollUp(goal: plc.goal, steps: plc.steps, members: lines)
    }
}
