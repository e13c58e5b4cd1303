import Foundation
import SQLKit
import TrellisCore

/// What deadline reminders are made from: each educator's school and where their plan for the year stands, and the
/// reminders already sent (once per deadline, date, person and offset).
public struct DeadlineReminderStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    /// One educator, their school, and their plan's facts for the year.
    public struct Educator: Sendable, Hashable {
        public let personID: Person.ID
        public let schoolID: School.ID?
        public let planID: GrowthPlan.ID?
        public let facts: PlanProgressFacts
    }

    private struct Row: Decodable, Sendable {
        let id: String
        let schoolId: String?
        let planId: String?
        let status: String?
        let lastCheckInOn: String?
        let document: String?
    }

    /// Every active educator of the district with their plan of `schoolYear`, if any. The reflection is read from the
    /// plan's document only when `readReflections` (a reflection deadline is being reminded of), and only of plans not
    /// yet submitted: the rest owe nothing.
    public func educators(schoolYear: Int, readReflections: Bool) async throws -> [Educator] {
        let document: SQLQueryString = readReflections
            ? "CASE WHEN g.status IN ('draft', 'active', 'returned') THEN g.document END AS document" : "NULL AS document"
        let rows = try await executor.all("""
            SELECT p.id, p.school_id, g.id AS plan_id, g.status, g.last_check_in_on, \(document)
            FROM people p
            JOIN person_roles r ON r.person_id = p.id AND r.organization_id = p.organization_id AND r.role = 'educator'
            LEFT JOIN growth_plans g ON g.owner_id = p.id AND g.organization_id = p.organization_id AND g.school_year = \(bind: schoolYear)
            WHERE p.organization_id = \(bind: organizationID.rawValue) AND p.is_active = \(bind: true)
            """, as: Row.self)
        return rows.map { row in
            var written = false
            if let text = row.document, let plan = try? JSONDecoder().decode(GrowthPlan.self, from: Data(text.utf8)) {
                written = PlanProgressFacts.isReflectionWritten(plan)
            }
            let facts = PlanProgressFacts(status: row.status.flatMap(PlanStatus.init(rawValue:)),
                                          lastCheckIn: row.lastCheckInOn.flatMap(CalendarDate.init(iso:)), reflectionWritten: written)
            return Educator(personID: .init(row.id), schoolID: row.schoolId.map(School.ID.init), planID: row.planId.map(GrowthPlan.ID.init),
                            facts: facts)
        }
    }

    /// Records the reminders of `deadline` (at its date `dueOn`) at `offset` for `people`, and returns those not reminded
    /// before: only they are to be told, so a second run of the same day tells nobody twice.
    public func record(_ deadline: Deadline.ID, dueOn: CalendarDate, offset: Int, people: [Person.ID], at now: Date) async throws -> [Person.ID] {
        struct Row: Decodable, Sendable { let personId: String }
        var fresh: [Person.ID] = []
        for start in stride(from: 0, to: people.count, by: 100) {
            let chunk = people[start..<min(start + 100, people.count)]
            let values = SQLList(chunk.map { person in
                SQLQueryString("(\(bind: deadline.rawValue), \(bind: dueOn.iso), \(bind: person.rawValue), \(bind: offset), \(bind: organizationID.rawValue), \(bind: now.millisecondsSince1970))")
            })
            fresh += try await executor.all("""
                INSERT INTO deadline_reminders (deadline_id, due_on, person_id, offset_days, organization_id, sent_at)
                VALUES \(values)
                ON CONFLICT DO NOTHING
                RETURNING person_id
                """, as: Row.self).map { Person.ID($0.personId) }
        }
        return fresh
    }

    /// Who was reminded of `deadline` at `offset`, for its date `dueOn`.
    public func reminded(_ deadline: Deadline.ID, dueOn: CalendarDate, offset: Int) async throws -> Set<Person.ID> {
        struct Row: Decodable, Sendable { let personId: String }
        return Set(try await executor.all("""
            SELECT person_id FROM deadline_reminders
            WHERE organization_id = \(bind: organizationID.rawValue) AND deadline_id = \(bind: deadline.rawValue)
              AND due_on = \(bind: dueOn.iso) AND offset_days = \(bind: offset)
            """, as: Row.self).map { Person.ID($0.personId) })
    }
}

extension OrganizationScope {
    public var deadlineReminders: DeadlineReminderStore { DeadlineReminderStore(executor: executor, organizationID: organizationID) }
}
