import TrellisCore
import TrellisServices

/// The top of every plan page: whose plan, its status, and the guided steps with where the person is.
struct PlanHeader: Encodable {
    struct Step: Encodable {
        let number: Int
        let label: String
        let href: String
        let isCurrent: Bool
        let isDone: Bool
        let state: String
    }

    enum Section: Int, CaseIterable {
        case goals = 1, alignment, actions, evidence, checkIns, reflection

        var label: String {
            switch self {
            case .goals: "Goals"
            case .alignment: "Align to standards"
            case .actions: "Action plan"
            case .evidence: "Evidence"
            case .checkIns: "Check-ins"
            case .reflection: "Reflection"
            }
        }

        var pathSuffix: String {
            switch self {
            case .goals: "goals"
            case .alignment: "alignment"
            case .actions: "actions"
            case .evidence: "evidence"
            case .checkIns: "check-ins"
            case .reflection: "reflection"
            }
        }

        func isDone(_ plan: GrowthPlan) -> Bool {
            switch self {
            case .goals: !plan.goals.isEmpty
            case .alignment: !plan.goals.isEmpty && plan.goals.allSatisfy { !$0.alignedStandardIdentifiers.isEmpty }
            case .actions: !plan.goals.isEmpty && plan.goals.allSatisfy { !$0.writtenActionSteps.isEmpty }
            case .evidence: !plan.evidence.isEmpty
            case .checkIns: !plan.checkIns.isEmpty
            case .reflection: !plan.goals.isEmpty && plan.goals.allSatisfy { plan.reflection.reflection(on: $0.id)?.isWritten == true }
            }
        }
    }

    let title: String
    let status: String
    let statusClass: String
    let overviewPath: String
    let isOverview: Bool
    let steps: [Step]
    let stepsDone: Int
    let stepCount: Int
    let isReadOnly: Bool
    let readOnlyReason: String?
    /// Where the person is and the pages on either side: the one-line step bar a phone shows instead of every step.
    let currentStep: Step?
    let previousStep: Neighbour?
    let nextStep: Neighbour?
    /// The "Review and signature" page, after the six steps; `isReviewPage` when the person is on it.
    let reviewPath: String
    let isReviewPage: Bool

    /// A page beside the current one in the guided order (the overview comes first).
    struct Neighbour: Encodable {
        let href: String
        let label: String
    }

    init(_ loaded: PlanService.Loaded, current: Section?, onReviewPage: Bool = false) {
        let plan = loaded.plan
        title = loaded.isOwner ? "Your \(plan.schoolYear.label) growth plan" : "\(loaded.owner.displayName)’s \(plan.schoolYear.label) growth plan"
        status = plan.status.label
        statusClass = "status--\(plan.status.rawValue)"
        overviewPath = SiteRoute.plan(plan.id).path
        isOverview = current == nil && !onReviewPage
        reviewPath = SiteRoute.planReview(plan.id).path
        isReviewPage = onReviewPage
        steps = Section.allCases.map { section in
            let done = section.isDone(plan)
            return Step(number: section.rawValue, label: section.label, href: SiteRoute.planSection(plan.id, section.pathSuffix).path,
                        isCurrent: section == current, isDone: done, state: done ? "done" : "to do")
        }
        stepsDone = steps.filter(\.isDone).count
        stepCount = steps.count
        isReadOnly = !loaded.canEdit
        readOnlyReason = loaded.canEdit ? nil
            : loaded.isOwner ? "This plan is \(plan.status.label.lowercased()); it can no longer be changed."
            : "\(loaded.owner.displayName) shared this plan with you. You can read it; only they can change it."
        // The review page comes after the six steps in the guided order, without being a step of its own.
        let position = onReviewPage ? Section.allCases.count + 1 : current?.rawValue ?? 0
        currentStep = (1...Section.allCases.count).contains(position) ? steps[position - 1] : nil
        let order = [Neighbour(href: overviewPath, label: "Overview")]
            + Section.allCases.map { Neighbour(href: SiteRoute.planSection(plan.id, $0.pathSuffix).path, label: "Step \($0.rawValue): \($0.label)") }
            + [Neighbour(href: reviewPath, label: "Review and signature")]
        previousStep = position > 0 ? order[position - 1] : nil
        nextStep = position + 1 < order.count ? order[position + 1] : nil
    }
}
