import Foundation

/// Something that happened and that a district admin may need to account for later.
public struct AuditEvent: Sendable, Hashable, Codable {
    public typealias ID = Identifier<AuditEvent>

    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case signedIn = "signed_in"
        case signedOut = "signed_out"
        case signInFailed = "sign_in_failed"
        case signInRefused = "sign_in_refused"
        case passwordChanged = "password_changed"
        case passwordResetIssued = "password_reset_issued"
        case passwordResetCompleted = "password_reset_completed"
        case personCreated = "person_created"
        case personUpdated = "person_updated"
        case rolesChanged = "roles_changed"
        case personDeactivated = "person_deactivated"
        case personReactivated = "person_reactivated"
        case schoolCreated = "school_created"
        case schoolRenamed = "school_renamed"
        case frameworkImported = "framework_imported"
        case frameworkCreated = "framework_created"
        case standardChanged = "standard_changed"
        case frameworkRolesChanged = "framework_roles_changed"
        case planStatusChanged = "plan_status_changed"
        case settingsChanged = "settings_changed"
        case reviewRequested = "review_requested"
        case reviewWithdrawn = "review_withdrawn"
        case planReturned = "plan_returned"
        case planSigned = "plan_signed"
        case planVerified = "plan_verified"
        case verificationRefused = "verification_refused"
        case clockHoursRecorded = "clock_hours_recorded"
        case certificateChanged = "certificate_changed"
        case renewalRulesChanged = "renewal_rules_changed"
        case plansArchived = "plans_archived"
        // Coaching: who works with whom, never what was said (coaching is not evaluation).
        case coachingProposed = "coaching_proposed"
        case coachingAnswered = "coaching_answered"
        case coachingEnded = "coaching_ended"
        // Cohorts and PLCs: membership and structure, never statements or notes.
        case cohortChanged = "cohort_changed"
        // Digital tools: the catalogue and who runs which trial, never a trial's notes or what people said.
        case toolProposed = "tool_proposed"
        case toolChanged = "tool_changed"
        case trialStarted = "trial_started"
        case trialChanged = "trial_changed"
        // API tokens: which token (name and prefix), never its secret.
        case apiTokenCreated = "api_token_created"
        case apiTokenRevoked = "api_token_revoked"
        // Roster imports: one event per file applied, with its counts, beside the events of each person it changed.
        case rosterImported = "roster_imported"

        public var label: String {
            switch self {
            case .signedIn: "Signed in"
            case .signedOut: "Signed out"
            case .signInFailed: "Failed sign-in"
            case .signInRefused: "Sign-in refused (throttled)"
            case .passwordChanged: "Password changed"
            case .passwordResetIssued: "Password reset link issued"
            case .passwordResetCompleted: "Password set from link"
            case .personCreated: "Person added"
            case .personUpdated: "Person updated"
            case .rolesChanged: "Roles changed"
            case .personDeactivated: "Person deactivated"
            case .personReactivated: "Person reactivated"
            case .schoolCreated: "School added"
            case .schoolRenamed: "School renamed"
            case .frameworkImported: "Framework imported"
            case .frameworkCreated: "Framework created"
            case .standardChanged: "Standard changed"
            case .frameworkRolesChanged: "Frameworks per role changed"
            case .planStatusChanged: "Growth plan status changed"
            case .settingsChanged: "District settings changed"
            case .reviewRequested: "Review requested"
            case .reviewWithdrawn: "Review request withdrawn"
            case .planReturned: "Plan returned for changes"
            case .planSigned: "Plan signed"
            case .planVerified: "Clock hours verified"
            case .verificationRefused: "Verification refused"
            case .clockHoursRecorded: "Clock hours recorded"
            case .certificateChanged: "Certificate changed"
            case .renewalRulesChanged: "Renewal rules changed"
            case .plansArchived: "Plans archived"
            case .coachingProposed: "Coaching proposed"
            case .coachingAnswered: "Coaching proposal answered"
            case .coachingEnded: "Coaching ended"
            case .cohortChanged: "Cohort changed"
            case .toolProposed: "Tool proposed"
            case .toolChanged: "Tool changed"
            case .trialStarted: "Tool trial started"
            case .trialChanged: "Tool trial changed"
            case .apiTokenCreated: "API token created"
            case .apiTokenRevoked: "API token revoked"
            case .rosterImported: "Roster imported"
            }
        }
    }

    public var id: ID
    public var organizationID: Organization.ID
    public var kind: Kind
    /// Who did it; nil when nobody was signed in (e.g. a failed sign-in).
    public var actorID: Person.ID?
    /// Whom it concerned, when it concerned a person.
    public var subjectID: Person.ID?
    /// A short human-readable detail, e.g. "roles: educator → educator, coach".
    public var detail: String
    public var address: String?
    public var occurredAt: Date

    public init(id: ID, organizationID: Organization.ID, kind: Kind, actorID: Person.ID?, subjectID: Person.ID?,
                detail: String, address: String?, occurredAt: Date) {
        self.id = id
        self.organizationID = organizationID
        self.kind = kind
        self.actorID = actorID
        self.subjectID = subjectID
        self.detail = detail
        self.address = address
        self.occurredAt = occurredAt
    }
}
