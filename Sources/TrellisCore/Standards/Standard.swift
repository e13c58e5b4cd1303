/// One criterion, standard or indicator within a framework. Goals are aligned to standards.
public struct Standard: Sendable, Hashable, Codable {
    /// Stable across imports: the CASE CFItem identifier for imported standards, so
    /// alignments survive a re-import of an updated package.
    public var identifier: String
    /// The code people use to name the standard, e.g. `WA-T-3` or `ISTE-C-3d`. For CASE it
    /// is the item's humanCodingScheme when the publisher gives one.
    public var code: String
    /// A short name, fit for a list or a select box.
    public var title: String
    /// The full wording, when it says more than the title.
    public var description: String?
    /// The identifier of the standard this one belongs under; nil at the top level.
    public var parentIdentifier: String?
    /// Order among siblings, counting from 0.
    public var position: Int
    /// A retired standard stays so existing alignments keep their meaning, but it is never
    /// offered for new goals.
    public var isRetired: Bool

    public init(
        identifier: String,
        code: String,
        title: String,
        description: String? = nil,
        parentIdentifier: String? = nil,
        position: Int,
        isRetired: Bool = false
    ) {
        self.identifier = identifier
        self.code = code
        self.title = title
        self.description = description
        self.parentIdentifier = parentIdentifier
        self.position = position
        self.isRetired = isRetired
    }
}
