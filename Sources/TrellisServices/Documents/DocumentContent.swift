import Foundation
import TrellisCore
import TrellisDocuments
import TrellisStore

/// A growth plan as the printable plan shows it: texts as written, dates as dates, standards by code and title,
/// statuses and kinds in the words the pages use.
enum PlanDocumentContent {
    static func make(plan: GrowthPlan, owner: Person, districtName: String, schoolName: String?, certificates: [Certificate],
                     standards: [String: Standard], signature: Signature?, printedOn: CalendarDate) -> PlanDocument.Content {
        PlanDocument.Content(
            // Plans have no title of their own: the owner's name, beside the school year, tells one print from another.
            planTitle: owner.displayName, schoolYear: plan.schoolYear.label,
            educatorName: owner.displayName, educatorEmail: owner.email.value, schoolName: schoolName ?? "", districtName: districtName,
            status: plan.status.label,
            certificates: certificates.map { .init(type: $0.type.label, number: $0.number.rawValue, expires: $0.expiresOn) },
            goals: plan.goals.map { goal(of: $0, in: plan, standards: standards) },
            checkIns: plan.checkIns.sorted { $0.date < $1.date }.map { checkIn(of: $0, in: plan) },
            nextSteps: plan.reflection.nextSteps,
            signature: signature.map {
                .init(reviewerName: $0.signerName, reviewerCertificateNumber: $0.certificateNumber, signedOn: $0.signedOn,
                      snapshotSHA256: $0.snapshot.sha256)
            },
            printedOn: printedOn)
    }

    private static func goal(of goal: Goal, in plan: GrowthPlan, standards: [String: Standard]) -> PlanDocument.Goal {
        let reflection = plan.reflection.reflection(on: goal.id)
        return PlanDocument.Goal(
            statement: goal.statement, studentOutcome: goal.studentOutcome, teacherAction: goal.teacherAction, measure: goal.measure,
            baseline: goal.baseline, target: goal.target, targetDate: goal.targetDate,
            focusAreas: (goal.focusCategories ?? []).map(\.label),
            alignment: goal.alignedStandardIdentifiers.map { id in
                standards[id].map { .init(code: $0.code, title: $0.isRetired ? "\($0.title) (retired)" : $0.title) }
                    ?? .init(code: "?", title: "A standard no longer offered (\(id))")
            },
            actionSteps: goal.writtenActionSteps.map {
                .init(what: $0.what, due: $0.dueDate, status: $0.status.label, hours: $0.estimatedHours)
            },
            evidence: plan.evidence(for: goal.id).map(evidence),
            reflection: reflection.map {
                .init(studentChange: $0.studentChange, practiceChange: $0.practiceChange, evidenceThatShowsIt: $0.evidenceThatShowsIt)
            })
    }

    private static func evidence(_ evidence: Evidence) -> PlanDocument.Evidence {
        switch evidence.content {
        case .file(let file):
            .init(kind: evidence.kind.label, caption: evidence.caption, date: evidence.date, reference: file.originalFilename)
        case .link(let url):
            .init(kind: evidence.kind.label, caption: evidence.caption, date: evidence.date, reference: url.absoluteString)
        case .note(let text):
            // A note is its own content: printed with its caption, since there is no file or link to point to.
            .init(kind: evidence.kind.label, caption: text.isEmpty ? evidence.caption : "\(evidence.caption): \(text)", date: evidence.date)
        }
    }

    private static func checkIn(of checkIn: CheckIn, in plan: GrowthPlan) -> PlanDocument.CheckIn {
        let progress = checkIn.progress.compactMap { item in plan.number(of: item.goalID).map { "Goal \($0): \(item.level.label)" } }
        return PlanDocument.CheckIn(date: checkIn.date, progress: progress.isEmpty ? "—" : progress.joined(separator: "; "),
                                    whatHappened: checkIn.whatHappened, whatsNext: checkIn.whatsNext)
    }
}

/// One verified plan's verification form: the owner's download and each form of the district's ZIP.
enum VerificationFormContent {
    static func make(plan: GrowthPlan, owner: Person, verification: Verification, signature: Signature, districtName: String,
                     in scope: OrganizationScope) async throws -> VerificationForm.Content {
        let verifiedOn = CalendarDate(verification.decidedAt, in: ServiceEnvironment.districtTimeZone)
        let certificates = try await scope.certificates.certificates(of: owner.id)
        // The certificates the hours counted toward: those valid on the day of verification, or all when none was.
        let current = certificates.filter { $0.isCurrent(on: verifiedOn) }
        return VerificationForm.Content(
            id: plan.id.rawValue, districtName: districtName, educatorName: owner.displayName,
            certificateNumber: (current.isEmpty ? certificates : current).map(\.number.rawValue).joined(separator: ", "),
            planTitle: "Professional growth plan, \(plan.schoolYear.label)", schoolYear: plan.schoolYear.label,
            clockHours: verification.creditedHours ?? 0, reviewerName: signature.signerName,
            reviewerCertificateNumber: signature.certificateNumber, signedOn: signature.signedOn,
            snapshotSHA256: signature.snapshot.sha256, verifierName: try await scope.people.find(verification.decidedBy)?.displayName ?? "",
            verifiedOn: verifiedOn)
    }
}
