import Foundation
import Testing
@testable import TrellisDocuments

/// The annual verification form: one page with every field of SPI 1128-8, exact names and the hash.
@Suite(.enabled(if: Poppler.isInstalled, Comment(rawValue: Poppler.missing)))
struct VerificationFormTests {
    @Test func everyFieldIsOnOnePage() throws {
        // setup
        let form = DocumentSamples.form(hours: 25)
        // run
        var unknown = -1
        let pdf = try VerificationForm.render(form, measuring: { unknown = $0 })
        let text = Poppler.flattened(try Poppler.text(of: pdf))
        // check
        #expect(try Poppler.pageCount(of: pdf) == 1)
        for expected in ["Nguyễn Thị Hồng", "512345A", "Reading fluency in 3rd grade", "2026–27", "Clock hours 25",
                         "Zoë Ångström", "498765B", "June 2, 2027", "Đặng Văn Lâm", "June 10, 2027",
                         "Cascade School District", DocumentSamples.hash, "Page 1 of 1"] {
            #expect(text.contains(expected), "missing: \(expected)")
        }
        #expect(unknown == 0)
    }

    @Test func fractionalHoursPrintAsNumbers() throws {
        // run
        let text = Poppler.flattened(try Poppler.text(of: try VerificationForm.render(DocumentSamples.form(hours: 12.25))))
        // check
        #expect(text.contains("Clock hours 12.25"))
    }

    @Test func fontsAreEmbedded() throws {
        // run
        let fonts = try Poppler.fonts(of: try VerificationForm.render(DocumentSamples.form()))
        // check
        #expect(!fonts.isEmpty)
        for font in fonts {
            #expect(font.embedded, "\(font.name) is not embedded")
        }
    }

    @Test func hoursAreFormattedWithoutTheLocale() {
        // check
        #expect(DocumentFormatting.hours(25) == "25")
        #expect(DocumentFormatting.hours(7.5) == "7.5")
        #expect(DocumentFormatting.hours(0.25) == "0.25")
        #expect(DocumentFormatting.hours(1.05) == "1.05")
        #expect(DocumentFormatting.hours(100.004) == "100")
    }
}
