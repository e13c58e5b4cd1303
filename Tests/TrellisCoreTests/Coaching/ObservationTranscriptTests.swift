import Testing
import TrellisCore

@Suite struct ObservationTranscriptTests {
    @Test func linesCarryTheirTimeTheirLookForAndTheTimeOfTheLineBefore() throws {
        // setup
        let text = "9:05 #2 students turn and talk\n\n#1 teacher waits five seconds\n9:12 exit ticket handed out\nmore hands up than before"
        // run
        let lines = try ObservationTranscript.parse(text, start: ClockTime("9:00")!, lookForCount: 2).get()
        // check
        #expect(lines.map(\.time.description) == ["09:05", "09:05", "09:12", "09:12"])
        #expect(lines.map(\.lookForNumber) == [2, 1, nil, nil])
        #expect(lines[0].text == "students turn and talk")
        #expect(lines[3].text == "more hands up than before")
    }

    @Test func aFirstLineWithoutATimeTakesTheStart() throws {
        let lines = try ObservationTranscript.parse("students read in pairs", start: ClockTime("10:30")!, lookForCount: 0).get()
        #expect(lines.map(\.time.description) == ["10:30"])
    }

    @Test func unreadableLinesAreNamedAndNothingIsKept() {
        // run
        let result = ObservationTranscript.parse("9:05 #4 too far\n25:00 not a time\n9:10", start: ClockTime("9:00")!, lookForCount: 3)
        // check
        guard case .failure(let problems) = result else { Issue.record("a broken transcript was read"); return }
        #expect(problems.lines.count == 3)
        #expect(problems.lines[0].contains("Line 1") && problems.lines[0].contains("#1 to #3"))
        #expect(problems.lines[1].contains("Line 2") && problems.lines[1].contains("25:00"))
        #expect(problems.lines[2].contains("Line 3"))
    }

    @Test func anEmptyTranscriptIsRefused() {
        guard case .failure(let problems) = ObservationTranscript.parse(" \n \n", start: ClockTime("9:00")!, lookForCount: 1) else {
            Issue.record("nothing was accepted as a transcript"); return
        }
        #expect(problems.message.contains("at least one line"))
    }
}

@Suite struct CoachingQuestionsTests {
    @Test func theDefaultBankCoversListeningParaphrasingAndCollaborating() {
        let headings = CoachingQuestions.standard.groups.map(\.heading)
        #expect(headings.contains("Listening") && headings.contains("Paraphrasing"))
        #expect(headings.contains { $0.contains("ISTE Standards for Coaches 3") })
    }

    @Test func theTextOfTheBankReadsBackAsTheSameBank() throws {
        // run
        let parsed = try CoachingQuestions.parse(CoachingQuestions.standard.text)
        // check
        #expect(parsed == .standard)
    }

    @Test func questionsBeforeAnyHeadingAndBlankLinesAreFine() throws {
        let bank = try CoachingQuestions.parse("What did you notice?\n\n# Next\nWhat will you try?")
        #expect(bank.groups.map(\.heading) == ["Questions", "Next"])
        #expect(bank.groups[1].questions == ["What will you try?"])
    }

    @Test func aTooLongQuestionIsRefusedNamingItsLine() {
        #expect(throws: FieldErrors(CoachingQuestions.fieldName, "Line 2 is longer than 300 characters. Shorten it or split it in two.")) {
            try CoachingQuestions.parse("# Listening\n" + String(repeating: "a", count: 301))
        }
    }
}
