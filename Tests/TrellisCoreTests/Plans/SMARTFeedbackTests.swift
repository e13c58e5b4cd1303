import Testing
import TrellisCore

/// Feedback on goals as teachers really write them: strong goals pass quietly, weak ones get
/// kind notes with a coach's questions, and nothing is ever refused.
@Suite struct SMARTFeedbackTests {
    static let year = SamplePlans.year

    /// A goal as typed into the statement box alone, with nothing else filled in.
    static func statementOnly(_ statement: String, targetDate: String? = nil, standards: [String] = []) -> Goal {
        Goal(id: .init("g"), statement: statement, targetDate: targetDate.map(SamplePlans.date), alignedStandardIdentifiers: standards)
    }

    static func weaknesses(_ goal: Goal, in year: SchoolYear = year) -> [SMARTWeakness] {
        SMARTFeedback.notes(for: goal, in: year).map(\.weakness)
    }

    @Test func strongGoalWithEveryBoxFilledGetsNoNotes() {
        // setup
        let goal = SamplePlans.fluencyGoal()

        // run
        let notes = SMARTFeedback.notes(for: goal, in: Self.year)

        // check
        #expect(notes.isEmpty)
    }

    @Test func strongStatementCarriesTheSMARTPartsOnItsOwn() {
        // setup: only the sentence, the date and a standard; the sentence says the rest
        let goal = Self.statementOnly(
            "By May 15, 80% of my 3rd graders will score proficient on the district fluency benchmark, up from 52% in September, "
                + "because I will run daily 15-minute small-group fluency practice",
            targetDate: "2027-05-15", standards: ["wa-teacher-criteria-6"])

        // run
        let notes = SMARTFeedback.notes(for: goal, in: Self.year)

        // check
        #expect(notes.isEmpty)
    }

    @Test func strongStatementWithoutADateGetsOneNote() {
        // setup
        let goal = Self.statementOnly(
            "By May 15, 80% of my 3rd graders will score proficient on the district fluency benchmark, up from 52% in September, "
                + "because I will run daily 15-minute small-group fluency practice",
            standards: ["wa-teacher-criteria-6"])

        // run
        let weaknesses = Self.weaknesses(goal)

        // check
        #expect(weaknesses == [.noTargetDate])
    }

    @Test func vagueWishGetsNotesOnEveryPartWithQuestions() throws {
        // setup
        let goal = Self.statementOnly("I want to get better at technology")

        // run
        let notes = SMARTFeedback.notes(for: goal, in: Self.year)

        // check
        #expect(notes.map(\.weakness) == [
            .vagueStatement, .noMeasure, .noTarget, .noTeacherAction, .noBaseline,
            .noStudentOutcome, .noAlignedStandard, .noTargetDate,
        ])
        #expect(notes.map(\.part) == [.specific, .measurable, .measurable, .achievable, .achievable, .relevant, .relevant, .timeBound])
        let bank = GuidingQuestions.standard
        for note in notes {
            #expect((1...3).contains(note.questions.count), "\(note.weakness)")
            #expect(note.questions.allSatisfy(bank.questions(for: note.part).contains), "\(note.weakness)")
            #expect(note.message.hasPrefix("Your") || note.message.hasPrefix("You "), "\(note.weakness)")
        }
        // Two notes on one part share its questions instead of repeating them.
        let measurable = notes.filter { $0.part == .measurable }.flatMap(\.questions)
        #expect(Set(measurable).count == measurable.count)
        let timeBound = try #require(notes.last)
        #expect(timeBound.message == "Your goal doesn't have a target date yet. A date lets you plan your check-ins backwards from it.")
        #expect(timeBound.questions == Array(bank.questions(for: .timeBound).prefix(3)))
    }

    @Test("Weak goals teachers write get measurable and time-bound notes", arguments: [
        "I want to get better at technology",
        "Improve student engagement.",
        "I will work on classroom management this year.",
        "Try to use more small groups in math",
        "By May 15 I want to improve my questioning",
        "I want my 3rd graders to get better at reading",
    ])
    func weakGoals(_ statement: String) {
        // setup
        let goal = Self.statementOnly(statement)

        // run
        let notes = SMARTFeedback.notes(for: goal, in: Self.year)

        // check
        let parts = Set(notes.map(\.part))
        #expect(parts.isSuperset(of: [.specific, .measurable, .timeBound]))
        #expect(notes.contains { $0.weakness == .vagueStatement })
        #expect(notes.allSatisfy { !$0.questions.isEmpty && $0.questions.count <= 3 })
    }

    @Test func shortStatementIsNotedWhenItIsNotVague() {
        // setup: every box filled, but the sentence is a fragment
        var goal = SamplePlans.fluencyGoal()
        goal.statement = "Small-group fluency practice"

        // run
        let weaknesses = Self.weaknesses(goal)

        // check
        #expect(weaknesses == [.shortStatement])
    }

    @Test func measureWithoutANumberOrInstrument() throws {
        // setup
        var goal = SamplePlans.fluencyGoal()
        goal.measure = "I'll watch how they do"

        // run
        let note = try #require(SMARTFeedback.notes(for: goal, in: Self.year).first)

        // check
        #expect(note.weakness == .measureWithoutInstrument)
        #expect(note.part == .measurable)
        #expect(note.weakness.field == "measure")
        #expect(note.message.hasPrefix("Your measure doesn't say how you'll know yet."))
        #expect(note.questions.count == 3)
    }

    @Test(arguments: [
        ("Most students proficient", [SMARTWeakness.targetWithoutNumber]),
        ("All students proficient", []),
        ("Three out of four students at benchmark", []),
        ("80 percent proficient", []),
        ("By June 2027", [.targetWithoutNumber]),
    ])
    func targetNeedsANumber(target: String, expected: [SMARTWeakness]) {
        // setup
        var goal = SamplePlans.fluencyGoal()
        goal.target = target

        // run
        let weaknesses = Self.weaknesses(goal)

        // check
        #expect(weaknesses == expected)
    }

    @Test(arguments: [
        ("2027-08-15", true), ("2026-06-30", true), ("2027-07-01", true),
        ("2026-07-01", false), ("2027-06-30", false), ("2027-05-15", false),
    ])
    func targetDateMustFallInThePlansYear(iso: String, outside: Bool) {
        // setup
        var goal = SamplePlans.fluencyGoal()
        goal.targetDate = SamplePlans.date(iso)

        // run
        let weaknesses = Self.weaknesses(goal)

        // check
        #expect(weaknesses == (outside ? [.targetDateOutsideSchoolYear] : []))
    }

    @Test func targetDateOutsideTheYearSaysWhichYear() throws {
        // setup
        var goal = SamplePlans.fluencyGoal()
        goal.targetDate = SamplePlans.date("2027-08-15")

        // run
        let note = try #require(SMARTFeedback.notes(for: goal, in: Self.year).first)

        // check
        #expect(note.part == .timeBound)
        #expect(note.message == "Your target date, August 15, 2027, is outside the 2026–27 school year (July 1, 2026 to June 30, 2027). "
            + "A date inside the year leaves time to gather evidence and reflect before your plan is reviewed.")
    }

    @Test func goalWithoutStudentsOrStandardIsNotedAsNotYetRelevant() {
        // setup: a teacher-practice goal that never mentions students
        let goal = Goal(
            id: .init("g"), statement: "I will use a new questioning routine in 20 lessons, up from 0 now",
            teacherAction: "Plan questions ahead", measure: "Lesson log", target: "20 lessons",
            targetDate: SamplePlans.date("2027-03-01"))

        // run
        let weaknesses = Self.weaknesses(goal)

        // check
        #expect(weaknesses == [.noStudentOutcome, .noAlignedStandard])
    }

    @Test func emptyGoalAsksForAStatementFirst() {
        // setup
        let goal = Goal(id: .init("g"), statement: "")

        // run
        let notes = SMARTFeedback.notes(for: goal, in: Self.year)

        // check
        #expect(notes.first?.weakness == .noStatement)
        #expect(notes.filter { $0.part == .specific }.count == 1)
    }

    @Test func districtCanSupplyItsOwnQuestions() {
        // setup: a bank with one measurable question and nothing else
        let bank = GuidingQuestions([.measurable: ["¿Cómo sabrás que funciona?"]])
        let goal = Self.statementOnly("I want to get better at technology")

        // run
        let notes = SMARTFeedback.notes(for: goal, in: Self.year, questions: bank)

        // check
        #expect(notes.filter { $0.part == .measurable }.map(\.questions) == [["¿Cómo sabrás que funciona?"], ["¿Cómo sabrás que funciona?"]])
        #expect(notes.filter { $0.part != .measurable }.allSatisfy { $0.questions.isEmpty })
        #expect(notes.count == 8)
    }

    @Test func standardBankHasQuestionsForEveryPart() {
        // run, check
        for part in SMARTPart.allCases {
            let questions = GuidingQuestions.standard.questions(for: part)
            #expect(questions.count >= 3, "\(part)")
            #expect(questions.allSatisfy { $0.hasSuffix("?") }, "\(part)")
            #expect(Set(questions).count == questions.count, "\(part)")
        }
    }
}
