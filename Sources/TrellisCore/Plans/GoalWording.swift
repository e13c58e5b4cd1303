import Foundation

/// What the words of a goal field reveal, for `SMARTFeedback`: numbers, instruments, vague verbs.
///
/// Deliberately simple word lists rather than language analysis: the feedback must be
/// predictable (the same words always give the same notes) and it only suggests, so a
/// missed nuance costs a question, never a refusal.
struct GoalWording {
    /// Lower-case words and numbers, in order. "52%" stays one token; "15-minute" is two.
    let tokens: [String]

    init(_ text: String) {
        var tokens: [String] = []
        var current = ""
        for character in text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'") {
            if character.isLetter || character.isNumber || character == "%" || character == "'" {
                current.append(character)
            } else if !current.isEmpty {
                tokens.append(current)
                current = ""
            }
        }
        if !current.isEmpty { tokens.append(current) }
        self.tokens = tokens
    }

    var wordCount: Int { tokens.count }

    /// Whether the words `phrase` (space-separated, lower case) appear next to each other.
    func contains(_ phrase: String) -> Bool {
        let words = phrase.split(separator: " ").map(String.init)
        guard !words.isEmpty, words.count <= tokens.count else { return false }
        return (0...(tokens.count - words.count)).contains { start in
            Array(tokens[start..<(start + words.count)]) == words
        }
    }

    func containsAny(_ phrases: [String]) -> Bool { phrases.contains(where: contains) }

    /// A number that counts something: "80%", "15", "3.5". Ordinals ("3rd graders"), years
    /// ("2027") and the day after a month name ("May 15") say when or who, not how much.
    var hasQuantity: Bool {
        tokens.indices.contains { index in
            guard Self.isNumber(tokens[index]) else { return false }
            let digits = tokens[index].filter(\.isNumber)
            if digits.count == 4, let year = Int(digits), (1900...2100).contains(year) { return false }
            if index > 0, Self.monthNames.contains(tokens[index - 1]), !tokens[index].hasSuffix("%") { return false }
            return true
        }
    }

    /// A quantity, or a word that sets one ("all", "half", "twice").
    var hasQuantityOrNumberWord: Bool {
        hasQuantity || tokens.contains(where: Self.numberWords.contains)
    }

    var namesInstrument: Bool { containsAny(Self.instrumentPhrases) }
    var hasVaguePhrase: Bool { containsAny(Self.vaguePhrases) }
    var mentionsStudents: Bool { tokens.contains(where: Self.studentWords.contains) }

    /// "I will …", "because I …", "by modeling …": the educator says what they will do.
    var namesTeacherAction: Bool {
        if containsAny(Self.teacherActionPhrases) { return true }
        return tokens.indices.dropLast().contains { tokens[$0] == "by" && tokens[$0 + 1].hasSuffix("ing") }
    }

    /// "up from 52%", "currently 40%": a starting point written into the sentence.
    var statesBaseline: Bool {
        tokens.indices.contains { index in
            guard Self.baselineMarkers.contains(tokens[index]) else { return false }
            return tokens[(index + 1)..<min(index + 4, tokens.count)].contains(where: Self.isNumber)
        }
    }

    private static func isNumber(_ token: String) -> Bool {
        let body = token.hasSuffix("%") ? String(token.dropLast()) : token
        return !body.isEmpty && body.allSatisfy(\.isNumber)
    }

    static let monthNames: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec",
    ]

    static let numberWords: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve",
        "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "half", "all", "every", "each",
        "twice", "double", "triple", "percent",
    ]

    /// Verbs that name a wish rather than a change someone could see.
    static let vaguePhrases = [
        "improve", "improving", "get better", "be better", "better at", "work on", "try to",
        "want to", "hope to", "learn about", "learn more", "focus on", "explore", "understand",
        "enhance", "grow", "become more", "be more", "more comfortable",
    ]

    /// Things people measure with in schools.
    static let instrumentPhrases = [
        "assessment", "assessments", "benchmark", "benchmarks", "test", "tests", "rubric", "rubrics",
        "survey", "surveys", "score", "scores", "quiz", "quizzes", "checklist", "checklists",
        "observation", "observations", "exit ticket", "exit tickets", "portfolio", "portfolios",
        "screener", "screening", "inventory", "running record", "running records", "data", "log",
        "tally", "walkthrough", "walkthroughs", "attendance", "sample", "samples", "referrals",
        "count", "rate", "percent", "percentage", "dibels", "iready", "wcpm", "reading level",
        "reading levels", "grades", "recording", "recordings",
    ]

    static let studentWords: Set<String> = [
        "student", "students", "student's", "students'", "learner", "learners", "kid", "kids",
        "child", "children", "pupil", "pupils", "scholar", "scholars", "class", "classes",
        "grader", "graders", "reader", "readers", "writer", "writers", "mathematicians",
    ]

    static let teacherActionPhrases = [
        "i will", "i'll", "because i", "i plan to", "i am going to", "i'm going to", "through",
    ]

    static let baselineMarkers: Set<String> = ["from", "currently", "baseline", "now", "today"]
}
