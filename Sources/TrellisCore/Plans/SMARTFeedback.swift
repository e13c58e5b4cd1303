/// The five qualities of a well-formed goal.
public enum SMARTPart: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable {
    case specific
    case measurable
    case achievable
    case relevant
    case timeBound = "time_bound"

    /// The name shown to people.
    public var label: String {
        switch self {
        case .specific: "Specific"
        case .measurable: "Measurable"
        case .achievable: "Achievable"
        case .relevant: "Relevant"
        case .timeBound: "Time-bound"
        }
    }
}

/// One thing `SMARTFeedback` can notice about a goal. Stable codes, so pages can place a note
/// next to the field it is about and tests can name what they expect.
public enum SMARTWeakness: String, Sendable, Hashable, Codable, CaseIterable {
    case noStatement = "no_statement"
    case vagueStatement = "vague_statement"
    case shortStatement = "short_statement"
    case noMeasure = "no_measure"
    case measureWithoutInstrument = "measure_without_instrument"
    case noTarget = "no_target"
    case targetWithoutNumber = "target_without_number"
    case noTeacherAction = "no_teacher_action"
    case noBaseline = "no_baseline"
    case noStudentOutcome = "no_student_outcome"
    case noAlignedStandard = "no_aligned_standard"
    case noTargetDate = "no_target_date"
    case targetDateOutsideSchoolYear = "target_date_outside_school_year"

    public var part: SMARTPart {
        switch self {
        case .noStatement, .vagueStatement, .shortStatement: .specific
        case .noMeasure, .measureWithoutInstrument, .noTarget, .targetWithoutNumber: .measurable
        case .noTeacherAction, .noBaseline: .achievable
        case .noStudentOutcome, .noAlignedStandard: .relevant
        case .noTargetDate, .targetDateOutsideSchoolYear: .timeBound
        }
    }

    /// The `Goal` property the note belongs next to in a form.
    public var field: String {
        switch self {
        case .noStatement, .vagueStatement, .shortStatement: "statement"
        case .noMeasure, .measureWithoutInstrument: "measure"
        case .noTarget, .targetWithoutNumber: "target"
        case .noTeacherAction: "teacherAction"
        case .noBaseline: "baseline"
        case .noStudentOutcome: "studentOutcome"
        case .noAlignedStandard: "alignedStandardIdentifiers"
        case .noTargetDate, .targetDateOutsideSchoolYear: "targetDate"
        }
    }
}

/// A piece of feedback on a goal: what looks missing or vague, said kindly, with questions to
/// think it through.
public struct SMARTNote: Sendable, Hashable, Codable {
    public var weakness: SMARTWeakness
    /// Addressed to the educator, e.g. "Your measure doesn't say how you'll know yet. …".
    public var message: String
    /// One to three questions a coach might ask; none if the district's bank has none.
    public var questions: [String]

    public init(weakness: SMARTWeakness, message: String, questions: [String]) {
        self.weakness = weakness
        self.message = message
        self.questions = questions
    }

    public var part: SMARTPart { weakness.part }
}

/// Immediate, kind feedback on how SMART a goal is, shown while the educator writes.
///
/// It never blocks anything: it returns notes, and an empty list means nothing stood out. What
/// a plan must have before it moves on is `PlanLifecycle`'s business alone.
public enum SMARTFeedback {
    /// The most questions offered with one note: enough to start thinking, few enough to read.
    public static let maximumQuestionsPerNote = 3

    /// Notes on `goal`, in SMART order. `schoolYear` is the plan's, for checking the target date.
    public static func notes(
        for goal: Goal, in schoolYear: SchoolYear, questions bank: GuidingQuestions = .standard
    ) -> [SMARTNote] {
        let weaknesses = weaknesses(of: goal, in: schoolYear)
        var notes: [SMARTNote] = []
        for part in SMARTPart.allCases {
            let found = weaknesses.filter { $0.part == part }
            let questionSets = spread(bank.questions(for: part), over: found.count)
            for (weakness, questions) in zip(found, questionSets) {
                notes.append(SMARTNote(weakness: weakness, message: message(for: weakness, goal: goal, schoolYear: schoolYear), questions: questions))
            }
        }
        return notes
    }

    /// What looks missing or vague. Each structured field is checked first; when it is empty,
    /// the statement may still carry the part ("up from 52%", "because I will …"), and then
    /// nothing is said: the educator wrote it, just not in the box.
    static func weaknesses(of goal: Goal, in schoolYear: SchoolYear) -> [SMARTWeakness] {
        let statement = GoalWording(goal.statement)
        let measure = GoalWording(goal.measure)
        let target = GoalWording(goal.target)
        func isBlank(_ text: String) -> Bool { text.trimmingWhitespace().isEmpty }
        var found: [SMARTWeakness] = []

        if !goal.hasStatement {
            found.append(.noStatement)
        } else if statement.hasVaguePhrase, !statement.hasQuantity, !target.hasQuantityOrNumberWord {
            found.append(.vagueStatement)
        } else if statement.wordCount < 8 {
            found.append(.shortStatement)
        }

        if isBlank(goal.measure) {
            if !statement.namesInstrument { found.append(.noMeasure) }
        } else if !measure.namesInstrument, !measure.hasQuantity {
            found.append(.measureWithoutInstrument)
        }
        if isBlank(goal.target) {
            if !statement.hasQuantity { found.append(.noTarget) }
        } else if !target.hasQuantityOrNumberWord {
            found.append(.targetWithoutNumber)
        }

        if isBlank(goal.teacherAction), !statement.namesTeacherAction { found.append(.noTeacherAction) }
        if isBlank(goal.baseline), !statement.statesBaseline { found.append(.noBaseline) }

        if isBlank(goal.studentOutcome), !statement.mentionsStudents { found.append(.noStudentOutcome) }
        if goal.alignedStandardIdentifiers.isEmpty { found.append(.noAlignedStandard) }

        if let targetDate = goal.targetDate {
            if !schoolYear.contains(targetDate) { found.append(.targetDateOutsideSchoolYear) }
        } else {
            found.append(.noTargetDate)
        }
        return found
    }

    /// Hands out a part's questions to its notes without repeating any while the bank lasts:
    /// one note gets up to three, two notes share the bank between them.
    static func spread(_ questions: [String], over noteCount: Int) -> [[String]] {
        guard noteCount > 0 else { return [] }
        guard !questions.isEmpty else { return Array(repeating: [], count: noteCount) }
        let perNote = max(1, min(maximumQuestionsPerNote, questions.count / noteCount))
        return (0..<noteCount).map { note in
            var picked: [String] = []
            for offset in 0..<perNote {
                let question = questions[(note * perNote + offset) % questions.count]
                if !picked.contains(question) { picked.append(question) }
            }
            return picked
        }
    }

    /// Second person, starting from what the educator has, and saying why the missing part helps.
    static func message(for weakness: SMARTWeakness, goal: Goal, schoolYear: SchoolYear) -> String {
        switch weakness {
        case .noStatement:
            "Your goal doesn't have a statement yet. A sentence about what you want to be different by the end of the year is a great place to start."
        case .vagueStatement:
            "Your goal names something you'd like to get better at, but not yet what \"better\" will look like. Naming a change you could see or count makes it specific."
        case .shortStatement:
            "Your goal statement is off to a start, but it's quite short. Saying who it's for and what will change makes it easier to plan for."
        case .noMeasure:
            "Your goal doesn't say yet how you'll know it's working. An assessment, a count or a rubric gives you and your coach something to look at together."
        case .measureWithoutInstrument:
            "Your measure doesn't say how you'll know yet. Naming the assessment, tool or count you'll use makes progress easy to see."
        case .noTarget:
            "You haven't set a target yet. A number to aim for tells you when you've met your goal."
        case .targetWithoutNumber:
            "Your target doesn't have a number yet. A percentage, score or count makes it clear when you've reached it."
        case .noTeacherAction:
            "Your goal doesn't say yet what you'll do differently to get there. Naming your own action turns a hope into a plan."
        case .noBaseline:
            "You haven't noted where things stand today. A starting point helps you set a target that stretches you and is still within reach."
        case .noStudentOutcome:
            "Your goal doesn't say yet what will change for your students. Your growth matters most when it shows up in their learning."
        case .noAlignedStandard:
            "Your goal isn't aligned to a standard yet. Choosing one shows how it connects to your certification, and you'll need one before the plan starts."
        case .noTargetDate:
            "Your goal doesn't have a target date yet. A date lets you plan your check-ins backwards from it."
        case .targetDateOutsideSchoolYear:
            "Your target date, \(goal.targetDate?.longForm ?? "as written"), is outside the \(schoolYear.label) school year (\(schoolYear.startDate.longForm) to \(schoolYear.endDate.longForm)). A date inside the year leaves time to gather evidence and reflect before your plan is reviewed."
        }
    }
}
