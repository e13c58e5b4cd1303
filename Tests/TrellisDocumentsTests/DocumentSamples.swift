import Foundation
import TrellisCore
import TrellisDocuments

/// Plans and forms with the names the documents must get exactly right.
enum DocumentSamples {
    static let hash = "9f2c4e1ab0d37c55e8a1f06b2d94c3e7a5b8f01d6e2c9a4b7d3f5e8c1a0b2d4f"

    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    static func plan(signed: Bool = true, goalCount: Int = 1, paragraphRepeats: Int = 1) -> PlanDocument.Content {
        let long = String(repeating: "Students read aloud in pairs every morning and tracked their words per minute on a chart they kept themselves. ", count: paragraphRepeats)
        // pdftotext reads table columns side by side, so the table's long text is a different sentence.
        let longCell = String(repeating: "Groups met four days of five. ", count: paragraphRepeats)
        let goals = (1...goalCount).map { number in
            PlanDocument.Goal(
                statement: "🌱 Goal \(number): by May 15, 80% of my 3rd graders will read 90 words per minute (<b>not bold</b> & more).",
                studentOutcome: "More fluent readers. " + long,
                teacherAction: "Daily small-group fluency practice.",
                measure: "District fluency benchmark",
                baseline: "52% in September",
                target: "80%",
                targetDate: day("2027-05-15"),
                focusAreas: ["Equity-based practice"],
                alignment: [.init(code: "3.1", title: "Uses research-based instructional strategies for all students")],
                actionSteps: [
                    .init(what: "Run 15-minute fluency groups", due: day("2026-10-01"), status: "Done", hours: 7.5),
                    .init(what: "Share results with the PLC, \"what worked\", and plan next steps", due: nil, status: "Not started"),
                ],
                evidence: [.init(kind: "File", caption: "Benchmark results, January", date: day("2027-01-20"), reference: "Fluency Jan.pdf")],
                reflection: .init(studentChange: "Reading rates rose. " + long, practiceChange: "I group by need now.")
            )
        }
        return PlanDocument.Content(
            planTitle: "Reading fluency in 3rd grade",
            schoolYear: "2026–27",
            educatorName: "Nguyễn Thị Hồng",
            educatorEmail: "hong.nguyen@example.org",
            schoolName: "Lincoln Elementary",
            districtName: "Cascade School District",
            status: signed ? "Signed" : "Active",
            certificates: [.init(type: "Professional Teacher", number: "512345A", expires: day("2029-06-30"))],
            goals: goals,
            checkIns: [.init(date: day("2026-11-04"), progress: "Goal 1: Making progress", whatHappened: "Groups started. " + longCell, whatsNext: "Add a second group")],
            nextSteps: "Extend the groups to 4th grade. " + long,
            signature: signed ? .init(reviewerName: "Zoë Ångström", reviewerCertificateNumber: "498765B", signedOn: day("2027-06-02"), snapshotSHA256: hash) : nil,
            printedOn: day("2027-06-03")
        )
    }

    static func form(id: String = "3f9a1c2e-0000-4000-8000-000000000001", educator: String = "Nguyễn Thị Hồng", hours: Double = 25) -> VerificationForm.Content {
        VerificationForm.Content(
            id: id, districtName: "Cascade School District", educatorName: educator, certificateNumber: "512345A",
            planTitle: "Reading fluency in 3rd grade 🌱", schoolYear: "2026–27", clockHours: hours,
            reviewerName: "Zoë Ångström", reviewerCertificateNumber: "498765B", signedOn: day("2027-06-02"),
            snapshotSHA256: hash, verifierName: "Đặng Văn Lâm", verifiedOn: day("2027-06-10")
        )
    }
}
