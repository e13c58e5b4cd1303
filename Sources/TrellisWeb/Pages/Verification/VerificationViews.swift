import Foundation
import TrellisCore
import TrellisServices

/// The admin's queue of signed plans, with the school filter and the archive form.
struct VerificationQueueView {
    struct Line {
        let owner: String
        let school: String
        let schoolYear: String
        let signedOn: String
        let signer: String
        let path: String
    }
    struct SchoolOption {
        let value: String
        let name: String
        let selected: Bool
    }
    struct YearLine {
        let value: String
        let label: String
        let verified: String
        let archived: String
        let canArchive: Bool
        let selected: Bool
    }
    let lines: [Line]
    let hasLines: Bool
    let schools: [SchoolOption]
    let isFiltered: Bool
    let filterPath = SiteRoute.verification.path
    let years: [YearLine]
    let hasYears: Bool
    let hasArchivableYears: Bool
    let archivePath = SiteRoute.verificationArchive.path
    let archiveError: String?
    let errorSummary: ErrorSummary?

    init(queue: [VerificationService.Waiting], schools: [School], school: School.ID?, years: [VerificationService.YearCount],
         chosenYear: String = "", archiveError: String? = nil) {
        lines = queue.map {
            Line(owner: $0.ownerName, school: $0.schoolName ?? "No school", schoolYear: $0.schoolYear.label, signedOn: $0.signedOn.longForm,
                 signer: $0.signerName, path: SiteRoute.verificationPlan($0.planID).path)
        }
        hasLines = !queue.isEmpty
        self.schools = [SchoolOption(value: "", name: "All schools", selected: school == nil)]
            + schools.map { SchoolOption(value: $0.id.rawValue, name: $0.name, selected: $0.id == school) }
        isFiltered = school != nil
        self.years = years.map {
            YearLine(value: String($0.schoolYear.startYear), label: $0.schoolYear.label, verified: String($0.verified), archived: String($0.archived),
                     canArchive: $0.isFinished && $0.verified > 0, selected: String($0.schoolYear.startYear) == chosenYear)
        }
        hasYears = !years.isEmpty
        hasArchivableYears = self.years.contains(where: \.canArchive)
        self.archiveError = archiveError
        errorSummary = ErrorSummary([ErrorSummary.field(id: "field-school_year", archiveError)])
    }
}

/// One signed plan as the district sees it: the signature and its check, earlier decisions, and the two forms.
struct VerificationDetailView {
    struct Decision {
        let outcome: String
        let by: String
        let on: String
    }
    let title: String
    let owner: String
    let school: String
    let schoolYear: String
    let status: String
    let hasSignature: Bool
    let signer: String
    let signerCertificate: String
    let signedOn: String
    let sha256: String
    let isIntact: Bool
    let hours: String
    let canDecide: Bool
    let version: String
    let verifyPath: String
    let refusePath: String
    let reason: FieldView
    let decisions: [Decision]
    let hasDecisions: Bool
    let ledgerPath: String
    let queuePath = SiteRoute.verification.path
    let errorSummary: ErrorSummary?

    init(_ detail: VerificationService.Detail, reason: String = "", errors: FieldErrors = FieldErrors()) {
        title = "\(detail.owner.displayName) — \(detail.schoolYear.label) growth plan"
        owner = detail.owner.displayName
        school = detail.schoolName ?? "No school"
        schoolYear = detail.schoolYear.label
        status = detail.status.label
        hasSignature = detail.signature != nil
        signer = detail.signature?.signerName ?? ""
        signerCertificate = detail.signature?.certificateNumber ?? ""
        signedOn = detail.signature?.signedOn.longForm ?? ""
        sha256 = detail.signature?.snapshot.sha256 ?? ""
        isIntact = detail.isIntact
        hours = detail.hours.text
        canDecide = detail.canDecide
        version = String(detail.version)
        verifyPath = SiteRoute.verificationAction(detail.planID, "verify").path
        refusePath = SiteRoute.verificationAction(detail.planID, "refuse").path
        self.reason = FieldView(name: "reason", label: "Reason the hours can't be verified", type: "textarea", value: reason, errors: errors,
                                hint: "The educator reads this with their plan and corrects it; the corrected plan is reviewed and signed again.", rows: 4)
        decisions = detail.decisions.map { decision in
            let outcome: String = switch decision.outcome {
            case .verified(let hours): "Verified: \(ClockHours(hundredths: Int((hours * 100).rounded())).text) clock hours credited"
            case .refused(let reason): "Refused: \(reason)"
            }
            return Decision(outcome: outcome, by: detail.deciderNames[decision.decidedBy] ?? "",
                            on: CalendarDate(decision.decidedAt, in: VerificationDetailView.timeZone).longForm)
        }
        hasDecisions = !decisions.isEmpty
        ledgerPath = SiteRoute.clockHours(detail.owner.id).path
        errorSummary = ErrorSummary([ErrorSummary.field(self.reason)])
    }

    static let timeZone = TimeZone(identifier: "America/Los_Angeles") ?? .current
}
