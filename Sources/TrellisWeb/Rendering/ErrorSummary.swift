/// The problems with a submitted form, listed at the top of the page it comes back on (the GOV.UK error summary).
///
/// Each message links to its field (`href="#field-id"`), so a message next to a field that is folded away or far
/// down the page is still one step from being seen. The summary is focused when the page loads (`autofocus` on
/// an element with `tabindex="-1"`, no script), so a screen reader reads it first and a phone shows it without
/// scrolling. Pages show it through the `error_summary` partial, reading `errorSummary` from their content.
struct ErrorSummary: Encodable {
    struct Item: Encodable {
        let message: String
        /// Where the message's field is, e.g. `#g1-estimated_hours`; nil for a message about the whole form.
        let href: String?
    }

    let items: [Item]

    /// nil when there is nothing to say, so the page shows no summary at all.
    /// `notice` is a message about the whole form (e.g. the plan was changed in another window); it comes first,
    /// linking to `noticeHref` (the form the person's words are kept in) when given.
    /// `items` are in the order their fields appear on the page.
    init?(notice: String? = nil, noticeHref: String? = nil, _ items: [Item?] = []) {
        let all = (notice.map { [Item(message: $0, href: noticeHref)] } ?? []) + items.compactMap { $0 }
        guard !all.isEmpty else { return nil }
        self.items = all
    }

    /// The field's message, linking to it, if it has one.
    static func field(_ field: FieldView) -> Item? {
        field.error.map { Item(message: $0, href: "#\(field.id)") }
    }

    /// A message for a field that is not a `FieldView` (radio buttons, a select, a file input).
    static func field(id: String, _ message: String?) -> Item? {
        message.map { Item(message: $0, href: "#\(id)") }
    }

    /// The page title, which starts with "Error:" while there is a problem, as the browser tab and history show it.
    static func title(_ title: String, _ summary: ErrorSummary?) -> String {
        summary == nil ? title : "Error: \(title)"
    }
}
