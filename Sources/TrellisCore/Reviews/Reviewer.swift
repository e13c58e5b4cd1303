/// The certificated educator asked to review and sign a plan: someone with a Trellis account in the district,
/// or someone outside it, known by name, email and certificate number, who reviews through a single-use link.
/// Washington allows any certificated colleague, a peer as well as a supervisor.
public enum Reviewer: Sendable, Hashable, Codable {
    case member(personID: Person.ID, name: String, certificateNumber: String)
    case outside(name: String, email: EmailAddress, certificateNumber: String)

    public var name: String {
        switch self {
        case .member(_, let name, _), .outside(let name, _, _): name
        }
    }

    public var certificateNumber: String {
        switch self {
        case .member(_, _, let number), .outside(_, _, let number): number
        }
    }

    /// The Trellis account of a reviewer who has one.
    public var personID: Person.ID? {
        if case .member(let id, _, _) = self { return id }
        return nil
    }

    public var isOutside: Bool { personID == nil }
}
