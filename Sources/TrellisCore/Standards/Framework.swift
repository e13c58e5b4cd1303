/// A published set of standards that goals are aligned to: a state's evaluation criteria,
/// ISTE's coaching standards, or a district's own set imported from CASE.
public struct Framework: Sendable, Hashable, Codable {
    /// Stable across imports and exports. For CASE it is the CFDocument identifier, so a
    /// re-import of the same package updates the framework instead of duplicating it;
    /// built-in frameworks use readable names such as `wa-teacher-criteria`.
    public var identifier: String
    public var title: String
    /// Who publishes the framework, e.g. "Washington OSPI".
    public var creator: String
    public var description: String?
    /// Built-in frameworks ship with Trellis and are the same for every district.
    public var isBuiltIn: Bool

    public init(
        identifier: String,
        title: String,
        creator: String,
        description: String? = nil,
        isBuiltIn: Bool = false
    ) {
        self.identifier = identifier
        self.title = title
        self.creator = creator
        self.description = description
        self.isBuiltIn = isBuiltIn
    }
}

/// A framework together with its standards, listed in hierarchy order: each standard comes
/// before its children, and siblings follow their `position`.
public struct FrameworkDefinition: Sendable, Hashable, Codable {
    public var framework: Framework
    public var standards: [Standard]

    public init(framework: Framework, standards: [Standard]) {
        self.framework = framework
        self.standards = standards
    }

    /// The standards with no parent, in sibling order.
    public var topLevelStandards: [Standard] {
        standards.filter { $0.parentIdentifier == nil }.sorted { $0.position < $1.position }
    }

    /// The direct children of a standard, in sibling order.
    public func children(of identifier: String) -> [Standard] {
        standards.filter { $0.parentIdentifier == identifier }.sorted { $0.position < $1.position }
    }

    /// The standard with this code, if any. Codes are how people name standards ("WA-T-6").
    public func standard(code: String) -> Standard? {
        standards.first { $0.code == code }
    }
}
