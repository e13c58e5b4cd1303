import Crypto
import Foundation
import TrellisCore
import TrellisStore

/// Asking for review, withdrawing, and what a plan's owner sees of its reviews and signatures.
/// Reviewing itself (comments, returning, signing) is in `ReviewService+Reviewing`.
public struct ReviewService: Sendable {
    let env: ServiceEnvironment
    /// How long an outside reviewer's link works.
    public let linkLifetime: TimeInterval
    /// Where evidence files are kept, for the reviewer to download; nil where no file is ever read (e.g. the CLI).
    let vault: EvidenceVault?

    public init(_ env: ServiceEnvironment, vault: EvidenceVault? = nil, linkLifetime: TimeInterval = 14 * 24 * 3600) {
        self.env = env
        self.vault = vault
        self.linkLifetime = linkLifetime
    }

    /// Today's date in the district: the date a signature carries.
    public var today: CalendarDate { env.today }

    /// The district's date of a moment, e.g. the day a plan was submitted, as `today` counts days.
    public static func day(of date: Date) -> CalendarDate { CalendarDate(date, in: ServiceEnvironment.districtTimeZone) }

    /// Who the owner asks: a colleague with a certificate on their profile, or someone outside Trellis.
    public enum ReviewerChoice: Sendable, Hashable {
        case member(Person.ID)
        case outside(name: String, email: String, certificateNumber: String)
    }

    /// A request just made; for an outside reviewer, the link to give them (shown once, never stored).
    public struct Requested: Sendable {
        public let request: ReviewRequest
        public let linkToken: String?
    }

    /// People in the district who can be asked: they hold a certificate, are active, and are not the owner.
    public func eligibleReviewers(_ actor: Actor) async throws -> [(person: Person, certificate: CertificateNumber)] {
        let scope = env.scope(actor)
        let holders = try await scope.certificates.holders()
        let people = try await scope.people.find(ids: Set(holders.keys).subtracting([actor.personID]))
        return people.filter(\.isActive).compactMap { person in holders[person.id].map { (person, $0) } }
            .sorted { $0.person.displayName < $1.person.displayName }
    }

    /// Submits the plan (`active` or `returned` → `in_review`) to a reviewer, with a snapshot of it exactly as it is.
    /// The plan, the request, the audit event and the reviewer's notification are written in one transaction.
    public func request(_ actor: Actor, _ planID: GrowthPlan.ID, expecting version: Int?, reviewer choice: ReviewerChoice,
                        address: String? = nil) async throws -> Requested {
        let loaded = try await PlanService(env, vault: nil).load(actor, planID, latest: true)
        guard loaded.isOwner else { throw ServiceError.forbidden }
        if let version, version != loaded.version { throw ServiceError.conflict(PlanService.changedElsewhere) }
        if case .refused(let reasons) = PlanLifecycle.check(loaded.plan, movingTo: .inReview, context: .init(hasReviewer: true)) {
            throw PlanNotReady(reasons: reasons)
        }
        let reviewer = try await resolve(choice, actor)
        let now = env.clock.now()
        var plan = loaded.plan
        plan.status = .inReview
        let token = reviewer.isOutside ? OneTimeToken.make() : nil
        let snapshot = try PlanSnapshot.of(plan) { SHA256.hex(of: $0) }
        let scope = env.scope(actor)
        let submission = (try await scope.reviews.requests(forPlan: planID).map(\.submission).max() ?? 0) + 1
        let request = ReviewRequest(id: env.ids.make(), organizationID: actor.organizationID, planID: planID, submission: submission,
                                    reviewer: reviewer, snapshot: snapshot, requestedAt: now,
                                    linkExpiresAt: token == nil ? nil : now.addingTimeInterval(linkLifetime))
        let ownerName = loaded.owner.displayName
        try await write(actor.organizationID) { [plan] tx in
            _ = try await tx.plans.save(plan, expecting: loaded.version, at: now)
            try await tx.reviews.create(request, tokenHash: token.map { SHA256.hex(of: Data($0.utf8)) })
            try await tx.audit.append(env.event(.reviewRequested, in: actor.organizationID, by: actor.personID, about: actor.personID,
                                                detail: "\(plan.schoolYear.label) plan, submission \(submission), to \(reviewer.name)"
                                                    + (reviewer.isOutside ? " (outside Trellis)" : ""), address: address))
            if let reviewerID = reviewer.personID {
                try await notify(tx, reviewerID, .reviewRequested, "\(ownerName) asks you to review their \(plan.schoolYear.label) growth plan.",
                                 link: "/reviews/\(request.id)")
            }
        }
        return Requested(request: request, linkToken: token)
    }

    /// Takes back a request nobody has acted on; the plan is active again.
    public func withdraw(_ actor: Actor, _ planID: GrowthPlan.ID, address: String? = nil) async throws {
        let loaded = try await PlanService(env, vault: nil).load(actor, planID, latest: true)
        guard loaded.isOwner else { throw ServiceError.forbidden }
        let scope = env.scope(actor)
        guard loaded.plan.status == .inReview, let open = try await scope.reviews.requests(forPlan: planID).last, open.isOpen,
              let stored = try await scope.reviews.find(open.id) else {
            throw ServiceError.conflict("There is no open review request to withdraw.")
        }
        var request = stored.request, plan = loaded.plan
        request.state = .withdrawn
        request.decidedAt = env.clock.now()
        plan.status = .active
        try await write(actor.organizationID) { [request, plan] tx in
            _ = try await tx.reviews.save(request, expecting: stored.version)
            _ = try await tx.plans.save(plan, expecting: loaded.version, at: env.clock.now())
            try await tx.audit.append(env.event(.reviewWithdrawn, in: actor.organizationID, by: actor.personID, about: actor.personID,
                                                detail: "\(plan.schoolYear.label) plan, submission \(request.submission)", address: address))
            if let reviewerID = request.reviewer.personID {
                try await notify(tx, reviewerID, .reviewWithdrawn, "\(loaded.owner.displayName) withdrew their request for review.",
                                 link: "/reviews")
            }
        }
    }

    /// Every submission of the plan and every signature on it, for the owner (and those it is shared with).
    public func history(_ actor: Actor, _ planID: GrowthPlan.ID) async throws -> (requests: [ReviewRequest], signatures: [Signature]) {
        _ = try await PlanService(env, vault: nil).load(actor, planID)
        let scope = env.scope(actor)
        return (try await scope.reviews.requests(forPlan: planID), try await scope.signatures.signatures(forPlan: planID))
    }

    /// Whether each signature's stored snapshot still matches its SHA-256: the answer to "check the signature".
    public func checkSignatures(_ actor: Actor, _ planID: GrowthPlan.ID) async throws -> [(signature: Signature, isIntact: Bool)] {
        try await history(actor, planID).signatures.map { ($0, $0.snapshot.isIntact { SHA256.hex(of: $0) }) }
    }

    private func resolve(_ choice: ReviewerChoice, _ actor: Actor) async throws -> Reviewer {
        switch choice {
        case .member(let id):
            guard id != actor.personID else { throw FieldErrors("reviewer", "Ask a colleague: nobody reviews their own plan.") }
            guard let eligible = try await eligibleReviewers(actor).first(where: { $0.person.id == id }) else {
                throw FieldErrors("reviewer", "Choose a reviewer from the list: people with a certificate number on their profile.")
            }
            return .member(personID: id, name: eligible.person.displayName, certificateNumber: eligible.certificate.rawValue)
        case .outside(let name, let email, let number):
            var errors = FieldErrors()
            let trimmed = name.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.count > 120 { errors["reviewer_name"] = "Write the reviewer's full name." }
            let address = EmailAddress(email)
            if address == nil { errors["reviewer_email"] = "Enter the reviewer's email address, e.g. name@school.org." }
            let certificate = CertificateNumber(rawValue: number)
            if certificate == nil { errors["reviewer_certificate"] = CertificateNumber.formatMessage }
            try errors.throwIfAny()
            return .outside(name: trimmed, email: address!, certificateNumber: certificate!.rawValue)
        }
    }

    /// Runs `body` with the district's stores inside one transaction; a stale plan or request is a conflict.
    func write(_ organization: Organization.ID, _ body: @Sendable (OrganizationScope) async throws -> Void) async throws {
        do {
            try await env.database.transaction { tx in try await body(OrganizationScope(tx, organizationID: organization)) }
        } catch is PlanStore.Conflict {
            throw ServiceError.conflict(PlanService.changedElsewhere)
        }
    }

    func notify(_ scope: OrganizationScope, _ person: Person.ID, _ kind: PersonNotification.Kind, _ message: String, link: String) async throws {
        try await scope.notifications.add(PersonNotification(id: env.ids.make(), organizationID: scope.organizationID, personID: person,
                                                             kind: kind, message: message, link: link, createdAt: env.clock.now()))
    }
}
