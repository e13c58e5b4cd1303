import Foundation

/// A standard offered for a goal, with how well it matched.
public struct StandardSuggestion: Sendable, Hashable, Codable {
    public var standard: Standard
    /// The BM25 score: higher is a better match. Only comparable within one call.
    public var score: Double

    public init(standard: Standard, score: Double) {
        self.standard = standard
        self.score = score
    }
}

/// Suggests the standards a goal most likely serves, so an educator aligning a goal starts
/// from a short list instead of scrolling a framework.
///
/// Ranking is Okapi BM25 over each standard's code, title and description, on stemmed words
/// without stop words. It is pure and deterministic: the same text and standards always
/// give the same suggestions in the same order.
public enum StandardSuggester {
    /// BM25's term-frequency saturation and length normalization, at their usual values.
    static let k1 = 1.2
    static let b = 0.75
    /// Title words count twice: a title is what a standard is about, a description says more.
    static let titleWeight = 2

    /// The standards that best match `goalText`, best first, at most `limit` of them.
    ///
    /// Retired standards are never suggested. Standards that share no term with the text are
    /// left out, so text with no meaningful words gives no suggestions. Equal scores are
    /// ordered by code, then identifier.
    public static func suggestions(
        for goalText: String,
        among standards: [Standard],
        limit: Int = 3
    ) -> [StandardSuggestion] {
        let candidates = standards.filter { !$0.isRetired }
        let codes = Set(candidates.map { $0.code.lowercased() })
        let queryTerms = Set(SearchTerms.queryTerms(in: goalText, knownCodes: codes))
        guard limit > 0, !queryTerms.isEmpty, !candidates.isEmpty else { return [] }

        let documents = candidates.map(termCounts)
        let lengths = documents.map { Double($0.values.reduce(0, +)) }
        let averageLength = max(lengths.reduce(0, +) / Double(documents.count), 1)
        var documentFrequency: [String: Int] = [:]
        for document in documents {
            for term in document.keys where queryTerms.contains(term) {
                documentFrequency[term, default: 0] += 1
            }
        }

        let count = Double(documents.count)
        var suggestions: [StandardSuggestion] = []
        for (index, document) in documents.enumerated() {
            var score = 0.0
            for term in queryTerms {
                guard let frequency = document[term].map(Double.init),
                      let containing = documentFrequency[term].map(Double.init) else { continue }
                // The "+1" form of IDF never goes negative, so a word shared by most
                // standards still helps a little instead of counting against them.
                let idf = log(1 + (count - containing + 0.5) / (containing + 0.5))
                let norm = k1 * (1 - b + b * lengths[index] / averageLength)
                score += idf * frequency * (k1 + 1) / (frequency + norm)
            }
            if score > 0 {
                suggestions.append(StandardSuggestion(standard: candidates[index], score: score))
            }
        }
        suggestions.sort { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            if lhs.standard.code != rhs.standard.code { return lhs.standard.code < rhs.standard.code }
            return lhs.standard.identifier < rhs.standard.identifier
        }
        return Array(suggestions.prefix(limit))
    }

    private static func termCounts(of standard: Standard) -> [String: Int] {
        var counts: [String: Int] = [standard.code.lowercased(): 1]
        for term in SearchTerms.terms(in: standard.title) {
            counts[term, default: 0] += titleWeight
        }
        for term in SearchTerms.terms(in: standard.description ?? "") {
            counts[term, default: 0] += 1
        }
        return counts
    }
}
