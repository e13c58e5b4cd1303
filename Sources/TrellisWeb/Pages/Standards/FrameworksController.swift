import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// Standards frameworks: everyone browses and searches them; district admins import CASE packages,
/// create their own frameworks and choose which frameworks apply to which role.
struct FrameworksController {
    let renderer: PageRenderer
    let standards: StandardsService
    let baseURL: String
    let secure: Bool

    struct ListView {
        struct Line {
            let title: String
            let creator: String
            let path: String
            let count: Int
            let roles: String
            let isBuiltIn: Bool
        }
        let frameworks: [Line]
        let isAdmin: Bool
        let importPath = SiteRoute.frameworkImport.path
        let createPath = SiteRoute.frameworks.path
        let rolesPath = SiteRoute.frameworkRoles.path
        let importError: String?
        let title: FieldView
        let description: FieldView
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/frameworks", use: list)
        router.post("/frameworks/import", use: importPackage)
        router.get("/frameworks/:framework/case.json", use: export)
        FrameworkPagesController(renderer: renderer, standards: standards, secure: secure).register(on: router)
        FrameworkRolesController(renderer: renderer, standards: standards, secure: secure).register(on: router)
    }

    func list(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await listPage(context, importError: nil, typed: ("", ""), errors: FieldErrors(), status: .ok)
    }

    func importPackage(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let form = try await MultipartForm.from(request, context: context)
        guard let file = form.files["file"], !file.data.isEmpty else {
            return try await listPage(context, importError: "Choose a CASE JSON file to import.", typed: ("", ""), errors: FieldErrors(),
                                      status: .unprocessableContent)
        }
        do {
            let result = try await standards.importCASE(actor, data: file.data, address: context.peerAddress)
            var message = "\(result.definition.framework.title) is imported: \(result.summary)."
            for note in result.tolerated { message += " \(note.prefix(1).uppercased() + note.dropFirst())." }
            if result.roles.isEmpty {
                message += " It applies to no role yet, so nobody can align a goal to it: choose the roles below."
            }
            return Flash.redirect(to: .framework(result.definition.framework.identifier), Flash(message: message), secure: secure)
        } catch let errors as FieldErrors {
            return try await listPage(context, importError: "\(file.filename) was not imported. \(errors["file"] ?? "")",
                                      typed: ("", ""), errors: FieldErrors(), status: .unprocessableContent)
        }
    }

    func export(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let identifier = try FrameworkPagesController.parameter("framework", context)
        let data = try await standards.exportCASE(actor, identifier, baseURI: baseURL)
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        let name = String(identifier.filter { $0.isLetter || $0.isNumber || $0 == "-" }.prefix(60))
        headers[.contentDisposition] = "attachment; filename=\"\(name.isEmpty ? "framework" : name).case.json\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    func listPage(_ context: TrellisRequestContext, importError: String?, typed: (String, String), errors: FieldErrors,
                  status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        let summaries = try await standards.frameworks(actor)
        let lines = summaries.map {
            ListView.Line(title: $0.framework.title, creator: $0.framework.creator, path: SiteRoute.framework($0.framework.identifier).path,
                          count: $0.standardCount, roles: $0.roles.map(\.label).joined(separator: ", "), isBuiltIn: $0.framework.isBuiltIn)
        }
        let view = ListView(frameworks: lines, isAdmin: Policy.can(actor, .create, .frameworks(actor.organizationID)), importError: importError,
                            title: FieldView(name: "title", label: "Title", value: typed.0, errors: errors),
                            description: FieldView(name: "description", label: "Description (optional)", value: typed.1, errors: errors, required: false))
        return renderer.render("frameworks", title: "Standards frameworks", content: view, context: context, status: status, section: .standards)
    }
}
