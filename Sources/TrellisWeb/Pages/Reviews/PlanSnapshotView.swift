import Foundation
import TrellisCore

/// A submitted plan as its reviewer reads it, read-only: each goal with its SMART parts, aligned standards, action
/// steps, evidence and reflection, then the check-ins and next steps. Made from the snapshot, never from the live plan.
struct PlanSnapshotView {
    struct Line {
        let label: String
        let text: String
    }

    struct StandardLabel {
        let code: String
        let title: String
    }

    struct EvidenceLine {
        let caption: String
        let kind: String
        let date: String
        let link: String?
        let note: String?
        let downloadPath: String?
        let fileDetail: String?
    }

    struct GoalPart {
        let number: Int
        let goalID: String
        let statement: String
        let parts: [Line]
        let hasParts: Bool
        let standards: [StandardLabel]
        let hasStandards: Bool
        let steps: [Line]
        let hasSteps: Bool
        let evidence: [EvidenceLine]
        let hasEvidence: Bool
        let reflection: [Line]
        let hasReflection: Bool
    }

    struct CheckInLine {
        let date: String
        let iso: String
        let progress: [String]
        let answers: [Line]
    }

    let goals: [GoalPart]
    let otherEvidence: [EvidenceLine]
    let hasOtherEvidence: Bool
    let checkIns: [CheckInLine]
    let hasCheckIns: Bool
    let nextSteps: String?

    /// `download` gives the address of an evidence file for this reader (the signed-in reviewer's or the link's).
    init(_ plan: GrowthPlan, standards: [String: Standard], download: (Evidence.ID) -> String) {
        func evidenceLine(_ evidence: Evidence) -> EvidenceLine {
            var link: String?, note: String?, path: String?, detail: String?
            switch evidence.content {
            case .link(let url): link = url.absoluteString
            case .note(let text): note = text
            case .file(let file):
                path = download(evidence.id)
                detail = "\(file.originalFilename), \(ByteCountFormatter.string(fromByteCount: Int64(file.byteCount), countStyle: .file))"
            }
            return EvidenceLine(caption: evidence.caption, kind: evidence.kind.label, date: evidence.date.longForm, link: link, note: note,
                                downloadPath: path, fileDetail: detail)
        }
        goals = plan.goals.enumerated().map { index, goal in
            let parts = [("Student outcome", goal.studentOutcome), ("Teacher action", goal.teacherAction), ("Measure", goal.measure),
                         ("Baseline", goal.baseline), ("Target", goal.target), ("Target date", goal.targetDate?.longForm ?? "")]
                .filter { !$0.1.isEmpty }.map { Line(label: $0.0, text: $0.1) }
            let aligned = goal.alignedStandardIdentifiers.map { id in
                standards[id].map { StandardLabel(code: $0.code, title: $0.title + ($0.isRetired ? " (retired)" : "")) }
                    ?? StandardLabel(code: "?", title: "A standard no longer offered")
            }
            let steps = goal.writtenActionSteps.map { step in
                var detail = [step.status.label]
                if let due = step.dueDate { detail.append("by \(due.longForm)") }
                if let hours = step.estimatedHours { detail.append("about \(hours.formatted()) hours") }
                if !step.supportNeeded.isEmpty { detail.append("support: \(step.supportNeeded)") }
                return Line(label: step.what, text: detail.joined(separator: " · "))
            }
            let evidence = plan.evidence(for: goal.id).map(evidenceLine)
            let saved = plan.reflection.reflection(on: goal.id)
            let reflection = [("What changed for students", saved?.studentChange ?? ""), ("What changed in practice", saved?.practiceChange ?? ""),
                              ("Evidence that shows it", saved?.evidenceThatShowsIt ?? "")]
                .filter { !$0.1.isEmpty }.map { Line(label: $0.0, text: $0.1) }
            return GoalPart(number: index + 1, goalID: goal.id.rawValue, statement: goal.statement, parts: parts, hasParts: !parts.isEmpty, standards: aligned,
                            hasStandards: !aligned.isEmpty, steps: steps, hasSteps: !steps.isEmpty, evidence: evidence,
                            hasEvidence: !evidence.isEmpty, reflection: reflection, hasReflection: !reflection.isEmpty)
        }
        otherEvidence = plan.evidence.filter(\.goalIDs.isEmpty).map(evidenceLine)
        hasOtherEvidence = !otherEvidence.isEmpty
        checkIns = plan.checkIns.sorted { $0.date > $1.date }.map { checkIn in
            CheckInLine(date: checkIn.date.longForm, iso: checkIn.date.iso,
                        progress: checkIn.progress.compactMap { item in plan.number(of: item.goalID).map { "Goal \($0): \(item.level.label)" } },
                        answers: [("What happened", checkIn.whatHappened), ("Next", checkIn.whatsNext), ("In the way", checkIn.obstacles)]
                            .filter { !$0.1.isEmpty }.map { Line(label: $0.0, text: $0.1) })
        }
        hasCheckIns = !checkIns.isEmpty
        nextSteps = plan.reflection.nextSteps.nonEmpty
    }
}
