/// The questions offered to a coach beside the note field of a session: prompts for listening, paraphrasing and
/// collaborating, so notes start from the educator's thinking. A district may write its own bank.
public struct CoachingQuestions: Sendable, Hashable, Codable {
    /// Questions under one heading ("Listening").
    public struct Group: Sendable, Hashable, Codable {
        public var heading: String
        public var questions: [String]

        public init(heading: String, questions: [String]) {
            self.heading = heading
            self.questions = questions
        }
    }

    public var groups: [Group]

    public init(_ groups: [Group]) {
        self.groups = groups
    }

    public static let maximumQuestions = 60
    public static let maximumLength = 300

    /// Trellis's own questions: open questions in a coach's voice, after the seeds' listening and paraphrasing
    /// practice and the four indicators of ISTE Standards for Coaches 3 (Collaborator).
    public static let standard = CoachingQuestions([
        Group(heading: "Listening", questions: [
            "What is on your mind about this lesson?",
            "What would you like me to notice when I visit?",
            "What matters most to you about this goal right now?",
            "Tell me more about what you saw your students do.",
        ]),
        Group(heading: "Paraphrasing", questions: [
            "So you are noticing that… Did I hear that right?",
            "It sounds like you value… What would that look like with your students?",
            "What I hear is that… What did I miss?",
        ]),
        Group(heading: "Collaborating (ISTE Standards for Coaches 3)", questions: [
            "What would make it feel safe to try a new strategy with your class?",
            "Which digital content would fit your students' cultures, ages and standards?",
            "How will we know whether this tool is worth keeping, and who should hear what we find?",
            "What would you like me to model, and what will you watch for while I do?",
        ]),
    ])

    /// The bank as the text of its box: a heading line starting with "# ", then its questions, one a line.
    public var text: String {
        groups.map { (["# \($0.heading)"] + $0.questions).joined(separator: "\n") }.joined(separator: "\n\n")
    }

    /// A bank from the text of the box. Lines starting with "#" begin a group; questions before any heading are
    /// under "Questions". Blank lines are skipped. Too many or too long questions are refused, naming the line.
    public static func parse(_ text: String) throws -> CoachingQuestions {
        var groups: [Group] = []
        var count = 0
        for (index, row) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = String(row).trimmingWhitespace()
            guard !line.isEmpty else { continue }
            if line.hasPrefix("#") {
                let heading = String(line.drop { $0 == "#" }).trimmingWhitespace()
                if heading.isEmpty || heading.count > 120 {
                    throw FieldErrors(fieldName, "Line \(index + 1): write a short heading after the #, e.g. “# Listening”.")
                }
                groups.append(Group(heading: heading, questions: []))
                continue
            }
            if line.count > maximumLength {
                throw FieldErrors(fieldName, "Line \(index + 1) is longer than \(maximumLength) characters. Shorten it or split it in two.")
            }
            if groups.isEmpty { groups.append(Group(heading: "Questions", questions: [])) }
            groups[groups.count - 1].questions.append(line)
            count += 1
        }
        if count > maximumQuestions {
            throw FieldErrors(fieldName, "Keep it to \(maximumQuestions) questions or fewer; this has \(count).")
        }
        return CoachingQuestions(groups.filter { !$0.questions.isEmpty })
    }

    /// The form field holding the bank's text.
    public static let fieldName = "questions"
}
