import Foundation
import TrellisCore
import TrellisStore

/// How much coaching happened this school year, for leaders (their own school) and district admins (every school):
/// sessions, hours and people coached, per school and per coach. Coaching is not evaluation, so these are counts
/// only: never a note, never who said what.
public struct CoachingCountsService: Sendable {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    /// One school's or one coach's coaching.
    public struct Row: Sendable, Hashable {
        public let name: String
        public let sessions: Int
        public let minutes: Int
        public let people: Int

        public init(name: String, sessions: Int, minutes: Int, people: Int) {
            self.name = name
            self.sessions = sessions
            self.minutes = minutes
            self.people = people
        }

        public var hours: Double { Double(minutes) / 60 }
    }

    public struct Counts: Sendable, Hashable {
        public let year: SchoolYear
        /// Nil for the whole district; a leader's own school otherwise.
        public let schoolName: String?
        public let schools: [Row]
        public let coaches: [Row]
    }

    /// Whether the actor may see any counts: what the navigation and the caseload link to.
    public static func maySee(_ actor: Actor) -> Bool {
        Policy.can(actor, .read, .coachingCounts(organizationID: actor.organizationID, schoolID: scope(of: actor)))
    }

    /// The school whose counts the actor sees, or nil for the whole district (an admin).
    static func scope(of actor: Actor) -> School.ID? {
        actor.has(.districtAdmin) ? nil : actor.schoolID
    }

    /// Sessions held from the start of this school year up to today.
    public func counts(_ actor: Actor) async throws -> Counts {
        let school = Self.scope(of: actor)
        guard Policy.can(actor, .read, .coachingCounts(organizationID: actor.organizationID, schoolID: school)) else {
            throw ServiceError.forbidden
        }
        let scope = env.scope(actor)
        let today = env.today
        let year = SchoolYear.containing(date: today, start: try await scope.schoolYearStart())
        let queries = scope.coachingCounts
        let perSchool = try await queries.perSchool(from: year.startDate, through: today, school: school)
        let perCoach = try await queries.perCoach(from: year.startDate, through: today, school: school)
        let schools = Dictionary(try await scope.schools.all().map { ($0.id.rawValue, $0.name) }, uniquingKeysWith: { first, _ in first })
        let coaches = try await scope.people.names(of: Set(perCoach.compactMap { $0.key.map(Person.ID.init) }))
        func row(_ tally: CoachingCountQueries.Tally, _ name: String) -> Row {
            Row(name: name, sessions: tally.sessions, minutes: tally.minutes, people: tally.people)
        }
        let schoolRows = perSchool.map { row($0, $0.key.flatMap { schools[$0] } ?? "No school") }
        let coachRows = perCoach.map { row($0, $0.key.flatMap { coaches[Person.ID($0)] } ?? "A former coach") }
        return Counts(year: year, schoolName: school.flatMap { schools[$0.rawValue] },
                      schools: schoolRows.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending },
                      coaches: coachRows.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending })
    }
}
