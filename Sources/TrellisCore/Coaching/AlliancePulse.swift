import Foundation

/// Four short statements an educator may answer after a feedback conversation, on a 5-point scale, so the coach
/// can see whether the working alliance holds. Only the coach and that educator ever see the answers.
public enum AlliancePulse {
    public static let statements = [
        "My coach and I agree on what I am working on.",
        "I trust my coach with what is hard for me.",
        "Our sessions help me try new things in my classroom.",
        "I feel respected by my coach as a professional.",
    ]

    public static let scale = 1...5

    public static let scaleLabels = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]

    /// Reads the four answers of a form (`answer1` … `answer4`); every one is required and must be 1 to 5.
    public static func parse(_ texts: [String]) -> Result<[Int], FieldErrors> {
        var errors = FieldErrors()
        var answers: [Int] = []
        for index in statements.indices {
            let text = index < texts.count ? texts[index].trimmingWhitespace() : ""
            if let value = Int(text), scale.contains(value) {
                answers.append(value)
            } else {
                errors["answer\(index + 1)"] = text.isEmpty ? "Choose an answer from 1 to 5." : "Answers go from 1 (strongly disagree) to 5 (strongly agree)."
            }
        }
        return errors.isEmpty ? .success(answers) : .failure(errors)
    }
}

/// One educator's answers after one feedback conversation.
public struct AllianceAnswers: Sendable, Hashable, Codable {
    public var sessionID: CoachingSession.ID
    public var answeredOn: CalendarDate
    /// One per statement, 1 to 5, in the order of `AlliancePulse.statements`.
    public var answers: [Int]

    public init(sessionID: CoachingSession.ID, answeredOn: CalendarDate, answers: [Int]) {
        self.sessionID = sessionID
        self.answeredOn = answeredOn
        self.answers = answers
    }

    /// The mean of the four answers, 1 to 5.
    public var average: Double { answers.isEmpty ? 0 : Double(answers.reduce(0, +)) / Double(answers.count) }
}

/// How the alliance is going across a relationship, for the coach: each answer set in time order, and the change
/// per statement from the first answer to the latest.
public struct AllianceTrend: Sendable, Hashable {
    public let points: [AllianceAnswers]

    public init(_ answers: [AllianceAnswers]) {
        points = answers.sorted { $0.answeredOn < $1.answeredOn }
    }

    public var latest: AllianceAnswers? { points.last }

    /// Latest minus first, per statement; nil until there are two answer sets.
    public var change: [Int]? {
        guard points.count >= 2, let first = points.first, let last = points.last else { return nil }
        return zip(first.answers, last.answers).map { $1 - $0 }
    }
}
