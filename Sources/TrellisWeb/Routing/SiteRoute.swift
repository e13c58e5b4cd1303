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
        case .stylesheet: "/static/trellis.css"
        }
    }
}
