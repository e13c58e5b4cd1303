import Foundation
import TrellisCore
import TrellisDocuments

/// A roster file read into rows of typed values, each cell checked on its own. Whether a row adds or changes someone,
/// and whether the actor may, is `RosterPlanner`'s to say.
struct RosterFile: Sendable {
    /// The largest file accepted: about 100,000 people at 50 bytes a row.
    static let maximumBytes = 5 * 1024 * 1024
    static let maximumRows = 100_000

    /// One row's values; nil where the column is absent or the cell blank, which leaves that field as it is.
    struct Entry: Sendable {
        let row: Int
        let email: EmailAddress
        let name: String?
        let roles: Set<Role>?
        let school: String?
        let active: Bool?
    }

    let columns: [RosterColumn]
    /// Rows read after the header, blank rows left out.
    let rowCount: Int
    let entries: [Entry]
    /// Mistakes in single cells, in row order.
    let problems: [RosterImportPlan.Problem]

    /// Reads `text`, or throws a message about the whole file (at the `csv` field): too large, not CSV, a header
    /// without `email` or with columns Trellis does not know.
    init(_ text: String) throws {
        try Self.checkSize(text)
        let table: CSVTable
        do {
            table = try CSVTable.parse(text, maximumRecords: Self.maximumRows)
        } catch {
            throw FieldErrors("csv", error.description)
        }
        let names = table.header.map { $0.trimmingWhitespace().lowercased().replacingOccurrences(of: " ", with: "_") }
        let unknown = names.filter { RosterColumn(rawValue: $0) == nil }
        if !unknown.isEmpty {
            let listed = unknown.map { $0.isEmpty ? "(a column without a name)" : "“\($0)”" }.joined(separator: ", ")
            throw FieldErrors("csv", "The header row names \(unknown.count == 1 ? "a column" : "columns") Trellis does not know: \(listed). "
                              + "Use only \(RosterColumn.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let columns = names.compactMap(RosterColumn.init(rawValue:))
        if let repeated = columns.first(where: { column in columns.filter { $0 == column }.count > 1 }) {
            throw FieldErrors("csv", "The header row names the \(repeated.rawValue) column more than once.")
        }
        guard columns.contains(.email) else {
            throw FieldErrors("csv", "The header row has no email column. The first row must name the columns, with email among them.")
        }
        var entries: [Entry] = [], problems: [RosterImportPlan.Problem] = []
        for record in table.records {
            let read = Self.read(record, columns: columns)
            problems += read.problems
            if let entry = read.entry { entries.append(entry) }
        }
        self.columns = columns
        self.rowCount = table.records.count
        self.entries = entries
        self.problems = problems
    }

    /// Refuses a text over the size limit before any of it is parsed.
    static func checkSize(_ text: String) throws {
        if text.utf8.count > maximumBytes {
            throw FieldErrors("csv", "The file is larger than 5 MB. Split it into smaller files and import each.")
        }
    }

    /// One record's cells, checked; the entry is nil when the row has a mistake.
    private static func read(_ record: CSVTable.Record, columns: [RosterColumn]) -> (entry: Entry?, problems: [RosterImportPlan.Problem]) {
        var problems: [RosterImportPlan.Problem] = []
        func problem(_ column: RosterColumn?, _ message: String) {
            problems.append(.init(row: record.number, column: column?.rawValue, message: message))
        }
        if record.cells.count > columns.count {
            problem(nil, "This row has \(record.cells.count) cells but the header names \(columns.count) columns.")
            return (nil, problems)
        }
        // A row shorter than the header (a spreadsheet may leave off empty cells at the end) has blanks there.
        var cells: [RosterColumn: String] = [:]
        for (index, column) in columns.enumerated() where index < record.cells.count {
            let cell = record.cells[index].trimmingWhitespace()
            if !cell.isEmpty { cells[column] = cell }
        }
        var email: EmailAddress?
        if let text = cells[.email] {
            email = EmailAddress(text)
            if email == nil { problem(.email, "“\(text)” is not an email address like name@school.org.") }
        } else {
            problem(.email, "Enter the person's email address.")
        }
        let name = cells[.name]
        if let name, let message = nameProblem(name, what: "The name") { problem(.name, message) }
        var roles: Set<Role>?
        if let text = cells[.roles] {
            let words = text.split(separator: ";").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            let unknown = words.filter { role(named: $0) == nil }
            if !unknown.isEmpty {
                problem(.roles, "\(unknown.map { "“\($0)”" }.joined(separator: ", ")) \(unknown.count == 1 ? "is not a role" : "are not roles"). "
                        + "Use educator, coach, leader or district_admin, several separated by semicolons.")
            } else if !words.isEmpty {
                roles = Set(words.compactMap(role(named:)))
            }
        }
        let school = cells[.school].map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        if let school, let message = nameProblem(school, what: "The school's name") { problem(.school, message) }
        var active: Bool?
        if let text = cells[.active] {
            switch text.lowercased() {
            case "yes", "y", "true", "1", "active": active = true
            case "no", "n", "false", "0", "inactive": active = false
            default: problem(.active, "Write yes or no in the active column, not “\(text)”.")
            }
        }
        guard problems.isEmpty, let email else { return (nil, problems) }
        return (Entry(row: record.number, email: email, name: name, roles: roles, school: school, active: active), [])
    }

    /// A role by its name in the file: `district_admin` or as the pages label it ("District admin"), any case.
    static func role(named text: String) -> Role? {
        let key = text.lowercased().replacingOccurrences(of: " ", with: "_")
        return Role(rawValue: key) ?? Role.allCases.first { $0.label.lowercased().replacingOccurrences(of: " ", with: "_") == key }
    }

    /// Why a name is not one, if it is not: too long, or several lines (often a quote mark left open).
    static func nameProblem(_ name: String, what: String) -> String? {
        if name.contains(where: { $0.isNewline }) {
            return "\(what) runs over more than one line. Check that every quote mark in this row is closed."
        }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "\(what) has a character that cannot be shown, such as a tab."
        }
        return name.count > 120 ? "\(what) is longer than 120 characters." : nil
    }
}
