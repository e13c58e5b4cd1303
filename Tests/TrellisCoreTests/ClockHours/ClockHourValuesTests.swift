import Foundation
import Testing
import TrellisCore

/// The values people type and systems store: certificate numbers, hours, entries, and goals'
/// focus tags (which plans stored before tags existed must still decode without).
@Suite struct ClockHourValuesTests {
    @Test("Washington certificate numbers are accepted in their usual spellings", arguments: [
        ("412345", "412345"), ("412345F", "412345F"), ("412345f", "412345F"), (" 412 345 ", "412345"),
        ("4123-45F", "412345F"), ("1234567", "1234567"), ("1234567890", "1234567890"),
    ])
    func goodCertificateNumbers(text: String, canonical: String) throws {
        // run
        let number = try CertificateNumber.parse(text).get()

        // check
        #expect(number.rawValue == canonical)
    }

    @Test("malformed certificate numbers are refused with the message", arguments: [
        "", "12345", "12345678901", "412345FF", "F412345", "41a2345", "jane@example.org", "٤١٢٣٤٥", "412345.0",
    ])
    func badCertificateNumbers(text: String) {
        // run
        let result = CertificateNumber.parse(text)

        // check
        #expect(CertificateNumber(rawValue: text) == nil)
        #expect(throws: InputProblem(CertificateNumber.formatMessage)) { try result.get() }
        #expect(CertificateNumber.formatMessage.contains("6 to 10 digits"))
    }

    @Test func certificateNumbersDecodeOnlyWhenWellFormed() throws {
        // run
        let good = try JSONDecoder().decode([CertificateNumber].self, from: Data(#"["412345f"]"#.utf8))

        // check
        #expect(good.map(\.rawValue) == ["412345F"])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CertificateNumber].self, from: Data(#"["12"]"#.utf8)) }
    }

    @Test("entry hours are refused with a message when negative, zero, absurd or not a number", arguments: [
        ("7.5", nil), ("0.25", nil), ("200", nil), (" 3 ", nil),
        ("0", "Hours must be more than 0."),
        ("0.00", "Hours must be more than 0."),
        ("-3", "Enter the hours as a number, such as 7.5."),
        ("7.555", "Enter the hours as a number, such as 7.5."),
        ("seven", "Enter the hours as a number, such as 7.5."),
        ("", "Enter the hours as a number, such as 7.5."),
        ("200.01", "One entry can hold at most 200 hours; record longer learning as several entries."),
        ("1000", "One entry can hold at most 200 hours; record longer learning as several entries."),
    ] as [(String, String?)])
    func entryHours(text: String, message: String?) {
        // run
        let result = ClockHours.entryHours(from: text)

        // check
        switch result {
        case .success: #expect(message == nil)
        case let .failure(problem): #expect(problem.message == message)
        }
    }

    @Test func hoursReadAndSumExactly() throws {
        // setup
        let tenth = try #require(ClockHours(parsing: "0.1"))

        // run
        let sum = tenth + tenth + tenth + tenth

        // check
        #expect(sum.text == "0.4")
        #expect(ClockHours(parsing: "62.50")?.text == "62.5")
        #expect(ClockHours(parsing: "7.05")?.text == "7.05")
        #expect(ClockHours(100).percent(15) == ClockHours(15))
        #expect(ClockHours(150).percent(15).text == "22.5")
        #expect(ClockHours(37).percent(15).text == "5.55")
    }

    @Test func entriesRoundTripWithTheirSourceByKind() throws {
        // setup
        let pgp = RenewalFixtures.pgp(2025)
        let recorded = RenewalFixtures.recorded(7.5, [.tribalRelations, .equityBasedPractice, .tribalRelations], id: "r1")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]

        // run
        let data = try encoder.encode([pgp, recorded])
        let decoded = try JSONDecoder().decode([ClockHourEntry].self, from: data)
        let json = String(decoding: data, as: UTF8.self)

        // check
        #expect(decoded == [pgp, recorded])
        #expect(recorded.focusCategories == [.equityBasedPractice, .tribalRelations])
        #expect(json.contains(#""source":{"kind":"pgp","planID":"plan-2025","schoolYear":"#))
        #expect(json.contains(#""source":{"kind":"recorded","recordedBy":"hr-admin"}"#))
        #expect(json.contains(#""hours":7.5"#))
        #expect(pgp.growthPlan?.schoolYear == SchoolYear(startingIn: 2025))
    }

    @Test func aGoalStoredBeforeFocusTagsStillDecodes() throws {
        // setup: a goal as plans were stored before goals had focus tags
        let old = #"{"actionSteps":[],"alignedStandardIdentifiers":["wa-teacher-criteria-6"],"baseline":"","id":"g1","#
            + #""measure":"","statement":"Read daily","studentOutcome":"","target":"","targetDate":"2027-05-15","teacherAction":""}"#

        // run
        let goal = try JSONDecoder().decode(Goal.self, from: Data(old.utf8))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let again = String(decoding: try encoder.encode(goal), as: UTF8.self)

        // check: no tags, and the JSON is what it was, so a signed snapshot's hash still holds
        #expect(goal.statement == "Read daily")
        #expect(goal.focusCategories == nil)
        #expect(again == old)
    }

    @Test func taggedGoalsRoundTripAndFeedRenewal() throws {
        // setup
        var plan = GrowthPlan(id: .init("plan-1"), organizationID: .init("org"), ownerID: RenewalFixtures.hong,
                              schoolYear: SchoolYear(startingIn: 2026))
        plan.goals = [
            Goal(id: .init("g1"), statement: "Culturally responsive read-alouds", focusCategories: [.equityBasedPractice]),
            Goal(id: .init("g2"), statement: "Small-group fluency"),
        ]

        // run
        let decoded = try JSONDecoder().decode(GrowthPlan.self, from: try JSONEncoder().encode(plan))
        let focus = GoalFocus.of(decoded)

        // check
        #expect(decoded == plan)
        #expect(focus == [GoalFocus(planID: .init("plan-1"), goalID: .init("g1"), categories: [.equityBasedPractice])])
    }

    @Test func builtInCategoriesHaveLabelsAndStableSlugs() {
        // run, check
        #expect(FocusCategory.builtIn.map(\.rawValue) == ["stem", "equity_based_practice", "leadership", "tribal_relations", "other"])
        #expect(FocusCategory.builtIn.map(\.label) == [
            "STEM integration", "Equity-based practice", "Leadership standards",
            "Government-to-government relations with tribes", "Other learning",
        ])
        #expect(FocusCategory(rawValue: "Has Spaces") == nil)
        #expect(CertificateType.allCases.map(\.rawValue) == ["residency_teacher", "professional_teacher", "administrator", "educational_staff_associate"])
    }
}
