import TrellisCore

/// Every page's address, built in one place so that a link cannot point nowhere.
public enum SiteRoute: Sendable, Hashable {
    case home
    case signIn
    case signOut
    case passwordReset(token: String)
    case changePassword
    case schools
    case school(School.ID)
    case people
    case newPerson
    case person(Person.ID)
    case personActivation(Person.ID)
    case personPasswordReset(Person.ID)
    case auditLog
    case settings
    case guidingQuestions
    case guidingQuestionsReset
    case frameworks
    case frameworkImport
    case frameworkRoles
    case framework(String)
    case frameworkExport(String)
    case frameworkStandards(String)
    case standard(framework: String, standard: String)
    case plans
    case plan(GrowthPlan.ID)
    /// A part of a plan: "goals", "alignment", "actions", "evidence", "check-ins", "reflection", "sharing", "status".
    case planSection(GrowthPlan.ID, String)
    case goal(GrowthPlan.ID, Goal.ID)
    case actionStep(GrowthPlan.ID, Goal.ID, ActionStep.ID)
    case evidenceFile(GrowthPlan.ID, Evidence.ID)
    /// The owner's "Review and signature" page, and withdrawing an open request from it.
    case planReview(GrowthPlan.ID)
    case planReviewWithdrawal(GrowthPlan.ID)
    /// Requests waiting for the signed-in reviewer, one of them, and what the reviewer does on it: "comments", "return", "sign".
    case reviews
    case review(ReviewRequest.ID)
    case reviewAction(ReviewRequest.ID, String)
    case reviewEvidenceFile(ReviewRequest.ID, Evidence.ID)
    /// The same for a reviewer outside Trellis, through their single-use link; the token is the only key.
    case reviewLink(token: String)
    case reviewLinkAction(token: String, String)
    case reviewLinkEvidenceFile(token: String, Evidence.ID)
    /// Where an outside reviewer lands after deciding, when their link no longer opens anything.
    case reviewLinkDone
    case notifications
    case notificationOpening(PersonNotification.ID)
    case notificationsRead
    /// The district's queue of signed plans, one plan's verification, and deciding on it: "verify", "refuse".
    case verification
    case verificationPlan(GrowthPlan.ID)
    case verificationAction(GrowthPlan.ID, String)
    case verificationArchive
    /// A person's certificates and clock hours: the signed-in person's own (nil), or anyone's for an admin.
    case clockHours(Person.ID?)
    /// Adding a certificate (nil) or changing one, and removing one, on the same person's pages.
    case certificate(Person.ID?, Certificate.ID?)
    case certificateRemoval(Person.ID?, Certificate.ID)
    /// Renewal rules per certificate type, and what a verified growth plan earns.
    case renewalRules
    case renewalRuleSet(CertificateType)
    case renewalRuleSetReset(CertificateType)
    /// The printable plan, and the verification form of a verified plan, as PDF downloads.
    case planPDF(GrowthPlan.ID)
    case verificationFormPDF(GrowthPlan.ID)
    /// The admin's exports for HR: the page, the ZIP of verification forms and the clock-hour CSV (GET forms).
    case exports
    /// A district admin's pages, in one list.
    case district
    case exportVerificationForms
    case exportClockHours
    /// Coaching work: a relationship's page and what is added on it ("cycles/new", "sessions/new"), a cycle, a session
    /// and its parts ("edit", "notes", "observation", "feedback", "alliance"), the quick contact form, and the district's
    /// guiding questions for coaches.
    case coachingRelationship(CoachingRelationship.ID)
    case coachingRelationshipPart(CoachingRelationship.ID, String)
    case coachingCycle(CoachingCycle.ID)
    case coachingSession(CoachingSession.ID)
    case coachingSessionPart(CoachingSession.ID, String)
    case coachingContact
    case coachingQuestions
    case coachingQuestionsReset
    /// The coaching home (a coach's caseload, or "My coaching"), "My coaching" itself, inviting an educator, asking a
    /// coach, and the counts leaders and admins see.
    case coaching
    case coachingMine
    case coachingInvite
    case coachingAsk
    case coachingCounts
    /// The cohorts one is in, one cohort's page, and its parts: "members", "visioning", "rounds", "themes", "plcs".
    case cohorts
    case cohort(Cohort.ID)
    case cohortSection(Cohort.ID, String)
    /// One PLC's page (its group goal with the roll-up), and its parts: "goal", "steps", "link", "unlink", "notes", "members".
    case plc(Cohort.ID, PLC.ID)
    case plcSection(Cohort.ID, PLC.ID, String)
    /// The district's list of stakeholder roles people play in cohorts.
    case cohortRoles
    /// The school year's calendar (deadlines, reminders, stall grace), a school's own dates, and the district's jobs.
    case calendar
    case schoolCalendar(School.ID)
    case jobs
    case jobRetry(String)
    /// A person's notification preferences (email, weekly digest), an email's one-click link to them, and their private
    /// calendar address: its page, making a new one, ending it, and the feed itself.
    case notificationPreferences
    case emailUnsubscribe(token: String)
    case calendarSettings
    case calendarReset
    case calendarRemoval
    case calendarFeed(token: String)
    /// The catalogue of digital tools, its pages ("new", "proposals", "adoption", "adoption.csv"), one tool and what is
    /// done to it ("edit", "approval"); a shortlist of a cycle or a goal and one entry on it ("remove"); efficacy trials.
    case tools
    case toolsPage(String)
    case tool(DigitalTool.ID)
    case toolPart(DigitalTool.ID, String)
    case shortlist(ShortlistAnchor)
    case shortlistEntry(ShortlistEntry.ID, String?)
    case trials
    case newTrial
    case trial(EfficacyTrial.ID)
    case trialPart(EfficacyTrial.ID, String)
    /// A school's follow-through dashboard and one of its sections as CSV ("plans", "stalled", …), and the district's.
    case schoolDashboard(School.ID)
    case schoolDashboardCSV(School.ID, String)
    case districtDashboard
    case districtDashboardCSV
    /// API tokens: a person's own (`/account/tokens`) or the district's service tokens (`/district/tokens`), and one
    /// token's revoke page.
    case apiTokens(APIGrant.Kind)
    case apiTokenRevocation(APIGrant.Kind, APIToken.ID)
    /// The API explained for people, and its OpenAPI contract.
    case apiDocs
    case apiContract
    /// The roster import: a CSV of people and schools, its dry run, and applying it.
    case roster
    case rosterApply
    case stylesheet

    public var path: String {
        switch self {
        case .home: "/"
        case .signIn: "/signin"
        case .signOut: "/signout"
        case .passwordReset(let token): "/reset/\(token)"
        case .changePassword: "/account/password"
        case .schools: "/admin/schools"
        case .school(let id): "/admin/schools/\(id)"
        case .people: "/admin/people"
        case .newPerson: "/admin/people/new"
        case .person(let id): "/admin/people/\(id)"
        case .personActivation(let id): "/admin/people/\(id)/activation"
        case .personPasswordReset(let id): "/admin/people/\(id)/password-reset"
        case .auditLog: "/admin/audit"
        case .settings: "/admin/settings"
        case .guidingQuestions: "/admin/settings/questions"
        case .guidingQuestionsReset: "/admin/settings/questions/reset"
        case .frameworks: "/frameworks"
        case .frameworkImport: "/frameworks/import"
        case .frameworkRoles: "/frameworks/roles"
        case .framework(let identifier): "/frameworks/\(Self.segment(identifier))"
        case .frameworkExport(let identifier): "/frameworks/\(Self.segment(identifier))/case.json"
        case .frameworkStandards(let identifier): "/frameworks/\(Self.segment(identifier))/standards"
        case .standard(let framework, let standard): "/frameworks/\(Self.segment(framework))/standards/\(Self.segment(standard))"
        case .plans: "/plans"
        case .plan(let id): "/plans/\(id)"
        case .planSection(let id, let section): "/plans/\(id)/\(section)"
        case .goal(let plan, let goal): "/plans/\(plan)/goals/\(goal)"
        case .actionStep(let plan, let goal, let step): "/plans/\(plan)/goals/\(goal)/steps/\(step)"
        case .evidenceFile(let plan, let evidence): "/plans/\(plan)/evidence/\(evidence)/file"
        case .planReview(let id): "/plans/\(id)/review"
        case .planReviewWithdrawal(let id): "/plans/\(id)/review/withdraw"
        case .reviews: "/reviews"
        case .review(let id): "/reviews/\(id)"
        case .reviewAction(let id, let action): "/reviews/\(id)/\(action)"
        case .reviewEvidenceFile(let id, let evidence): "/reviews/\(id)/evidence/\(evidence)/file"
        case .reviewLink(let token): "/review/\(Self.segment(token))"
        case .reviewLinkAction(let token, let action): "/review/\(Self.segment(token))/\(action)"
        case .reviewLinkEvidenceFile(let token, let evidence): "/review/\(Self.segment(token))/evidence/\(evidence)/file"
        case .reviewLinkDone: "/review-done"
        case .notifications: "/notifications"
        case .notificationOpening(let id): "/notifications/\(id)/open"
        case .notificationsRead: "/notifications/read"
        case .verification: "/verification"
        case .verificationPlan(let id): "/verification/\(id)"
        case .verificationAction(let id, let action): "/verification/\(id)/\(action)"
        case .verificationArchive: "/verification/archive"
        case .clockHours(let person): person.map { "/admin/people/\($0)/clock-hours" } ?? "/clock-hours"
        case .certificate(let person, let id): SiteRoute.clockHours(person).path + "/certificates" + (id.map { "/\($0)" } ?? "")
        case .certificateRemoval(let person, let id): SiteRoute.clockHours(person).path + "/certificates/\(id)/remove"
        case .renewalRules: "/admin/settings/renewal"
        case .renewalRuleSet(let type): "/admin/settings/renewal/\(type.rawValue)"
        case .renewalRuleSetReset(let type): "/admin/settings/renewal/\(type.rawValue)/reset"
        case .planPDF(let id): "/plans/\(id)/plan.pdf"
        case .verificationFormPDF(let id): "/plans/\(id)/verification-form.pdf"
        case .exports: "/admin/exports"
        case .district: "/admin"
        case .exportVerificationForms: "/admin/exports/verification-forms.zip"
        case .exportClockHours: "/admin/exports/clock-hours.csv"
        case .coachingRelationship(let id): "/coaching/relationships/\(id)"
        case .coachingRelationshipPart(let id, let part): "/coaching/relationships/\(id)/\(part)"
        case .coachingCycle(let id): "/coaching/cycles/\(id)"
        case .coachingSession(let id): "/coaching/sessions/\(id)"
        case .coachingSessionPart(let id, let part): "/coaching/sessions/\(id)/\(part)"
        case .coachingContact: "/coaching/contacts/new"
        case .coachingQuestions: "/admin/settings/coaching-questions"
        case .coachingQuestionsReset: "/admin/settings/coaching-questions/reset"
        case .coaching: "/coaching"
        case .coachingMine: "/coaching/mine"
        case .coachingInvite: "/coaching/invite"
        case .coachingAsk: "/coaching/ask"
        case .coachingCounts: "/coaching/counts"
        case .cohorts: "/cohorts"
        case .cohort(let id): "/cohorts/\(id)"
        case .cohortSection(let id, let section): "/cohorts/\(id)/\(section)"
        case .plc(let cohort, let plc): "/cohorts/\(cohort)/plcs/\(plc)"
        case .plcSection(let cohort, let plc, let section): "/cohorts/\(cohort)/plcs/\(plc)/\(section)"
        case .cohortRoles: "/admin/settings/cohort-roles"
        case .calendar: "/admin/settings/calendar"
        case .schoolCalendar(let id): "/calendar/schools/\(id)"
        case .jobs: "/admin/jobs"
        case .jobRetry(let id): "/admin/jobs/\(Self.segment(id))/retry"
        case .notificationPreferences: EmailLinks.preferencesPath
        case .emailUnsubscribe(let token): EmailLinks.unsubscribePath(token: Self.segment(token))
        case .calendarSettings: "/account/calendar"
        case .calendarReset: "/account/calendar/reset"
        case .calendarRemoval: "/account/calendar/remove"
        case .calendarFeed(let token): "/calendar/\(Self.segment(token)).ics"
        case .tools: "/tools"
        case .toolsPage(let page): "/tools/\(page)"
        case .tool(let id): "/tools/\(id)"
        case .toolPart(let id, let part): "/tools/\(id)/\(part)"
        case .shortlist(.cycle(let cycle)): "/coaching/cycles/\(cycle)/tools"
        case .shortlist(.goal(let plan, let goal)): "/plans/\(plan)/goals/\(goal)/tools"
        case .shortlistEntry(let id, let part): "/shortlist/\(id)" + (part.map { "/\($0)" } ?? "")
        case .trials: "/trials"
        case .newTrial: "/trials/new"
        case .trial(let id): "/trials/\(id)"
        case .trialPart(let id, let part): "/trials/\(id)/\(part)"
        case .schoolDashboard(let id): "/dashboards/schools/\(id)"
        case .schoolDashboardCSV(let id, let section): "/dashboards/schools/\(id)/\(section).csv"
        case .districtDashboard: "/dashboards/district"
        case .districtDashboardCSV: "/dashboards/district/schools.csv"
        case .apiTokens(let kind): kind == .personal ? "/account/tokens" : "/district/tokens"
        case .apiTokenRevocation(let kind, let id): SiteRoute.apiTokens(kind).path + "/\(id)/revoke"
        case .apiDocs: "/api"
        case .apiContract: "/api/v1/openapi.json"
        case .roster: "/district/roster"
        case .rosterApply: "/district/roster/apply"
        case .stylesheet: "/static/trellis.css"
        }
    }

    /// Identifiers come from published packages and may hold any character; keep them one path segment.
    static func segment(_ identifier: String) -> String {
        identifier.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-._~"))) ?? identifier
    }
}

import Foundation
