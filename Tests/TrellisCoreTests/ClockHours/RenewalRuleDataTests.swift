import Foundation
import Testing
import TrellisCore

/// Renewal rules are data: another state's rules work from JSON alone, and every rule set
/// survives a trip through JSON.
@Suite struct RenewalRuleDataTests {
    typealias F = RenewalFixtures

    /// A state asking 150 hours over five years, 6 of them in suicide prevention, and taking no
    /// growth plans in place of hours: nothing in it is built into the code.
    static let otherStateJSON = """
    {
      "name": "Example State standard certificate",
      "certificateTypes": ["professional_teacher", "educational_staff_associate"],
      "cycleYears": 5,
      "requiredHours": 150,
      "focusRequirements": [{"category": "suicide_prevention", "hours": 6}]
    }
    """

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    @Test func anotherStatesRulesWorkFromData() throws {
        // setup
        let rules = try JSONDecoder().decode(RenewalRuleSet.self, from: Data(Self.otherStateJSON.utf8))
        let suicidePrevention = try #require(FocusCategory(rawValue: "suicide_prevention"))
        let ledger = [F.pgp(2024), F.pgp(2025), F.recorded(137), F.recorded(3, [suicidePrevention])]

        // run
        let short = F.evaluate(ledger, rules: rules)
        let done = F.evaluate(ledger + [F.recorded(10, on: "2027-01-15", [suicidePrevention])], rules: rules)

        // check: the PGPs count nothing, and the new category reads naturally
        #expect(short.countedHours == ClockHours(140))
        #expect(short.countedGrowthPlans.isEmpty)
        #expect(short.summary == "140 of 150 clock hours")
        #expect(short.stillNeeded == [
            "10 more clock hours before June 30, 2029",
            "3 more hours in suicide prevention before June 30, 2029",
        ])
        #expect(suicidePrevention.label == "Suicide prevention")
        #expect(rules.focusCategories == [suicidePrevention])
        #expect(done.isMet)
    }

    @Test func washingtonRulesRoundTripThroughJSON() throws {
        // setup
        let rules = RenewalRuleSet.washingtonDefaults

        // run
        let data = try Self.encoder().encode(rules)
        let decoded = try JSONDecoder().decode([RenewalRuleSet].self, from: data)
        let again = try Self.encoder().encode(decoded)
        let json = String(decoding: data, as: UTF8.self)

        // check
        #expect(decoded == rules)
        #expect(again == data)
        #expect(json.contains(#""appliesTo":"stem_related_endorsement","category":"stem","hours":15,"metByGrowthPlanGoal":true"#))
        #expect(json.contains(#""category":"equity_based_practice","metByGrowthPlanGoal":true,"percentOfRequiredHours":15"#))
        #expect(json.contains(#""growthPlanCredit":{"hoursEach":25,"maximumCounted":4}"#))
        #expect(json.contains(#""supersedes":["residency_teacher","professional_teacher"]"#))
    }

    @Test("rules that cannot be evaluated do not decode", arguments: [
        #"{"name": "X", "certificateTypes": ["administrator"], "cycleYears": 0, "requiredHours": 100}"#,
        #"{"name": "X", "certificateTypes": [], "cycleYears": 5, "requiredHours": 100}"#,
        #"{"name": "X", "certificateTypes": ["administrator"], "cycleYears": 5, "requiredHours": -1}"#,
        #"{"name": "X", "certificateTypes": ["principal"], "cycleYears": 5, "requiredHours": 100}"#,
        #"{"name": "X", "certificateTypes": ["administrator"], "cycleYears": 5, "requiredHours": 100.125}"#,
        #"{"name": "X", "certificateTypes": ["administrator"], "cycleYears": 5, "requiredHours": 100, "growthPlanCredit": {"hoursEach": 0, "maximumCounted": 4}}"#,
        #"{"name": "X", "certificateTypes": ["administrator"], "cycleYears": 5, "requiredHours": 100, "focusRequirements": [{"category": "stem"}]}"#,
        #"{"name": "X", "certificateTypes": ["administrator"], "cycleYears": 5, "requiredHours": 100, "focusRequirements": [{"category": "stem", "hours": 5, "percentOfRequiredHours": 5}]}"#,
        #"{"name": "X", "certificateTypes": ["administrator"], "cycleYears": 5, "requiredHours": 100, "focusRequirements": [{"category": "Suicide Prevention", "hours": 5}]}"#,
        #"{"name": "X", "certificateTypes": ["administrator"], "cycleYears": 5, "requiredHours": 100, "focusRequirements": [{"category": "stem", "percentOfRequiredHours": 120}]}"#,
    ])
    func invalidRulesAreRefused(json: String) {
        // run, check
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(RenewalRuleSet.self, from: Data(json.utf8))
        }
    }

    @Test func problemsAreSentencesForTheEditingPage() {
        // setup
        var rules = RenewalRuleSet.washingtonTeacher
        rules.name = " "
        rules.cycleYears = 0

        // run, check
        #expect(rules.problems == ["Give the rule set a name.", "The cycle must be 1 to 20 years."])
        #expect(RenewalRuleSet.washingtonDefaults.allSatisfy { $0.problems.isEmpty })
    }
}
