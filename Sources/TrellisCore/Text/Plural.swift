/// A number with its noun in the right form, so no page says "1 standards".
public enum Plural {
    /// "1 standard", "0 standards", "3 people" (with `plural`: "people").
    public static func count(_ number: Int, _ singular: String, plural: String? = nil) -> String {
        "\(number) \(noun(number, singular, plural: plural))"
    }

    /// Only the noun: "standard" for 1, otherwise the plural (`singular` + "s" unless given).
    public static func noun(_ number: Int, _ singular: String, plural: String? = nil) -> String {
        number == 1 ? singular : plural ?? singular + "s"
    }
}
