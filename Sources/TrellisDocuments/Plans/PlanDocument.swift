import Foundation
import TrellisCore

/// The printable professional growth plan, laid out in the order of Washington's PGP
/// template (PESB form 1697): the educator and certificates, then each goal with its SMART
/// parts, alignment, action steps, evidence and reflection, then check-ins, next steps and
/// the certificated reviewer's signature with the SHA-256 of the signed snapshot.
public enum PlanDocument {
    /// The plan as a PDF (US Letter, fonts embedded).
    public static func render(_ content: Content) throws -> Data {
        try render(content, measuring: nil)
    }

    /// Also reports how many characters no installed font could show, for tests that make
    /// sure nothing prints as a box.
    static func render(_ content: Content, measuring unknownGlyphs: ((Int) -> Void)?) throws -> Data {
        let pages = try Typesetter(title: "Professional Growth Plan: \(content.planTitle)", author: content.educatorName)
        writeHeader(content, on: pages)
        for (index, goal) in content.goals.enumerated() {
            writeGoal(goal, number: index + 1, on: pages)
        }
        if content.goals.isEmpty {
            pages.heading("Goals")
            pages.paragraph("No goals written yet.", style: .small)
        }
        writeCheckIns(content.checkIns, on: pages)
        pages.heading("Next steps")
        pages.paragraph(DocumentFormatting.text(content.nextSteps))
        writeSignature(content.signature, on: pages)
        let footer = "Professional Growth Plan · \(content.educatorName) · \(content.schoolYear) · printed \(content.printedOn.longForm)"
        let data = try pages.finish(footer: footer)
        unknownGlyphs?(pages.unknownGlyphCount)
        return data
    }

    private static func writeHeader(_ content: Content, on pages: Typesetter) {
        pages.paragraph("Professional Growth Plan", style: .title, after: 2)
        pages.paragraph("\(content.planTitle) · \(content.schoolYear)", style: .subheading, after: 10)
        pages.field("Educator", content.educatorName)
        if !content.educatorEmail.isEmpty { pages.field("Email", content.educatorEmail) }
        if !content.schoolName.isEmpty { pages.field("School", content.schoolName) }
        pages.field("District", content.districtName)
        pages.field("School year", content.schoolYear)
        pages.field("Status", content.status)
        pages.heading("Certificates held")
        pages.table(
            [.init("Certificate", share: 3), .init("Number", share: 2), .init("Expires", share: 2)],
            rows: content.certificates.map { [$0.type, $0.number, DocumentFormatting.date($0.expires)] },
            empty: "No certificate on file."
        )
    }

    private static func writeGoal(_ goal: Goal, number: Int, on pages: Typesetter) {
        pages.heading("Goal \(number)")
        pages.paragraph(DocumentFormatting.text(goal.statement), style: .bodyBold, after: 6)
        pages.field("Student outcome", DocumentFormatting.text(goal.studentOutcome))
        pages.field("Teacher action", DocumentFormatting.text(goal.teacherAction))
        pages.field("Measure", DocumentFormatting.text(goal.measure))
        pages.field("Baseline", DocumentFormatting.text(goal.baseline))
        pages.field("Target", DocumentFormatting.text(goal.target))
        pages.field("Target date", DocumentFormatting.date(goal.targetDate, missing: "Not set"))
        if !goal.focusAreas.isEmpty {
            pages.field("Renewal focus", goal.focusAreas.joined(separator: ", "))
        }

        pages.heading("Alignment to standards", style: .subheading)
        pages.table(
            [.init("Code", share: 1), .init("Standard", share: 5)],
            rows: goal.alignment.map { [$0.code, $0.title] },
            empty: "Not aligned to a standard yet."
        )
        pages.heading("Action steps", style: .subheading)
        pages.table(
            [.init("What", share: 5), .init("Due", share: 2), .init("Status", share: 1.5), .init("Hours", share: 1)],
            rows: goal.actionSteps.map {
                [$0.what, DocumentFormatting.date($0.due), $0.status, $0.hours.map(DocumentFormatting.hours) ?? "—"]
            },
            empty: "No action steps yet."
        )
        pages.heading("Evidence", style: .subheading)
        pages.table(
            [.init("Kind", share: 1), .init("What it shows", share: 4), .init("Date", share: 2), .init("File or link", share: 3)],
            rows: goal.evidence.map { [$0.kind, $0.caption, DocumentFormatting.date($0.date), $0.reference.isEmpty ? "—" : $0.reference] },
            empty: "No evidence attached yet."
        )
        pages.heading("Reflection", style: .subheading)
        if let reflection = goal.reflection {
            pages.labeledParagraph("What changed for students", DocumentFormatting.text(reflection.studentChange))
            pages.labeledParagraph("What changed in my practice", DocumentFormatting.text(reflection.practiceChange))
            pages.labeledParagraph("Evidence that shows it", DocumentFormatting.text(reflection.evidenceThatShowsIt))
        } else {
            pages.paragraph("Not written yet.", style: .small)
        }
    }

    private static func writeCheckIns(_ checkIns: [CheckIn], on pages: Typesetter) {
        pages.heading("Check-ins")
        pages.table(
            [.init("Date", share: 2), .init("Progress", share: 3), .init("What happened", share: 4), .init("What's next", share: 3)],
            rows: checkIns.map { [$0.date.longForm, $0.progress, $0.whatHappened, DocumentFormatting.text($0.whatsNext, missing: "—")] },
            empty: "No check-ins recorded."
        )
    }

    private static func writeSignature(_ signature: Signature?, on pages: Typesetter) {
        pages.heading("Review and signature")
        let statement = "A certificated educator reviewed this plan, its evidence and reflections, and signed it. "
            + "The SHA-256 below identifies the exact snapshot that was signed; Trellis can check that the stored plan still matches it."
        guard let signature else {
            let unsigned = "Nobody has signed this plan. When a certificated educator reviews and signs it, their name, "
                + "certificate number, the date and the SHA-256 of the signed snapshot appear here."
            pages.signatureBlock(title: "Not signed yet", statement: unsigned, fields: [
                .init(label: "Reviewer", value: "—"),
                .init(label: "Certificate number", value: "—"),
                .init(label: "Date signed", value: "—"),
                .init(label: "Snapshot SHA-256", value: "not signed yet"),
            ])
            return
        }
        pages.signatureBlock(title: "Signed by the reviewer", statement: statement, fields: [
            .init(label: "Reviewer", value: signature.reviewerName),
            .init(label: "Certificate number", value: signature.reviewerCertificateNumber),
            .init(label: "Date signed", value: signature.signedOn.longForm),
            .init(label: "Snapshot SHA-256", value: signature.snapshotSHA256, style: .code),
        ])
    }
}
