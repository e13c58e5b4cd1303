import Foundation
import SQLKit
import TrellisCore

/// What a roster import reads and writes in bulk for one district: the people a file names, found by email, and new
/// people, roles and audit events written many to a statement, so a file of thousands applies in seconds inside the
/// one transaction it must have.
public struct RosterStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    /// Rows per multi-row INSERT: far inside SQLite's and PostgreSQL's limits on bound parameters.
    static let rowsPerInsert = 200

    /// The district's people with these emails, with their roles. Emails of other districts are simply not found.
    public func people(emails: [EmailAddress]) async throws -> [EmailAddress: Person] {
        // Columns are read one by one rather than through Codable: a file of thousands reads as many rows, and the
        // keyed decoder was most of the dry run's time.
        struct Found: Sendable {
            let id: String, email: String, displayName: String, schoolID: String?, isActive: Bool, role: String?
        }
        let values = Set(emails.map(\.value)).sorted()
        var rows: [Found] = []
        for start in stride(from: 0, to: values.count, by: Self.rowsPerInsert) {
            let chunk = Array(values[start..<min(start + Self.rowsPerInsert, values.count)])
            rows += try await executor.withSQL { db in
                try await db.raw("""
                    SELECT people.id, people.email, people.display_name, people.school_id, people.is_active, person_roles.role
                    FROM people LEFT JOIN person_roles
                      ON person_roles.person_id = people.id AND person_roles.organization_id = people.organization_id
                    WHERE people.organization_id = \(bind: organizationID.rawValue) AND people.email IN (\(binds: chunk))
                    """).all().map { row in
                    Found(id: try row.decode(column: "id", as: String.self), email: try row.decode(column: "email", as: String.self),
                          displayName: try row.decode(column: "display_name", as: String.self),
                          schoolID: try row.decode(column: "school_id", as: String?.self),
                          isActive: try row.decode(column: "is_active", as: Bool.self), role: try row.decode(column: "role", as: String?.self))
                }
            }
        }
        var found: [EmailAddress: Person] = [:]
        for row in rows {
            guard let email = EmailAddress(row.email) else { continue }
            var person = found[email] ?? Person(
                id: .init(row.id), organizationID: organizationID, email: email, displayName: row.displayName,
                schoolID: row.schoolID.map(School.ID.init), roles: [], isActive: row.isActive)
            if let role = row.role.flatMap(Role.init(rawValue:)) { person.roles.insert(role) }
            found[email] = person
        }
        return found
    }

    /// Which of these emails someone in another district already has. Email is unique across the installation, so
    /// such a row cannot be imported here; only the emails asked about are answered, nothing else about those people.
    public func emailsTakenElsewhere(_ emails: [EmailAddress]) async throws -> Set<EmailAddress> {
        struct Email: Decodable, Sendable { let email: String }
        let rows = try await executor.all(over: Set(emails.map(\.value)).sorted(), as: Email.self) { chunk in """
            SELECT email FROM people WHERE organization_id <> \(bind: organizationID.rawValue) AND email IN (\(binds: chunk))
            """ }
        return Set(rows.compactMap { EmailAddress($0.email) })
    }

    /// Makes a second import of this district wait until the first one's transaction ends, so two people applying at
    /// once each re-plan against what the other wrote. SQLite needs nothing: its write transactions already take turns.
    public func waitForOtherImports() async throws {
        guard executor.dialect == .postgres, executor.isTransaction else { return }
        try await executor.execute("""
            SELECT pg_advisory_xact_lock(\(literal: 7_274), hashtext(\(bind: organizationID.rawValue)))
            """)
    }

    /// Adds new people without passwords, with their roles.
    public func create(_ people: [Person], at date: Date) async throws {
        for person in people { precondition(person.organizationID == organizationID, "a person is created in their own district") }
        // New educators are lines on the dashboards.
        defer { executor.forgetCaseloads(in: organizationID) }
        let at = date.millisecondsSince1970
        do {
            for start in stride(from: 0, to: people.count, by: Self.rowsPerInsert) {
                let batch = people[start..<min(start + Self.rowsPerInsert, people.count)]
                let values: [SQLQueryString] = batch.map { person in """
                    (\(bind: person.id.rawValue), \(bind: organizationID.rawValue), \(bind: person.email.value), \(bind: person.displayName),
                     \(bind: person.schoolID?.rawValue), NULL, \(bind: person.isActive), 0, \(bind: at))
                    """ }
                try await executor.execute("""
                    INSERT INTO people (id, organization_id, email, display_name, school_id, password_hash, is_active, credential_version, created_at)
                    VALUES \(values.joined(separator: ", "))
                    """)
            }
        } catch where error.isUniqueViolation {
            throw StoreError.duplicate("email")
        }
        let roles = people.flatMap { person in person.roles.sorted().map { (person.id, $0) } }
        for start in stride(from: 0, to: roles.count, by: Self.rowsPerInsert) {
            let values: [SQLQueryString] = roles[start..<min(start + Self.rowsPerInsert, roles.count)].map { """
                (\(bind: organizationID.rawValue), \(bind: $0.0.rawValue), \(bind: $0.1.rawValue))
                """ }
            try await executor.execute("INSERT INTO person_roles (organization_id, person_id, role) VALUES \(values.joined(separator: ", "))")
        }
    }

    /// Records many events of this district's log at once, in the order given.
    public func append(_ events: [AuditEvent]) async throws {
        for event in events { precondition(event.organizationID == organizationID, "an event is recorded in its own district's log") }
        for start in stride(from: 0, to: events.count, by: Self.rowsPerInsert) {
            let values: [SQLQueryString] = events[start..<min(start + Self.rowsPerInsert, events.count)].map { event in """
                (\(bind: event.id.rawValue), \(bind: organizationID.rawValue), \(bind: event.kind.rawValue), \(bind: event.actorID?.rawValue),
                 \(bind: event.subjectID?.rawValue), \(bind: event.detail), \(bind: event.address), \(bind: event.occurredAt.millisecondsSince1970))
                """ }
            try await executor.execute("""
                INSERT INTO audit_events (id, organization_id, kind, actor_id, subject_id, detail, address, occurred_at)
                VALUES \(values.joined(separator: ", "))
                """)
        }
    }
}

extension OrganizationScope {
    /// Bulk reads and writes for roster imports.
    public var roster: RosterStore { RosterStore(executor: executor, organizationID: organizationID) }
}
