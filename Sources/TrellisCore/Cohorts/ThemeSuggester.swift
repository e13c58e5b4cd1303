import Foundation

/// A group of visioning statements that read alike, offered to the facilitator as a possible theme.
public struct SuggestedTheme: Sendable, Hashable {
    /// In the order the statements were given.
    public let statementIDs: [VisioningStatement.ID]
    /// The words the statements share most, as people wrote them (not stems), strongest first: a start for a title.
    public let keyWords: [String]
}

/// Suggests groupings of similar visioning statements, so a facilitator facing forty cards starts from a few piles.
/// The facilitator decides; nothing is grouped without them.
///
/// Statements become term vectors the way standard suggestions read goals (`SearchTerms`: stemmed words without stop
/// words), weighted by BM25's saturated term frequency and its "+1" inverse document frequency, and are compared by
/// cosine similarity. Average-link clustering then merges the most similar piles while they are alike enough, until
/// `groups` piles with more than one statement remain. Pure and deterministic: ties go to the earlier statements.
public enum ThemeSuggester {
    /// Two piles merge only when their statements are at least this alike on average: below it, they share a word by chance.
    public static let minimumSimilarity = 0.12

    public static func suggestions(for statements: [VisioningStatement], groups: Int = 3) -> [SuggestedTheme] {
        guard groups > 0, statements.count > 1 else { return [] }
        let vectors = weightedVectors(statements.map(\.text))
        var similarity = [[Double]](repeating: [Double](repeating: 0, count: vectors.count), count: vectors.count)
        for i in vectors.indices {
            for j in vectors.indices where j > i {
                let value = cosine(vectors[i], vectors[j])
                similarity[i][j] = value
                similarity[j][i] = value
            }
        }
        var piles = vectors.indices.filter { !vectors[$0].isEmpty }.map { [$0] }
        while true {
            // Two piles of several statements merge only while there are more piles than asked for: at the target
            // number, the rest of the work is finding a home for statements still standing alone.
            let grouped = piles.filter { $0.count > 1 }.count
            var best: (a: Int, b: Int, score: Double)?
            for a in piles.indices {
                for b in piles.indices where b > a {
                    if grouped <= groups, piles[a].count > 1, piles[b].count > 1 { continue }
                    let score = averageLink(piles[a], piles[b], similarity)
                    if score >= minimumSimilarity, score > (best?.score ?? 0) { best = (a, b, score) }
                }
            }
            guard let best else { break }
            piles[best.a] = (piles[best.a] + piles[best.b]).sorted()
            piles.remove(at: best.b)
        }
        let ranked = piles.filter { $0.count > 1 }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
            .prefix(groups)
        return ranked.map { pile in
            SuggestedTheme(statementIDs: pile.map { statements[$0].id }, keyWords: keyWords(pile.map { statements[$0].text }))
        }
    }

    /// Each text's terms weighted as BM25 weighs a query term in a document, without length normalization
    /// (statements are all short).
    static func weightedVectors(_ texts: [String]) -> [[String: Double]] {
        let counts = texts.map { text in SearchTerms.terms(in: text).reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 } }
        var documentFrequency: [String: Int] = [:]
        for document in counts { for term in document.keys { documentFrequency[term, default: 0] += 1 } }
        let total = Double(texts.count)
        let k1 = StandardSuggester.k1
        return counts.map { document in
            document.reduce(into: [String: Double]()) { vector, entry in
                let containing = Double(documentFrequency[entry.key] ?? 1)
                let idf = log(1 + (total - containing + 0.5) / (containing + 0.5))
                let frequency = Double(entry.value)
                vector[entry.key] = idf * frequency * (k1 + 1) / (frequency + k1)
            }
        }
    }

    static func cosine(_ a: [String: Double], _ b: [String: Double]) -> Double {
        let dot = a.reduce(0.0) { $0 + $1.value * (b[$1.key] ?? 0) }
        let norms = sqrt(a.values.reduce(0) { $0 + $1 * $1 }) * sqrt(b.values.reduce(0) { $0 + $1 * $1 })
        return norms > 0 ? dot / norms : 0
    }

    static func averageLink(_ a: [Int], _ b: [Int], _ similarity: [[Double]]) -> Double {
        var sum = 0.0
        for i in a { for j in b { sum += similarity[i][j] } }
        return sum / Double(a.count * b.count)
    }

    /// The stems most of the pile's statements share, each shown as the word written most often for it.
    static func keyWords(_ texts: [String], limit: Int = 3) -> [String] {
        var statementsWith: [String: Int] = [:]
        var spellings: [String: [String: Int]] = [:]
        for text in texts {
            var seen: Set<String> = []
            for word in SearchTerms.words(in: text) where !SearchTerms.stopWords.contains(word) {
                let stem = EnglishStemmer.stem(word)
                spellings[stem, default: [:]][word, default: 0] += 1
                if seen.insert(stem).inserted { statementsWith[stem, default: 0] += 1 }
            }
        }
        return statementsWith.filter { $0.value > 1 }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(limit)
            .compactMap { stem, _ in
                spellings[stem]?.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first?.key
            }
    }
}
