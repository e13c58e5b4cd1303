import Foundation
import TrellisCore
import TrellisServices

/// Clock hours and certificates of a person, the district's verification records, and coaching counts (never notes).
extension APIHandler {
    func getClockHours(_ input: Operations.GetClockHours.Input) async throws -> Operations.GetClockHours.Output {
        let actor = try actor(.clockHoursRead)
        let overview = try await clockHours.overview(actor, of: Person.ID(input.path.personId))
        return .ok(.init(body: .json(.init(personId: overview.person.id.rawValue, totalHours: overview.totalHours.asDouble,
                                           entries: overview.ledger.sorted { ($0.date, $0.id.rawValue) < ($1.date, $1.id.rawValue) }
                                               .map(APIShapes.clockHourEntry)))))
    }

    func listCertificates(_ input: Operations.ListCertificates.Input) async throws -> Operations.ListCertificates.Output {
        let actor = try actor(.clockHoursRead)
        let overview = try await clockHours.overview(actor, of: Person.ID(input.path.personId))
        return .ok(.init(body: .json(.init(personId: overview.person.id.rawValue, items: overview.standings.map(APIShapes.certificate)))))
    }

    func listVerifications(_ input: Operations.ListVerifications.Input) async throws -> Operations.ListVerifications.Output {
        let actor = try actor(.verificationsRead)
        let request = try pageRequest(limit: input.query.limit, cursor: input.query.cursor)
        let page = try await verifications.records(actor, decidedSince: input.query.updatedSince, request)
        return .ok(.init(body: .json(.init(items: page.items.map(APIShapes.verification), nextCursor: page.nextCursor))))
    }

    func getCoachingCounts(_ input: Operations.GetCoachingCounts.Input) async throws -> Operations.GetCoachingCounts.Output {
        let actor = try actor(.coachingCountsRead)
        let counts = try await coachingCounts.counts(actor)
        func row(_ row: CoachingCountsService.Row) -> Components.Schemas.CoachingCount {
            .init(name: row.name, sessions: row.sessions, minutes: row.minutes, people: row.people)
        }
        return .ok(.init(body: .json(.init(schoolYear: counts.year.startYear, school: counts.schoolName,
                                           schools: counts.schools.map(row), coaches: counts.coaches.map(row)))))
    }
}
