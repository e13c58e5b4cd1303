import Foundation
import TrellisCore
import TrellisStore

/// A district admin's own frameworks, typed in by hand: add, edit, reorder and retire standards.
/// Retired standards stay on the goals already aligned to them, marked as retired.
public struct FrameworkEditor: Sendable {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    /// What an admin typed for a standard, kept as typed so a page can show it again.
    public struct StandardForm: Sendable, Hashable {
        public var code: String
        public var title: String
        public var description: String
        public var parentIdentifier: String

        public init(code: String = "", title: String = "", description: String = "", parentIdentifier: String = "") {
            self.code = code
            self.title = title
            self.description = description
            self.parentIdentifier = parentIdentifier
        }
    }

    public func createFramework(_ actor: Actor, title text: String, description: String, address: String? = nil) async throws -> Framework {
        try require(actor, .create)
        let title = text.trimmingWhitespace()
        if title.isEmpty { throw FieldErrors("title", "Give the framework a title.") }
        if title.count > 200 { throw FieldErrors("title", "Use at most 200 characters.") }
        let organization = try await OrganizationStore(env.database).find(id: actor.organizationID)
        let framework = Framework(identifier: env.ids.next(), title: title, creator: organization?.name ?? "",
                                  description: description.trimmingWhitespace().isEmpty ? nil : description.trimmingWhitespace())
        try await env.database.transaction { tx in
            let scope = OrganizationScope(tx, organizationID: actor.organizationID)
            _ = try await scope.frameworks.save(FrameworkDefinition(framework: framework, standards: []), source: .manual,
                                                at: env.clock.now(), ids: env.ids)
            try await scope.audit.append(env.event(.frameworkCreated, in: actor.organizationID, by: actor.personID, about: nil,
                                                   detail: title, address: address))
        }
        return framework
    }

    /// Adds a standard at the end of its siblings.
    public func addStandard(_ actor: Actor, to frameworkIdentifier: String, _ form: StandardForm, address: String? = nil) async throws -> Standard {
        let definition = try await editable(actor, frameworkIdentifier)
        let valid = try validate(form, in: definition, editing: nil)
        let siblings = definition.standards.filter { $0.parentIdentifier == valid.parent }
        let standard = Standard(identifier: env.ids.next(), code: valid.code, title: valid.title, description: valid.description,
                                parentIdentifier: valid.parent, position: (siblings.map(\.position).max() ?? -1) + 1)
        try await save([standard], in: definition, actor: actor, detail: "\(standard.code) added", address: address)
        return standard
    }

    public func updateStandard(_ actor: Actor, in frameworkIdentifier: String, _ identifier: String, _ form: StandardForm, address: String? = nil) async throws {
        let definition = try await editable(actor, frameworkIdentifier)
        guard var standard = definition.standards.first(where: { $0.identifier == identifier }) else { throw ServiceError.notFound }
        let valid = try validate(form, in: definition, editing: standard)
        standard.code = valid.code
        standard.title = valid.title
        standard.description = valid.description
        try await save([standard], in: definition, actor: actor, detail: "\(standard.code) edited", address: address)
    }

    public func setRetired(_ actor: Actor, in frameworkIdentifier: String, _ identifier: String, retired: Bool, address: String? = nil) async throws {
        let definition = try await editable(actor, frameworkIdentifier)
        guard var standard = definition.standards.first(where: { $0.identifier == identifier }) else { throw ServiceError.notFound }
        standard.isRetired = retired
        try await save([standard], in: definition, actor: actor, detail: "\(standard.code) \(retired ? "retired" : "restored")", address: address)
    }

    /// Moves a standard one place up or down among its siblings.
    public func move(_ actor: Actor, in frameworkIdentifier: String, _ identifier: String, up: Bool, address: String? = nil) async throws {
        let definition = try await editable(actor, frameworkIdentifier)
        guard let standard = definition.standards.first(where: { $0.identifier == identifier }) else { throw ServiceError.notFound }
        var siblings = definition.standards.filter { $0.parentIdentifier == standard.parentIdentifier }.sorted { $0.position < $1.position }
        guard let index = siblings.firstIndex(where: { $0.identifier == identifier }) else { return }
        let target = up ? index - 1 : index + 1
        guard siblings.indices.contains(target) else { return }
        siblings.swapAt(index, target)
        let renumbered = siblings.enumerated().map { offset, sibling in
            var sibling = sibling
            sibling.position = offset
            return sibling
        }
        try await save(renumbered, in: definition, actor: actor, detail: "\(standard.code) moved \(up ? "up" : "down")", address: address)
    }

    private func editable(_ actor: Actor, _ identifier: String) async throws -> FrameworkDefinition {
        try require(actor, .update)
        if BuiltInFrameworks.definition(identifier: identifier) != nil {
            throw ServiceError.conflict("Built-in frameworks are read-only. Create your own framework to add standards.")
        }
        guard let definition = try await env.scope(actor).frameworks.definition(identifier) else { throw ServiceError.notFound }
        return definition
    }

    private func validate(_ form: StandardForm, in definition: FrameworkDefinition, editing: Standard?)
        throws -> (code: String, title: String, description: String?, parent: String?) {
        var errors = FieldErrors()
        let code = form.code.trimmingWhitespace(), title = form.title.trimmingWhitespace()
        if code.isEmpty { errors["code"] = "Give the standard a short code, e.g. LIT-2." }
        else if code.count > 40 { errors["code"] = "Use at most 40 characters." }
        else if definition.standards.contains(where: { $0.code == code && $0.identifier != editing?.identifier }) {
            errors["code"] = "Another standard in this framework already uses \(code)."
        }
        if title.isEmpty { errors["title"] = "Give the standard a title." } else if title.count > 300 { errors["title"] = "Use at most 300 characters." }
        var parent: String? = editing?.parentIdentifier
        if editing == nil, !form.parentIdentifier.isEmpty {
            parent = definition.standards.first { $0.identifier == form.parentIdentifier }?.identifier
            if parent == nil { errors["parent"] = "Choose a parent from the list." }
        }
        try errors.throwIfAny()
        let description = form.description.trimmingWhitespace()
        return (code, title, description.isEmpty ? nil : description, parent)
    }

    private func save(_ standards: [Standard], in definition: FrameworkDefinition, actor: Actor, detail: String, address: String?) async throws {
        try await env.database.transaction { tx in
            let scope = OrganizationScope(tx, organizationID: actor.organizationID)
            for standard in standards { try await scope.frameworks.put(standard, in: definition.framework.identifier) }
            try await scope.audit.append(env.event(.standardChanged, in: actor.organizationID, by: actor.personID, about: nil,
                                                   detail: "\(definition.framework.title): \(detail)", address: address))
        }
    }

    private func require(_ actor: Actor, _ action: Action) throws {
        guard Policy.can(actor, action, .frameworks(actor.organizationID)) else { throw ServiceError.forbidden }
    }
}
