import Foundation
import SwiftCSV

/// A CSV file read as RFC 4180 describes it: a header row, then records of cells; cells may be quoted, a quote inside
/// a quoted cell is doubled, and a quoted cell may hold commas and line breaks. Lines end in CRLF or LF, and a UTF-8
/// byte order mark (which Excel writes) is not part of the first cell.
///
/// Parsing is SwiftCSV's. What this type adds is what a person fixing the file needs: every record keeps its row
/// number as a spreadsheet shows it (the header is row 1, and a cell with a line break in it does not move the rows
/// after it), blank rows are left out, and a file that is not CSV is refused with the row where it stops being CSV.
public struct CSVTable: Sendable, Hashable {
    /// One record after the header.
    public struct Record: Sendable, Hashable {
        /// The row as a spreadsheet numbers it: the header is row 1.
        public let number: Int
        public let cells: [String]
    }

    /// The header's cells as written.
    public let header: [String]
    /// Every record that is not blank, in file order.
    public let records: [Record]

    /// Why a file could not be read as CSV at all. Each message is written for the person who made the file.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// Nothing but blank lines: not even a header.
        case empty
        /// A quote mark where RFC 4180 allows none, e.g. `ab"c` or `"ab"c`.
        case strayQuote(row: Int)
        /// A quoted cell that is never closed, so the rest of the file would be one cell.
        case unclosedQuote(row: Int)
        /// More records than the caller allows.
        case tooManyRecords(limit: Int)

        public var description: String {
            switch self {
            case .empty:
                "The file is empty. It needs a header row naming the columns, then the rows."
            case .strayQuote(let row):
                "Row \(row) has a quote mark (\") in the wrong place. A cell with quote marks in it must be inside quotes itself, "
                    + "with each quote mark in it doubled (\"\")."
            case .unclosedQuote(let row):
                "Row \(row) opens a quoted cell that is never closed: a closing quote mark (\") is missing."
            case .tooManyRecords(let limit):
                "The file has more than \(CSVTable.grouped(limit)) rows. "
                    + "Split it into smaller files and import each."
            }
        }
    }

    /// 100000 as "100,000".
    static func grouped(_ number: Int) -> String {
        var digits = Array(String(number)), out = ""
        while digits.count > 3 {
            out = "," + String(digits.suffix(3)) + out
            digits.removeLast(3)
        }
        return String(digits) + out
    }

    public init(header: [String], records: [Record]) {
        self.header = header
        self.records = records
    }

    /// Reads `text`. Records beyond `maximumRecords` are refused rather than cut off, so nothing is silently left out.
    /// The whole text is read either way: callers bound its size first.
    public static func parse(_ text: String, maximumRecords: Int = .max) throws(Problem) -> CSVTable {
        var rows: [[String]] = []
        do {
            // Constructed for its BOM handling and header only (a row limit of 0); the records are read below, one at a
            // time, so that each keeps its number and a record longer than the header is not padded or cut.
            let csv = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false, rowLimit: 0)
            try csv.enumerateAsArray(startAt: 0, rowLimit: nil) { cells in
                rows.append(cells)
            }
            // RFC 4180 quotes come in pairs (open and close, or doubled), so an odd count means an unclosed quote,
            // which SwiftCSV reads as a cell running to the end of the file: it began in the last row it returned.
            if text.utf8.lazy.filter({ $0 == UInt8(ascii: "\"") }).count % 2 == 1 {
                throw Problem.unclosedQuote(row: max(rows.count, 1))
            }
        } catch let problem as Problem {
            throw problem
        } catch {
            // SwiftCSV stops at the first character it cannot read; the rows before it were returned.
            throw .strayQuote(row: rows.count + 1)
        }
        var numbered = rows.enumerated().map { Record(number: $0.offset + 1, cells: $0.element) }
        numbered.removeAll { $0.cells.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        guard let header = numbered.first else { throw .empty }
        let records = Array(numbered.dropFirst())
        if records.count > maximumRecords { throw .tooManyRecords(limit: maximumRecords) }
        return CSVTable(header: header.cells, records: records)
    }
}
