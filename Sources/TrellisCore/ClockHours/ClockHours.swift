/// An amount of clock hours, exact to the hundredth: "7.5", "25", "0.25".
///
/// Kept as whole hundredths rather than `Double` or `Decimal` so that sums are exact (four
/// 0.1-hour entries make 0.4, never 0.40000000000000002) and so that JSON holds a plain number
/// that decodes to the same value on every platform. Clock hours are given in halves and
/// quarters in practice; a hundredth is finer than any provider reports.
public struct ClockHours: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let hundredths: Int

    public init(hundredths: Int) { self.hundredths = hundredths }

    /// Whole hours: `ClockHours(25)`.
    public init(_ hours: Int) { self.hundredths = hours * 100 }

    public static let zero = ClockHours(hundredths: 0)

    /// The most one recorded entry may hold. A week-long institute is about 40 hours; anything
    /// past 200 in one entry is a typing slip ("1000" for "10.00"), refused rather than credited.
    public static let entryLimit = ClockHours(200)

    /// Reads hours as people type them: "7.5", "7.25", "10", " 3 ". Nil for anything else,
    /// including a third decimal place, a sign, or a comma, so nothing is silently rounded.
    public init?(parsing text: String) {
        let trimmed = text.trimmingWhitespace()
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 6,
              whole.allSatisfy({ $0.isASCII && $0.isNumber }), let hours = Int(whole)
        else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...2).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let value = Int(digits) else { return nil }
            fraction = digits.count == 1 ? value * 10 : value
        }
        self.hundredths = hours * 100 + fraction
    }

    /// Hours as recorded on one entry, or the message to show at the field. The cap applies to
    /// entries an admin types; PGP entries take their hours from the district's setting.
    public static func entryHours(from text: String) -> Result<ClockHours, InputProblem> {
        guard let hours = ClockHours(parsing: text) else {
            return .failure(InputProblem("Enter the hours as a number, such as 7.5."))
        }
        guard hours > .zero else { return .failure(InputProblem("Hours must be more than 0.")) }
        guard hours <= entryLimit else {
            return .failure(InputProblem("One entry can hold at most \(entryLimit) hours; record longer learning as several entries."))
        }
        return .success(hours)
    }

    /// "62.5", "100", "7.25": no trailing zeros, so sentences read naturally.
    public var text: String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let whole = magnitude / 100, fraction = magnitude % 100
        switch fraction {
        case 0: return "\(sign)\(whole)"
        case let f where f % 10 == 0: return "\(sign)\(whole).\(f / 10)"
        case let f: return "\(sign)\(whole).\(f < 10 ? "0" : "")\(f)"
        }
    }

    public var description: String { text }

    /// As a plain number, for CSV exports and progress bars.
    public var asDouble: Double { Double(hundredths) / 100 }

    /// `percent`% of these hours, rounded up to the hundredth: a requirement is never
    /// rounded down below what the rule asks.
    public func percent(_ percent: Double) -> ClockHours {
        // The small tolerance keeps 15% of 100 at exactly 15 despite binary floating point.
        ClockHours(hundredths: Int((Double(hundredths) * percent / 100 - 1e-9).rounded(.up)))
    }

    public static func + (lhs: ClockHours, rhs: ClockHours) -> ClockHours { ClockHours(hundredths: lhs.hundredths + rhs.hundredths) }
    public static func - (lhs: ClockHours, rhs: ClockHours) -> ClockHours { ClockHours(hundredths: lhs.hundredths - rhs.hundredths) }
    public static func * (lhs: ClockHours, rhs: Int) -> ClockHours { ClockHours(hundredths: lhs.hundredths * rhs) }
    public static func < (lhs: ClockHours, rhs: ClockHours) -> Bool { lhs.hundredths < rhs.hundredths }

    /// Coded as a JSON number of hours (62.5), which people editing a rule set can read.
    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(Double.self)
        let scaled = value * 100
        guard scaled.isFinite, abs(scaled) < 1e12, abs(scaled - scaled.rounded()) < 1e-6 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "hours must be a number with at most two decimals: \(value)"))
        }
        self.hundredths = Int(scaled.rounded())
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(asDouble)
    }
}

/// What was wrong with a value a person typed, in words to show next to the field.
public struct InputProblem: Error, Sendable, Hashable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
