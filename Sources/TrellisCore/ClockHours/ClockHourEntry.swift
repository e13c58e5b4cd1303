/// One line of an educator's clock-hour ledger: a verified PGP, or other learning an admin
/// recorded (a course, a workshop, a conference).
///
/// The ledger is the person's, not a certificate's: renewal evaluates each certificate against
/// the same entries, which is how one PGP counts for every certificate a person holds.
public struct ClockHourEntry: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Identifier<ClockHourEntry>

    public var id: ID
    public var personID: Person.ID
    /// When the learning was completed (for a PGP, the day it was verified): decides which
    /// renewal cycle the entry falls in.
    public var date: CalendarDate
    /// What the learning was, e.g. "Since Time Immemorial curriculum workshop".
    public var activity: String
    /// Who offered it, e.g. "Puget Sound ESD"; for a PGP, the district.
    public var provider: String
    /// More than 0. Recorded entries are at most `ClockHours.entryLimit`; a PGP entry holds the
    /// district's setting (25 by default).
    public var hours: ClockHours
    /// The areas the hours count toward, in `FocusCategory` order without repeats.
    public private(set) var focusCategories: [FocusCategory]
    public var source: Source

    public init(
        id: ID, personID: Person.ID, date: CalendarDate, activity: String, provider: String,
        hours: ClockHours, focusCategories: [FocusCategory] = [], source: Source
    ) {
        self.id = id
        self.personID = personID
        self.date = date
        self.activity = activity
        self.provider = provider
        self.hours = hours
        self.focusCategories = Array(Set(focusCategories)).sorted()
        self.source = source
    }

    public mutating func setFocusCategories(_ categories: [FocusCategory]) {
        focusCategories = Array(Set(categories)).sorted()
    }

    public func isTagged(_ category: FocusCategory) -> Bool { focusCategories.contains(category) }

    /// The growth plan the entry credits, if it is a PGP.
    public var growthPlan: (planID: GrowthPlan.ID, schoolYear: SchoolYear)? {
        if case let .pgp(planID, schoolYear) = source { return (planID, schoolYear) }
        return nil
    }

    /// Where an entry came from.
    public enum Source: Sendable, Hashable, Codable {
        /// A growth plan the district verified; `schoolYear` is the plan's, which decides "one
        /// PGP per school year".
        case pgp(planID: GrowthPlan.ID, schoolYear: SchoolYear)
        /// Learning a district admin recorded by hand.
        case recorded(by: Person.ID)

        public var kind: Kind {
            switch self {
            case .pgp: .pgp
            case .recorded: .recorded
            }
        }

        /// The kinds of source, as stored (e.g. in a column next to the entry).
        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            case pgp
            case recorded
        }

        // Coded as {"kind": "pgp", "planID": …, "schoolYear": …} like `Evidence`, rather than
        // Swift's default nesting under the case name, so stored rows read plainly.
        private enum CodingKeys: String, CodingKey {
            case kind, planID, schoolYear, recordedBy
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            switch try container.decode(Kind.self, forKey: .kind) {
            case .pgp:
                self = .pgp(planID: try container.decode(GrowthPlan.ID.self, forKey: .planID),
                            schoolYear: try container.decode(SchoolYear.self, forKey: .schoolYear))
            case .recorded:
                self = .recorded(by: try container.decode(Person.ID.self, forKey: .recordedBy))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kind, forKey: .kind)
            switch self {
            case let .pgp(planID, schoolYear):
                try container.encode(planID, forKey: .planID)
                try container.encode(schoolYear, forKey: .schoolYear)
            case let .recorded(adminID):
                try container.encode(adminID, forKey: .recordedBy)
            }
        }
    }
}
