import Foundation

/// Turns free text into the terms the standard suggester compares: lower-cased words,
/// common English words dropped, each word reduced to its stem.
public enum SearchTerms {
    /// Words too common in goal statements to say anything about which standard a goal
    /// serves. Kept small on purpose: "student", "learning" and "use" stay, because the
    /// ranking's inverse document frequency already discounts words every standard shares.
    public static let stopWords: Set<String> = [
        "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "been", "before", "being", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "during", "each", "every", "for", "from", "had", "has", "have",
        "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is",
        "it", "its", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "of",
        "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own",
        "per", "same", "she", "should", "so", "some", "such", "than", "that", "the",
        "their", "theirs", "them", "then", "there", "these", "they", "this", "those",
        "through", "to", "too", "under", "until", "up", "us", "very", "was", "we", "were",
        "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
        "would", "year", "you", "your", "yours",
    ]

    /// The lower-case words of a text, split at anything that is not a letter or digit.
    /// Single characters are dropped (the "s" of "teacher's" says nothing).
    public static func words(in text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.filter { $0.count > 1 }
    }

    /// The stemmed words of a text without stop words, in order and with repeats, since
    /// repeats count for term frequency.
    public static func terms(in text: String) -> [String] {
        words(in: text).filter { !stopWords.contains($0) }.map(EnglishStemmer.stem)
    }

    /// The terms of a goal text used to search: the known codes written in it, such as
    /// "WA-T-6" or "ISTE-C-3d" (lower-cased, whole), and the stemmed words of the rest.
    /// A code's parts ("iste", "3d") are not searched as words: they would match other
    /// standards that merely mention ISTE. `knownCodes` are lower-case.
    public static func queryTerms(in text: String, knownCodes: Set<String>) -> [String] {
        var codes: [String] = []
        var rest: [Substring] = []
        for chunk in text.split(whereSeparator: \.isWhitespace) {
            let candidate = chunk.lowercased().trimmingCharacters(in: codeTrimming)
            if knownCodes.contains(candidate) {
                codes.append(candidate)
            } else {
                rest.append(chunk)
            }
        }
        return codes + terms(in: rest.joined(separator: " "))
    }

    /// Punctuation that may surround a code in a sentence: "(WA-T-6)," or "ISTE-C-3d.".
    private static let codeTrimming = CharacterSet(charactersIn: ".,;:!?\"'()[]")
}
