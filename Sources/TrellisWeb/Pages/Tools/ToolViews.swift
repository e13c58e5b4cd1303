import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// A group of checkboxes as `tools_checkboxes` shows it: a legend, options with those checked, and the field's message.
struct CheckboxGroupView {
    struct Option {
        let value: String
        let label: String
        let checked: Bool
        let id: String
    }

    let name: String
    let label: String
    let id: String
    let options: [Option]
    let hasOptions: Bool
    let error: String?
    let hint: String?
    let describedBy: String?

    init(name: String, label: String, options: [(value: String, label: String)], checked: [String], errors: FieldErrors, hint: String? = nil) {
        self.name = name
        self.label = label
        let id = "field-\(name)"
        self.id = id
        self.options = options.enumerated().map { index, option in
            Option(value: option.value, label: option.label, checked: checked.contains(option.value), id: "\(id)-\(index + 1)")
        }
        hasOptions = !options.isEmpty
        error = errors[name]
        self.hint = hint
        let described = [hint != nil ? "\(id)-hint" : nil, error != nil ? "\(id)-error" : nil].compactMap { $0 }
        describedBy = described.isEmpty ? nil : described.joined(separator: " ")
    }

    var summaryItem: ErrorSummary.Item? { ErrorSummary.field(id: id, error) }
}

/// A tool in a list: its name and page, what it is, whom it is for, and anything that needs attention.
struct ToolLine {
    let name: String
    let href: String
    let kind: String
    let audience: String
    let privacy: String
    let approval: String
    let warnings: [String]
    let hasWarnings: Bool

    init(_ tool: DigitalTool, today: CalendarDate) {
        name = tool.name
        href = SiteRoute.tool(tool.id).path
        kind = tool.kind.label
        audience = ToolText.audience(tool)
        privacy = tool.privacy.label(today: today)
        approval = tool.approval.label
        warnings = tool.warnings(today: today)
        hasWarnings = !warnings.isEmpty
    }
}

/// How the tools pages say things.
enum ToolText {
    /// "Mathematics, Science · grades 3–5, 6–8".
    static func audience(_ tool: DigitalTool) -> String {
        let subjects = tool.subjects.isEmpty ? "Any subject" : tool.subjects.joined(separator: ", ")
        let bands = tool.gradeBands.isEmpty ? "any grade" : "grades " + tool.gradeBands.map(\.label).joined(separator: ", ")
        return "\(subjects) · \(bands)"
    }

    static func licence(_ licence: Licence) -> String {
        guard let renews = licence.renewsOn else { return licence.status.label }
        return "\(licence.status.label), renews \(renews.longForm)"
    }

    static func cost(_ cost: Decimal?) -> String {
        guard let cost else { return "Not known" }
        let formatter = NumberFormatter()
        formatter.numberStyle = .currency
        formatter.currencyCode = "USD"
        formatter.locale = Locale(identifier: "en_US")
        return (formatter.string(from: NSDecimalNumber(decimal: cost)) ?? "$\(Quantity.text(cost))") + " per seat"
    }

    static func dates(_ starts: CalendarDate, _ ends: CalendarDate?) -> String {
        ends.map { "\(starts.longForm) to \($0.longForm)" } ?? "From \(starts.longForm)"
    }

    static func students(_ count: Int?) -> String {
        guard let count else { return "" }
        return count == 1 ? "1 student" : "\(count) students"
    }

    /// The options of a select over an enum, with a first empty choice when `blank` is given.
    static func options<T: RawRepresentable & CaseIterable>(_: T.Type, blank: String?, label: (T) -> String) -> [(value: String, label: String)]
        where T.RawValue == String {
        (blank.map { [("", $0)] } ?? []) + T.allCases.map { ($0.rawValue, label($0)) }
    }
}

/// Reading ids from the tools pages' addresses.
enum ToolRequest {
    static func id<T>(_ context: TrellisRequestContext, _ name: String = "id") throws -> Identifier<T> {
        Identifier(try context.parameters.require(name))
    }

    static func version(_ form: FormData) -> Int? { Int(form["version"]) }
}
