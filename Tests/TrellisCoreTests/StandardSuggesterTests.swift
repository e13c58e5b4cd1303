import Testing
import TrellisCore

/// What an educator drafting a goal sees offered: the standards their words point to.
@Suite struct StandardSuggesterTests {
    /// The set a Washington teacher with a coach picks from.
    static let teacherAndCoachStandards =
        BuiltInFrameworks.washingtonTeacherCriteria.standards + BuiltInFrameworks.isteCoaches.standards

    @Test("Goals teachers write rank the criterion they serve first", arguments: [
        ("I will use exit tickets every week to adjust small-group instruction", "WA-T-6"),
        ("I will analyze assessment data from unit tests to regroup students for reteaching", "WA-T-6"),
        ("I will call or email every family twice a semester to share their child's progress", "WA-T-7"),
        ("I will build classroom routines and norms so every student feels safe and respected", "WA-T-5"),
        ("I will differentiate reading tasks to meet the individual needs of my English learners", "WA-T-3"),
        ("I will collaborate with my grade-level PLC to plan common lessons and look at student work together", "WA-T-8"),
        ("I will set high expectations and post learning targets so all students know they can achieve", "WA-T-1"),
    ])
    func teacherGoals(goal: String, expectedCode: String) {
        // setup
        let standards = Self.teacherAndCoachStandards

        // run
        let suggestions = StandardSuggester.suggestions(for: goal, among: standards)

        // check
        #expect(suggestions.first?.standard.code == expectedCode)
        #expect(suggestions.count <= 3)
    }

    @Test("Goals coaches write rank the ISTE coaching standard they serve first", arguments: [
        ("Build trusting relationships with new teachers so they feel safe trying new instructional strategies", "ISTE-C-3a"),
        ("I will co-plan and model lessons that use technology with each teacher on my caseload, personalized to their goals", "ISTE-C-3d"),
        ("I will plan and lead monthly professional learning sessions on using technology for teachers", "ISTE-C-5"),
        ("Teach students to check sources and protect their privacy online", "ISTE-C-7"),
    ])
    func coachGoals(goal: String, expectedCode: String) {
        // setup
        let standards = Self.teacherAndCoachStandards

        // run
        let suggestions = StandardSuggester.suggestions(for: goal, among: standards)

        // check
        #expect(suggestions.first?.standard.code == expectedCode)
    }

    @Test("Goals principals write rank the principal criterion they serve first", arguments: [
        ("Lead our staff in updating the school safety plan and practicing emergency drills", "WA-P-2"),
        ("Close the achievement gap in math for our multilingual learners", "WA-P-8"),
        ("Use attendance and grade data to build a school improvement plan", "WA-P-3"),
    ])
    func principalGoals(goal: String, expectedCode: String) {
        // setup
        let standards = BuiltInFrameworks.washingtonPrincipalCriteria.standards

        // run
        let suggestions = StandardSuggester.suggestions(for: goal, among: standards)

        // check
        #expect(suggestions.first?.standard.code == expectedCode)
    }

    @Test func retiredStandardsAreNeverSuggested() {
        // setup
        let standards = Self.teacherAndCoachStandards.map { standard in
            var copy = standard
            copy.isRetired = standard.code == "WA-T-6"
            return copy
        }
        let onlyRetired = standards.filter(\.isRetired)

        // run
        let suggestions = StandardSuggester.suggestions(
            for: "I will use exit tickets every week to adjust small-group instruction", among: standards, limit: 50
        )
        let fromRetiredOnly = StandardSuggester.suggestions(for: "multiple student data elements", among: onlyRetired)

        // check
        #expect(!suggestions.isEmpty)
        #expect(!suggestions.contains { $0.standard.code == "WA-T-6" })
        #expect(fromRetiredOnly.isEmpty)
    }

    @Test("Text with no meaningful words gives no suggestions", arguments: [
        "", "   ", "the and of to", "I will do it with them.", "…!?", "xylophone quartz",
    ])
    func noSuggestions(text: String) {
        // setup
        let standards = Self.teacherAndCoachStandards

        // run
        let suggestions = StandardSuggester.suggestions(for: text, among: standards)

        // check
        #expect(suggestions.isEmpty)
    }

    @Test func bestFirstWithinTheLimit() {
        // setup
        let goal = "Use formative assessment data to adjust instruction and improve student learning"

        // run
        let defaultLimit = StandardSuggester.suggestions(for: goal, among: Self.teacherAndCoachStandards)
        let five = StandardSuggester.suggestions(for: goal, among: Self.teacherAndCoachStandards, limit: 5)
        let none = StandardSuggester.suggestions(for: goal, among: Self.teacherAndCoachStandards, limit: 0)
        let fromNothing = StandardSuggester.suggestions(for: goal, among: [])

        // check
        #expect(defaultLimit.count == 3)
        #expect(five.count == 5)
        #expect(Array(five.prefix(3)) == defaultLimit)
        #expect(zip(five, five.dropFirst()).allSatisfy { $0.score >= $1.score })
        #expect(five.allSatisfy { $0.score > 0 })
        #expect(none.isEmpty)
        #expect(fromNothing.isEmpty)
    }

    @Test func equalScoresAreOrderedByCode() {
        // setup
        let standards = ["C-2", "A-10", "B-1"].enumerated().map { offset, code in
            Standard(identifier: "id-\(code)", code: code, title: "Reading fluency", position: offset)
        }

        // run
        let first = StandardSuggester.suggestions(for: "reading fluency", among: standards)
        let again = StandardSuggester.suggestions(for: "reading fluency", among: standards.reversed())

        // check
        #expect(first.map(\.standard.code) == ["A-10", "B-1", "C-2"])
        #expect(Set(first.map(\.score)).count == 1)
        #expect(again == first)
    }

    @Test func aCodeInTheTextFindsThatStandard() {
        // setup
        let goal = "Work toward ISTE-C-3d this year."

        // run
        let suggestions = StandardSuggester.suggestions(for: goal, among: Self.teacherAndCoachStandards)

        // check
        #expect(suggestions.first?.standard.code == "ISTE-C-3d")
    }

    @Test("Word forms in goals meet word forms in standards", arguments: [
        ("instruction", "instructional"), ("assessments", "assess"), ("assessment", "assessing"),
        ("students", "student"), ("collaborating", "collaborate"), ("collaborative", "collaboration"),
        ("families", "family"), ("data", "data"), ("modeling", "model"), ("using", "use"),
    ])
    func stemming(word: String, sameStemAs other: String) {
        // run
        let stem = EnglishStemmer.stem(word)

        // check
        #expect(stem == EnglishStemmer.stem(other))
    }

    @Test func stemmerFollowsPorter() {
        // setup
        let examples = [
            "caresses": "caress", "ponies": "poni", "hopping": "hop", "filing": "file",
            "relational": "relat", "generalizations": "gener", "controlling": "control", "sky": "sky",
        ]

        // run
        let stems = examples.keys.sorted().map { ($0, EnglishStemmer.stem($0)) }

        // check
        for (word, stem) in stems {
            #expect(stem == examples[word], "\(word)")
        }
        #expect(EnglishStemmer.stem("𝑑ata") == "𝑑ata")
    }

    @Test func searchTermsDropStopWordsAndStem() {
        // run
        let terms = SearchTerms.terms(in: "I will use the students' data, every week!")

        // check
        #expect(terms == ["us", "student", "data", "week"])
    }
}
