/// A Washington educator certificate number, as OSPI's E-Certification shows it.
///
/// What is known: OSPI numbers certificates with a run of digits, six or seven long today
/// ("412345"), and certificates and verification forms often show them with one trailing
/// letter ("412345F"). Older documents and other offices pad or extend the number, so the
/// check is liberal within reason: 6 to 10 digits, optionally followed by one letter. The
/// letter is kept, upper-cased, because it is part of what is printed on the certificate.
///
/// Spaces and hyphens people type as separators ("412 345", "412345-f") are dropped, so the
/// stored form is canonical and two spellings of one number compare equal. Anything else (a
/// name, an email address, five digits, letters in the middle) is refused with
/// `formatMessage`: a reviewer's signature must name a real certificate.
public struct CertificateNumber: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The canonical form: digits, then at most one upper-case letter.
    public let rawValue: String

    /// The lengths accepted for the digits.
    public static let digitCount = 6...10

    /// Shown next to the field when a number is refused.
    public static let formatMessage =
        "Enter a Washington certificate number: 6 to 10 digits, sometimes followed by one letter, such as 412345F."

    /// The number, or nil when `rawValue` is not one (after dropping separators).
    public init?(rawValue: String) {
        let compact = rawValue.trimmingWhitespace().filter { $0 != " " && $0 != "-" }
        var digits = Substring(compact), suffix = ""
        if let last = digits.last, last.isASCII, last.isLetter {
            suffix = last.uppercased()
            digits = digits.dropLast()
        }
        guard Self.digitCount.contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        self.rawValue = String(digits) + suffix
    }

    /// The number, or the message to show at the field.
    public static func parse(_ text: String) -> Result<CertificateNumber, InputProblem> {
        CertificateNumber(rawValue: text).map { .success($0) } ?? .failure(InputProblem(formatMessage))
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let number = CertificateNumber(rawValue: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a certificate number: \(text)"))
        }
        self = number
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
