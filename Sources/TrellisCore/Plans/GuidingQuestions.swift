/// The questions a coach might ask about each part of a SMART goal, offered with feedback so an
/// educator can think a weakness through instead of being told the answer.
///
/// A value passed in rather than a constant: a district can write its own bank (in its own
/// words, or its own language) and hand it to `SMARTFeedback`.
public struct GuidingQuestions: Sendable, Hashable, Codable {
    /// The questions for each part, most broadly useful first.
    public var questionsByPart: [SMARTPart: [String]]

    public init(_ questionsByPart: [SMARTPart: [String]]) {
        self.questionsByPart = questionsByPart
    }

    /// The questions for `part`, or none if the bank has none.
    public func questions(for part: SMARTPart) -> [String] {
        questionsByPart[part] ?? []
    }

    /// The questions Trellis offers unless a district writes its own: open questions in a
    /// coach's voice, none answerable with yes or no alone.
    public static let standard = GuidingQuestions([
        .specific: [
            "What exactly will be different in your classroom when you reach this goal?",
            "Which students, and which skill or habit, is this goal about?",
            "If a colleague visited at the end of the year, what would they see or hear that's new?",
            "What does \"better\" look like for you here?",
        ],
        .measurable: [
            "What will you look at to know it's working: a score, a count, a rubric, student work?",
            "What number would tell you that you've met your goal?",
            "Where are your students now, and how will you find out?",
            "How often will you check, and what will you write down each time?",
        ],
        .achievable: [
            "What will you do differently, week to week, to get there?",
            "Looking at where your students are now, what is a stretch you can reach this year?",
            "What support, time or resources will you need, and from whom?",
        ],
        .relevant: [
            "How will your students' learning change if you reach this goal?",
            "Which standard or evaluation criterion does this goal help you grow in?",
            "How does this goal connect to your school's or your PLC's goals?",
        ],
        .timeBound: [
            "By when do you want to see this change?",
            "What checkpoints along the way will tell you you're on track?",
            "Does your date leave time to gather evidence and reflect before the year ends?",
        ],
    ])
}
