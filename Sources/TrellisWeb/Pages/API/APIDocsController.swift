import Foundation
import Hummingbird
import TrellisCore

/// GET /api: the API explained for the people who connect a district's systems to Trellis. Open without signing in (a
/// developer reads it before holding a token); signed in, it shows with the person's navigation.
struct APIDocsController {
    let renderer: PageRenderer
    let baseURL: String
    let ratePerMinute: Int

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get(RouterPath(SiteRoute.apiDocs.path)) { _, context in
            renderer.render("api_docs", title: "The Trellis API",
                            content: APIDocsView(baseURL: baseURL, ratePerMinute: ratePerMinute), context: context)
        }
    }
}

/// What the API page shows: addresses, the scopes a token may carry and what each problem type means.
struct APIDocsView {
    struct ScopeLine {
        let name: String
        let summary: String
    }

    struct ProblemLine {
        let id: String
        let status: Int
        let title: String
        let meaning: String
    }

    let apiURL: String
    let contractURL: String
    let tokensPath = SiteRoute.apiTokens(.personal).path
    let serviceTokensPath = SiteRoute.apiTokens(.service).path
    let ratePerMinute: Int
    let burst: Int
    let scopes: [ScopeLine]
    let problems: [ProblemLine]
    let curlMe: String
    let curlPlans: String
    let curlPatch: String

    init(baseURL: String, ratePerMinute: Int) {
        apiURL = baseURL + "/api/v1"
        contractURL = baseURL + SiteRoute.apiContract.path
        self.ratePerMinute = ratePerMinute
        burst = max(1, ratePerMinute / 2)
        scopes = APIScope.allCases.sorted().map { ScopeLine(name: $0.rawValue, summary: $0.summary) }
        problems = Self.problemTypes
        curlMe = "curl -H \"Authorization: Bearer $TRELLIS_TOKEN\" \(apiURL)/me"
        curlPlans = "curl -H \"Authorization: Bearer $TRELLIS_TOKEN\" \"\(apiURL)/plans?school_year=2025&updated_since=2025-09-01T00:00:00Z&limit=100\""
        curlPatch = """
            curl -X PATCH -H "Authorization: Bearer $TRELLIS_TOKEN" -H "Content-Type: application/json" \\
              -d '{"version": 3, "goals": [{"id": "GOAL_ID", "action_steps": [{"id": "STEP_ID", "status": "done"}]}]}' \\
              \(apiURL)/plans/PLAN_ID
            """
    }

    /// Each `type` a problem object can carry (`/api#problem-<id>`), with what a client should do about it.
    static let problemTypes: [ProblemLine] = [
        ProblemLine(id: "bad-request", status: 400, title: "The request could not be read",
                    meaning: "A parameter or body does not fit the contract: a limit outside 1 to 200, a cursor Trellis did not give, JSON with a field the operation does not know. errors names the parameter when it can."),
        ProblemLine(id: "unauthorized", status: 401, title: "A valid API token is needed",
                    meaning: "No token was sent, or it is unknown, revoked or expired. Make a new one on the tokens page."),
        ProblemLine(id: "insufficient-scope", status: 403, title: "The token lacks a scope this needs",
                    meaning: "The detail names the scope; make a token that carries it."),
        ProblemLine(id: "forbidden", status: 403, title: "Not allowed",
                    meaning: "The token's person may not do this in the pages either: a token never allows more than its person."),
        ProblemLine(id: "not-found", status: 404, title: "Not found",
                    meaning: "There is nothing at this address, or nothing the token's person may know about (another educator's plan, another district's record)."),
        ProblemLine(id: "method-not-allowed", status: 405, title: "Method not allowed", meaning: "The address exists but not with this method."),
        ProblemLine(id: "conflict", status: 409, title: "Conflict",
                    meaning: "The plan was saved since the version you sent, or the change is not possible in its state (a signed plan, a second plan for the same year). Read it again and retry."),
        ProblemLine(id: "too-large", status: 413, title: "The request is too large", meaning: "Send a smaller body."),
        ProblemLine(id: "unsupported-media-type", status: 415, title: "Unsupported media type", meaning: "Send JSON with Content-Type: application/json."),
        ProblemLine(id: "invalid-fields", status: 422, title: "Some fields are not valid",
                    meaning: "Nothing was saved. errors lists each field by its path in what you sent (goals[0].target_date) with a message."),
        ProblemLine(id: "rate-limited", status: 429, title: "Too many requests", meaning: "Wait the seconds Retry-After gives, then retry."),
        ProblemLine(id: "client-error", status: 400, title: "Another mistake in the request", meaning: "The title and status say which."),
        ProblemLine(id: "server-error", status: 500, title: "Something went wrong",
                    meaning: "Trellis could not finish the call and changed nothing by it. Quote the reference in the detail when reporting it."),
    ]
}
