import Foundation

/// A district writes its own bank as plain text: one box per SMART part, one question per line.
extension GuidingQuestions {
    /// Enough for variety; more would never be read (a note shows at most three).
    public static let maximumPerPart = 12
    /// About two sentences: a question longer than this is a paragraph, not a question.
    public static let maximumLength = 300

    /// The form field for `part`'s questions, e.g. `questions_time_bound`.
    public static func fieldName(for part: SMARTPart) -> String { "questions_\(part.rawValue)" }

    /// The questions of `part` as the text of its box.
    public func text(for part: SMARTPart) -> String {
        questions(for: part).joined(separator: "\n")
    }

    /// A bank from the text typed for each part. Blank lines are skipped and spaces trimmed; a part may be left
    /// empty (its notes then come without questions). Too many or too long questions are refused with a
    /// message at that part's box, and nothing is kept.
    public static func parse(_ textByPart: [SMARTPart: String]) throws -> GuidingQuestions {
        var errors = FieldErrors()
        var bank: [SMARTPart: [String]] = [:]
        for part in SMARTPart.allCases {
            let lines = (textByPart[part] ?? "").split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            if lines.count > maximumPerPart {
                errors[fieldName(for: part)] = "Keep it to \(maximumPerPart) questions or fewer; this box has \(lines.count)."
            } else if let long = lines.firstIndex(where: { $0.count > maximumLength }) {
                errors[fieldName(for: part)] = "Question \(long + 1) is longer than \(maximumLength) characters. Shorten it or split it in two."
            }
            bank[part] = lines
        }
        try errors.throwIfAny()
        return GuidingQuestions(bank)
    }
}
