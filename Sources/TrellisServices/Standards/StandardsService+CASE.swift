import Foundation
import TrellisCore
import TrellisDocuments
import TrellisStore

/// CASE import and export. On the web both go through `Policy` for the signed-in actor (importing is a district
/// admin's, exporting is reading); the command line reaches them only through `OperatorService`.
extension StandardsService {
    /// What an import did, in the terms the person importing needs.
    public struct ImportResult: Sendable {
        public let definition: FrameworkDefinition
        public let outcome: FrameworkStore.SaveOutcome
        /// Shapes of optional fields that were accepted though CASE does not quite allow them, one sentence each.
        public let tolerated: [String]
        /// The roles that align goals to the framework; empty when nobody does yet (it must be assigned to be used).
        public let roles: [Role]

        /// One line for a message: "3 standards added, 1 updated, 0 unchanged, 1 no longer in the file marked retired".
        public var summary: String {
            var parts = ["\(Plural.count(outcome.added, "standard")) added", "\(outcome.updated) updated", "\(outcome.unchanged) unchanged"]
            if outcome.retired > 0 { parts.append("\(outcome.retired) no longer in the file marked retired") }
            return parts.joined(separator: ", ")
        }
    }

    /// Imports or re-imports a CASE package, as a district admin. The whole file is refused, with the problem named,
    /// or all of it is saved.
    public func importCASE(_ actor: Actor, data: Data, address: String? = nil) async throws -> ImportResult {
        try require(actor, .create)
        return try await importCASE(into: actor.organizationID, data: data, by: actor.personID, address: address)
    }

    /// The framework as a CASE package, pretty-printed, for anyone who may read the district's frameworks (a download
    /// of what the framework's page already shows).
    public func exportCASE(_ actor: Actor, _ identifier: String, baseURI: String) async throws -> Data {
        try require(actor, .read)
        return export(try await framework(actor, identifier), baseURI: baseURI)
    }

    /// The import itself, for a district known to be allowed: an admin checked above, or an operator
    /// (`OperatorService`). Not public, so nothing else can skip the check.
    func importCASE(into organization: Organization.ID, data: Data, by person: Person.ID?, address: String?) async throws -> ImportResult {
        let read: CASEImportResult
        do {
            read = try importer.read(data: data)
        } catch {
            throw FieldErrors("file", error.message)
        }
        let definition = read.framework
        if BuiltInFrameworks.definition(identifier: definition.framework.identifier) != nil {
            throw FieldErrors("file", "This package uses the identifier of a framework built into Trellis (\(definition.framework.identifier)).")
        }
        let (outcome, roles) = try await env.database.transaction { tx in
            let scope = OrganizationScope(tx, organizationID: organization)
            let outcome = try await scope.frameworks.save(definition, source: .caseImport, at: env.clock.now(), ids: env.ids)
            let detail = "\(definition.framework.title): \(Self.describe(outcome))" + read.tolerated.map { "; \($0)" }.joined()
            try await scope.audit.append(env.event(.frameworkImported, in: organization, by: person, about: nil, detail: detail, address: address))
            let chosen = try await scope.frameworks.roleAssignments()
            let assignments = chosen.isEmpty ? Self.defaultRoleAssignments : chosen
            return (outcome, Role.allCases.filter { assignments[$0]?.contains(definition.framework.identifier) == true })
        }
        return ImportResult(definition: definition, outcome: outcome, tolerated: read.tolerated, roles: roles)
    }

    /// The same export for a district known to be allowed (see `importCASE(into:)`).
    func exportCASE(organization: Organization.ID, _ identifier: String, baseURI: String) async throws -> Data {
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
}
