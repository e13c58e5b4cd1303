import Foundation
import TrellisCore
import TrellisStore

/// The rows of one generated district, built school by school and sent in batches: its schools, a district admin, a
/// principal per school, educators (one in `educatorsPerCoach` also a coach), their plans and their coaching.
struct ScaleDistrictFill {
    let writer: ScaleRowWriter
    let ids: ScaleIdentifiers
    let organization: Organization
    let year: SchoolYear
    let today: CalendarDate
    let now: Date
    let passwordHash: String

    /// What is built but not sent yet; sent in the order the foreign keys need.
    private struct Pending {
        var people: [Person] = []
        var relationships: [CoachingRelationship] = []
        var plans: [(plan: GrowthPlan, updatedAt: Date)] = []
        var sessions: [ScaleRowWriter.SessionRow] = []
    }

    /// Writes the district's rows; returns how many.
    func fill(educators: Int) async throws -> Int {
        let slug = organization.slug
        let schools = (0..<max(1, educators / ScaleDistricts.educatorsPerSchool)).map { number in
            School(id: ids.make(), organizationID: organization.id, name: ScaleNames.school(number: number))
        }
        var rows = try await writer.insert(schools: schools, at: now)
        var pending = Pending()
        // People after the educators in the numbering, so every address in the district is different.
        let admin = ScaleNames.person(number: educators, district: slug)
        pending.people.append(Person(id: ids.make(), organizationID: organization.id, email: EmailAddress(admin.email)!,
                                     displayName: admin.name, schoolID: nil, roles: [.districtAdmin]))
        let plans = ScalePlans(ids: ids, organization: organization.id, year: year, today: today, now: now)
        let coaching = ScaleCoaching(ids: ids, organization: organization.id, year: year, today: today, now: now)
        for (index, school) in schools.enumerated() {
            let principal = ScaleNames.person(number: educators + 1 + index, district: slug)
            pending.people.append(Person(id: ids.make(), organizationID: organization.id, email: EmailAddress(principal.email)!,
                                         displayName: principal.name, schoolID: school.id, roles: [.leader]))
            // Educator n works at school n mod the number of schools.
            var staff: [(person: Person, number: Int)] = []
            for number in stride(from: index, to: educators, by: schools.count) {
                let generated = ScaleNames.person(number: number, district: slug)
                // Counted within the school, so every school has a coach of its own.
                let roles: Set<Role> = staff.count % ScaleDistricts.educatorsPerCoach == 0 ? [.coach, .educator] : [.educator]
                staff.append((Person(id: ids.make(), organizationID: organization.id, email: EmailAddress(generated.email)!,
                                     displayName: generated.name, schoolID: school.id, roles: roles), number))
            }
            let coaches = staff.filter { $0.person.roles.contains(.coach) }.map(\.person)
            let caseloads = coaching.caseloads(school: school.id, coaches: coaches,
                                               educators: staff.filter { !$0.person.roles.contains(.coach) })
            pending.people += staff.map(\.person)
            pending.relationships += caseloads.relationships
            pending.sessions += caseloads.sessions
            for (person, number) in staff {
                pending.plans += plans.plans(owner: person.id, number: number, coach: caseloads.coachOf[person.id])
            }
            if pending.plans.count >= ScaleDistricts.plansPerFlush {
                rows += try await send(pending)
                pending = Pending()
            }
        }
        return rows + (try await send(pending))
    }

    private func send(_ pending: Pending) async throws -> Int {
        var rows = try await writer.insert(people: pending.people, passwordHash: passwordHash, at: now)
        rows += try await writer.insert(relationships: pending.relationships)
        rows += try await writer.insert(plans: pending.plans)
        rows += try await writer.insert(sessions: pending.sessions, at: now)
        return rows
    }
}
