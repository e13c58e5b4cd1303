import Foundation
import TrellisCore

/// What a person typed into a trial's form, kept as typed so nothing is lost on a mistake.
public struct TrialForm: Sendable, Hashable {
    public var tool = ""
    public var educators: [String] = []
    public var cycle = ""
    public var goal = ""
    public var question = ""
    public var measure = ""
    public var baseline = ""
    public var baselineUnit = ""
    public var result = ""
    public var resultUnit = ""
    public var startsOn = ""
    public var endsOn = ""
    public var students = ""
    public var teacherVoice = ""
    public var studentVoice = ""
    public var verdict = ""
    /// "<plan id>/<evidence id>" for each piece of plan evidence attached.
    public var evidence: [String] = []
    public var notes = ""
    public var visibility = EfficacyTrial.Visibility.coachOnly.rawValue
    public var version: Int?

    public init() {}

    public init(_ trial: EfficacyTrial) {
        tool = trial.toolID.rawValue
        educators = trial.educatorIDs.map(\.rawValue)
        cycle = trial.cycleID?.rawValue ?? ""
        goal = trial.goal
        question = trial.question
        measure = trial.measure
        baseline = trial.baseline.map { Quantity.text($0.value) } ?? ""
        baselineUnit = trial.baseline?.unit ?? ""
        result = trial.result.map { Quantity.text($0.value) } ?? ""
        resultUnit = trial.result?.unit ?? ""
        startsOn = trial.startsOn.iso
        endsOn = trial.endsOn?.iso ?? ""
        students = trial.studentCount.map(String.init) ?? ""
        teacherVoice = trial.teacherVoice
        studentVoice = trial.studentVoice
        verdict = trial.verdict?.rawValue ?? ""
        evidence = trial.evidence.map(Self.evidenceKey)
        notes = trial.notes
        visibility = trial.visibility.rawValue
    }

    static func evidenceKey(_ reference: EvidenceReference) -> String { "\(reference.planID)/\(reference.evidenceID)" }

    static let lineLimit = 300
    static let longLimit = 4000

    /// The parts of the form that need nothing but the form itself, written into `trial`; mistakes go into `errors`
    /// at their fields. The tool, the educators and the evidence are the service's, which checks them against the district.
    func applyText(to trial: inout EfficacyTrial, errors: inout FieldErrors) {
        func line(_ value: String, _ field: String, required: String? = nil) -> String {
            let text = value.trimmingWhitespace()
            if text.isEmpty, let required { errors[field] = required }
            if text.count > Self.lineLimit { errors[field] = "Keep this under \(Self.lineLimit) characters; it has \(text.count)." }
            return text
        }
        func long(_ value: String, _ field: String) -> String {
            let text = value.trimmingWhitespace()
            if text.count > Self.longLimit { errors[field] = "Keep this under \(Self.longLimit) characters; it has \(text.count)." }
            return text
        }
        trial.goal = line(goal, "goal", required: "Say which goal the trial serves, e.g. “Students explain fractions on a number line”.")
        trial.question = line(question, "question", required: "Enter the question the trial answers, e.g. “Do daily number-line warm-ups raise exit-ticket scores?”")
        trial.measure = line(measure, "measure")
        trial.baseline = quantity(baseline, baselineUnit, "baseline", errors: &errors)
        trial.result = quantity(result, resultUnit, "result", errors: &errors)
        if trial.result != nil, trial.measure.isEmpty, errors["measure"] == nil {
            errors["measure"] = "Say what was measured: a result without a measure cannot be compared with anything."
        }
        let starts = CalendarDate(iso: startsOn.trimmingWhitespace())
        if let starts { trial.startsOn = starts }
        else { errors["starts_on"] = startsOn.trimmingWhitespace().isEmpty ? "Enter the day the trial starts." : "Enter the date as YYYY-MM-DD, e.g. 2026-10-14." }
        trial.endsOn = nil
        if !endsOn.trimmingWhitespace().isEmpty {
            if let ends = CalendarDate(iso: endsOn.trimmingWhitespace()) {
                if let starts, ends < starts { errors["ends_on"] = "The trial ends before it starts. Check the end date." }
                trial.endsOn = ends
            } else {
                errors["ends_on"] = "Enter the date as YYYY-MM-DD, e.g. 2026-12-18."
            }
        }
        trial.studentCount = nil
        let studentText = students.trimmingWhitespace()
        if !studentText.isEmpty {
            if let count = Int(studentText), (0...100_000).contains(count) { trial.studentCount = count }
            else { errors["students"] = "Enter the number of students as a whole number, e.g. 24." }
        }
        trial.teacherVoice = long(teacherVoice, "teacher_voice")
        trial.studentVoice = long(studentVoice, "student_voice")
        trial.notes = long(notes, "notes")
        if verdict.isEmpty { trial.verdict = nil }
        else if let verdict = EfficacyTrial.Verdict(rawValue: verdict) { trial.verdict = verdict }
        else { errors["verdict"] = "Choose a verdict from the list, or none while the trial runs." }
        if let visibility = EfficacyTrial.Visibility(rawValue: visibility) { trial.visibility = visibility }
        else { errors["visibility"] = "Choose who may see the summary." }
    }

    /// A number with its unit, nil when both are empty.
    private func quantity(_ number: String, _ unit: String, _ field: String, errors: inout FieldErrors) -> Quantity? {
        let numberText = number.trimmingWhitespace(), unitText = unit.trimmingWhitespace()
        guard !numberText.isEmpty || !unitText.isEmpty else { return nil }
        guard let value = Quantity.number(numberText) else {
            errors[field] = numberText.isEmpty ? "Enter the number, or clear the unit." : "Enter a number, e.g. 62 or 14.5, and the unit beside it."
            return nil
        }
        guard !unitText.isEmpty else {
            errors["\(field)_unit"] = "Enter the unit, e.g. “%”, “points” or “minutes”."
            return nil
        }
        if unitText.count > 40 { errors["\(field)_unit"] = "Keep the unit under 40 characters." }
        return Quantity(value: value, unit: unitText)
    }
}
