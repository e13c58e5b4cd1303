/// A group of people from across a district who learn together with a facilitating coach: they share a vision,
/// find emerging themes in it, and split into PLCs that each work toward a group goal.
///
/// Members come with the part they play in the cohort (a stakeholder role), which is not their role in Trellis:
/// a principal may sit in a cohort as "building leader" and a coach as "trainer".
public struct Cohort: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Identifier<Cohort>

    public var id: ID
    public var organizationID: Organization.ID
    /// e.g. "Cascade Digital Learning Cohort".
    public var name: String
    /// The coach who runs it: opens visioning, groups themes, splits PLCs and keeps meeting notes.
    public var facilitatorID: Person.ID
    /// The year the cohort works in; group goals are judged against it as individual goals are.
    public var schoolYear: SchoolYear
    /// In the order they joined.
    public var members: [CohortMember]

    public init(id: ID, organizationID: Organization.ID, name: String, facilitatorID: Person.ID, schoolYear: SchoolYear,
                members: [CohortMember] = []) {
        self.id = id
        self.organizationID = organizationID
        self.name = name
        self.facilitatorID = facilitatorID
        self.schoolYear = schoolYear
        self.members = members
    }

    public var memberIDs: Set<Person.ID> { Set(members.map(\.personID)) }

    public func member(_ personID: Person.ID) -> CohortMember? {
        members.first { $0.personID == personID }
    }

    public func isMember(_ personID: Person.ID) -> Bool { member(personID) != nil }

    /// Adds a member or changes their stakeholder role; a person is in a cohort once.
    public mutating func setMember(_ personID: Person.ID, role: String) {
        if let index = members.firstIndex(where: { $0.personID == personID }) {
            members[index].role = role
        } else {
            members.append(CohortMember(personID: personID, role: role))
        }
    }

    public mutating func removeMember(_ personID: Person.ID) {
        members.removeAll { $0.personID == personID }
    }
}

/// One person in a cohort, with the stakeholder role they bring to it.
public struct CohortMember: Sendable, Hashable, Codable {
    public var personID: Person.ID
    /// One of the district's `StakeholderRoles`, e.g. "technology support specialist".
    public var role: String

    public init(personID: Person.ID, role: String) {
        self.personID = personID
        self.role = role
    }
}

/// The parts people play in a cohort, as the district names them. Districts edit the list; these are where it starts,
/// the roles of the small-group coaching Trellis was modelled on.
public enum StakeholderRoles {
    public static let defaults = [
        "academic technology coach", "building leader", "technology support specialist", "trainer", "teacher",
    ]

    /// Cleans an edited list: one role a line, trimmed, blank lines and repeats (ignoring case) dropped, in order.
    public static func parse(_ text: String) -> [String] {
        var seen: Set<String> = []
        return text.split(whereSeparator: \.isNewline).compactMap { line in
            let role = String(line).trimmingWhitespace()
            guard !role.isEmpty, role.count <= 80, seen.insert(role.lowercased()).inserted else { return nil }
            return role
        }
    }
}
