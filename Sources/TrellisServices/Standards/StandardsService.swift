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

    /// When a district has chosen nothing: teachers align to the teacher criteria, coaches to the ISTE Standards
    /// for Coaches, principals and admins to the principal criteria. Each role gets only its own framework, because
    /// suggestions rank every applicable standard together: with the coaching standards applied to teachers, a
    /// 7th-grade writing goal was offered coaching standards first. A coach who also teaches holds both roles.
    public static let defaultRoleAssignments: [Role: [String]] = [
        .educator: ["wa-teacher-criteria"],
        .coach: ["iste-coaches"],
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
        return try await Self.standards(in: env.scope(actor), identifiers: identifiers)
    }

    /// The lookup itself, for callers that have decided access another way (a reviewer's link).
    static func standards(in scope: OrganizationScope, identifiers: Set<String>) async throws -> [String: Standard] {
        var found: [String: Standard] = [:]
        var others: Set<String> = []
        for identifier in identifiers {
            if let standard = BuiltInFrameworks.standardsByIdentifier[identifier] { found[identifier] = standard } else { others.insert(identifier) }
        }
        for standard in try await scope.frameworks.standards(identifiers: others) where found[standard.identifier] == nil {
            found[standard.identifier] = standard
        }
        return found
    }

    /// The standards a plan names (its goals' alignments and its evidence's tags), by identifier: what its pages
    /// show them with. Only these are looked up, never the district's whole set.
    public func standards(_ actor: Actor, shownIn plan: GrowthPlan) async throws -> [String: Standard] {
        try await standards(actor, identifiers: Set(plan.goals.flatMap(\.alignedStandardIdentifiers) + plan.evidence.flatMap(\.standardIdentifiers)))
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
        let store = env.scope(actor).frameworks
        for identifier in identifiers where seen.insert(identifier).inserted {
            // An assignment may name a framework that is no longer there; database errors still surface.
            let definition = if let builtIn = BuiltInFrameworks.definition(identifier: identifier) { builtIn }
                else { try await store.definition(identifier) }
            guard let definition else { continue }
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
