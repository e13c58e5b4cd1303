import Foundation
import TrellisCore
import TrellisServices
import TrellisStore

/// Two districts with a few people each, for tests that must prove nothing crosses between them.
public struct TestDistricts: Sendable {
    public static let password = "correct horse battery"

    public let environment: ServiceEnvironment
    public let clock: FixedTimeSource
    public let north: District
    public let south: District

    public struct District: Sendable {
        public let organization: Organization
        public let school: School
        public let otherSchool: School
        public let admin: Person
        public let educator: Person
        public let leader: Person
        public let coach: Person
        /// An educator at the other school.
        public let colleague: Person
    }

    /// Builds both districts in `database`, with a clock that stands still until moved.
    public static func make(_ database: Database) async throws -> TestDistricts {
        let clock = FixedTimeSource(Date(timeIntervalSince1970: 1_795_000_000))
        // bcrypt's minimum cost keeps tests fast; production uses 12.
        let environment = ServiceEnvironment(database: database, clock: clock, passwords: PasswordHasher(cost: 4))
        return TestDistricts(environment: environment, clock: clock,
                             north: try await district("north", "North Valley Schools", environment),
                             south: try await district("south", "South Sound District", environment))
    }

    static func district(_ slug: String, _ name: String, _ env: ServiceEnvironment) async throws -> District {
        let operators = OperatorService(env)
        let organization = try await operators.createOrganization(slug: slug, name: name)
        let scope = OrganizationScope(env.database, organizationID: organization.id)
        let school = School(id: env.ids.make(), organizationID: organization.id, name: "\(name) Elementary")
        let other = School(id: env.ids.make(), organizationID: organization.id, name: "\(name) High")
        try await scope.schools.create(school, at: env.clock.now())
        try await scope.schools.create(other, at: env.clock.now())
        func person(_ local: String, _ display: String, _ roles: [Role], _ at: School?) async throws -> Person {
            try await operators.createPerson(
                in: organization,
                form: PersonForm(displayName: display, email: "\(local)@\(slug).example", schoolID: at?.id.rawValue ?? "",
                                 roles: roles.map(\.rawValue)),
                password: password)
        }
        return District(
            organization: organization, school: school, otherSchool: other,
            admin: try await person("admin", "Ada Admin", [.districtAdmin], nil),
            educator: try await person("teacher", "Zoë Ångström", [.educator], school),
            leader: try await person("principal", "Nguyễn Thị Hồng", [.leader], school),
            coach: try await person("coach", "Cam Coach", [.coach, .educator], school),
            colleague: try await person("colleague", "Col League", [.educator], other))
    }
}
