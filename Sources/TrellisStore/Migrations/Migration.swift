import SQLKit

/// One step of the schema. Numbered, one per file, never edited once released: a change is a new migration.
public protocol Migration: Sendable {
    var version: Int { get }
    var name: String { get }
    /// The statements, written to run on both SQLite and PostgreSQL.
    func statements(for dialect: DatabaseDialect) -> [SQLQueryString]
}

/// Every migration, in order.
public enum Migrations {
    public static let all: [any Migration] = [
        CreateOrganizationsAndSchools(),
        CreatePeople(),
        CreateSessions(),
        CreateSignInThrottle(),
        CreatePasswordResets(),
        CreateAuditEvents(),
        CreateFrameworks(),
        CreateGrowthPlans(),
        IndexRolesByPerson(),
        AddGuidingQuestions(),
        IndexPeopleBySchool(),
        IndexAuditEventsForFilters(),
        CreateReviews(),
        CreateClockHours(),
        CreateCoaching(),
        CreateCohorts(),
        CreateDigitalTools(),
        CreateJobsAndDeadlines(),
        CreateOutboxAndPreferences(),
        CreateAPITokens(),
        CreateDistrictChanges(),
    ]
}
