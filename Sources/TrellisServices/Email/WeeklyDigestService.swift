import Foundation
import TrellisCore
import TrellisStore

/// Builds each person's weekly digest email for a district and puts it in the outbox: for coaches, who needs follow-up,
/// the week's sessions and plans waiting for their review; for anyone, the notifications they chose to read weekly.
/// One digest per person and week however often it runs (the outbox's unique key), and none for a person with nothing
/// to say or who turned it off. A job of the runner (`jobKind`), once a week per district.
public struct WeeklyDigestService: Sendable {
    public static let jobKind = "email.weekly-digest"

    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    /// The runner's key for the district's digest of the week `day` is in, so it is queued once.
    public static func jobKey(_ organization: Organization.ID, on day: CalendarDate) -> String {
        "weekly-digest:\(organization):\(WeeklyDigest.weekStart(of: day).iso)"
    }

    /// Writes the district's digests for the week of `now` (the clock's by default); returns how many were written.
    @discardableResult
    public func build(_ organization: Organization.ID, now: Date? = nil) async throws -> Int {
        let at = now ?? env.clock.now()
        let today = ReviewService.day(of: at)
        let week = WeeklyDigest.weekStart(of: today)
        let scope = OrganizationScope(env.database, organizationID: organization)
        let candidates = try await scope.digests.candidates()
        guard !candidates.isEmpty else { return 0 }
        let people = try await scope.people.find(ids: Set(candidates))
        let preferences = try await scope.notificationPreferences.preferences(of: candidates)
        let notices = try await scope.digests.notifications(since: at.addingTimeInterval(-7 * 24 * 3600), until: at)
        let links = EmailLinks(siteAddress: env.database.siteAddress)
        var written = 0
        for person in people.sorted(by: { $0.id.rawValue < $1.id.rawValue }) where person.isActive {
            let chosen = preferences[person.id] ?? NotificationPreferences()
            guard chosen.wantsWeeklyDigest(isCoach: person.has(.coach)) else { continue }
            var digest = WeeklyDigest(week: week)
            digest.notifications = notices.filter { $0.personID == person.id && chosen.channel(for: $0.kind) == .digest }
                .map { WeeklyDigest.Line($0.message, link: $0.link) }
            if person.has(.coach) { try await addCoaching(to: &digest, for: person, scope: scope, today: today) }
            guard !digest.isEmpty else { continue }
            let token = EmailOutboxStore.newToken()
            let message = digest.email(to: person.email, name: person.displayName, links: links, unsubscribeToken: token)
            if try await scope.outbox.add(message, id: "d-\(person.id)-\(week.iso)", person: person.id,
                                          kind: NotificationPreferences.weeklyDigestKey,
                                          uniqueKey: WeeklyDigest.uniqueKey(person: person.id, week: week), token: token, at: at) {
                written += 1
            }
        }
        return written
    }

    private func addCoaching(to digest: inout WeeklyDigest, for coach: Person, scope: OrganizationScope, today: CalendarDate) async throws {
        let actor = Actor(coach)
        let caseload = try await CaseloadService(env).caseload(actor, quietOnly: true)
        digest.followUp = caseload.lines.filter(\.isQuiet).map { line in
            let since = line.entry.lastActivity.map { "quiet since \($0.longForm)" } ?? "no activity yet"
            return WeeklyDigest.Line("\(line.entry.educatorName) (\(since))", link: "/coaching/relationships/\(line.entry.relationship.id)")
        }
        let end = digest.week.adding(days: 6) ?? digest.week
        digest.sessions = try await scope.calendarSessions.sessions(of: coach.id, from: digest.week, through: end)
            .filter(\.isCoach).map { session in
                let kind = SessionKind(rawValue: session.kind)?.label ?? session.kind
                let time = session.startMinute.flatMap(ClockTime.init(minuteOfDay:)).map { " at \($0.spoken)" } ?? ""
                return WeeklyDigest.Line("\(kind) with \(session.withName), \(session.day.longForm)\(time)",
                                         link: "/coaching/sessions/\(session.id)")
            }
        var waiting: [(request: ReviewRequest, owner: Person.ID?)] = []
        for request in try await scope.reviews.open(forReviewer: coach.id) {
            waiting.append((request, try await scope.plans.find(request.planID)?.plan.ownerID))
        }
        let names = try await scope.people.names(of: Set(waiting.compactMap(\.owner)))
        digest.reviews = waiting.map { item in
            let owner = item.owner.flatMap { names[$0] } ?? "A colleague"
            return WeeklyDigest.Line("\(owner), asked \(ReviewService.day(of: item.request.requestedAt).longForm)",
                                     link: "/reviews/\(item.request.id)")
        }
    }
}
