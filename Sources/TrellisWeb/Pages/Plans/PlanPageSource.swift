import TrellisCore
import TrellisServices

/// What a plan's step page shows when it is opened afresh (no form sent back, no message): the plan at one version as
/// one reader may see it, on one day. Such a page is rendered once per source and layout and then answered from
/// memory (`PageRenderer.render(_:source:…)`), as the overview is: a teacher goes back and forth between the action plan
/// and the check-in page, and rendering them again each time was most of what the server did for them.
struct PlanPageSource: Hashable, IdentifiedPageSource {
    let loaded: PlanService.Loaded
    let today: CalendarDate

    /// What names the page: a version names the plan's whole content, so the kept page holds these few fields rather
    /// than the plan, which would otherwise stay in memory with every page kept of a version long saved over.
    struct Identity: Hashable {
        let planID: GrowthPlan.ID
        let version: Int
        let isOwner: Bool
        let canEdit: Bool
        let ownerName: String
        let today: CalendarDate
    }

    var identity: Identity {
        Identity(planID: loaded.plan.id, version: loaded.version, isOwner: loaded.isOwner, canEdit: loaded.canEdit,
                 ownerName: loaded.owner.displayName, today: today)
    }

    static func == (lhs: PlanPageSource, rhs: PlanPageSource) -> Bool { lhs.identity == rhs.identity }

    func hash(into hasher: inout Hasher) { identity.hash(into: &hasher) }
}
