/// What a person does in their district. One person may hold several roles.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case educator
    case coach
    case leader
    case districtAdmin = "district_admin"

    /// The name shown to people.
    public var label: String {
        switch self {
        case .educator: "Educator"
        case .coach: "Coach"
        case .leader: "Leader"
        case .districtAdmin: "District admin"
        }
    }

    /// What the role means, shown next to the checkbox when an admin assigns it.
    public var summary: String {
        switch self {
        case .educator: "Writes and works their own growth plans"
        case .coach: "Supports a caseload of educators and PLCs"
        case .leader: "Principal or dean: follows the school's progress"
        case .districtAdmin: "Manages schools, people, frameworks and clock hours"
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
