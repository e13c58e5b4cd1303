import TrellisCore

/// One form field as a template shows it: label, the value as typed, and its message when wrong.
struct FieldView: Encodable {
    let name: String
    let label: String
    let type: String
    let value: String
    let error: String?
    let hint: String?
    let autocomplete: String?
    let required: Bool
    /// Several lines of text rather than one, and how many show without scrolling.
    let isTextarea: Bool
    let rows: Int
    /// Stored, not computed: templates read fields through reflection, which sees stored properties only.
    let id: String
    /// The ids that describe the input, for `aria-describedby`.
    let describedBy: String?

    init(name: String, label: String, type: String = "text", value: String, errors: FieldErrors, hint: String? = nil,
         autocomplete: String? = nil, required: Bool = true, idPrefix: String? = nil, rows: Int = 3) {
        self.name = name
        self.label = label
        self.type = type
        self.value = value
        self.error = errors[name]
        self.hint = hint
        self.autocomplete = autocomplete
        self.required = required
        self.isTextarea = type == "textarea"
        self.rows = rows
        let id = idPrefix.map { "\($0)-\(name)" } ?? "field-\(name)"
        self.id = id
        let described = [hint != nil ? "\(id)-hint" : nil, error != nil ? "\(id)-error" : nil].compactMap { $0 }
        self.describedBy = described.isEmpty ? nil : described.joined(separator: " ")
    }
}
