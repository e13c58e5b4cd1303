/// The day a district's school year begins, the same every year.
///
/// Washington's rules run a year from July 1 to June 30, which is the default; other districts
/// or states can choose another day.
public struct SchoolYearStart: Sendable, Hashable, Codable {
    public let month: Int
    public let day: Int

    /// July 1: Washington's rule for PGPs and clock hours ("a year runs July 1 to June 30").
    public static let julyFirst = SchoolYearStart(checkedMonth: 7, day: 1)

    /// The start, or nil for a day that is not in every year. February 29 is refused: a year
    /// that began on it would have no start in three years out of four.
    public init?(month: Int, day: Int) {
        guard (1...12).contains(month), (1...CalendarDate.daysInMonth(month, year: 2001)).contains(day) else { return nil }
        self.init(checkedMonth: month, day: day)
    }

    private init(checkedMonth month: Int, day: Int) {
        self.month = month
        self.day = day
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let month = try container.decode(Int.self, forKey: .month)
        let day = try container.decode(Int.self, forKey: .day)
        guard let start = SchoolYearStart(month: month, day: day) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "no such school-year start: \(month)/\(day)"))
        }
        self = start
    }
}

/// One school year: the span a growth plan belongs to ("one PGP per school year").
///
/// A year is named by the calendar year it starts in, so the year from July 1, 2026 to
/// June 30, 2027 has `startYear` 2026 and the label "2026–27".
public struct SchoolYear: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let startYear: Int
    public let start: SchoolYearStart

    /// Start years whose whole span has four-digit dates.
    public static let validStartYears = CalendarDate.validYears.lowerBound...(CalendarDate.validYears.upperBound - 1)

    /// The year starting on `start` in `startYear`. `startYear` must be in `validStartYears`;
    /// read years from people through `init?(label:start:)` instead, which checks.
    public init(startingIn startYear: Int, start: SchoolYearStart = .julyFirst) {
        precondition(Self.validStartYears.contains(startYear), "school year out of range: \(startYear)")
        self.startYear = startYear
        self.start = start
    }

    /// The school year that `date` falls in.
    public static func containing(date: CalendarDate, start: SchoolYearStart = .julyFirst) -> SchoolYear {
        let startsThisCalendarYear = (date.month, date.day) >= (start.month, start.day)
        let startYear = startsThisCalendarYear ? date.year : date.year - 1
        // A date in year 1 before the start, or in 9999 after it, has no year with four-digit
        // dates on both ends; clamping keeps the function total instead of crashing.
        let clamped = min(max(startYear, validStartYears.lowerBound), validStartYears.upperBound)
        return SchoolYear(startingIn: clamped, start: start)
    }

    /// Reads a label as `label` writes it ("2026–27", or "2026-27" with a hyphen, or "2026" for
    /// a year that starts on January 1). Nil when it does not name a year with this start.
    public init?(label: String, start: SchoolYearStart = .julyFirst) {
        let text = label.trimmingWhitespace()
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "–" || $0 == "-" }).map(String.init)
        guard let first = parts.first, first.count == 4, let startYear = Int(first),
              Self.validStartYears.contains(startYear), parts.count <= 2
        else { return nil }
        let year = SchoolYear(startingIn: startYear, start: start)
        let labelText = parts.count == 2 ? "\(first)–\(parts[1])" : first
        guard labelText == year.label else { return nil }
        self = year
    }

    /// The first day of the year.
    public var startDate: CalendarDate {
        CalendarDate(year: startYear, month: start.month, day: start.day)!
    }

    /// The last day of the year: the day before the next year starts (June 30 by default;
    /// February 29 in a leap year for a year that starts on March 1).
    public var endDate: CalendarDate {
        let nextStart = CalendarDate(year: startYear + 1, month: start.month, day: start.day)!
        return nextStart.adding(days: -1)!
    }

    public func contains(_ date: CalendarDate) -> Bool {
        startDate <= date && date <= endDate
    }

    /// "2026–27" (with an en dash), or "2027" when the year starts on January 1 and so never
    /// crosses into a second calendar year.
    public var label: String {
        let endYear = endDate.year
        guard endYear != startYear else { return String(startYear) }
        let lastTwoDigits = endYear % 100
        return "\(startYear)–\(lastTwoDigits < 10 ? "0" : "")\(lastTwoDigits)"
    }

    public var description: String { label }

    /// The year after this one, with the same start.
    public var next: SchoolYear { SchoolYear(startingIn: min(startYear + 1, Self.validStartYears.upperBound), start: start) }

    /// The year before this one, with the same start.
    public var previous: SchoolYear { SchoolYear(startingIn: max(startYear - 1, Self.validStartYears.lowerBound), start: start) }

    public static func < (lhs: SchoolYear, rhs: SchoolYear) -> Bool {
        lhs.startDate < rhs.startDate
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let startYear = try container.decode(Int.self, forKey: .startYear)
        let start = try container.decode(SchoolYearStart.self, forKey: .start)
        guard Self.validStartYears.contains(startYear) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "school year out of range: \(startYear)"))
        }
        self.init(startingIn: startYear, start: start)
    }
}
