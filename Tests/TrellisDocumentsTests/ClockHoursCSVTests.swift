import Foundation
import Testing
import TrellisCore
@testable import TrellisDocuments

/// The HR export: RFC 4180 that a strict parser reads back field for field, and the Excel flavor's guards.
@Suite struct ClockHoursCSVTests {
    static func row(activity: String = "STEM night, \"robots\"\nsecond line 🤖", provider: String = "ESD 112") -> ClockHoursCSV.Row {
        ClockHoursCSV.Row(
            educatorName: "Nguyễn Thị Hồng", email: "hong.nguyen@example.org", certificateNumbers: ["512345A", "600001C"],
            date: CalendarDate(iso: "2026-03-14")!, activity: activity, provider: provider, hours: 7.5,
            categories: ["STEM integration", "Equity-based practice"], source: "recorded by admin",
            verifiedBy: "Zoë Ångström", verifiedOn: CalendarDate(iso: "2026-03-20")!
        )
    }

    @Test func fieldsRoundTripThroughAStrictParser() throws {
        // setup
        let rows = [Self.row(), Self.row(activity: "Plain", provider: "")]
        // run
        let csv = String(decoding: ClockHoursCSV.make(rows), as: UTF8.self)
        let records = try RFC4180.parse(csv)
        // check
        #expect(!csv.hasPrefix("\u{FEFF}"))
        #expect(csv.hasSuffix("\r\n"))
        #expect(records.count == 3)
        #expect(records[0] == ClockHoursCSV.columns)
        #expect(records[1] == [
            "Nguyễn Thị Hồng", "hong.nguyen@example.org", "512345A; 600001C", "2026-03-14",
            "STEM night, \"robots\"\nsecond line 🤖", "ESD 112", "7.5", "STEM integration; Equity-based practice",
            "recorded by admin", "Zoë Ångström", "2026-03-20",
        ])
        #expect(records[2][4] == "Plain")
        #expect(records[2][5] == "")
    }

    @Test func excelFlavorHasABOMAndDisarmsFormulas() throws {
        // setup
        let rows = [Self.row(activity: "=HYPERLINK(\"http://evil.example\",\"x\")", provider: "@SUM(A1)"), Self.row(activity: "-2+3", provider: "+1")]
        // run
        let data = ClockHoursCSV.make(rows, flavor: .excel)
        // check
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let records = try RFC4180.parse(String(decoding: data.dropFirst(3), as: UTF8.self))
        #expect(records[1][4] == "'=HYPERLINK(\"http://evil.example\",\"x\")")
        #expect(records[1][5] == "'@SUM(A1)")
        #expect(records[2][4] == "'-2+3")
        #expect(records[2][5] == "'+1")
        #expect(records[1][6] == "7.5", "numbers stay numbers")
    }

    @Test func standardFlavorKeepsTheDataExactly() throws {
        // run
        let csv = String(decoding: ClockHoursCSV.make([Self.row(activity: "=1+1")]), as: UTF8.self)
        // check
        #expect(try RFC4180.parse(csv)[1][4] == "=1+1")
    }

    @Test func anEmptyLedgerIsJustTheHeader() {
        // check
        #expect(String(decoding: ClockHoursCSV.make([]), as: UTF8.self) == ClockHoursCSV.columns.joined(separator: ",") + "\r\n")
    }
}

/// A strict RFC 4180 reader for the tests: CRLF between records, quotes only around whole fields.
enum RFC4180 {
    struct Malformed: Error {}

    static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if inQuotes {
                if scalar == "\"" {
                    if scalars.first == "\"" { scalars.removeFirst(); field.unicodeScalars.append("\"") } else { inQuotes = false }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard field.isEmpty else { throw Malformed() }
                inQuotes = true
            case ",":
                record.append(field); field = ""
            case "\r":
                guard scalars.popFirst() == "\n" else { throw Malformed() }
                record.append(field); field = ""
                records.append(record); record = []
            case "\n":
                throw Malformed()
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        guard !inQuotes, field.isEmpty, record.isEmpty else { throw Malformed() }
        return records
    }
}
