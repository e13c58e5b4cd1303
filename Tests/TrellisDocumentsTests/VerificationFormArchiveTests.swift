import Foundation
import Testing
import ZIPFoundation
@testable import TrellisDocuments

/// The ZIP of a period's verification forms opens, holds one PDF per form, and names them safely.
@Suite struct VerificationFormArchiveTests {
    @Test func theZIPHoldsOnePDFPerForm() throws {
        // setup: two people with the same name must not overwrite each other.
        let forms = [
            DocumentSamples.form(id: "3f9a1c2e-aaaa"),
            DocumentSamples.form(id: "77b0d9e4-bbbb", educator: "Zoë Ångström"),
            DocumentSamples.form(id: "a0c3f5d2-cccc"),
        ]
        // run
        let zip = try VerificationFormArchive.make(forms)
        let archive = try Archive(data: zip, accessMode: .read)
        // check
        let entries = Array(archive)
        #expect(entries.map(\.path) == [
            "2026-27/nguyen-thi-hong-3f9a1c2e.pdf",
            "2026-27/zoe-angstrom-77b0d9e4.pdf",
            "2026-27/nguyen-thi-hong-a0c3f5d2.pdf",
        ])
        for entry in entries {
            var pdf = Data()
            _ = try archive.extract(entry) { pdf.append($0) }
            #expect(pdf.starts(with: Data("%PDF-".utf8)))
            #expect(pdf.count == Int(entry.uncompressedSize))
        }
    }

    @Test func namesStayUniqueWhenIdsShareAPrefix() {
        // setup
        var used: Set<String> = []
        let form = DocumentSamples.form(id: "3f9a1c2e-1")
        // run
        let first = VerificationFormArchive.uniqueName(for: form, avoiding: &used)
        let second = VerificationFormArchive.uniqueName(for: DocumentSamples.form(id: "3f9a1c2e-2"), avoiding: &used)
        // check
        #expect(first == "2026-27/nguyen-thi-hong-3f9a1c2e.pdf")
        #expect(second == "2026-27/nguyen-thi-hong-3f9a1c2e-2.pdf")
    }

    @Test func namesAreFoldedToASCII() {
        // check
        #expect(ASCIIFileName.slug("Nguyễn Thị Hồng", fallback: "x") == "nguyen-thi-hong")
        #expect(ASCIIFileName.slug("Đặng Văn Lâm", fallback: "x") == "dang-van-lam")
        #expect(ASCIIFileName.slug("Søren Østergaard-Æbelø", fallback: "x") == "soren-ostergaard-aebelo")
        #expect(ASCIIFileName.slug("../../etc/passwd", fallback: "x") == "etc-passwd")
        #expect(ASCIIFileName.slug("王小明", fallback: "educator") == "educator")
        #expect(ASCIIFileName.slug("2026–27", fallback: "x") == "2026-27")
    }
}
