import Foundation
import TrellisCore
import TrellisDocuments
import TrellisStore

/// Standards frameworks as a district sees them: the built-in ones, its own, and which apply to whom.
public struct StandardsService: Sendable {
    public let env: ServiceEnvironment
    let importer: CASEImporter

    public init(_ env: ServiceEnvironment, importer: CASEImporter = CASEImporter()) {
        self.env = env
        self.importer = importer
    }

    /// When a district has chosen nothing: teachers and coaches align to the teacher criteria and the ISTE
    /// coaching standards, principals and admins to the principal criteria.
    public static let defaultRoleAssignments: [Role: [String]] = [
        .educator: ["wa-teacher-criteria", "iste-coaches"],
        .coach: ["iste-coaches", "wa-teacher-criteria"],
        .leader: ["wa-principal-criteria"],
        .districtAdmin: ["wa-principal-criteria"],
    ]

    public struct Summary: Sendable {
        public let framework: Framework
        public let standardCount: Int
        public let roles: [Role]
    }

    /// Every framework the district can use, built-in ones first.
    public func frameworks(_ actor: Actor) async throws -> [Summary] {
        try require(actor, .read)
        let store = env.scope(actor).frameworks
        let assignments = try await roleAssignments(actor)
        func roles(_ identifier: String) -> [Role] { Role.allCases.filter { assignments[$0]?.contains(identifier) == true } }
        let counts = try await store.standardCounts()
        return BuiltInFrameworks.all.map { Summary(framework: $0.framework, standardCount: $0.standards.count, roles: roles($0.framework.identifier)) }
            + (try await store.all()).map { Summary(framework: $0, standardCount: counts[$0.identifier] ?? 0, roles: roles($0.identifier)) }
    }

    /// One framework with its standards in tree order; another district's is not found.
    public func framework(_ actor: Actor, _ identifier: String) async throws -> FrameworkDefinition {
        try require(actor, .read)
        if let builtIn = BuiltInFrameworks.definition(identifier: identifier) { return builtIn }
        guard let definition = try await env.scope(actor).frameworks.definition(identifier) else { throw ServiceError.notFound }
        return definition
    }

    /// Standards whose code, title or description contain every word of the query, ignoring case and accents.
    public func search(_ actor: Actor, in identifier: String, for query: String) async throws -> [Standard] {
        let definition = try await framework(actor, identifier)
        let words = Self.fold(query).split(separator: " ").map(String.init)
        guard !words.isEmpty else { return definition.standards }
        return definition.standards.filter { standard in
            let text = Self.fold([standard.code, standard.title, standard.description ?? ""].joined(separator: " "))
            return words.allSatisfy { text.contains($0) }
        }
    }

    /// The standards with these identifiers, e.g. those a plan is aligned to, by identifier. Built-in standards
    /// are answered from memory; only a district's own are read, in one query.
    public func standards(_ actor: Actor, identifiers: Set<String>) async throws -> [String: Standard] {
        try require(actor, .read)
        var found: [String: Standard] = [:]
        var others: Set<String> = []
        for identifier in identifiers {
            if let standard = BuiltInFrameworks.standardsByIdentifier[identifier] { found[identifier] = standard } else { others.insert(identifier) }
        }
        for standard in try await env.scope(actor).frameworks.standards(identifiers: others) where found[standard.identifier] == nil {
            found[standard.identifier] = standard
        }
        return found
    }

    /// Every standard the district offers, by identifier: what a plan's alignments are shown with.
    public func index(_ actor: Actor) async throws -> [String: Standard] {
        try require(actor, .read)
        var index = BuiltInFrameworks.standardsByIdentifier
        let store = env.scope(actor).frameworks
        for framework in try await store.all() {
            for standard in try await store.definition(framework.identifier)?.standards ?? [] where index[standard.identifier] == nil {
                index[standard.identifier] = standard
            }
        }
        return index
    }

    // MARK: CASE

    /// Imports or re-imports a CASE package. The whole file is refused, with the problem named, or all of it is saved.
    public func importCASE(_ actor: Actor, data: Data, address: String? = nil) async throws -> (FrameworkDefinition, FrameworkStore.SaveOutcome) {
        try require(actor, .create)
        return try await importCASE(into: actor.organizationID, data: data, by: actor.personID, address: address)
    }

    /// The same for an operator at the command line.
    public func importCASE(into organization: Organization.ID, data: Data, by person: Person.ID? = nil, address: String? = nil) async throws
        -> (FrameworkDefinition, FrameworkStore.SaveOutcome) {
        let definition: FrameworkDefinition
        do {
            definition = try importer.parse(data: data)
        } catch {
            throw FieldErrors("file", error.message)
        }
        if BuiltInFrameworks.definition(identifier: definition.framework.identifier) != nil {
            throw FieldErrors("file", "This package uses the identifier of a framework built into Trellis (\(definition.framework.identifier)).")
        }
        let outcome = try await env.database.transaction { tx in
            let scope = OrganizationScope(tx, organizationID: organization)
            let outcome = try await scope.frameworks.save(definition, source: .caseImport, at: env.clock.now(), ids: env.ids)
            try await scope.audit.append(env.event(.frameworkImported, in: organization, by: person, about: nil,
                                                   detail: "\(definition.framework.title): \(Self.describe(outcome))", address: address))
            return outcome
        }
        return (definition, outcome)
    }

    /// The framework as a CASE package, pretty-printed.
    public func exportCASE(_ actor: Actor, _ identifier: String, baseURI: String) async throws -> Data {
        export(try await framework(actor, identifier), baseURI: baseURI)
    }

    /// The same for an operator at the command line.
    public func exportCASE(organization: Organization.ID, _ identifier: String, baseURI: String) async throws -> Data {
        var definition = BuiltInFrameworks.definition(identifier: identifier)
        if definition == nil {
            definition = try await OrganizationScope(env.database, organizationID: organization).frameworks.definition(identifier)
        }
        guard let definition else {
            throw FieldErrors("framework", "No framework with the identifier \(identifier) in this district.")
        }
        return export(definition, baseURI: baseURI)
    }

    private func export(_ definition: FrameworkDefinition, baseURI: String) -> Data {
        CASEExporter(baseURI: baseURI + "/ims/case/v1p0", lastChange: env.clock.now()).export(definition)
    }

    // MARK: Roles

    /// Which frameworks apply to each role: the district's choice, or the defaults.
    public func roleAssignments(_ actor: Actor) async throws -> [Role: [String]] {
        try require(actor, .read)
        let chosen = try await env.scope(actor).frameworks.roleAssignments()
        return chosen.isEmpty ? Self.defaultRoleAssignments : chosen
    }

    public func setRoleAssignments(_ actor: Actor, _ assignments: [Role: [String]], address: String? = nil) async throws {
        try require(actor, .update)
        let known = Set(try await frameworks(actor).map(\.framework.identifier))
        guard assignments.values.allSatisfy({ $0.allSatisfy(known.contains) }) else {
            throw FieldErrors("frameworks", "Choose frameworks from the list.")
        }
        try await env.database.transaction { tx in
            let scope = OrganizationScope(tx, organizationID: actor.organizationID)
            try await scope.frameworks.setRoleAssignments(assignments)
            let detail = Role.allCases.map { "\($0.label): \((assignments[$0] ?? []).joined(separator: ", "))" }.joined(separator: "; ")
            try await scope.audit.append(env.event(.frameworkRolesChanged, in: actor.organizationID, by: actor.personID, about: nil,
                                                   detail: detail, address: address))
        }
    }

    /// The standards a person aligns their goals to: those of the frameworks that apply to any of their roles.
    public func applicableStandards(_ actor: Actor) async throws -> [(framework: Framework, standard: Standard)] {
        let assignments = try await roleAssignments(actor)
        let identifiers = Role.allCases.filter(actor.has).flatMap { assignments[$0] ?? [] }
        var seen: Set<String> = []
        var result: [(Framework, Standard)] = []
        for identifier in identifiers where seen.insert(identifier).inserted {
            guard let definition = try? await framework(actor, identifier) else { continue }
            result += definition.standards.map { (definition.framework, $0) }
        }
        return result
    }

    /// The top standards for a piece of goal text among those that apply to the person.
    public func suggestions(_ actor: Actor, for text: String, limit: Int = 3) async throws -> [StandardSuggestion] {
        let standards = try await applicableStandards(actor).map(\.standard)
        return StandardSuggester.suggestions(for: text, among: standards, limit: limit)
    }

    func require(_ actor: Actor, _ action: Action) throws {
        guard Policy.can(actor, action, .frameworks(actor.organizationID)) else { throw ServiceError.forbidden }
    }

    static func describe(_ outcome: FrameworkStore.SaveOutcome) -> String {
        var parts = ["\(outcome.added) added", "\(outcome.updated) updated", "\(outcome.unchanged) unchanged"]
        if outcome.retired > 0 { parts.append("\(outcome.retired) retired") }
        return (outcome.createdFramework ? "new framework; " : "") + parts.joined(separator: ", ")
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
    }
}
