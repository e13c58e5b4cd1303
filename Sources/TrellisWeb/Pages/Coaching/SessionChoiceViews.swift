import Hummingbird
import TrellisCore
import TrellisServices

/// A select or a group of radio buttons as the coaching templates show them (`coaching_session_select`,
/// `coaching_session_radios`): label, options with the one chosen, and the field's message when wrong.
struct ChoiceView {
    struct Option {
        let value: String
        let label: String
        let selected: Bool
        /// For radios: the input's own id, so its label points at it.
        let id: String
    }

    let name: String
    let label: String
    let id: String
    let options: [Option]
    let error: String?
    let hint: String?
    let describedBy: String?

    init(name: String, label: String, options: [(value: String, label: String)], chosen: String, errors: FieldErrors, hint: String? = nil,
         idPrefix: String = "field") {
        self.name = name
        self.label = label
        let id = "\(idPrefix)-\(name)"
        self.id = id
        self.options = options.enumerated().map { index, option in
            Option(value: option.value, label: option.label, selected: option.value == chosen, id: "\(id)-\(index + 1)")
        }
        error = errors[name]
        self.hint = hint
        let described = [hint != nil ? "\(id)-hint" : nil, error != nil ? "\(id)-error" : nil].compactMap { $0 }
        describedBy = described.isEmpty ? nil : described.joined(separator: " ")
    }

    /// The visibility choice of a note, observation or feedback, naming the educator: there is no third choice.
    static func visibility(chosen: String, educatorName: String, errors: FieldErrors, label: String = "Who may read it",
                           idPrefix: String = "field") -> ChoiceView {
        ChoiceView(name: "visibility", label: label,
                   options: [(CoachingVisibility.coachOnly.rawValue, "Only me"),
                             (CoachingVisibility.sharedWithEducator.rawValue, "Shared with \(educatorName)")],
                   chosen: chosen, errors: errors, hint: "Leaders and administrators never see coaching notes.", idPrefix: idPrefix)
    }

    var summaryItem: ErrorSummary.Item? { ErrorSummary.field(id: id, error) }
}

/// Reading ids and forms for the coaching pages.
enum CoachingRequest {
    static func id<T>(_ context: TrellisRequestContext) throws -> Identifier<T> {
        Identifier(try context.parameters.require("id"))
    }

    /// The relationship of a `/coaching/relationships/:relationship/…` address; the name is the one every coaching
    /// page uses at that place, since the router tells two names at one place apart by their first registration only.
    static func relationshipID(_ context: TrellisRequestContext) throws -> CoachingRelationship.ID {
        CoachingRelationship.ID(try context.parameters.require("relationship"))
    }

    static func version(_ form: FormData) -> Int? { Int(form["version"]) }

    /// How a person reads a session's time: "October 14, 2026, 9:05 am, 45 minutes".
    static func when(_ timing: SessionTiming) -> String {
        [timing.date.longForm, timing.startsAt?.spoken, minutes(timing.minutes)].compactMap { $0 }.joined(separator: ", ")
    }

    static func minutes(_ count: Int) -> String { count == 1 ? "1 minute" : "\(count) minutes" }

    static func visibilityLabel(_ visibility: CoachingVisibility, educatorName: String) -> String {
        visibility == .coachOnly ? "Only me" : "Shared with \(educatorName)"
    }
}
