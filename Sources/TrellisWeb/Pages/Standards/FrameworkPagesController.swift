import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// One framework: its tree of standards, search, and (for a district's own framework) editing.
struct FrameworkPagesController {
    let renderer: PageRenderer
    let standards: StandardsService
    let secure: Bool

    struct FrameworkView {
        struct Match {
            let code: String
            let title: String
            let description: String?
            let isRetired: Bool
            let anchor: String
        }
        let title: String
        let creator: String
        let description: String?
        let identifier: String
        let isBuiltIn: Bool
        let query: String
        let searched: Bool
        let matches: [Match]
        let resultSummary: String
        let nodes: [StandardNode]
        let hasStandards: Bool
        let searchPath: String
        let exportPath: String
        let editable: Bool
        let addPath: String
        let add: StandardFormView
        /// For admins: no role aligns goals to this framework yet, so nobody can use it until one is chosen.
        let appliesToNoRole: Bool
        let rolesPath = SiteRoute.frameworkRoles.path
    }

    struct EditView {
        let code: String
        let action: String
        let backPath: String
        let form: StandardFormView
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.post("/frameworks", use: create)
        router.get("/frameworks/:framework", use: show)
        router.post("/frameworks/:framework/standards", use: addStandard)
        router.get("/frameworks/:framework/standards/:standard", use: editStandard)
        router.post("/frameworks/:framework/standards/:standard", use: updateStandard)
        router.post("/frameworks/:framework/standards/:standard/retirement", use: retire)
        router.post("/frameworks/:framework/standards/:standard/position", use: move)
    }

    func create(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let form = try await FormData.from(request)
        do {
            let framework = try await editor.createFramework(actor, title: form["title"], description: form["description"], address: context.peerAddress)
            return Flash.redirect(to: .framework(framework.identifier), Flash(message: "\(framework.title) is created. Add its standards below."), secure: secure)
        } catch let errors as FieldErrors {
            return try await FrameworksController(renderer: renderer, standards: standards, baseURL: "", secure: secure)
                .listPage(context, importError: nil, typed: (form["title"], form["description"]), errors: errors, status: .unprocessableContent)
        }
    }

    func show(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        // A GET form sends spaces as "+".
        let query = String((request.uri.queryParameters["q"].map(String.init) ?? "").replacingOccurrences(of: "+", with: " ").prefix(200))
        return try await page(context, identifier: try Self.parameter("framework", context), query: query,
                              add: FrameworkEditor.StandardForm(), errors: FieldErrors(), status: .ok)
    }

    func addStandard(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let identifier = try Self.parameter("framework", context)
        let form = Self.standardForm(try await FormData.from(request))
        do {
            let standard = try await editor.addStandard(actor, to: identifier, form, address: context.peerAddress)
            return Flash.redirect(to: .framework(identifier), Flash(message: "\(standard.code) is added."), secure: secure)
        } catch let errors as FieldErrors {
            return try await page(context, identifier: identifier, query: "", add: form, errors: errors, status: .unprocessableContent)
        }
    }

    func editStandard(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let (definition, standard) = try await find(context)
        let form = FrameworkEditor.StandardForm(code: standard.code, title: standard.title, description: standard.description ?? "")
        return editPage(definition, standard, form: form, errors: FieldErrors(), context: context, status: .ok)
    }

    func updateStandard(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let (definition, standard) = try await find(context)
        let form = Self.standardForm(try await FormData.from(request))
        do {
            try await editor.updateStandard(actor, in: definition.framework.identifier, standard.identifier, form, address: context.peerAddress)
            return Flash.redirect(to: .framework(definition.framework.identifier), Flash(message: "\(form.code.trimmingWhitespace()) is saved."), secure: secure)
        } catch let errors as FieldErrors {
            return editPage(definition, standard, form: form, errors: errors, context: context, status: .unprocessableContent)
        }
    }

    func retire(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let (definition, standard) = try await find(context)
        let retired = try await FormData.from(request)["retired"] == "true"
        try await editor.setRetired(actor, in: definition.framework.identifier, standard.identifier, retired: retired, address: context.peerAddress)
        let message = retired ? "\(standard.code) is retired. Goals already aligned to it keep it, marked as retired." : "\(standard.code) is in use again."
        return Flash.redirect(to: .framework(definition.framework.identifier), Flash(message: message), secure: secure)
    }

    func move(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let (definition, standard) = try await find(context)
        let up = try await FormData.from(request)["direction"] == "up"
        try await editor.move(actor, in: definition.framework.identifier, standard.identifier, up: up, address: context.peerAddress)
        return Flash.redirect(to: .framework(definition.framework.identifier), Flash(message: "\(standard.code) moved \(up ? "up" : "down")."), secure: secure)
    }

    private var editor: FrameworkEditor { FrameworkEditor(standards.env) }

    private func find(_ context: TrellisRequestContext) async throws -> (FrameworkDefinition, Standard) {
        let actor = try context.requireActor()
        let definition = try await standards.framework(actor, try Self.parameter("framework", context))
        let identifier = try Self.parameter("standard", context)
        guard let standard = definition.standards.first(where: { $0.identifier == identifier }) else { throw ServiceError.notFound }
        return (definition, standard)
    }

    private func page(_ context: TrellisRequestContext, identifier: String, query: String, add: FrameworkEditor.StandardForm,
                      errors: FieldErrors, status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        let definition = try await standards.framework(actor, identifier)
        let editable = !definition.framework.isBuiltIn && Policy.can(actor, .update, .frameworks(actor.organizationID))
        let nodes = StandardNode.tree(definition, editable: editable)
        let searched = !query.trimmingWhitespace().isEmpty
        let curates = Policy.can(actor, .update, .frameworks(actor.organizationID))
        let assignments = curates ? try await standards.roleAssignments(actor) : [:]
        let appliesToNoRole = curates && !assignments.values.contains { $0.contains(definition.framework.identifier) }
        let matches = searched ? try await standards.search(actor, in: identifier, for: query) : []
        let view = FrameworkView(
            title: definition.framework.title, creator: definition.framework.creator, description: definition.framework.description,
            identifier: definition.framework.identifier, isBuiltIn: definition.framework.isBuiltIn, query: query, searched: searched,
            matches: matches.map { FrameworkView.Match(code: $0.code, title: $0.title, description: $0.description == $0.title ? nil : $0.description,
                                                       isRetired: $0.isRetired, anchor: StandardNode($0, frameworkIdentifier: identifier, editable: false).domID) },
            resultSummary: "\(Plural.count(matches.count, "standard")) \(matches.count == 1 ? "matches" : "match")", nodes: nodes, hasStandards: !definition.standards.isEmpty,
            searchPath: SiteRoute.framework(identifier).path, exportPath: SiteRoute.frameworkExport(identifier).path,
            editable: editable, addPath: SiteRoute.frameworkStandards(identifier).path,
            add: StandardFormView(form: add, errors: errors, parents: definition.standards), appliesToNoRole: appliesToNoRole)
        return renderer.render("framework", title: definition.framework.title, content: view, context: context, status: status, section: .standards)
    }

    private func editPage(_ definition: FrameworkDefinition, _ standard: Standard, form: FrameworkEditor.StandardForm, errors: FieldErrors,
                          context: TrellisRequestContext, status: HTTPResponse.Status) -> Response {
        let view = EditView(code: standard.code, action: SiteRoute.standard(framework: definition.framework.identifier, standard: standard.identifier).path,
                            backPath: SiteRoute.framework(definition.framework.identifier).path,
                            form: StandardFormView(form: form, errors: errors, parents: []))
        return renderer.render("standard_edit", title: "Edit \(standard.code)", content: view, context: context, status: status, section: .standards)
    }

    static func standardForm(_ form: FormData) -> FrameworkEditor.StandardForm {
        FrameworkEditor.StandardForm(code: form["code"], title: form["title"], description: form["description"], parentIdentifier: form["parent"])
    }

    /// A path parameter with percent-escapes undone (identifiers from CASE packages may contain any character).
    static func parameter(_ name: String, _ context: TrellisRequestContext) throws -> String {
        let raw = try context.parameters.require(name)
        return raw.removingPercentEncoding ?? raw
    }
}

/// The fields of the standard form with their messages; `parents` lists the possible parents when adding.
struct StandardFormView {
    struct Parent {
        let identifier: String
        let label: String
        let selected: Bool
    }
    let code: FieldView
    let title: FieldView
    let description: FieldView
    let parents: [Parent]
    let hasParents: Bool
    let parentError: String?

    init(form: FrameworkEditor.StandardForm, errors: FieldErrors, parents: [Standard]) {
        code = FieldView(name: "code", label: "Code", value: form.code, errors: errors, hint: "Short and unique in this framework, e.g. LIT-2.")
        title = FieldView(name: "title", label: "Title", value: form.title, errors: errors)
        description = FieldView(name: "description", label: "Description (optional)", value: form.description, errors: errors, required: false)
        self.parents = parents.filter { !$0.isRetired }.map {
            Parent(identifier: $0.identifier, label: "\($0.code) — \($0.title)", selected: $0.identifier == form.parentIdentifier)
        }
        hasParents = !self.parents.isEmpty
        parentError = errors["parent"]
    }
}
