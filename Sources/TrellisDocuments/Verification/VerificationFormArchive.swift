import Foundation
import TrellisCore
import ZIPFoundation

/// All verification forms of a period as one ZIP, built in memory: one folder per school
/// year, one PDF per form, e.g. `2026-27/nguyen-thi-hong-3f9a1c2e.pdf`.
public enum VerificationFormArchive {
    /// The ZIP of `forms`, in the order given. Names are ASCII, so every unzip tool shows
    /// them alike, and unique: the form's id tells two people of the same name apart, and a
    /// counter is added should two forms still share a name.
    public static func make(_ forms: [VerificationForm.Content]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        var used: Set<String> = []
        // Rendering is nearly all the time (zipping 1,000 stored PDFs takes ~0.1 s), so it
        // runs on every core, a batch at a time to bound the PDFs held in memory at once.
        for batch in stride(from: 0, to: forms.count, by: 256).map({ forms[$0..<min($0 + 256, forms.count)] }) {
            let pdfs = try ParallelRendering.map(Array(batch)) { try VerificationForm.render($0) }
            for (form, pdf) in zip(batch, pdfs) {
                try add(pdf, for: form, to: archive, used: &used)
            }
        }
        guard let data = archive.data else { throw PDFError("the ZIP archive was not kept in memory") }
        return data
    }

    private static func add(_ pdf: Data, for form: VerificationForm.Content, to archive: Archive, used: inout Set<String>) throws {
        let name = uniqueName(for: form, avoiding: &used)
        // PDF streams are compressed already; deflating them again costs time for a few percent.
        try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(pdf.count),
                             modificationDate: noon(of: form.verifiedOn), compressionMethod: .none) { position, size in
            pdf.subdata(in: Int(position)..<(Int(position) + size))
        }
    }

    /// The path of `form` inside the ZIP, recorded in `used`.
    static func uniqueName(for form: VerificationForm.Content, avoiding used: inout Set<String>) -> String {
        let folder = ASCIIFileName.slug(form.schoolYear, limit: 20, fallback: "school-year")
        let person = ASCIIFileName.slug(form.educatorName, fallback: "educator")
        let shortID = ASCIIFileName.slug(String(form.id.prefix(8)), limit: 8, fallback: "form")
        let base = "\(folder)/\(person)-\(shortID)"
        var name = "\(base).pdf"
        var counter = 2
        while used.contains(name) {
            name = "\(base)-\(counter).pdf"
            counter += 1
        }
        used.insert(name)
        return name
    }

    /// Entries are dated by the day of verification, so the same forms make the same ZIP.
    private static func noon(of day: CalendarDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12)) ?? Date(timeIntervalSince1970: 0)
    }
}
