import Foundation
import TrellisCore
import TrellisStore

/// The coaching of one generated school in the state-scale demo: three in five of its educators work with one of the
/// school's coaches, half of them since last school year. Each relationship has a session every few weeks since it
/// began (planning, observation, feedback, modeling, a quick word in the hallway), with a coach's private note, and
/// some have one coming up. This year's plan of a coached educator is shared with the coach.
struct ScaleCoaching {
    let ids: ScaleIdentifiers
    let organization: Organization.ID
    let year: SchoolYear
    let today: CalendarDate
    let now: Date

    struct Caseloads {
        var relationships: [CoachingRelationship] = []
        var sessions: [ScaleRowWriter.SessionRow] = []
        /// Each coached educator's coach.
        var coachOf: [Person.ID: Person.ID] = [:]
    }

    private static let rotation: [SessionKind] = [.planning, .observation, .feedback, .modeling, .informal]
    private static let epoch = CalendarDate(year: 1970, month: 1, day: 1)!

    /// Relationships and sessions for `educators` (with their number in the district), coached by `coaches`.
    func caseloads(school: School.ID, coaches: [Person], educators: [(person: Person, number: Int)]) -> Caseloads {
        var result = Caseloads()
        guard !coaches.isEmpty else { return result }
        for (index, entry) in educators.enumerated() where entry.number % 5 < 3 {
            let coach = coaches[index % coaches.count]
            let sinceLastYear = entry.number % 2 == 0
            let began = sinceLastYear ? year.previous.startDate.adding(days: 40) ?? year.startDate : year.startDate.adding(days: 20) ?? year.startDate
            let proposedAt = moment(began, minute: 8 * 60)
            var relationship = CoachingRelationship(id: ids.make(), organizationID: organization, coachID: coach.id, educatorID: entry.person.id,
                                                    proposedBy: index % 3 == 0 ? .educator : .coach, proposedAt: proposedAt)
            relationship.state = .active
            relationship.startedAt = proposedAt.addingTimeInterval(86_400)
            result.relationships.append(relationship)
            result.coachOf[entry.person.id] = coach.id
            if sinceLastYear {
                sessions(&result, relationship, from: began, to: year.previous.endDate.adding(days: -30) ?? year.previous.endDate, every: 35,
                         school: school, offset: index)
            }
            sessions(&result, relationship, from: max(began, year.startDate.adding(days: 25) ?? year.startDate), to: today, every: 21,
                     school: school, offset: index)
            if index % 3 == 0, let coming = today.adding(days: 1 + index % 10) {
                result.sessions.append(.init(session(relationship, .feedback, on: coming, offset: index), in: relationship, schoolID: school))
            }
        }
        return result
    }

    private func sessions(_ result: inout Caseloads, _ relationship: CoachingRelationship, from start: CalendarDate, to end: CalendarDate,
                          every days: Int, school: School.ID, offset: Int) {
        // Spread over the weeks so coaches' days are not all alike.
        var date = start.adding(days: offset % days) ?? start
        var number = offset
        while date <= end && date < today {
            result.sessions.append(.init(session(relationship, Self.rotation[number % Self.rotation.count], on: date, offset: number),
                                         in: relationship, schoolID: school))
            number += 1
            guard let next = date.adding(days: days) else { break }
            date = next
        }
    }

    private func session(_ relationship: CoachingRelationship, _ kind: SessionKind, on date: CalendarDate, offset: Int) -> CoachingSession {
        let informal = kind == .informal
        let timing = SessionTiming(date: date, startsAt: informal ? nil : ClockTime(minuteOfDay: 8 * 60 + (offset % 7) * 60),
                                   minutes: informal ? 10 : 45)
        let note = CoachingNote(id: ids.make(), text: informal ? "Quick check on how the groups are going." : "Talked through the next step of the plan.",
                                visibility: offset % 2 == 0 ? .coachOnly : .sharedWithEducator, writtenAt: moment(date, minute: 16 * 60))
        return CoachingSession(id: ids.make(), organizationID: organization, relationshipID: relationship.id, kind: kind,
                               channel: informal ? .hallway : nil, timing: timing, place: informal ? "" : "Room \(10 + offset % 30)",
                               agenda: informal ? "" : kind.label, notes: [note])
    }

    /// `minute` past midnight UTC on `date`: close enough for generated history.
    private func moment(_ date: CalendarDate, minute: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(Self.epoch.days(until: date)) * 86_400 + TimeInterval(minute * 60))
    }
}
