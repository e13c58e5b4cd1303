import Testing
import TrellisCore

/// Grouping visioning statements by what they say.
@Suite struct ThemeSuggesterTests {
    static func statement(_ id: String, _ text: String, _ kind: VisioningStatement.Kind = .current) -> VisioningStatement {
        VisioningStatement(id: .init(id), roundID: .init("round"), kind: kind, text: text, authorID: nil,
                           postedOn: CalendarDate(year: 2024, month: 9, day: 10)!)
    }

    static let wall = [
        statement("c1", "Students mostly consume videos and worksheets on their devices"),
        statement("i1", "Students create videos, podcasts and projects on their devices to show learning", .ideal),
        statement("c2", "Teachers wait days for a broken device to be repaired"),
        statement("i2", "A broken device is repaired or swapped the same day", .ideal),
        statement("c3", "Coaches, trainers and principals plan in silos and rarely meet"),
        statement("i3", "Coaches, trainers and principals plan together every month", .ideal),
        statement("c4", "Students create few projects of their own", .current),
        statement("x", "Lunch"),
    ]

    @Test func similarStatementsArePiledTogetherCurrentBesideIdeal() {
        // run
        let suggestions = ThemeSuggester.suggestions(for: Self.wall, groups: 3)
        // check
        let piles = suggestions.map { Set($0.statementIDs.map(\.rawValue)) }
        #expect(piles.count == 3)
        #expect(piles.contains(["c1", "i1", "c4"]))
        #expect(piles.contains(["c2", "i2"]))
        #expect(piles.contains(["c3", "i3"]))
        #expect(!piles.contains { $0.contains("x") }, "a statement like no other stays out")
        #expect(suggestions[0].statementIDs.map(\.rawValue) == ["c1", "i1", "c4"], "the biggest pile first, in wall order")
        #expect(suggestions.first { $0.statementIDs.contains(.init("c2")) }?.keyWords.contains("device") == true)
    }

    @Test func theSameWallAlwaysGivesTheSameSuggestions() {
        // run
        let first = ThemeSuggester.suggestions(for: Self.wall), second = ThemeSuggester.suggestions(for: Self.wall)
        // check
        #expect(first == second)
    }

    @Test func askingForFewerGroupsMergesTheClosestPiles() {
        // run
        let one = ThemeSuggester.suggestions(for: Self.wall, groups: 1)
        // check
        #expect(one.count == 1)
        #expect(one[0].statementIDs.count >= 3)
    }

    @Test func nothingAlikeOrTooFewStatementsGiveNoSuggestions() {
        // run / check
        #expect(ThemeSuggester.suggestions(for: [Self.statement("a", "Students read")]).isEmpty)
        #expect(ThemeSuggester.suggestions(for: [Self.statement("a", "Apples"), Self.statement("b", "Bicycles")]).isEmpty)
        #expect(ThemeSuggester.suggestions(for: Self.wall, groups: 0).isEmpty)
    }
}
