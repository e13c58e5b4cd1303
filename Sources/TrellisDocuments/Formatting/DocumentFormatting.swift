import TrellisCore

/// How numbers and dates read in documents and exports: the same on every server,
/// whatever its locale.
enum DocumentFormatting {
    /// "25", "7.5", "0.25": at most two decimals, no trailing zeros, a dot as separator.
    static func hours(_ value: Double) -> String {
        let hundredths = (value * 100).rounded()
        let whole = Int(hundredths / 100)
        let fraction = Int(abs(hundredths).truncatingRemainder(dividingBy: 100))
        let sign = hundredths < 0 && whole == 0 ? "-" : ""
        guard fraction != 0 else { return "\(sign)\(whole)" }
        let digits = fraction % 10 == 0 ? "\(fraction / 10)" : (fraction < 10 ? "0\(fraction)" : "\(fraction)")
        return "\(sign)\(whole).\(digits)"
    }

    /// "June 3, 2026", or `missing` when there is no date.
    static func date(_ value: CalendarDate?, missing: String = "—") -> String {
        value?.longForm ?? missing
    }

    /// The text, or `missing` when it is only whitespace.
    static func text(_ value: String, missing: String = "Not written yet") -> String {
        value.allSatisfy(\.isWhitespace) ? missing : value
    }
}
