import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// The facilitator's wall: every statement as a card, current beside ideal, grouped into themes with Trellis's
/// suggestions to start from. A suggestion or an existing theme fills the form (`?suggestion=N`, `?theme=id`).
struct ThemesController {
    let renderer: PageRenderer
    let cohorts: CohortService
    let secure: Bool

    struct ThemesView {
        struct Card {
            let id: String
            let domID: String
            let text: String
            let author: String
            let checked: Bool
            let theme: String?
        }
        struct Suggestion {
            let words: String
            let count: String
            let statements: [String]
            let path: String
        }
        struct ThemeLine {
            let title: String
            let studentOutcome: String
            let count: String
            let editPath: String
            let removePath: String
        }
        let errorSummary: ErrorSummary?
        let name: String
        let cohortPath: String
        let current: [Card]
        let ideal: [Card]
        let suggestions: [Suggestion]
        let hasSuggestions: Bool
        let themes: [ThemeLine]
        let formTitle: String
        let action: String
        let title: FieldView
        let studentOutcome: FieldView
        let teacherAction: FieldView
        let statementsError: String?
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/cohorts/:cohort/themes", use: show)
        router.post("/cohorts/:cohort/themes", use: save)
        router.post("/cohorts/:cohort/themes/:theme", use: save)
        router.post("/cohorts/:cohort/themes/:theme/remove", use: remove)
    }

    func show(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try CohortsController.cohortID(context)
        let query = request.uri.queryParameters
        if let themeID = query["theme"].map({ Theme.ID(String($0)) }),
           let theme = try await cohorts.themes(actor, id).first(where: { $0.id == themeID }) {
            return try await page(context, form: ThemeForm(theme), themeID: theme.id, errors: FieldErrors(), status: .ok)
        }
        var form = ThemeForm()
        if let index = query["suggestion"].flatMap({ Int(String($0)) }) {
            let wall = try await cohorts.wall(actor, id)
            if wall.suggestions.indices.contains(index) {
                let suggestion = wall.suggestions[index]
                form.title = suggestion.keyWords.joined(separator: ", ").capitalizedFirst
                form.statementIDs = suggestion.statementIDs.map(\.rawValue)
            }
        }
        return try await page(context, form: form, themeID: nil, errors: FieldErrors(), status: .ok)
    }

    func save(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try CohortsController.cohortID(context)
        let themeID = context.parameters.get("theme").map(Theme.ID.init)
        let data = try await FormData.from(request)
        let form = ThemeForm(title: data["title"], studentOutcome: data["student_outcome"], teacherAction: data["teacher_action"],
                             statementIDs: data.all("statements"))
        do {
            let theme = try await cohorts.saveTheme(actor, id, themeID: themeID, form)
            return Flash.redirect(to: .cohortSection(id, "themes"), Flash(message: "The theme “\(theme.title)” is saved."), secure: secure)
        } catch let errors as FieldErrors {
            return try await page(context, form: form, themeID: themeID, errors: errors, status: .unprocessableContent)
        }
    }

    func remove(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try CohortsController.cohortID(context)
        try await cohorts.removeTheme(actor, id, themeID: Theme.ID(try context.parameters.require("theme")))
        return Flash.redirect(to: .cohortSection(id, "themes"), Flash(message: "The theme is removed; its statements are still on the wall."), secure: secure)
    }

    private func page(_ context: TrellisRequestContext, form: ThemeForm, themeID: Theme.ID?, errors: FieldErrors,
                      status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        let id = try CohortsController.cohortID(context)
        let loaded = try await cohorts.load(actor, id, may: .update, .setup)
        let wall = try await cohorts.wall(actor, id)
        let themes = try await cohorts.themes(actor, id)
        var themeOf: [VisioningStatement.ID: String] = [:]
        for theme in themes { for statement in theme.statementIDs { themeOf[statement] = theme.title } }
        let chosen = Set(form.statementIDs)
        let cards = wall.statements.enumerated().map { index, statement in
            (statement.kind, ThemesView.Card(id: statement.id.rawValue, domID: "statement-\(index)", text: statement.text,
                                             author: statement.authorID.flatMap { wall.authorNames[$0] } ?? "Without a name",
                                             checked: chosen.contains(statement.id.rawValue), theme: themeOf[statement.id]))
        }
        let texts = Dictionary(wall.statements.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        let suggestions = wall.suggestions.enumerated().map { index, suggestion in
            ThemesView.Suggestion(words: suggestion.keyWords.joined(separator: ", "), count: Plural.count(suggestion.statementIDs.count, "statement"),
                                  statements: suggestion.statementIDs.compactMap { texts[$0] },
                                  path: SiteRoute.cohortSection(id, "themes").path + "?suggestion=\(index)#theme-form")
        }
        let title = FieldView(name: "title", label: "Title", value: form.title, errors: errors)
        let outcome = FieldView(name: "student_outcome", label: "Student outcome", type: "textarea", value: form.studentOutcome, errors: errors,
                                hint: "What will be different for students. Every theme needs one.", rows: 2)
        let action = FieldView(name: "teacher_action", label: "Teacher action", type: "textarea", value: form.teacherAction, errors: errors,
                               hint: "What teachers (and those who support them) will do.", required: false, rows: 2)
        let summary = ErrorSummary([ErrorSummary.field(title), ErrorSummary.field(outcome), ErrorSummary.field(action),
                                    ErrorSummary.field(id: "statements", errors["statements"])])
        let view = ThemesView(
            errorSummary: summary, name: loaded.cohort.name, cohortPath: SiteRoute.cohort(id).path,
            current: cards.filter { $0.0 == .current }.map(\.1), ideal: cards.filter { $0.0 == .ideal }.map(\.1),
            suggestions: suggestions, hasSuggestions: !suggestions.isEmpty,
            themes: themes.map { theme in
                ThemesView.ThemeLine(title: theme.title, studentOutcome: theme.studentOutcome, count: Plural.count(theme.statementIDs.count, "statement"),
                                     editPath: SiteRoute.cohortSection(id, "themes").path + "?theme=\(theme.id)#theme-form",
                                     removePath: SiteRoute.cohortSection(id, "themes/\(theme.id)/remove").path)
            },
            formTitle: themeID == nil ? "Add a theme" : "Change the theme",
            action: SiteRoute.cohortSection(id, themeID.map { "themes/\($0)" } ?? "themes").path,
            title: title, studentOutcome: outcome, teacherAction: action, statementsError: errors["statements"])
        return renderer.render("cohort_themes", title: ErrorSummary.title("Themes", summary), content: view, context: context,
                               status: status, section: .cohorts)
    }
}

extension String {
    /// The text with its first letter in capitals: a title made of key words.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
