import Foundation
import Testing
import TrellisCore

/// Plans survive a trip through JSON unchanged, and read plainly: a signed plan's snapshot is
/// this JSON, hashed.
@Suite struct PlanCodingTests {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    @Test func wholePlanRoundTrips() throws {
        // setup
        var plan = SamplePlans.completePlan(status: .signed)
        let file = EvidenceFile(contentHash: String(repeating: "ab", count: 32), byteCount: 48_213,
                                mediaType: "application/pdf", originalFilename: "Fluency Jan.pdf")
        plan.evidence += [
            Evidence(id: .init("e2"), content: .file(file), caption: "January benchmark", date: SamplePlans.date("2027-01-22"),
                     goalIDs: [plan.goals[0].id], standardIdentifiers: ["wa-teacher-criteria-6"]),
            Evidence(id: .init("e3"), content: .link(URL(string: "https://example.org/lesson-video")!), caption: "Lesson video",
                     date: SamplePlans.date("2027-02-03")),
        ]
        plan.checkIns = [CheckIn(id: .init("c1"), date: SamplePlans.date("2026-10-01"),
                                 progress: [GoalProgress(goalID: plan.goals[0].id, level: .gettingStarted)])]

        // run
        let data = try Self.encoder().encode(plan)
        let decoded = try JSONDecoder().decode(GrowthPlan.self, from: data)
        let again = try Self.encoder().encode(decoded)

        // check
        #expect(decoded == plan)
        #expect(again == data)
    }

    @Test func evidenceIsCodedByKind() throws {
        // setup
        let link = Evidence(id: .init("e"), content: .link(URL(string: "https://example.org/v")!), caption: "Video",
                            date: SamplePlans.date("2027-02-03"))

        // run
        let json = String(decoding: try Self.encoder().encode(link), as: UTF8.self)

        // check
        #expect(json.contains(#""content":{"kind":"link","url":"https:\/\/example.org\/v"}"#))
        #expect(link.kind == .link)
        #expect(json.contains(#""date":"2027-02-03""#))
    }

    @Test func statusesAndScaleUseStableSnakeCaseNames() {
        // run, check
        #expect(PlanStatus.allCases.map(\.rawValue) == ["draft", "active", "in_review", "returned", "signed", "verified", "archived"])
        #expect(ActionStep.Status.allCases.map(\.rawValue) == ["not_started", "in_progress", "done"])
        #expect(GoalProgressLevel.allCases.map(\.rawValue) == ["not_yet_started", "getting_started", "making_progress", "met_or_exceeded"])
    }

    @Test func sharingIsExplicitAndWithoutDuplicates() {
        // setup
        var sharing = PlanSharing.ownerOnly
        let coach = Person.ID("coach"), second = Person.ID("coach-2")

        // run
        sharing.share(with: coach)
        sharing.share(with: second)
        sharing.share(with: coach)
        sharing.stopSharing(with: second)

        // check
        #expect(PlanSharing.ownerOnly.coachIDs.isEmpty && !PlanSharing.ownerOnly.isSharedWithSchoolLeaders)
        #expect(sharing.coachIDs == [coach])
        #expect(sharing.isShared(with: coach) && !sharing.isShared(with: second))
        #expect(PlanSharing(coachIDs: [coach, coach]).coachIDs == [coach])
    }
}
