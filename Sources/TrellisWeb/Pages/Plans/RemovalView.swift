import Foundation
import TrellisServices

/// "Remove this?" asked on a page of its own before a goal, an action step or a piece of evidence goes: a remove
/// button only leads here, so one slip of a finger deletes nothing, and no script is needed to ask.
struct RemovalView {
    let header: PlanHeader
    let errorSummary: ErrorSummary?
    /// The question, e.g. "Remove goal 2: ‘Read aloud daily’?"
    let question: String
    /// What goes with it, e.g. "Its action steps and alignment go with it."
    let consequence: String
    let action: String
    let version: Int
    let removeLabel: String
    let keepPath: String

    init(_ loaded: PlanService.Loaded, current: PlanHeader.Section, question: String, consequence: String, action: String,
         removeLabel: String, keepPath: String, notice: String? = nil) {
        header = PlanHeader(loaded, current: current)
        errorSummary = ErrorSummary(notice: notice)
        self.question = question
        self.consequence = consequence
        self.action = action
        version = loaded.version
        self.removeLabel = removeLabel
        self.keepPath = keepPath
    }

    /// A person's words quoted in a question, shortened so a long goal still makes a short question.
    static func quote(_ text: String, limit: Int = 120) -> String {
        let trimmed = text.count > limit ? String(text.prefix(limit - 1)).trimmingCharacters(in: .whitespaces) + "…" : text
        return "‘\(trimmed)’"
    }
}
