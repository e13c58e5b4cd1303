import Testing
import TrellisCore

@Suite struct GuidingQuestionsEditingTests {
    @Test func oneQuestionPerLineTrimmedWithBlankLinesSkipped() throws {
        // run
        let bank = try GuidingQuestions.parse([
            .specific: "  ¿Qué cambiará para tus estudiantes?  \n\n\r\nWhich students is this about?\n",
            .measurable: "How will you know?",
        ])
        // check
        #expect(bank.questions(for: .specific) == ["¿Qué cambiará para tus estudiantes?", "Which students is this about?"])
        #expect(bank.questions(for: .measurable) == ["How will you know?"])
        #expect(bank.questions(for: .timeBound).isEmpty, "a part left empty has no questions")
        #expect(bank.text(for: .specific) == "¿Qué cambiará para tus estudiantes?\nWhich students is this about?")
    }

    @Test func tooManyOrTooLongQuestionsAreRefusedAtTheirBox() {
        // setup
        let thirteen = (1...13).map { "Question \($0)?" }.joined(separator: "\n")
        let long = "Short?\n" + String(repeating: "a", count: GuidingQuestions.maximumLength + 1)
        // run
        let refused = #expect(throws: FieldErrors.self) {
            try GuidingQuestions.parse([.specific: thirteen, .relevant: long, .achievable: "Fine?"])
        }
        // check
        #expect(refused?["questions_specific"] == "Keep it to 12 questions or fewer; this box has 13.")
        #expect(refused?["questions_relevant"] == "Question 2 is longer than 300 characters. Shorten it or split it in two.")
        #expect(refused?["questions_achievable"] == nil)
    }

    @Test func theDistrictsBankIsWhatFeedbackOffers() throws {
        // setup
        let bank = try GuidingQuestions.parse([.measurable: "What would your students' work show?"])
        var goal = Goal(id: .init("g"), statement: "I will try new strategies to help my students")
        goal.teacherAction = "Use new strategies"
        // run
        let notes = SMARTFeedback.notes(for: goal, in: SchoolYear(startingIn: 2026), questions: bank)
        // check
        let measurable = try #require(notes.first { $0.part == .measurable })
        #expect(measurable.questions == ["What would your students' work show?"])
        #expect(notes.filter { $0.part != .measurable }.allSatisfy { $0.questions.isEmpty })
    }
}
