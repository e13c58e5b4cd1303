import Testing
import TrellisCore

/// The frameworks every district starts with: the official names, and codes people can rely on.
@Suite struct BuiltInFrameworksTests {
    @Test func threeBuiltInFrameworks() {
        // run
        let identifiers = BuiltInFrameworks.all.map(\.framework.identifier)

        // check
        #expect(identifiers == ["wa-teacher-criteria", "wa-principal-criteria", "iste-coaches"])
        #expect(BuiltInFrameworks.all.allSatisfy { $0.framework.isBuiltIn })
        #expect(BuiltInFrameworks.definition(identifier: "iste-coaches") == BuiltInFrameworks.isteCoaches)
        #expect(BuiltInFrameworks.definition(identifier: "nope") == nil)
    }

    @Test func codesAndIdentifiersAreUniqueAcrossBuiltIns() {
        // setup
        let standards = BuiltInFrameworks.all.flatMap(\.standards)

        // run
        let codes = standards.map(\.code)
        let identifiers = standards.map(\.identifier)

        // check
        #expect(Set(codes).count == codes.count)
        #expect(Set(identifiers).count == identifiers.count)
        #expect(standards.allSatisfy { !$0.isRetired && !($0.description ?? "").isEmpty })
    }

    @Test func washingtonTeacherCriteriaUseTheOfficialNames() {
        // setup
        let definition = BuiltInFrameworks.washingtonTeacherCriteria

        // run
        let codes = definition.standards.map(\.code)

        // check
        #expect(codes == (1...8).map { "WA-T-\($0)" })
        #expect(definition.standards.allSatisfy { $0.parentIdentifier == nil })
        #expect(definition.standards.map(\.position) == Array(0..<8))
        #expect(definition.standard(code: "WA-T-1")?.title == "Centering instruction on high expectations for student achievement")
        #expect(definition.standard(code: "WA-T-6")?.title
            == "Using multiple student data elements to modify instruction and improve student learning")
        #expect(definition.standard(code: "WA-T-8")?.title
            == "Exhibiting collaborative and collegial practices focused on improving instructional practice and student learning")
    }

    @Test func washingtonPrincipalCriteriaUseTheOfficialNames() {
        // setup
        let definition = BuiltInFrameworks.washingtonPrincipalCriteria

        // run
        let codes = definition.standards.map(\.code)

        // check
        #expect(codes == (1...8).map { "WA-P-\($0)" })
        #expect(definition.standard(code: "WA-P-1")?.title
            == "Creating a school culture that promotes the ongoing improvement of learning and teaching for students and staff")
        #expect(definition.standard(code: "WA-P-2")?.title == "Providing for school safety")
        #expect(definition.standard(code: "WA-P-8")?.title == "Demonstrating commitment to closing the achievement gap")
    }

    @Test func isteStandardsForCoaches() {
        // setup
        let definition = BuiltInFrameworks.isteCoaches

        // run
        let topLevel = definition.topLevelStandards

        // check
        #expect(topLevel.map(\.code) == (1...7).map { "ISTE-C-\($0)" })
        #expect(topLevel.map(\.title) == [
            "Change Agent", "Connected Learner", "Collaborator", "Learning Designer",
            "Professional Learning Facilitator", "Data-Driven Decision-Maker", "Digital Citizen Advocate",
        ])
        #expect(definition.standards.count == 11)
    }

    @Test func collaboratorIndicatorsAreQuotedExactly() {
        // setup
        let definition = BuiltInFrameworks.isteCoaches
        let collaborator = definition.standard(code: "ISTE-C-3")

        // run
        let indicators = definition.children(of: collaborator?.identifier ?? "")

        // check
        #expect(collaborator?.description
            == "Coaches establish productive relationships with educators in order to improve instructional practice and learning outcomes.")
        #expect(indicators.map(\.code) == ["ISTE-C-3a", "ISTE-C-3b", "ISTE-C-3c", "ISTE-C-3d"])
        #expect(indicators.map(\.position) == [0, 1, 2, 3])
        #expect(indicators.map(\.description) == [
            "Establish trusting and respectful coaching relationships that encourage educators to explore new instructional strategies.",
            "Partner with educators to identify digital learning content that is culturally relevant, developmentally appropriate and aligned to content standards.",
            "Partner with educators to evaluate the efficacy of digital learning content and tools to inform procurement decisions and adoption.",
            "Personalize support for educators by planning and modeling the effective use of technology to improve student learning.",
        ])
        #expect(definition.standard(code: "ISTE-C-3d")?.description
            == "Personalize support for educators by planning and modeling the effective use of technology to improve student learning.")
    }

    @Test func parentsComeBeforeTheirChildren() {
        for definition in BuiltInFrameworks.all {
            // setup
            var seen = Set<String>()

            // run
            let misplaced = definition.standards.filter { standard in
                defer { seen.insert(standard.identifier) }
                return standard.parentIdentifier.map { !seen.contains($0) } ?? false
            }

            // check
            #expect(misplaced.isEmpty, "\(definition.framework.identifier)")
        }
    }
}
