import Crypto
import Foundation
import TrellisCore
import TrellisStore

/// The reviewer's side: reading the submitted snapshot, commenting, returning and signing. A reviewer with an
/// account comes signed in; one outside Trellis comes with the single-use link's token. Either way the `Policy`
/// decides before anything is read or written.
extension ReviewService {
    /// How a reviewer is known to Trellis.
    public enum ReviewerKey: Sendable {
        case member(Actor, ReviewRequest.ID)
        case link(token: String)
    }

    /// What a reviewer reads: the plan exactly as submitted, and, after a return, what changed since.
    public struct Review: Sendable {
        public let request: ReviewRequest
        public let version: Int
        public let plan: GrowthPlan
        public let ownerName: String
        public let standards: [String: Standard]
        /// The submission before this one, with the comments written on it, when there was one.
        public let previous: ReviewRequest?
        public let changes: SubmissionComparison?
        public var isOpen: Bool { request.isOpen }
    }

    /// What the reviewer writes: comments by goal (nil for the whole plan), and for a return, the note.
    public struct ReviewForm: Sendable {
        public var version: Int
        public var comments: [Goal.ID?: String]
        public var note: String
        public init(version: Int, comments: [Goal.ID?: String], note: String = "") {
            self.version = version
            self.comments = comments
            self.note = note
        }
    }

    /// What a reviewer signs with.
    public struct SignatureForm: Sendable {
        public var name: String
        public var certificateNumber: String
        public var attests: Bool
        public init(name: String, certificateNumber: String, attests: Bool) {
            self.name = name
            self.certificateNumber = certificateNumber
            self.attests = attests
        }
    }

    /// Requests waiting for this reviewer (with an account), oldest first.
    public func waiting(_ actor: Actor) async throws -> [ReviewRequest] {
        try await env.scope(actor).reviews.open(forReviewer: actor.personID)
    }

    public func open(_ key: ReviewerKey) async throws -> Review {
        let opened = try await authorize(key, .read)
        let plan = try opened.stored.request.snapshot.plan()
        let all = try await opened.scope.reviews.requests(forPlan: plan.id)
        let previous = all.last { $0.submission < opened.stored.request.submission }
        let identifiers = Set(plan.goals.flatMap(\.alignedStandardIdentifiers) + plan.evidence.flatMap(\.standardIdentifiers))
        return Review(request: opened.stored.request, version: opened.stored.version, plan: plan, ownerName: opened.owner.displayName,
                      standards: try await StandardsService.standards(in: opened.scope, identifiers: identifiers),
                      previous: previous, changes: try previous.map { SubmissionComparison(from: try $0.snapshot.plan(), to: plan) })
    }

    /// Saves the reviewer's comments without deciding yet.
    public func saveComments(_ key: ReviewerKey, _ form: ReviewForm) async throws {
        let opened = try await authorize(key, .update)
        var request = opened.stored.request
        request.comments = try Self.comments(form, on: try request.snapshot.plan())
        try await write(opened.scope.organizationID) { [request] tx in
            _ = try await tx.reviews.save(request, expecting: form.version)
        }
    }

    /// Returns the plan for changes (`in_review → returned`); the note is required and the comments are kept.
    public func returnPlan(_ key: ReviewerKey, _ form: ReviewForm, address: String? = nil) async throws {
        let opened = try await authorize(key, .update)
        var request = opened.stored.request
        let note = form.note.trimmingWhitespace()
        var errors = FieldErrors()
        if note.isEmpty { errors["note"] = "Write what the educator should change; they will see it next to their plan." }
        if note.count > 4000 { errors["note"] = "Keep the note under 4,000 characters." }
        let comments: [ReviewComment]
        do { comments = try Self.comments(form, on: try request.snapshot.plan()) } catch let fields as FieldErrors {
            fields.messages.forEach { errors[$0.key] = $0.value }
            comments = []
        }
        try errors.throwIfAny()
        request.comments = comments
        request.returnNote = note
        request.state = .returned
        request.decidedAt = env.clock.now()
        try await decide(opened, request, form.version, to: .returned, context: .init(hasReviewer: true, hasReturnNote: true),
                         audit: (.planReturned, "returned by \(request.reviewer.name)"), address: address,
                         notice: (.planReturned, "\(request.reviewer.name) returned your growth plan with comments."))
    }

    /// Signs the submission: stores the snapshot and its SHA-256 with the signer's name and certificate number.
    public func sign(_ key: ReviewerKey, _ form: SignatureForm, version: Int, address: String? = nil) async throws -> Signature {
        let opened = try await authorize(key, .update)
        var errors = FieldErrors()
        let name = form.name.trimmingWhitespace()
        if name.isEmpty || name.count > 120 { errors["signer_name"] = "Write your full name as it appears on your certificate." }
        let number = CertificateNumber(rawValue: form.certificateNumber)
        if number == nil { errors["certificate_number"] = CertificateNumber.formatMessage }
        if !form.attests { errors["attest"] = "Tick the box to confirm you reviewed this plan and hold a Washington educator certificate." }
        try errors.throwIfAny()
        var request = opened.stored.request
        request.state = .signed
        request.decidedAt = env.clock.now()
        let signature = Signature(id: env.ids.make(), organizationID: request.organizationID, planID: request.planID,
                                  reviewRequestID: request.id, signerID: request.reviewer.personID, signerName: name,
                                  certificateNumber: number!.rawValue, signedOn: env.today, signedAt: env.clock.now(),
                                  snapshot: request.snapshot)
        do {
            try await decide(opened, request, version, to: .signed, context: .init(hasReviewer: true),
                             audit: (.planSigned, "signed by \(name), certificate \(number!.rawValue), SHA-256 \(request.snapshot.sha256.prefix(12))…"),
                             address: address, notice: (.planSigned, "\(name) signed your growth plan."), signature: signature)
        } catch StoreError.duplicate {
            throw ServiceError.conflict("This plan has already been signed.")
        }
        return signature
    }

    /// Writes the decision, the plan's new status, the signature if any, the audit event and the notices in one transaction.
    private func decide(_ opened: Opened, _ request: ReviewRequest, _ version: Int, to status: PlanStatus, context: PlanTransitionContext,
                        audit: (AuditEvent.Kind, String), address: String?, notice: (PersonNotification.Kind, String),
                        signature: Signature? = nil) async throws {
        guard let stored = try await opened.scope.plans.find(request.planID, latest: true) else { throw ServiceError.notFound }
        var plan = stored.plan
        if case .refused(let reasons) = PlanLifecycle.check(plan, movingTo: status, context: context) {
            throw ServiceError.conflict(reasons.joined(separator: " "))
        }
        plan.status = status
        let ownerID = opened.owner.id, admins = status == .signed ? try await opened.scope.people.active(with: .districtAdmin) : []
        try await write(opened.scope.organizationID) { [plan] tx in
            _ = try await tx.reviews.save(request, expecting: version)
            _ = try await tx.plans.save(plan, expecting: stored.version, at: env.clock.now())
            if let signature { try await tx.signatures.create(signature) }
            try await tx.audit.append(env.event(audit.0, in: tx.organizationID, by: request.reviewer.personID, about: ownerID,
                                                detail: "\(plan.schoolYear.label) plan, submission \(request.submission): \(audit.1)",
                                                address: address))
            try await notify(tx, ownerID, notice.0, notice.1, link: "/plans/\(plan.id)/review")
            for admin in admins {
                try await notify(tx, admin.id, .signedPlanWaiting, "\(opened.owner.displayName)'s signed plan waits for verification.",
                                 link: "/verification")
            }
        }
    }

    struct Opened {
        let scope: OrganizationScope
        let stored: ReviewStore.Stored
        let owner: Person
    }

    /// Finds the request the key opens and asks the policy; a link that is unknown, used, withdrawn or expired opens nothing.
    func authorize(_ key: ReviewerKey, _ action: Action) async throws -> Opened {
        switch key {
        case .member(let actor, let id):
            let scope = env.scope(actor)
            guard let stored = try await scope.reviews.find(id), let owner = try await ownerOf(stored.request, in: scope),
                  Policy.can(actor, action, .review(ReviewAccess(stored.request, ownerID: owner.id))) else {
                throw ServiceError.notFound
            }
            return Opened(scope: scope, stored: stored, owner: owner)
        case .link(let token):
            guard let found = try await ReviewLinkLookup(env.database).find(tokenHash: SHA256.hex(of: Data(token.utf8))) else {
                throw ReviewLinkUnusable.unknown
            }
            let scope = OrganizationScope(env.database, organizationID: found.organizationID)
            guard let stored = try await scope.reviews.find(found.requestID), let owner = try await ownerOf(stored.request, in: scope) else {
                throw ReviewLinkUnusable.unknown
            }
            guard Policy.outsideReviewerMay(action, ReviewAccess(stored.request, ownerID: owner.id),
                                            linkExpiresAt: stored.request.linkExpiresAt, now: env.clock.now()) else {
                throw stored.request.isOpen ? ReviewLinkUnusable.expired : ReviewLinkUnusable.unknown
            }
            return Opened(scope: scope, stored: stored, owner: owner)
        }
    }

    private func ownerOf(_ request: ReviewRequest, in scope: OrganizationScope) async throws -> Person? {
        guard let plan = try await scope.plans.find(request.planID) else { return nil }
        return try await scope.people.find(plan.plan.ownerID)
    }

    /// The comments of a form, each on a goal of the submitted plan or on the whole plan; empty ones are dropped.
    static func comments(_ form: ReviewForm, on plan: GrowthPlan) throws -> [ReviewComment] {
        var errors = FieldErrors()
        var comments: [ReviewComment] = []
        for goalID in [nil] + plan.goals.map(\.id) as [Goal.ID?] {
            let text = (form.comments[goalID] ?? "").trimmingWhitespace()
            let field = goalID.map { "comment_\($0)" } ?? "comment_plan"
            if text.count > 4000 { errors[field] = "Keep each comment under 4,000 characters." }
            if !text.isEmpty { comments.append(ReviewComment(goalID: goalID, text: text)) }
        }
        try errors.throwIfAny()
        return comments
    }
}

/// A reviewer's link that opens nothing, said plainly: nothing is changed and nothing is revealed.
public enum ReviewLinkUnusable: Error, Sendable, Hashable {
    /// Unknown, mistyped, already used, or withdrawn: from outside these look the same.
    case unknown
    case expired

    public var message: String {
        switch self {
        case .unknown: "This review link doesn't work. It may have been used already, withdrawn by the educator, or copied incompletely."
        case .expired: "This review link has expired. Ask the educator to send a new request."
        }
    }
}
