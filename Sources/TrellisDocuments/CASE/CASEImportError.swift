/// Why a CASE file was refused. The whole file is refused at the first problem, with a
/// message that names the place ("CFItems[12]: missing identifier") so the person
/// importing it can fix the file or tell its publisher.
public struct CASEImportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem, for code that reacts differently to each.
    public enum Problem: Sendable, Hashable {
        case tooLarge
        case notJSON
        case notAnObject
        case missingDocument
        case missingField
        case wrongType
        case duplicateIdentifier
        case unknownItem
        case cycle
    }

    public var problem: Problem
    /// A sentence fit to show to the person who uploaded the file.
    public var message: String

    public init(_ problem: Problem, _ message: String) {
        self.problem = problem
        self.message = message
    }

    public var description: String { message }
}
