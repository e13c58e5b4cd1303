import Foundation
import TrellisCore
import TrellisStore

/// The district's catalogue of digital tools and content: searching it, proposing a tool (anyone), approving or
/// retiring one (a district admin). Each change is one transaction with its audit event.
public struct ToolCatalogueService: Sendable {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    public var today: CalendarDate { env.today }

    public static let changedElsewhere = "This tool was changed by someone else since this page was opened, so nothing is saved yet. "
        + "Here is how it stands now, with what you typed: look it over and save again."

    /// A tool with what its page needs: the version a change must name, and what the reader may do.
    public struct Detail: Sendable {
        public let tool: DigitalTool
        public let version: Int
        public let canEdit: Bool
        public let canDecide: Bool
        public let proposerName: String
    }

    /// The approved tools that match `filter` (and, for admins and their proposers, those waiting for approval).
    public func catalogue(_ actor: Actor, _ filter: CatalogueFilter) async throws -> [DigitalTool] {
        guard Policy.can(actor, .read, .tools(actor.organizationID)) else { throw ServiceError.forbidden }
        return try await env.scope(actor).digitalTools.all(approvals: [.approved]).map(\.tool).filter(filter.admits)
    }

    /// The tools waiting for approval that the actor may see: every one for an admin, their own for anyone else.
    public func proposals(_ actor: Actor) async throws -> [DigitalTool] {
        try await env.scope(actor).digitalTools.all(approvals: [.proposed]).map(\.tool)
            .filter { Policy.can(actor, .read, .tool(ToolAccess($0))) }
    }

    /// The retired tools, listed apart so nobody picks one by mistake.
    public func retired(_ actor: Actor) async throws -> [DigitalTool] {
        try await env.scope(actor).digitalTools.all(approvals: [.retired]).map(\.tool)
    }

    /// Every subject the approved tools name, for the catalogue's filter.
    public func subjects(_ actor: Actor) async throws -> [String] {
        let tools = try await env.scope(actor).digitalTools.all(approvals: [.approved]).map(\.tool)
        var seen = Set<String>()
        return tools.flatMap(\.subjects).filter { seen.insert($0.lowercased()).inserted }.sorted()
    }

    /// One tool, if the actor may read it; otherwise it does not exist for them.
    public func tool(_ actor: Actor, _ id: DigitalTool.ID) async throws -> Detail {
        guard let stored = try await env.scope(actor).digitalTools.find(id),
              Policy.can(actor, .read, .tool(ToolAccess(stored.tool))) else { throw ServiceError.notFound }
        let access = ToolAccess(stored.tool)
        let names = try await env.scope(actor).people.names(of: [stored.tool.proposedBy])
        return Detail(tool: stored.tool, version: stored.version, canEdit: Policy.can(actor, .update, .tool(access)),
                      canDecide: actor.has(.districtAdmin) && Policy.can(actor, .update, .tool(access)),
                      proposerName: names[stored.tool.proposedBy] ?? "someone")
    }

    /// Proposes a tool for the catalogue. An admin's own proposal still waits for an approval, so every tool in the
    /// catalogue was looked at twice.
    public func propose(_ actor: Actor, _ form: ToolForm, address: String? = nil) async throws -> DigitalTool {
        guard Policy.can(actor, .create, .tools(actor.organizationID)) else { throw ServiceError.forbidden }
        var tool = DigitalTool(id: env.ids.make(), organizationID: actor.organizationID, name: "", link: URL(string: "https://example.invalid")!,
                               kind: .app, proposedBy: actor.personID, proposedAt: env.clock.now())
        try form.apply(to: &tool)
        try await env.database.transaction { [tool] tx in
            let scope = OrganizationScope(tx, organizationID: actor.organizationID)
            try await scope.digitalTools.create(tool)
            try await scope.audit.append(env.event(.toolProposed, in: actor.organizationID, by: actor.personID, about: nil,
                                                   detail: "proposed \(tool.name)", address: address))
        }
        return tool
    }

    /// Saves a changed tool: an admin any time, its proposer while it waits for approval.
    public func update(_ actor: Actor, _ id: DigitalTool.ID, _ form: ToolForm, address: String? = nil) async throws {
        let detail = try await tool(actor, id)
        guard detail.canEdit else { throw ServiceError.forbidden }
        if let version = form.version, version != detail.version { throw ServiceError.conflict(Self.changedElsewhere) }
        var tool = detail.tool
        try form.apply(to: &tool)
        try await write(actor, tool, expecting: detail.version, detail: "changed \(tool.name)", address: address)
    }

    /// Approves a proposal, retires a tool, or brings a retired one back: a district admin's decision.
    public func decide(_ actor: Actor, _ id: DigitalTool.ID, to approval: DigitalTool.Approval, expecting version: Int?,
                       address: String? = nil) async throws {
        let detail = try await tool(actor, id)
        guard detail.canDecide else { throw ServiceError.forbidden }
        if detail.tool.approval == approval { return }
        if let version, version != detail.version { throw ServiceError.conflict(Self.changedElsewhere) }
        var tool = detail.tool
        tool.approval = approval
        let verb = switch approval {
        case .approved: detail.tool.approval == .retired ? "brought back" : "approved"
        case .retired: "retired"
        case .proposed: "returned to proposals"
        }
        try await write(actor, tool, expecting: detail.version, detail: "\(verb) \(tool.name)", address: address)
    }

    private func write(_ actor: Actor, _ tool: DigitalTool, expecting version: Int, detail: String, address: String?) async throws {
        do {
            try await env.database.transaction { tx in
                let scope = OrganizationScope(tx, organizationID: actor.organizationID)
                try await scope.digitalTools.update(tool, expecting: version)
                try await scope.audit.append(env.event(.toolChanged, in: actor.organizationID, by: actor.personID, about: nil,
                                                       detail: detail, address: address))
            }
        } catch is DigitalToolStore.Conflict {
            throw ServiceError.conflict(Self.changedElsewhere)
        }
    }
}
