import TrellisCore
import TrellisServices

/// The trial form's data: every field with what was typed and its message, in the order the page shows them.
struct TrialFormView {
    let heading: String
    let errorSummary: ErrorSummary?
    let action: String
    let backPath: String
    let submit: String
    let version: String
    let tool: ChoiceView
    let educators: CheckboxGroupView
    let goal: FieldView
    let question: FieldView
    let measure: FieldView
    let baseline: FieldView
    let baselineUnit: FieldView
    let result: FieldView
    let resultUnit: FieldView
    let startsOn: FieldView
    let endsOn: FieldView
    let students: FieldView
    let teacherVoice: FieldView
    let studentVoice: FieldView
    let verdict: ChoiceView
    let evidence: CheckboxGroupView?
    let notes: FieldView
    let visibility: ChoiceView

    init(form: TrialForm, errors: FieldErrors, notice: String?, trial: EfficacyTrial.ID?, tools: [DigitalTool],
         educators: [EfficacyTrialService.Choice], evidence: [EfficacyTrialService.Choice]) {
        heading = trial == nil ? "Start an efficacy trial" : "Change the trial"
        action = trial.map { SiteRoute.trialPart($0, "edit").path } ?? SiteRoute.trials.path
        backPath = trial.map { SiteRoute.trial($0).path } ?? SiteRoute.trials.path
        submit = trial == nil ? "Start the trial" : "Save the trial"
        version = form.version.map(String.init) ?? ""
        tool = ChoiceView(name: "tool", label: "Tool", options: [("", "Choose an approved tool…")] + tools.map { ($0.id.rawValue, $0.name) },
                          chosen: form.tool, errors: errors)
        self.educators = CheckboxGroupView(name: "educators", label: "Educators in the trial", options: educators.map { ($0.id, $0.label) },
                                           checked: form.educators, errors: errors, hint: "The people you coach. Each sees the whole trial and may write in it.")
        goal = FieldView(name: "goal", label: "Goal", value: form.goal, errors: errors, hint: "The goal the trial serves, in a sentence.")
        question = FieldView(name: "question", label: "Question", value: form.question, errors: errors,
                             hint: "What the trial should find out, e.g. “Do daily warm-ups raise exit-ticket scores?”")
        measure = FieldView(name: "measure", label: "Measure", value: form.measure, errors: errors,
                            hint: "What you measure before and after, e.g. “Exit-ticket score”. Needed for a result.", required: false)
        baseline = FieldView(name: "baseline", label: "Baseline (optional)", value: form.baseline, errors: errors, required: false)
        baselineUnit = FieldView(name: "baseline_unit", label: "Baseline unit", value: form.baselineUnit, errors: errors,
                                 hint: "e.g. %, points, minutes.", required: false)
        result = FieldView(name: "result", label: "Result (optional)", value: form.result, errors: errors, required: false)
        resultUnit = FieldView(name: "result_unit", label: "Result unit", value: form.resultUnit, errors: errors, required: false)
        startsOn = FieldView(name: "starts_on", label: "Starts", type: "date", value: form.startsOn, errors: errors)
        endsOn = FieldView(name: "ends_on", label: "Ends (optional)", type: "date", value: form.endsOn, errors: errors, required: false)
        students = FieldView(name: "students", label: "Number of students (optional)", type: "text", value: form.students, errors: errors,
                             required: false)
        teacherVoice = FieldView(name: "teacher_voice", label: "What teachers said (optional)", type: "textarea", value: form.teacherVoice,
                                 errors: errors, required: false)
        studentVoice = FieldView(name: "student_voice", label: "What students said (optional)", type: "textarea", value: form.studentVoice,
                                 errors: errors, required: false)
        verdict = ChoiceView(name: "verdict", label: "Verdict",
                             options: ToolText.options(EfficacyTrial.Verdict.self, blank: "None yet: the trial is running") { $0.label },
                             chosen: form.verdict, errors: errors)
        self.evidence = trial == nil ? nil : CheckboxGroupView(name: "evidence", label: "Evidence from the educators' plans",
                                                               options: evidence.map { ($0.id, $0.label) }, checked: form.evidence, errors: errors,
                                                               hint: "Only plans shared with you are listed.")
        notes = FieldView(name: "notes", label: "Working notes (optional)", type: "textarea", value: form.notes, errors: errors,
                          hint: "For the people in the trial only: never in the summary or the adoption view.", required: false, rows: 4)
        visibility = ChoiceView(name: "visibility", label: "Who sees the summary",
                                options: ToolText.options(EfficacyTrial.Visibility.self, blank: nil) { $0.label }, chosen: form.visibility,
                                errors: errors, hint: "The summary is the question, measure, numbers, dates and verdict. Notes and what people said stay here.")
        errorSummary = ErrorSummary(notice: notice, [
            tool.summaryItem, self.educators.summaryItem, ErrorSummary.field(goal), ErrorSummary.field(question), ErrorSummary.field(measure),
            ErrorSummary.field(baseline), ErrorSummary.field(baselineUnit), ErrorSummary.field(result), ErrorSummary.field(resultUnit),
            ErrorSummary.field(startsOn), ErrorSummary.field(endsOn), ErrorSummary.field(students), ErrorSummary.field(teacherVoice),
            ErrorSummary.field(studentVoice), verdict.summaryItem, self.evidence?.summaryItem, ErrorSummary.field(notes), visibility.summaryItem,
        ])
    }
}
