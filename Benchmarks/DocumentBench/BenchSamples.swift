import TrellisCore
import TrellisDocuments

/// The documents the benchmark typesets: forms with varied names, and a plan the size of the
/// large demo plan (5 goals, 20 pieces of evidence, 10 check-ins, long reflections).
enum BenchSamples {
    static let names = ["Nguyễn Thị Hồng", "Zoë Ångström", "María José Fernández", "Đặng Văn Lâm", "Aaliyah Johnson",
                        "Søren Østergaard", "Wiremu Tāne", "Chloé Dubois-Łukasik"]
    static let hash = "9f2c4e1ab0d37c55e8a1f06b2d94c3e7a5b8f01d6e2c9a4b7d3f5e8c1a0b2d4f"

    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    static func form(number: Int) -> VerificationForm.Content {
        VerificationForm.Content(
            id: String(format: "%08x-bench", number * 2_654_435_761 % 4_294_967_296),
            districtName: "Cascade School District", educatorName: names[number % names.count],
            certificateNumber: "5\(10000 + number)A", planTitle: "Reading fluency and student discourse in grade \(number % 6 + 1)",
            schoolYear: "2026–27", clockHours: 25, reviewerName: "Zoë Ångström", reviewerCertificateNumber: "498765B",
            signedOn: day("2027-06-02"), snapshotSHA256: hash, verifierName: "Đặng Văn Lâm", verifiedOn: day("2027-06-10")
        )
    }

    static let reflection = String(repeating: "Students who had been reluctant to read aloud began volunteering, and the fluency chart on the wall became something they asked about each Friday. I learned to group by need rather than by level, and to hand more of the tracking to the students themselves. ", count: 6)

    static func largePlan() -> PlanDocument.Content {
        let goals = (1...5).map { number in
            PlanDocument.Goal(
                statement: "Goal \(number) 🌱: by May 15, 80% of my students will meet the district benchmark in reading fluency, measured three times a year, with every student growing at least one level.",
                studentOutcome: "Students read grade-level text accurately, at a good rate and with expression.",
                teacherAction: "Daily 15-minute small-group fluency practice with repeated reading and partner feedback.",
                measure: "District fluency benchmark (fall, winter, spring) and weekly one-minute reads.",
                baseline: "52% at benchmark in September.", target: "80% at benchmark by May.", targetDate: day("2027-05-15"),
                focusAreas: number == 2 ? ["STEM integration"] : ["Equity-based practice"],
                alignment: [.init(code: "3.\(number)", title: "Uses research-based instructional strategies to meet the needs of all students"),
                            .init(code: "RF.3.4", title: "Read with sufficient accuracy and fluency to support comprehension")],
                actionSteps: (1...4).map { .init(what: "Step \($0): plan, teach and review a fluency cycle with the grade-level team", due: day("2026-1\($0 % 3)-15"), status: $0 < 3 ? "Done" : "In progress", hours: 2.5) },
                evidence: (1...4).map { .init(kind: $0 % 2 == 0 ? "Link" : "File", caption: "Benchmark results and student reflections, round \($0)", date: day("2027-0\($0)-20"), reference: $0 % 2 == 0 ? "https://drive.example.org/fluency/round-\($0)" : "Fluency round \($0).pdf") },
                reflection: .init(studentChange: reflection, practiceChange: reflection, evidenceThatShowsIt: "The three benchmark reports and the students' own charts.")
            )
        }
        return PlanDocument.Content(
            planTitle: "Fluency and discourse across the day", schoolYear: "2026–27", educatorName: "Nguyễn Thị Hồng",
            educatorEmail: "hong.nguyen@example.org", schoolName: "Lincoln Elementary", districtName: "Cascade School District",
            status: "Signed", certificates: [.init(type: "Professional Teacher", number: "512345A", expires: day("2029-06-30"))],
            goals: goals,
            checkIns: (1...10).map { .init(date: day("2026-\(String(format: "%02d", $0 % 12 + 1))-04"), progress: "Goal 1: Making progress; Goal 2: Just started", whatHappened: "Groups met four days of five; two students moved up a level. The schedule change in week two cost a day.", whatsNext: "Add a second group and share charts at the PLC.") },
            nextSteps: reflection,
            signature: .init(reviewerName: "Zoë Ångström", reviewerCertificateNumber: "498765B", signedOn: day("2027-06-02"), snapshotSHA256: hash),
            printedOn: day("2027-06-03")
        )
    }
}
