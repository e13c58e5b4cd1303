import Foundation
import TrellisCore

/// The annual PGP verification form a district keeps for certificate renewal, with the
/// fields of OSPI's form SPI 1128-8: the educator and certificate, the plan and its hours,
/// the certificated reviewer who signed it, and the district admin who verified it. One page.
public enum VerificationForm {
    /// What the form shows, as plain values a service fills from a verified plan.
    public struct Content: Sendable, Hashable {
        /// Stable and unique per form (the plan's id); the archive names files with it.
        public var id: String
        public var districtName: String
        public var educatorName: String
        /// The certificate(s) the hours count toward, as shown, e.g. "512345A".
        public var certificateNumber: String
        public var planTitle: String
        /// As shown to people, e.g. "2026–27".
        public var schoolYear: String
        public var clockHours: Double
        public var reviewerName: String
        public var reviewerCertificateNumber: String
        public var signedOn: CalendarDate
        /// Lower-case hex SHA-256 of the signed snapshot.
        public var snapshotSHA256: String
        public var verifierName: String
        public var verifiedOn: CalendarDate

        public init(id: String, districtName: String, educatorName: String, certificateNumber: String, planTitle: String,
                    schoolYear: String, clockHours: Double, reviewerName: String, reviewerCertificateNumber: String,
                    signedOn: CalendarDate, snapshotSHA256: String, verifierName: String, verifiedOn: CalendarDate) {
            self.id = id
            self.districtName = districtName
            self.educatorName = educatorName
            self.certificateNumber = certificateNumber
            self.planTitle = planTitle
            self.schoolYear = schoolYear
            self.clockHours = clockHours
            self.reviewerName = reviewerName
            self.reviewerCertificateNumber = reviewerCertificateNumber
            self.signedOn = signedOn
            self.snapshotSHA256 = snapshotSHA256
            self.verifierName = verifierName
            self.verifiedOn = verifiedOn
        }
    }

    /// The form as a one-page PDF (US Letter, fonts embedded).
    public static func render(_ content: Content) throws -> Data {
        try render(content, measuring: nil)
    }

    static func render(_ content: Content, measuring unknownGlyphs: ((Int) -> Void)?) throws -> Data {
        let pages = try Typesetter(title: "PGP verification: \(content.educatorName), \(content.schoolYear)", author: content.districtName)
        pages.paragraph(content.districtName, style: .subheading, after: 2)
        pages.paragraph("Professional Growth Plan Verification", style: .title, after: 2)
        pages.paragraph("Annual verification of a completed professional growth plan for certificate renewal (OSPI form SPI 1128-8)",
                        style: .small, after: 8)

        pages.heading("Educator")
        pages.field("Name", content.educatorName)
        pages.field("Certificate number", content.certificateNumber)

        pages.heading("Professional growth plan")
        pages.field("Plan", content.planTitle)
        pages.field("School year", content.schoolYear)
        pages.field("Clock hours", DocumentFormatting.hours(content.clockHours))

        pages.heading("Review")
        pages.field("Reviewer", content.reviewerName)
        pages.field("Reviewer's certificate number", content.reviewerCertificateNumber)
        pages.field("Date signed", content.signedOn.longForm)
        pages.field("Snapshot SHA-256", content.snapshotSHA256, valueStyle: .code)

        pages.heading("Verification")
        pages.paragraph(
            "The district verifies that the educator named above completed the professional growth plan described here, "
                + "that a certificated educator reviewed and signed it, and that it counts for the clock hours shown toward certificate renewal.",
            style: .small, after: 6
        )
        pages.signatureBlock(title: "Verified by the district", statement: "Recorded in Trellis by a district administrator.", fields: [
            .init(label: "Verified by", value: content.verifierName),
            .init(label: "Date verified", value: content.verifiedOn.longForm),
            .init(label: "District", value: content.districtName),
        ])
        let data = try pages.finish(footer: "PGP verification · \(content.educatorName) · \(content.schoolYear) · form \(content.id)")
        unknownGlyphs?(pages.unknownGlyphCount)
        return data
    }
}
