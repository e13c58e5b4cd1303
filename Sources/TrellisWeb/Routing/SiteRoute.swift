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
        case .stylesheet: "/static/trellis.css"
        }
    }

    /// Identifiers come from published packages and may hold any character; keep them one path segment.
    static func segment(_ identifier: String) -> String {
        identifier.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-._~"))) ?? identifier
    }
}

import Foundation
