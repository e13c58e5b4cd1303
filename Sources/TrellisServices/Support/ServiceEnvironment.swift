import Foundation
import Logging
import TrellisCore
import TrellisStore

/// What every service needs, injected once: the database, time, identifiers, password hashing and how email leaves.
public struct ServiceEnvironment: Sendable {
    public let database: Database
    public let clock: any TimeSource
    public let ids: any IdentifierSource
    public let passwords: PasswordHasher
    public let logger: Logger
    /// How email leaves (the SMTP relay, or the log).
    public let email: EmailSettings

    public init(database: Database, clock: any TimeSource = SystemTimeSource(), ids: any IdentifierSource = RandomIdentifierSource(),
                passwords: PasswordHasher = PasswordHasher(), logger: Logger = Logger(label: "trellis"), email: EmailSettings? = nil) {
        self.database = database
        self.clock = clock
        self.ids = ids
        self.passwords = passwords
        self.logger = logger
        self.email = email ?? .log(logger)
    }

    /// Today's date where the districts are. Plans deal in days; a check-in written at 9 pm is today's, not tomorrow's UTC.
    public var today: CalendarDate {
        CalendarDate(clock.now(), in: Self.districtTimeZone)
    }

    /// Washington's time zone, looked up once: the lookup was a visible share of every plan page.
    static let districtTimeZone = TimeZone(identifier: "America/Los_Angeles") ?? TimeZone(secondsFromGMT: -8 * 3600)!

    /// The stores of the actor's own district: the only way services reach district data.
    func scope(_ actor: Actor) -> OrganizationScope {
        OrganizationScope(database, organizationID: actor.organizationID)
    }

    func event(_ kind: AuditEvent.Kind, in organization: Organization.ID, by actor: Person.ID?, about subject: Person.ID?,
               detail: String = "", address: String? = nil) -> AuditEvent {
        AuditEvent(id: ids.make(), organizationID: organization, kind: kind, actorID: actor, subjectID: subject,
                   detail: detail, address: address, occurredAt: clock.now())
    }
}
