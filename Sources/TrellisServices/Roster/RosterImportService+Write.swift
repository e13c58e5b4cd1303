import Foundation
import TrellisCore
import TrellisStore

extension RosterImportService {
    /// Writes a checked plan inside the caller's transaction: schools first (people point to them), then new people in
    /// bulk, then each change. The audit log gets what an admin's own edits give it, person by person, and one event
    /// for the import with its counts.
    func write(_ plan: RosterImportPlan, existing: [EmailAddress: Person], actor: Actor, scope: OrganizationScope,
               source: String?, address: String?) async throws -> [Person] {
        let now = env.clock.now()
        var events: [AuditEvent] = []
        func event(_ kind: AuditEvent.Kind, about subject: Person.ID?, _ detail: String) {
            events.append(env.event(kind, in: actor.organizationID, by: actor.personID, about: subject, detail: detail, address: address))
        }
        var newSchoolIDs: [String: School.ID] = [:]
        for name in plan.newSchools {
            let school = School(id: env.ids.make(), organizationID: actor.organizationID, name: name)
            try await scope.schools.create(school, at: now)
            newSchoolIDs[name] = school.id
            event(.schoolCreated, about: nil, name)
        }
        func schoolID(_ choice: RosterImportPlan.SchoolChoice) -> School.ID? {
            switch choice {
            case .none: nil
            case .existing(let id): id
            case .new(let name): newSchoolIDs[name]
            }
        }

        let created = plan.creates.map { change in
            Person(id: env.ids.make(), organizationID: actor.organizationID, email: change.email, displayName: change.proposed.name,
                   schoolID: schoolID(change.proposed.school), roles: change.proposed.roles, isActive: true)
        }
        try await scope.roster.create(created, at: now)
        for person in created {
            event(.personCreated, about: person.id, "\(person.displayName) <\(person.email)> as \(PeopleService.describe(person.roles))")
        }

        for change in plan.updates {
            guard let current = existing[change.email] else { throw StoreError.notFound }
            var updated = current
            updated.displayName = change.proposed.name
            updated.schoolID = schoolID(change.proposed.school)
            updated.roles = change.proposed.roles
            updated.isActive = change.proposed.isActive
            if updated.displayName != current.displayName || updated.schoolID != current.schoolID || updated.isActive != current.isActive {
                try await scope.people.update(updated)
            }
            if updated.displayName != current.displayName || updated.schoolID != current.schoolID {
                event(.personUpdated, about: current.id, "\(updated.displayName) <\(updated.email)>")
            }
            if updated.roles != current.roles {
                try await scope.people.setRoles(updated.roles, of: current.id)
                event(.rolesChanged, about: current.id, "\(PeopleService.describe(current.roles)) → \(PeopleService.describe(updated.roles))")
            }
            if updated.isActive != current.isActive {
                event(updated.isActive ? .personReactivated : .personDeactivated, about: current.id, updated.displayName)
            }
        }
        event(.rosterImported, about: nil, Self.summary(plan) + (source.map { " from \($0)" } ?? ""))
        try await scope.roster.append(events)
        return created
    }

    /// "2 added, 3 changed (1 deactivated), 1 school added, 40 unchanged": the import's line in the audit log.
    public static func summary(_ plan: RosterImportPlan) -> String {
        var parts = ["\(plan.creates.count) added", "\(plan.updates.count) changed" + (plan.deactivations > 0 ? " (\(plan.deactivations) deactivated)" : "")]
        if !plan.newSchools.isEmpty { parts.append(Plural.count(plan.newSchools.count, "school") + " added") }
        parts.append("\(plan.unchanged) unchanged")
        return parts.joined(separator: ", ")
    }
}
