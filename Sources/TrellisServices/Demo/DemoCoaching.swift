import Foundation
import TrellisCore
import TrellisStore

/// The coaching side of the demo district: Zoë Ångström coaching Nguyễn Thị Hồng through a cycle on her reading goal
/// (a planning conversation, an observation with time-stamped notes, a modeled lesson, two feedback conversations with
/// Hồng's responses and alliance answers, the next session booked), informal contacts, Zoë's invitation to Aiyana
/// waiting for an answer, and Kwame Mensah's caseload with Diego Ramírez gone quiet. Signing in as Zoë shows a
/// coach's working day.
struct DemoCoaching {
    let scope: OrganizationScope
    let ids: any IdentifierSource
    let now: Date
    let today: CalendarDate

    struct People {
        let zoe: Person
        let hong: Person
        let hongsPlan: GrowthPlan
        let kwame: Person
        let diego: Person
        let aiyana: Person
    }

    func create(_ people: People) async throws {
        let hong = try await relationship(coach: people.zoe, educator: people.hong, proposedBy: .educator, daysAgo: 60,
                                          message: "Could you help me with my fluency groups? I'd love another set of eyes.")
        try await cycle(hong, educator: people.hong, plan: people.hongsPlan)
        let diego = try await relationship(coach: people.kwame, educator: people.diego, proposedBy: .coach, daysAgo: 90,
                                           message: "Happy to think through lab notebooks with you this year.")
        // Diego's last contact was six weeks ago, and his plan has not moved since: he has gone quiet.
        try await session(diego, educator: people.diego, .planning, daysAgo: 44, at: "15:30", minutes: 40, place: "Room 212",
                          agenda: "Where the lab notebooks stand; what to try next.")
        try await session(diego, educator: people.diego, .informal, daysAgo: 41, minutes: 5, channel: .email,
                          note: ("Sent Diego the notebook rubric from the science PLC.", .sharedWithEducator))
        let invitation = CoachingRelationship(id: ids.make(), organizationID: scope.organizationID, coachID: people.zoe.id,
                                              educatorID: people.aiyana.id, proposedBy: .coach,
                                              message: "Welcome to Cedar Ridge! I coach new teachers; would you like to work together this year?",
                                              proposedAt: now.addingTimeInterval(-2 * 86_400))
        try await scope.coachingRelationships.create(invitation)
    }

    /// An active relationship that began `daysAgo` days ago.
    private func relationship(coach: Person, educator: Person, proposedBy side: CoachingRelationship.Side, daysAgo: Int,
                              message: String) async throws -> CoachingRelationship {
        var relationship = CoachingRelationship(id: ids.make(), organizationID: scope.organizationID, coachID: coach.id,
                                                educatorID: educator.id, proposedBy: side, message: message,
                                                proposedAt: now.addingTimeInterval(Double(-daysAgo - 2) * 86_400))
        try await scope.coachingRelationships.create(relationship)
        relationship.state = .active
        relationship.startedAt = now.addingTimeInterval(Double(-daysAgo) * 86_400)
        try await scope.coachingRelationships.update(relationship, expecting: 1)
        return relationship
    }

    /// Hồng's cycle on her reading goal, session by session.
    private func cycle(_ relationship: CoachingRelationship, educator: Person, plan: GrowthPlan) async throws {
        let lookFors = ["Students read the passage aloud to a partner", "Hồng checks each student's understanding before moving on",
                        "Students correct their own miscues"].map { LookFor(id: ids.make(), text: $0) }
        let cycle = CoachingCycle(id: ids.make(), organizationID: scope.organizationID, relationshipID: relationship.id,
                                  goalID: plan.goals.first?.id, focus: "Checking for understanding in small-group fluency practice",
                                  lookFors: lookFors, startsOn: day(-50), endsOn: day(40))
        try await scope.coachingCycles.create(cycle)
        func add(_ kind: SessionKind, _ daysAgo: Int, _ at: String, _ minutes: Int, agenda: String, notes: [(String, CoachingVisibility)] = [],
                 observation: [(String, Int?, String)] = [], feedback: PerformanceFeedback? = nil) async throws -> CoachingSession.ID {
            try await session(relationship, educator: educator, kind, daysAgo: daysAgo, at: at, minutes: minutes, place: "Room 104",
                              agenda: agenda, cycle: cycle.id, notes: notes, observation: observation.map { time, lookFor, text in
                                  ObservationNote(id: ids.make(), time: ClockTime(time)!, text: text, lookForID: lookFor.map { lookFors[$0].id })
                              }, feedback: feedback)
        }
        _ = try await add(.planning, 48, "14:45", 45, agenda: "Choose the focus and the look-fors; pick a day to observe.",
                          notes: [("We agreed to watch the table-3 group, where the newest readers are. Hồng wants to know whether partners help or just wait.",
                                   .sharedWithEducator)])
        _ = try await add(.observation, 41, "9:00", 30, agenda: "Observe the 9:00 fluency group.", notes: [
            ("Hồng seemed tired today; ask about the new schedule before suggesting anything else.", .coachOnly),
        ], observation: [
            ("9:02", 0, "Partners sit knee to knee; one reads, one follows with a finger."),
            ("9:06", 2, "Two students stop and reread a line without being asked."),
            ("9:09", 1, "Hồng asks 'what just happened to Sam?' and waits. Three hands."),
            ("9:14", nil, "Group moves to word cards; one student loses the place."),
            ("9:18", 1, "Hồng checks two of five students before moving on."),
            ("9:24", 0, "Partner switch takes almost two minutes."),
        ])
        let first = try await add(.feedback, 40, "15:15", 25, agenda: "Talk through the observation notes.", feedback: PerformanceFeedback(
            wentWell: "Your partner routine is set: every pair started reading within a minute, and two students fixed their own miscues.",
            toGrow: "You checked understanding with two of five students before moving on.",
            nextStep: "Use a thumbs check with all five before the word cards, for the next two weeks.",
            educatorResponse: "That's fair. I rush when the bell schedule is tight. I'll try the thumbs check.",
            usefulness: .veryUseful))
        _ = try await add(.modeling, 26, "9:00", 30, agenda: "Zoë models the thumbs check and a quick reteach with the same group.")
        let second = try await add(.feedback, 19, "15:15", 20, agenda: "What changed since the thumbs check.", feedback: PerformanceFeedback(
            wentWell: "All five students were checked every day this week, and you regrouped one reader on the spot.",
            toGrow: "The partner switch still takes two minutes.",
            nextStep: "Post the partner pairs on the table so the switch takes under 30 seconds.",
            educatorResponse: "Posting the pairs is easy; I'll do it Monday.", usefulness: .useful))
        for (sessionID, daysAgo, answers) in [(first, 39, [4, 4, 4, 5]), (second, 18, [5, 4, 5, 5])] {
            try await scope.alliance.add(AllianceAnswers(sessionID: sessionID, answeredOn: day(-daysAgo), answers: answers),
                                         relationship: relationship.id)
        }
        try await session(relationship, educator: educator, .informal, daysAgo: 8, minutes: 5, channel: .hallway,
                          note: ("Hồng says the posted pairs cut the switch to under a minute.", .sharedWithEducator))
        try await session(relationship, educator: educator, .informal, daysAgo: 3, minutes: 10, channel: .email,
                          note: ("Sent the winter benchmark calendar and two regrouping ideas.", .sharedWithEducator))
        _ = try await add(.coTeaching, -3, "9:00", 30, agenda: "Co-teach the regrouped fluency groups after the benchmark.")
    }

    @discardableResult
    private func session(_ relationship: CoachingRelationship, educator: Person, _ kind: SessionKind, daysAgo: Int, at time: String? = nil,
                         minutes: Int, place: String = "", agenda: String = "", channel: ContactChannel? = nil, cycle: CoachingCycle.ID? = nil,
                         note: (String, CoachingVisibility)? = nil, notes: [(String, CoachingVisibility)] = [],
                         observation: [ObservationNote] = [], feedback: PerformanceFeedback? = nil) async throws -> CoachingSession.ID {
        let written = now.addingTimeInterval(Double(-max(daysAgo, 0)) * 86_400)
        let session = CoachingSession(
            id: ids.make(), organizationID: scope.organizationID, relationshipID: relationship.id, cycleID: cycle, kind: kind,
            channel: channel, timing: SessionTiming(date: day(-daysAgo), startsAt: time.flatMap(ClockTime.init), minutes: minutes),
            place: place, agenda: agenda,
            notes: (notes + [note].compactMap { $0 }).map { CoachingNote(id: ids.make(), text: $0.0, visibility: $0.1, writtenAt: written) },
            observation: observation, observationVisibility: .sharedWithEducator, feedback: feedback)
        try await scope.coachingSessions.create(session, in: relationship, schoolID: educator.schoolID, at: written)
        return session.id
    }

    private func day(_ offset: Int) -> CalendarDate { today.adding(days: offset) ?? today }
}
