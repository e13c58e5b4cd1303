import Crypto
import Foundation
import TrellisCore
import TrellisStore

/// A person's private calendar feed: an address with a secret token (only its hash stored) that a calendar application
/// subscribes to, made and reset from the account page, and the feed itself: the district's deadlines that apply to
/// them, their own action steps' due dates (whole days) and their coaching sessions (at their time, in the district's
/// zone). A wrong or reset token opens nothing.
public struct CalendarFeedService: Sendable {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    /// The path of a feed: `/calendar/<token>.ics`.
    public static func path(token: String) -> String { "/calendar/\(token).ics" }

    /// When the person's current address was made, or nil when they have none.
    public func addressMadeAt(_ actor: Actor) async throws -> Date? {
        try mine(actor, .read)
        return try await env.scope(actor).calendarFeeds.createdAt(for: actor.personID)
    }

    /// Makes a new address, ending the old one; returns its token, to show once (only its hash is kept).
    public func reset(_ actor: Actor) async throws -> String {
        try mine(actor, .update)
        let token = OneTimeToken.make()
        try await env.scope(actor).calendarFeeds.replace(for: actor.personID, tokenHash: Self.hash(token), at: env.clock.now())
        return token
    }

    /// Ends the person's address without a new one.
    public func remove(_ actor: Actor) async throws {
        try mine(actor, .update)
        try await env.scope(actor).calendarFeeds.remove(for: actor.personID)
    }

    /// The feed the token opens, or nil when it opens nothing (wrong, reset, or its person deactivated).
    public func feed(token: String) async throws -> String? {
        guard !token.isEmpty, token.count <= 100, let found = try await CalendarFeedLookup(env.database).find(tokenHash: Self.hash(token)) else {
            return nil
        }
        let scope = OrganizationScope(env.database, organizationID: found.organizationID)
        guard let person = try await scope.people.find(found.personID) else { return nil }
        let links = EmailLinks(siteAddress: env.database.siteAddress)
        let today = env.today
        let year = SchoolYear.containing(date: today)
        var events = try await deadlines(for: person, years: [year.startYear, year.startYear + 1], scope: scope, links: links)
        events += try await steps(of: person, scope: scope, links: links)
        let from = today.adding(days: -120) ?? today, through = today.adding(days: 400) ?? today
        events += try await scope.calendarSessions.sessions(of: person.id, from: from, through: through).map { session in
            Self.event(session, links: links)
        }
        return ICalendar.feed(name: "Trellis: \(person.displayName)", events: events, stamp: env.clock.now())
    }

    private func deadlines(for person: Person, years: [Int], scope: OrganizationScope, links: EmailLinks) async throws -> [CalendarEvent] {
        var events: [CalendarEvent] = []
        for year in years {
            let calendar = try await scope.deadlines.calendar(schoolYear: year)
            for kind in DeadlineKind.allCases {
                guard let deadline = calendar.deadline(kind, school: person.schoolID) else { continue }
                events.append(CalendarEvent(uid: "deadline-\(deadline.id)@trellis", summary: "\(kind.label) (growth plan deadline)",
                                            description: "By this day: \(kind.task).", when: .allDay(deadline.dueOn),
                                            url: links.page("/plans")))
            }
        }
        return events
    }

    private func steps(of person: Person, scope: OrganizationScope, links: EmailLinks) async throws -> [CalendarEvent] {
        var events: [CalendarEvent] = []
        for summary in try await scope.plans.plans(ownedBy: person.id) where summary.status != .archived {
            guard let plan = try await scope.plans.find(summary.id)?.plan else { continue }
            for goal in plan.goals {
                for step in goal.writtenActionSteps {
                    guard let due = step.dueDate else { continue }
                    events.append(CalendarEvent(
                        uid: "step-\(step.id)@trellis", summary: "Step due: \(step.what)" + (step.status == .done ? " (done)" : ""),
                        description: goal.hasStatement ? "Toward the goal: \(goal.statement)" : "", when: .allDay(due),
                        url: links.page("/plans/\(plan.id)/goals/\(goal.id)")))
                }
            }
        }
        return events
    }

    static func event(_ session: CalendarSessionQueries.Session, links: EmailLinks) -> CalendarEvent {
        let kind = SessionKind(rawValue: session.kind)?.label ?? "Coaching"
        let when: CalendarEvent.When = session.startMinute.flatMap(ClockTime.init(minuteOfDay:))
            .map { .timed(session.day, start: $0, minutes: session.minutes) } ?? .allDay(session.day)
        return CalendarEvent(uid: "session-\(session.id)@trellis", summary: "\(kind) with \(session.withName)",
                             description: session.isCoach ? "Coaching session" : "Coaching session with your coach",
                             location: session.place, when: when, url: links.page("/coaching/sessions/\(session.id)"))
    }

    static func hash(_ token: String) -> String { SHA256.hex(of: Data(token.utf8)) }

    private func mine(_ actor: Actor, _ action: Action) throws {
        guard Policy.can(actor, action, .notifications(organizationID: actor.organizationID, personID: actor.personID)) else {
            throw ServiceError.forbidden
        }
    }
}
