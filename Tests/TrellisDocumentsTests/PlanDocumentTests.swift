import Foundation
import Testing
@testable import TrellisDocuments

/// The printable plan, read back with Poppler: exact names, the hash, embedded fonts, no boxes, pages that flow.
@Suite(.enabled(if: Poppler.isInstalled, Comment(rawValue: Poppler.missing)))
struct PlanDocumentTests {
    @Test func namesHoursAndHashComeOutExactly() throws {
        // setup
        let plan = DocumentSamples.plan()
        // run
        var unknown = -1
        let pdf = try PlanDocument.render(plan, measuring: { unknown = $0 })
        let text = Poppler.flattened(try Poppler.text(of: pdf))
        // check
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
        #expect(text.contains("Nguyễn Thị Hồng"))
        #expect(text.contains("Zoë Ångström"))
        #expect(text.contains("498765B"))
        #expect(text.contains("512345A"))
        #expect(text.contains(DocumentSamples.hash))
        #expect(text.contains("7.5"), "the action step's hours")
        #expect(text.contains("Fluency Jan.pdf"))
        #expect(text.contains("Uses research-based instructional strategies"))
        #expect(text.contains("Page 1 of"))
        #expect(unknown == 0, "characters printed as boxes")
    }

    @Test func emojiIsTypesetAsTextNotABox() throws {
        // setup: Symbola draws emoji as outlines; a color emoji font would embed pictures instead.
        let colorEmojiInstalled = FileManager.default.fileExists(atPath: "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf")
        // run
        var unknown = -1
        let pdf = try PlanDocument.render(DocumentSamples.plan(), measuring: { unknown = $0 })
        // check
        #expect(unknown == 0)
        if !colorEmojiInstalled {
            #expect(try Poppler.text(of: pdf).contains("🌱"))
        }
    }

    @Test func aCharacterNoFontHasIsCounted() throws {
        // setup: a private-use character that no installed font draws, so it would print as a box.
        var plan = DocumentSamples.plan()
        plan.nextSteps = "Box: \u{10FFFD}"
        // run
        var unknown = -1
        _ = try PlanDocument.render(plan, measuring: { unknown = $0 })
        // check: the count the other tests keep at zero does see boxes.
        #expect(unknown == 1)
    }

    @Test func markupInTheTextPrintsAsTyped() throws {
        // run
        let text = Poppler.flattened(try Poppler.text(of: try PlanDocument.render(DocumentSamples.plan())))
        // check: Pango markup would have eaten the tags and turned "&" into an error.
        #expect(text.contains("(<b>not bold</b> & more)"))
    }

    @Test func everyFontIsEmbedded() throws {
        // run
        let fonts = try Poppler.fonts(of: try PlanDocument.render(DocumentSamples.plan()))
        // check
        #expect(!fonts.isEmpty)
        for font in fonts {
            #expect(font.embedded, "\(font.name) is not embedded")
        }
    }

    @Test func longTextFlowsOntoFurtherPages() throws {
        // setup
        let short = try PlanDocument.render(DocumentSamples.plan())
        let long = DocumentSamples.plan(goalCount: 3, paragraphRepeats: 60)
        // run
        let pdf = try PlanDocument.render(long)
        Poppler.keep(pdf, as: "long-plan.pdf")
        let pages = try Poppler.pageCount(of: pdf)
        let text = Poppler.flattened(try Poppler.text(of: pdf))
        let body = Poppler.flattened(try Poppler.text(of: pdf).split(separator: "\n")
            .filter { !$0.hasPrefix("Professional Growth Plan · ") && !$0.hasPrefix("Page ") }.joined(separator: "\n"))
        // check: several pages, the last one numbered, and the end of the plan still there.
        #expect(try Poppler.pageCount(of: short) <= 3)
        #expect(pages >= 6)
        #expect(text.contains("Page \(pages) of \(pages)"))
        #expect(text.contains(DocumentSamples.hash))
        let sentence = "tracked their words per minute on a chart they kept themselves."
        #expect(body.components(separatedBy: sentence).count - 1 == 60 * (3 * 2 + 1), "every repeated sentence printed once")
    }

    @Test func anUnsignedPlanSaysSo() throws {
        // run
        let text = Poppler.flattened(try Poppler.text(of: try PlanDocument.render(DocumentSamples.plan(signed: false))))
        // check
        #expect(text.contains("Not signed yet"))
        #expect(text.contains("not signed yet"))
        #expect(!text.contains(DocumentSamples.hash))
    }

    @Test func controlCharactersAreDroppedAndLineBreaksKept() {
        // check
        #expect(TextBlock.printable("a\u{0}b\u{1B}c\r\nd\re\tf") == "abc\nd\ne f")
    }
}
