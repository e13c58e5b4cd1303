/// An area of learning that renewal rules may ask for a share of: STEM integration, equity-based
/// practice, leadership, government-to-government relations with tribes, and so on.
///
/// Clock-hour entries and PGP goals are tagged with focus categories; a `FocusRequirement`
/// counts the hours tagged with its category.
///
/// A string-backed struct rather than a closed enum: renewal rules are data, and another
/// state's rules name areas Washington's don't (e.g. "suicide_prevention"). A rule set can name
/// such a category in its JSON without a code change; the built-in ones carry curated labels,
/// any other gets a label made from its slug.
public struct FocusCategory: RawRepresentable, Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// A stable slug: lowercase ASCII letters, digits and underscores, e.g. "equity_based_practice".
    public let rawValue: String

    /// Nil unless `rawValue` is a slug, so stored values and URLs never hold spaces or capitals.
    public init?(rawValue: String) {
        guard !rawValue.isEmpty, rawValue.count <= 60,
              rawValue.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }),
              rawValue.first != "_", rawValue.last != "_"
        else { return nil }
        self.rawValue = rawValue
    }

    private init(builtIn rawValue: String) { self.rawValue = rawValue }

    /// STEM integration: Washington asks it of certificates with STEM-related endorsements.
    public static let stem = FocusCategory(builtIn: "stem")
    /// Equity-based practice, e.g. aligned to the cultural competency, diversity, equity and
    /// inclusion (CCDEI) standards.
    public static let equityBasedPractice = FocusCategory(builtIn: "equity_based_practice")
    /// Leadership standards, asked of administrators.
    public static let leadership = FocusCategory(builtIn: "leadership")
    /// Government-to-government relations with federally recognized tribes.
    public static let tribalRelations = FocusCategory(builtIn: "tribal_relations")
    /// Learning that fits none of the named areas.
    public static let other = FocusCategory(builtIn: "other")

    /// The categories every district offers as tags, in the order forms list them. A district's
    /// rule sets may add more (`RenewalRuleSet.focusCategories`).
    public static let builtIn: [FocusCategory] = [.stem, .equityBasedPractice, .leadership, .tribalRelations, .other]

    /// The name on a checkbox or a column: "Equity-based practice".
    public var label: String {
        let phrase = inSentence
        return phrase.prefix(1).uppercased() + phrase.dropFirst()
    }

    /// The name inside a sentence: "7.5 more hours in equity-based practice".
    public var inSentence: String {
        switch rawValue {
        case Self.stem.rawValue: "STEM integration"
        case Self.equityBasedPractice.rawValue: "equity-based practice"
        case Self.leadership.rawValue: "leadership standards"
        case Self.tribalRelations.rawValue: "government-to-government relations with tribes"
        case Self.other.rawValue: "other learning"
        default: String(rawValue.map { $0 == "_" ? " " : $0 })
        }
    }

    public var description: String { rawValue }

    public static func < (lhs: FocusCategory, rhs: FocusCategory) -> Bool {
        // Built-in categories first in their form order, then the rest alphabetically, so lists
        // of tags read the same on every page.
        let left = builtIn.firstIndex(of: lhs) ?? builtIn.count, right = builtIn.firstIndex(of: rhs) ?? builtIn.count
        return (left, lhs.rawValue) < (right, rhs.rawValue)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let category = FocusCategory(rawValue: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a focus category slug: \(text)"))
        }
        self = category
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
