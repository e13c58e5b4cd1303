import Foundation
import TrellisCore

/// The columns a roster file may have. `email` is the key; every other column is optional, and a blank cell leaves
/// that field of an existing person as it is.
public enum RosterColumn: String, Sendable, Hashable, CaseIterable, Codable {
    case email, name, roles, school, active

    /// What the column holds, as the import page and the documentation explain it.
    public var summary: String {
        switch self {
        case .email: "Required. The person's email address; it finds them, so it cannot be changed by an import."
        case .name: "The name people see. Required for someone new."
        case .roles: "educator, coach, leader, district_admin; several separated by semicolons (educator;coach). Required for someone new."
        case .school: "The school's name. A school the district does not have yet is added."
        case .active: "yes or no. no deactivates the person (nothing of theirs is deleted); yes reactivates them."
        }
    }
}

/// What importing a roster file would do, worked out without writing anything: the dry run an admin reads before
/// applying, and what applying re-works inside its transaction and compares by `digest`.
public struct RosterImportPlan: Sendable, Hashable {
    /// One field of one person, as it is and as the file would make it.
    public struct FieldChange: Sendable, Hashable {
        public let column: RosterColumn
        /// As shown now ("" for a new person).
        public let old: String
        public let new: String
    }

    /// A person the file adds or changes.
    public struct PersonChange: Sendable, Hashable {
        /// The file's row, as a spreadsheet numbers it (the header is row 1).
        public let row: Int
        public let email: EmailAddress
        /// The name after the change.
        public let name: String
        /// Who is changed; nil for someone new.
        public let personID: Person.ID?
        /// For a new person, every field the file gives; for an update, only the fields that change.
        public let changes: [FieldChange]
        /// True when the change stops the person signing in.
        public let deactivates: Bool
        /// The person as the import leaves them, their school possibly one the import adds.
        let proposed: Proposed
    }

    /// A person as the import would leave them.
    struct Proposed: Sendable, Hashable {
        var name: String
        var roles: Set<Role>
        var school: SchoolChoice
        var isActive: Bool
    }

    /// The school a row puts someone in: none, one the district has, or one this import adds.
    enum SchoolChoice: Sendable, Hashable {
        case none
        case existing(School.ID)
        case new(String)
    }

    /// A row that cannot be imported as written, and why; the column is nil when the whole row is wrong.
    public struct Problem: Sendable, Hashable {
        public let row: Int
        public let column: String?
        public let message: String
    }

    /// Rows read after the header, blank rows left out.
    public let rowCount: Int
    public let creates: [PersonChange]
    public let updates: [PersonChange]
    /// Rows whose person is already as the file says (or who is not in Trellis and marked inactive).
    public let unchanged: Int
    /// Schools the file names that the district does not have yet, as first spelled in the file.
    public let newSchools: [String]
    /// Every row's mistakes, by row; nothing is applied while there is one.
    public let problems: [Problem]
    /// A SHA-256 of everything above: the dry run shown carries it, and applying refuses if the plan it works out
    /// again is not the same, so nothing is applied that the admin did not see.
    public let digest: String

    /// People added, people changed and schools added.
    public var changeCount: Int { creates.count + updates.count + newSchools.count }
    public var deactivations: Int { updates.filter(\.deactivates).count }
    public var canApply: Bool { problems.isEmpty && changeCount > 0 }

    /// The text the digest is taken of: every outcome, in order, each value quoted and escaped as a JSON string, so no
    /// name can run into the next.
    static func canonicalText(creates: [PersonChange], updates: [PersonChange], unchanged: [Int], newSchools: [String],
                              problems: [Problem]) -> String {
        var text = ""
        func line(_ values: [String]) {
            text += values.map(quoted).joined(separator: ",") + "\n"
        }
        newSchools.forEach { line(["school", $0]) }
        for change in creates + updates {
            line([change.personID == nil ? "create" : "update", String(change.row), change.email.value, change.personID?.rawValue ?? ""]
                 + change.changes.flatMap { [$0.column.rawValue, $0.old, $0.new] })
        }
        unchanged.forEach { line(["unchanged", String($0)]) }
        problems.forEach { line(["problem", String($0.row), $0.column ?? "", $0.message]) }
        return text
    }

    /// `"…"` with backslashes, quotes and control characters escaped.
    static func quoted(_ value: String) -> String {
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) { return "\"\(value)\"" }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case _ where scalar.value < 0x20: out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
