import Foundation
import SQLKit
import TrellisCore

/// The people of one district, with their roles.
public struct PersonStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    struct Row: Codable, Sendable {
        let id: String
        let organizationId: String
        let email: String
        let displayName: String
        let schoolId: String?
        let isActive: Bool
        let credentialVersion: Int
    }

    private struct RoleRow: Codable, Sendable {
        let personId: String
        let role: String
    }

    static let columns: SQLQueryString = "id, organization_id, email, display_name, school_id, is_active, credential_version"

    public func create(_ person: Person, passwordHash: String?, at date: Date) async throws {
        precondition(person.organizationID == organizationID, "a person is created in their own organization's scope")
        // A new educator is a line on the school's dashboard.
        defer { executor.forgetCaseloads(in: organizationID) }
        do {
            try await executor.execute("""
                INSERT INTO people (id, organization_id, email, display_name, school_id, password_hash, is_active, credential_version, created_at)
                VALUES (\(bind: person.id.rawValue), \(bind: organizationID.rawValue), \(bind: person.email.value),
                        \(bind: person.displayName), \(bind: person.schoolID?.rawValue), \(bind: passwordHash),
                        \(bind: person.isActive), \(bind: 0), \(bind: date.millisecondsSince1970))
                """)
        } catch where error.isUniqueViolation {
            throw StoreError.duplicate("email")
        }
        try await setRoles(person.roles, of: person.id)
    }

    /// Saves name, email, school and active flag. Roles are saved by `setRoles`.
    public func update(_ person: Person) async throws {
        try await writingAccount(of: person.id) { executor in
            // Names, schools and who is active show on caseloads and dashboards.
            defer { executor.forgetCaseloads(in: organizationID) }
            let changed = try await executor.scalar("""
                UPDATE people SET email = \(bind: person.email.value), display_name = \(bind: person.displayName),
                    school_id = \(bind: person.schoolID?.rawValue), is_active = \(bind: person.isActive)
                WHERE id = \(bind: person.id.rawValue) AND organization_id = \(bind: organizationID.rawValue)
                RETURNING 1
                """)
            if changed == 0 { throw StoreError.notFound }
        }
    }

    public func setRoles(_ roles: Set<Role>, of id: Person.ID) async throws {
        try await writingAccount(of: id) { executor in
            // Educators are the dashboards' lines.
            defer { executor.forgetCaseloads(in: organizationID) }
            try await executor.execute("""
                DELETE FROM person_roles WHERE person_id = \(bind: id.rawValue) AND organization_id = \(bind: organizationID.rawValue)
                """)
            for role in roles.sorted() {
                try await executor.execute("""
                    INSERT INTO person_roles (organization_id, person_id, role)
                    VALUES (\(bind: organizationID.rawValue), \(bind: id.rawValue), \(bind: role.rawValue))
                    """)
            }
        }
    }

    /// Stores a new password hash and moves the credential version on, which signs out every other session.
    public func setPasswordHash(_ hash: String, of id: Person.ID) async throws -> Int {
        try await writingAccount(of: id) { executor in
            let version = try await executor.scalar("""
                UPDATE people SET password_hash = \(bind: hash), credential_version = credential_version + 1
                WHERE id = \(bind: id.rawValue) AND organization_id = \(bind: organizationID.rawValue)
                RETURNING credential_version
                """)
            guard version > 0 else { throw StoreError.notFound }
            return version
        }
    }

    /// A write of what a session is resumed by (who is active, their roles, their credentials), with the district's
    /// people mark moved in its transaction (`findAccount`). A duplicate email is `.duplicate`.
    private func writingAccount<T: Sendable>(of id: Person.ID, _ write: @Sendable (any SQLExecutor) async throws -> T) async throws -> T {
        do {
            return try await executor.writing(forgetting: recentKey(id), movingMark: DistrictChanges.people(organizationID.rawValue), write)
        } catch where error.isUniqueViolation {
            throw StoreError.duplicate("email")
        }
    }

    public func passwordHash(of id: Person.ID) async throws -> String? {
        struct Hash: Decodable, Sendable { let passwordHash: String? }
        return try await executor.first("""
            SELECT password_hash FROM people WHERE id = \(bind: id.rawValue) AND organization_id = \(bind: organizationID.rawValue)
            """, as: Hash.self)?.passwordHash
    }

    public func find(_ id: Person.ID) async throws -> Person? {
        try await findAccount(id)?.person
    }

    /// The person and the version of their credentials, which a session must match to stay valid.
    /// Kept while the district's people mark stays (`DistrictChanges.people`): every signed-in request asks this.
    public func findAccount(_ id: Person.ID) async throws -> (person: Person, credentialVersion: Int)? {
        try await executor.reusing(recentKey(id), unchangedIn: DistrictChanges.people(organizationID.rawValue),
                                   ifFound: { try await readAccount(id) }).map { ($0.person, $0.credentialVersion) }
    }

    private func readAccount(_ id: Person.ID) async throws -> Account? {
        // One round trip for the person and their roles: every signed-in request asks this.
        struct RowWithRole: Decodable, Sendable {
            let person: Row
            let role: String?
            enum Key: CodingKey { case role }
            // The person's columns and one role column of the same row.
            init(from decoder: any Decoder) throws {
                person = try Row(from: decoder)
                role = try decoder.container(keyedBy: Key.self).decodeIfPresent(String.self, forKey: .role)
            }
        }
        let rows = try await executor.all("""
            SELECT people.id, people.organization_id, people.email, people.display_name, people.school_id, people.is_active,
                   people.credential_version, person_roles.role
            FROM people LEFT JOIN person_roles
              ON person_roles.person_id = people.id AND person_roles.organization_id = people.organization_id
            WHERE people.id = \(bind: id.rawValue) AND people.organization_id = \(bind: organizationID.rawValue)
            """, as: RowWithRole.self)
        guard let row = rows.first?.person else { return nil }
        return Account(person: person(from: row, roles: Set(rows.compactMap { $0.role.flatMap(Role.init(rawValue:)) })),
                       credentialVersion: row.credentialVersion)
    }

    private struct Account: Sendable, Equatable {
        let person: Person
        let credentialVersion: Int
    }

    /// Where `findAccount` keeps what it read; every write to the person or their roles forgets it.
    private func recentKey(_ id: Person.ID) -> String { "person:\(organizationID)/\(id)" }

    public func find(email: EmailAddress) async throws -> Person? {
        guard let row = try await executor.first("""
            SELECT \(Self.columns) FROM people WHERE email = \(bind: email.value) AND organization_id = \(bind: organizationID.rawValue)
            """, as: Row.self) else { return nil }
        let roles = try await roles(of: [row.id])
        return person(from: row, roles: roles[row.id] ?? [])
    }

    /// Everyone in the district, by name; optionally only one school's people.
    public func all(school: School.ID? = nil, limit: Int = 500, offset: Int = 0) async throws -> [Person] {
        let schoolFilter: SQLQueryString = school.map { "AND school_id = \(bind: $0.rawValue)" } ?? ""
        let rows = try await executor.all("""
            SELECT \(Self.columns) FROM people
            WHERE organization_id = \(bind: organizationID.rawValue) \(schoolFilter)
            ORDER BY display_name, id LIMIT \(literal: limit) OFFSET \(literal: offset)
            """, as: Row.self)
        let roles = try await roles(of: rows.map(\.id))
        return rows.map { person(from: $0, roles: roles[$0.id] ?? []) }
    }

    /// Display names for a set of ids, e.g. the people an audit log mentions.
    public func names(of ids: Set<Person.ID>) async throws -> [Person.ID: String] {
        struct Name: Decodable, Sendable { let id: String; let displayName: String }
        let rows = try await executor.all(over: ids.sorted().map(\.rawValue), as: Name.self) { chunk in """
            SELECT id, display_name FROM people WHERE organization_id = \(bind: organizationID.rawValue) AND id IN (\(binds: chunk))
            """ }
        return Dictionary(rows.map { (Person.ID($0.id), $0.displayName) }, uniquingKeysWith: { first, _ in first })
    }

    /// The people with these ids, by name; ids of another district are simply not found.
    public func find(ids: Set<Person.ID>) async throws -> [Person] {
        let rows = try await executor.all(over: ids.sorted().map(\.rawValue), as: Row.self) { chunk in """
            SELECT \(Self.columns) FROM people WHERE organization_id = \(bind: organizationID.rawValue) AND id IN (\(binds: chunk))
            """ }
        let roles = try await roles(of: rows.map(\.id))
        return rows.map { person(from: $0, roles: roles[$0.id] ?? []) }.sorted { ($0.displayName, $0.id) < ($1.displayName, $1.id) }
    }

    /// Everyone active who holds `role`, by name, e.g. the coaches a plan can be shared with.
    public func active(with role: Role) async throws -> [Person] {
        let rows = try await executor.all("""
            SELECT \(Self.columns) FROM people
            WHERE organization_id = \(bind: organizationID.rawValue) AND is_active = \(bind: true)
              AND id IN (SELECT person_id FROM person_roles WHERE organization_id = \(bind: organizationID.rawValue) AND role = \(bind: role.rawValue))
            ORDER BY display_name, id
            """, as: Row.self)
        let roles = try await roles(of: rows.map(\.id))
        return rows.map { person(from: $0, roles: roles[$0.id] ?? []) }
    }

    public func count() async throws -> Int {
        try await executor.scalar("SELECT COUNT(*) FROM people WHERE organization_id = \(bind: organizationID.rawValue)")
    }

    /// How many active people hold a role, e.g. to keep at least one district admin.
    public func activeCount(with role: Role) async throws -> Int {
        try await executor.scalar("""
            SELECT COUNT(*) FROM people JOIN person_roles ON person_roles.person_id = people.id
            WHERE people.organization_id = \(bind: organizationID.rawValue) AND people.is_active = \(bind: true)
              AND person_roles.role = \(bind: role.rawValue)
            """)
    }

    private func roles(of ids: [String]) async throws -> [String: Set<Role>] {
        let rows = try await executor.all(over: ids, as: RoleRow.self) { chunk in """
            SELECT person_id, role FROM person_roles
            WHERE person_id IN (\(binds: chunk)) AND organization_id = \(bind: organizationID.rawValue)
            """ }
        var result: [String: Set<Role>] = [:]
        for row in rows {
            if let role = Role(rawValue: row.role) { result[row.personId, default: []].insert(role) }
        }
        return result
    }

    private func person(from row: Row, roles: Set<Role>) -> Person {
        Person(id: .init(row.id), organizationID: .init(row.organizationId),
               email: EmailAddress(row.email) ?? EmailAddress("invalid@invalid.invalid")!,
               displayName: row.displayName, schoolID: row.schoolId.map(School.ID.init), roles: roles, isActive: row.isActive)
    }
}
