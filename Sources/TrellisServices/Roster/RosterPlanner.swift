import Crypto
import Foundation
import TrellisCore

/// Works out what a roster file would do to a district, given what the district has now. Pure: the service reads
/// the people and schools, this decides, and the same decision is made again when the plan is applied.
struct RosterPlanner {
    let actor: Actor
    /// The district's people the file names, by email.
    let existing: [EmailAddress: Person]
    let schools: [School]
    /// Emails of the file that people of other districts have.
    let takenElsewhere: Set<EmailAddress>

    func plan(_ file: RosterFile) -> RosterImportPlan {
        var problems = file.problems
        var creates: [RosterImportPlan.PersonChange] = [], updates: [RosterImportPlan.PersonChange] = []
        var unchanged: [Int] = []
        var newSchools: [String] = []
        /// The first spelling of each new school, by `key`.
        var newSchoolSpelling: [String: String] = [:]
        var firstRow: [EmailAddress: Int] = [:]
        let schoolsByKey = Dictionary(schools.map { (Self.key($0.name), $0) }, uniquingKeysWith: { first, _ in first })
        let schoolNames = Dictionary(uniqueKeysWithValues: schools.map { ($0.id, $0.name) })

        for entry in file.entries {
            func problem(_ column: RosterColumn?, _ message: String) {
                problems.append(.init(row: entry.row, column: column?.rawValue, message: message))
            }
            if let earlier = firstRow[entry.email] {
                problem(.email, "\(entry.email) is also on row \(earlier). Each person belongs on one row.")
                continue
            }
            firstRow[entry.email] = entry.row
            if takenElsewhere.contains(entry.email) {
                problem(.email, "Someone outside your district already uses \(entry.email). Each person needs their own email address.")
                continue
            }
            var school: RosterImportPlan.SchoolChoice?
            if let name = entry.school {
                if let found = schoolsByKey[Self.key(name)] {
                    school = .existing(found.id)
                } else {
                    school = .new(newSchoolSpelling[Self.key(name)] ?? name)
                }
            }
            let current = existing[entry.email]
            let before = problems.count
            let change = current.map { person in update(person, entry, school, schoolNames, problem) }
                ?? create(entry, school, schoolNames, problem)
            guard problems.count == before else { continue }
            guard let change else {
                unchanged.append(entry.row)
                continue
            }
            if case .new(let name) = change.proposed.school, newSchoolSpelling[Self.key(name)] == nil {
                guard Policy.can(actor, .create, .schools(actor.organizationID)) else {
                    problem(.school, "The district has no school called \(name), and you may not add schools.")
                    continue
                }
                newSchools.append(name)
                newSchoolSpelling[Self.key(name)] = name
            }
            if change.personID == nil { creates.append(change) } else { updates.append(change) }
        }
        // By row, and within a row in the order of the columns, as the person reads the file.
        let order = Dictionary(uniqueKeysWithValues: RosterColumn.allCases.enumerated().map { ($1.rawValue, $0) })
        problems.sort { ($0.row, $0.column.flatMap { order[$0] } ?? -1) < ($1.row, $1.column.flatMap { order[$0] } ?? -1) }
        let text = RosterImportPlan.canonicalText(creates: creates, updates: updates, unchanged: unchanged, newSchools: newSchools,
                                                  problems: problems)
        return RosterImportPlan(rowCount: file.rowCount, creates: creates, updates: updates,
                                unchanged: unchanged.count, newSchools: newSchools, problems: problems,
                                digest: SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined())
    }

    /// Someone new, or nil when the row marks them inactive: there is nobody to deactivate.
    private func create(_ entry: RosterFile.Entry, _ school: RosterImportPlan.SchoolChoice?, _ schoolNames: [School.ID: String],
                        _ problem: (RosterColumn?, String) -> Void) -> RosterImportPlan.PersonChange? {
        if entry.active == false { return nil }
        guard let name = entry.name, let roles = entry.roles else {
            if entry.name == nil { problem(.name, "\(entry.email) is new to Trellis, so the row needs their name.") }
            if entry.roles == nil { problem(.roles, "\(entry.email) is new to Trellis, so the row needs at least one role.") }
            return nil
        }
        let proposed = RosterImportPlan.Proposed(name: name, roles: roles, school: school ?? .none, isActive: true)
        var changes: [RosterImportPlan.FieldChange] = [
            .init(column: .name, old: "", new: name), .init(column: .roles, old: "", new: Self.describe(roles)),
        ]
        switch school {
        case .some(.existing(let id)): changes.append(.init(column: .school, old: "", new: schoolNames[id] ?? ""))
        case .some(.new(let schoolName)): changes.append(.init(column: .school, old: "", new: schoolName))
        default: break
        }
        return .init(row: entry.row, email: entry.email, name: name, personID: nil, changes: changes, deactivates: false, proposed: proposed)
    }

    /// The fields of `person` the row changes, or nil when it changes none.
    private func update(_ person: Person, _ entry: RosterFile.Entry, _ school: RosterImportPlan.SchoolChoice?, _ schoolNames: [School.ID: String],
                        _ problem: (RosterColumn?, String) -> Void) -> RosterImportPlan.PersonChange? {
        let currentSchool: RosterImportPlan.SchoolChoice = person.schoolID.map { .existing($0) } ?? .none
        let proposed = RosterImportPlan.Proposed(name: entry.name ?? person.displayName, roles: entry.roles ?? person.roles,
                                                 school: school ?? currentSchool, isActive: entry.active ?? person.isActive)
        var changes: [RosterImportPlan.FieldChange] = []
        func named(_ choice: RosterImportPlan.SchoolChoice) -> String {
            switch choice {
            case .none: "No school"
            case .existing(let id): schoolNames[id] ?? "No school"
            case .new(let name): name
            }
        }
        if proposed.name != person.displayName { changes.append(.init(column: .name, old: person.displayName, new: proposed.name)) }
        if proposed.roles != person.roles {
            if Policy.can(actor, .changeRoles, .person(person)) {
                changes.append(.init(column: .roles, old: Self.describe(person.roles), new: Self.describe(proposed.roles)))
            } else {
                problem(.roles, "You cannot change your own roles. Ask another district admin, or leave this cell as it is.")
            }
        }
        if proposed.school != currentSchool { changes.append(.init(column: .school, old: named(currentSchool), new: named(proposed.school))) }
        if proposed.isActive != person.isActive {
            if Policy.can(actor, .deactivate, .person(person)) {
                changes.append(.init(column: .active, old: person.isActive ? "Active" : "Deactivated",
                                     new: proposed.isActive ? "Active" : "Deactivated"))
            } else {
                problem(.active, "You cannot deactivate yourself. Ask another district admin.")
            }
        }
        if !changes.isEmpty, !Policy.can(actor, .update, .person(person)) {
            problem(nil, "You may not change \(person.displayName).")
        }
        guard !changes.isEmpty else { return nil }
        return .init(row: entry.row, email: entry.email, name: proposed.name, personID: person.id, changes: changes,
                     deactivates: person.isActive && !proposed.isActive, proposed: proposed)
    }

    /// How a school's name is compared: case and runs of spaces do not make another school.
    static func key(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func describe(_ roles: Set<Role>) -> String {
        PeopleService.describe(roles)
    }
}
