import Foundation
import NIOPosix
import TrellisCore
import TrellisDocuments
import TrellisStore

/// The documents a finished PGP needs: the printable plan, the verification form of a verified plan, and for the
/// district's HR office the ZIP of every verification form and the clock-hour CSV of a date range.
///
/// Access is decided the way the pages decide it: the printable plan for anyone who may read the plan, a
/// verification form for the plan's owner and district admins, the exports for district admins only. Typesetting
/// and zipping block a thread for milliseconds to seconds, so they run on NIO's thread pool, never on the event
/// loops that serve requests.
public struct DocumentService: Sendable {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    /// A file to hand over: its bytes, an ASCII file name and its media type.
    public struct Document: Sendable {
        public let data: Data
        public let filename: String
        public let mediaType: String
        /// How many forms or rows it holds, for a message such as "12 forms"; 1 for a single PDF.
        public let itemCount: Int
    }

    /// The printable plan (PESB form 1697's layout). A signed plan prints the snapshot its signature covers, with the
    /// SHA-256 of that snapshot, never the working copy; a plan not (or no longer) signed prints as it stands, unsigned.
    public func planPDF(_ actor: Actor, _ planID: GrowthPlan.ID) async throws -> Document {
        let loaded = try await PlanService(env, vault: nil).load(actor, planID)
        let scope = env.scope(actor)
        let signature = Self.standingSignature(of: loaded.plan.status, in: try await scope.signatures.signatures(forPlan: planID))
        var printed = loaded.plan
        if let signature {
            printed = try signature.snapshot.plan()
            // The snapshot was taken while the plan was in review; what it is now is the plan's status.
            printed.status = loaded.plan.status
        }
        let content = PlanDocumentContent.make(
            plan: printed, owner: loaded.owner, districtName: try await districtName(actor.organizationID),
            schoolName: try await loaded.owner.schoolID.asyncMap { try await scope.schools.find($0)?.name } ?? nil,
            certificates: try await scope.certificates.certificates(of: loaded.owner.id),
            standards: try await StandardsService(env).standards(actor, shownIn: printed), signature: signature, printedOn: env.today)
        let data = try await NIOThreadPool.singleton.runIfActive { try PlanDocument.render(content) }
        return Document(data: data, filename: "growth-plan-\(Self.slug(printed.schoolYear.label, owner: loaded.owner.displayName)).pdf",
                        mediaType: "application/pdf", itemCount: 1)
    }

    /// The signature a printed plan carries: the newest, while the plan is signed or past it. A plan sent back for a
    /// correction after signing is a new version, which that older signature does not cover.
    static func standingSignature(of status: PlanStatus, in signatures: [Signature]) -> Signature? {
        [.signed, .verified, .archived].contains(status) ? signatures.first : nil
    }

    /// The verification form (OSPI form SPI 1128-8) of a verified plan, for its owner and for district admins.
    /// Anyone else, and a plan never verified, finds nothing.
    public func verificationFormPDF(_ actor: Actor, _ planID: GrowthPlan.ID) async throws -> Document {
        let scope = env.scope(actor)
        let isAdmin = Policy.can(actor, .read, .verifications(actor.organizationID))
        let plan: GrowthPlan, owner: Person
        if isAdmin {
            guard let stored = try await scope.plans.find(planID), let found = try await scope.people.find(stored.plan.ownerID) else {
                throw ServiceError.notFound
            }
            (plan, owner) = (stored.plan, found)
        } else {
            let loaded = try await PlanService(env, vault: nil).load(actor, planID)
            // Those the plan is shared with read the plan, not the district's record of it.
            guard loaded.isOwner else { throw ServiceError.notFound }
            (plan, owner) = (loaded.plan, loaded.owner)
        }
        guard [.verified, .archived].contains(plan.status),
              let verification = try await scope.verifications.verifications(forPlan: planID).first(where: { $0.creditedHours != nil }),
              let signature = try await scope.signatures.find(verification.signatureID) else {
            throw ServiceError.notFound
        }
        let content = try await VerificationFormContent.make(plan: plan, owner: owner, verification: verification, signature: signature,
                                                            districtName: try await districtName(actor.organizationID), in: scope)
        let data = try await NIOThreadPool.singleton.runIfActive { try VerificationForm.render(content) }
        return Document(data: data, filename: "verification-form-\(Self.slug(plan.schoolYear.label, owner: owner.displayName)).pdf",
                        mediaType: "application/pdf", itemCount: 1)
    }

    /// Every verification form of plans verified from `from` to `to` (typed YYYY-MM-DD, both days included) as one
    /// ZIP, for district admins. Dates that are not dates, or a range ending before it starts, are `FieldErrors`
    /// at `from` and `to`.
    public func verificationForms(_ actor: Actor, from fromText: String, to toText: String) async throws -> Document {
        try requireExports(actor)
        let (from, to) = try DateRange.parse(from: fromText, to: toText)
        let forms = try await VerificationService(env).forms(actor, from: from, to: to)
        let data = try await NIOThreadPool.singleton.runIfActive { try VerificationFormArchive.make(forms) }
        return Document(data: data, filename: "verification-forms-\(from.iso)-\(to.iso).zip", mediaType: "application/zip",
                        itemCount: forms.count)
    }

    /// Clock hours for HR as CSV, one row per ledger entry dated from `from` to `to`, for district admins. `excel`
    /// adds the byte order mark Excel needs for UTF-8 and guards cells that would run as formulas.
    public func clockHours(_ actor: Actor, from fromText: String, to toText: String, excel: Bool) async throws -> Document {
        try requireExports(actor)
        let (from, to) = try DateRange.parse(from: fromText, to: toText)
        let rows = try await ClockHourService(env).entries(actor, from: from, to: to)
        return Document(data: ClockHoursCSV.make(rows, flavor: excel ? .excel : .standard), filename: "clock-hours-\(from.iso)-\(to.iso).csv",
                        mediaType: "text/csv; charset=utf-8", itemCount: rows.count)
    }

    /// The range the exports page offers first: the current school year so far. Refuses anyone who may not export.
    public func suggestedRange(_ actor: Actor) async throws -> (from: CalendarDate, to: CalendarDate) {
        try requireExports(actor)
        let year = SchoolYear.containing(date: env.today, start: try await env.scope(actor).schoolYearStart())
        return (year.startDate, env.today)
    }

    /// Asked before the dates are read, so someone who may not export learns nothing from the form's messages.
    private func requireExports(_ actor: Actor) throws {
        guard Policy.can(actor, .read, .verifications(actor.organizationID)) else { throw ServiceError.forbidden }
    }

    private func districtName(_ id: Organization.ID) async throws -> String {
        try await OrganizationStore(env.database).find(id: id)?.name ?? ""
    }

    /// "2026-27-nguyen-thi-hong": the school year and the owner's name, folded to ASCII for every file system.
    static func slug(_ schoolYear: String, owner: String) -> String {
        "\(ASCIIFileName.slug(schoolYear, limit: 20, fallback: "school-year"))-\(ASCIIFileName.slug(owner, fallback: "educator"))"
    }
}
