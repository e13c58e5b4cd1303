import TrellisCore
import TrellisServices

/// What a plan's step page shows when it is opened afresh (no form sent back, no message): the plan at one version as
/// one reader may see it, on one day. Such a page is rendered once per source and layout and then answered from
/// memory (`PageRenderer.render(_:source:…)`), as the overview is: a teacher goes back and forth between the action plan
/// and the check-in page, and rendering them again each time was most of what the server did for them.
struct PlanPageSource: Hashable {
    let loaded: PlanService.Loaded
    let today: CalendarDate

    // Written out rather than synthesized: this runs on every view of a plan, and comparing a few fields directly is
    // far cheaper than boxing them; a version names the plan's whole content.
    static func == (lhs: PlanPageSource, rhs: PlanPageSource) -> Bool {
        lhs.loaded.plan.id == rhs.loaded.plan.id && lhs.loaded.version == rhs.loaded.version
            && lhs.loaded.isOwner == rhs.loaded.isOwner && lhs.loaded.canEdit == rhs.loaded.canEdit
            && lhs.loaded.owner.displayName == rhs.loaded.owner.displayName && lhs.today == rhs.today
    }

    /// The fields that usually differ; equal sources always hash the same, which is all a hash must do.
    func hash(into hasher: inout Hasher) {
        hasher.combine(loaded.plan.id)
        hasher.combine(loaded.version)
        hasher.combine(loaded.isOwner)
        hasher.combine(today)
    }
}
