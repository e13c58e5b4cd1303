import Foundation
import TrellisCore
import TrellisServices

/// The tokens page: the list, and the form to make one (with what the person typed, and its messages, after a mistake).
struct TokensView {
    struct Line {
        let name: String
        let prefix: String
        let scopes: String
        let created: String
        let lastUsed: String
        let expires: String
        let status: String?
        let revokePath: String?
    }

    struct ScopeOption {
        let id: String
        let value: String
        let label: String
        let summary: String
        let checked: Bool
    }

    struct ExpiryOption {
        let value: String
        let label: String
        let selected: Bool
    }

    let isService: Bool
    let heading: String
    let action: String
    let tokens: [Line]
    let hasTokens: Bool
    let name: FieldView
    let scopes: [ScopeOption]
    let scopesError: String?
    let expiries: [ExpiryOption]
    let expiryError: String?
    let errorSummary: ErrorSummary?
    let passwordPath = SiteRoute.changePassword.path
    let calendarPath = SiteRoute.calendarSettings.path

    /// How long a token may live, as offered; any other whole number of days works from the command line.
    static let expiryChoices: [(String, String)] = [("30", "In 30 days"), ("90", "In 90 days"), ("365", "In a year"), ("", "Never")]

    init(kind: APIGrant.Kind, tokens: [APIToken], offered: [APIScope], form: APITokenService.Form, errors: FieldErrors, now: Date) {
        isService = kind == .service
        heading = kind == .service ? "District service tokens" : "Your API tokens"
        action = SiteRoute.apiTokens(kind).path
        self.tokens = tokens.map { token in
            let status: String? = token.revokedAt != nil ? "Revoked" : (token.isLive(at: now) ? nil : "Expired")
            return Line(name: token.name, prefix: token.prefix + "…", scopes: token.sortedScopes.map(\.rawValue).joined(separator: ", "),
                        created: ReviewDates.moment(token.createdAt), lastUsed: token.lastUsedAt.map(ReviewDates.moment) ?? "Never",
                        expires: token.expiresAt.map(ReviewDates.day) ?? "Never", status: status,
                        revokePath: token.revokedAt == nil ? SiteRoute.apiTokenRevocation(kind, token.id).path : nil)
        }
        hasTokens = !self.tokens.isEmpty
        name = FieldView(name: "name", label: "Name", value: form.name, errors: errors,
                         hint: "Where the token is used, e.g. “HR sync” or “my laptop”.")
        let chosen = Set(form.scopes)
        scopes = offered.map { scope in
            ScopeOption(id: "scope-\(scope.rawValue.replacingOccurrences(of: ":", with: "-"))", value: scope.rawValue,
                        label: scope.rawValue, summary: scope.summary, checked: chosen.contains(scope.rawValue))
        }
        scopesError = errors["scopes"]
        let known = Self.expiryChoices.contains { $0.0 == form.expiresInDays }
        expiries = Self.expiryChoices.map { value, label in
            ExpiryOption(value: value, label: label, selected: known ? value == form.expiresInDays : value == "90")
        }
        expiryError = errors["expires_in_days"]
        errorSummary = ErrorSummary([ErrorSummary.field(name), ErrorSummary.field(id: scopes.first?.id ?? "scopes", scopesError),
                                     ErrorSummary.field(id: "field-expires_in_days", expiryError)])
    }
}

/// The page right after a token is made: its secret, once.
struct TokenSecretView {
    let name: String
    let secret: String
    let scopes: String
    let expires: String
    let listPath: String
}
