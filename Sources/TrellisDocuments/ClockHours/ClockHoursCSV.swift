import Foundation
import TrellisCore

/// Clock hours for HR as CSV: one row per ledger entry, RFC 4180 (CRLF line ends, fields
/// quoted when they hold a comma, a quote, CR or LF, quotes doubled), UTF-8.
///
/// Two flavors. `.standard` is the data exactly, for HR systems that import CSV. `.excel`
/// starts with a UTF-8 byte order mark (without it Excel reads "Nguyễn" as mojibake) and
/// puts an apostrophe before any text cell starting with `=`, `+`, `-`, `@`, a tab or CR,
/// so a typed activity like "=HYPERLINK(…)" shows as text instead of running as a formula.
/// The apostrophe is what Excel itself uses to mark text; numbers and dates are written by
/// Trellis and never start with those characters, so they stay numbers.
public enum ClockHoursCSV {
    public enum Flavor: Sendable, Hashable {
        case standard
        case excel
    }

    /// One ledger entry, as plain values a service fills.
    public struct Row: Sendable, Hashable {
        public var educatorName: String
        public var email: String
        public var certificateNumbers: [String]
        public var date: CalendarDate
        public var activity: String
        public var provider: String
        public var hours: Double
        /// Renewal focus areas, e.g. "STEM integration".
        public var categories: [String]
        /// Where the hours come from, e.g. "PGP 2025–26" or "recorded by admin".
        public var source: String
        public var verifiedBy: String
        public var verifiedOn: CalendarDate?

        public init(educatorName: String, email: String, certificateNumbers: [String], date: CalendarDate, activity: String,
                    provider: String, hours: Double, categories: [String], source: String, verifiedBy: String = "",
                    verifiedOn: CalendarDate? = nil) {
            self.educatorName = educatorName
            self.email = email
            self.certificateNumbers = certificateNumbers
            self.date = date
            self.activity = activity
            self.provider = provider
            self.hours = hours
            self.categories = categories
            self.source = source
            self.verifiedBy = verifiedBy
            self.verifiedOn = verifiedOn
        }
    }

    /// The header row, in column order (the README lists what each means). Lists inside a
    /// cell (certificates, categories) are separated by "; ".
    public static let columns = [
        "educator_name", "email", "certificate_numbers", "date", "activity", "provider", "hours",
        "categories", "source", "verified_by", "verified_on",
    ]

    /// The CSV text of `rows` under the header row, ending in CRLF.
    public static func make(_ rows: [Row], flavor: Flavor = .standard) -> Data {
        var text = flavor == .excel ? "\u{FEFF}" : ""
        appendRecord(columns.map { Cell.text($0) }, flavor: flavor, to: &text)
        for row in rows {
            appendRecord([
                .text(row.educatorName), .text(row.email), .text(row.certificateNumbers.joined(separator: "; ")),
                .value(row.date.iso), .text(row.activity), .text(row.provider), .value(DocumentFormatting.hours(row.hours)),
                .text(row.categories.joined(separator: "; ")), .text(row.source), .text(row.verifiedBy),
                .value(row.verifiedOn?.iso ?? ""),
            ], flavor: flavor, to: &text)
        }
        return Data(text.utf8)
    }

    /// Text a person typed, or a value Trellis wrote (a date, a number) that is never guarded.
    private enum Cell {
        case text(String)
        case value(String)
    }

    private static func appendRecord(_ cells: [Cell], flavor: Flavor, to text: inout String) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { text += "," }
            switch cell {
            case let .text(value): text += field(flavor == .excel ? guardFormula(value) : value)
            case let .value(value): text += field(value)
            }
        }
        text += "\r\n"
    }

    /// One field, quoted when RFC 4180 requires it.
    static func field(_ value: String) -> String {
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The characters that make a spreadsheet read a cell as a formula (OWASP's list).
    static func guardFormula(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        return "'" + value
    }
}
