/// The type styles of Trellis's documents. Families are fontconfig names; the list ends in
/// fonts that cover what the first one lacks (Noto Sans has Vietnamese and most Latin,
/// Greek and Cyrillic; DejaVu Sans more symbols; Symbola emoji as outlines, so an emoji
/// in a goal is embedded as text rather than a picture or a box).
enum TextStyle: CaseIterable {
    case title
    case heading
    case subheading
    case body
    case bodyBold
    case label
    case small
    case footer
    case code

    static let families = "Noto Sans, DejaVu Sans, Noto Sans Symbols2, Symbola"
    static let codeFamilies = "DejaVu Sans Mono, Noto Sans Mono, Symbola"

    /// A Pango font description string, e.g. "Noto Sans, DejaVu Sans Bold 11".
    var fontDescription: String {
        switch self {
        case .title: "\(Self.families) Bold 17"
        case .heading: "\(Self.families) Bold 13"
        case .subheading: "\(Self.families) Bold 10.5"
        case .body: "\(Self.families) 10"
        case .bodyBold: "\(Self.families) Bold 10"
        case .label: "\(Self.families) Bold 8.5"
        case .small: "\(Self.families) 8.5"
        case .footer: "\(Self.families) 7.5"
        case .code: "\(Self.codeFamilies) 8"
        }
    }

    /// Gray level of the text, 0 black to 1 white: labels and footers recede a little.
    var gray: Double {
        switch self {
        case .label, .footer: 0.33
        case .small: 0.2
        default: 0
        }
    }
}

/// How a block of text sits in its column.
enum TextAlignment {
    case left, center, right
}
