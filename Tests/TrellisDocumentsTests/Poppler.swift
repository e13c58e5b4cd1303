import Foundation
import Testing

/// Runs Poppler's command-line tools (Debian's poppler-utils) on a PDF, so the tests read a
/// document the way a person's viewer would rather than trusting the code that wrote it.
enum Poppler {
    static func path(of tool: String) -> String? {
        ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"].map { "\($0)/\(tool)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether pdftotext is there; the PDF tests are skipped with a message otherwise.
    static var isInstalled: Bool { path(of: "pdftotext") != nil }
    static let missing = "pdftotext is not installed (Debian: apt-get install poppler-utils, or run script/bootstrap)"

    /// The tool's standard output for `pdf` written to a temporary file.
    static func run(_ tool: String, _ arguments: [String], on pdf: Data) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(path(of: tool), "\(tool) not found"))
        process.arguments = arguments.map { $0 == "FILE" ? file.path : $0 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) failed on the PDF")
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes `pdf` to $TRELLIS_DOCUMENT_SAMPLES/`name` when that is set, to look at by eye.
    static func keep(_ pdf: Data, as name: String) {
        guard let directory = ProcessInfo.processInfo.environment["TRELLIS_DOCUMENT_SAMPLES"] else { return }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try? pdf.write(to: URL(fileURLWithPath: directory).appendingPathComponent(name))
    }

    /// The text, in reading order, as UTF-8.
    static func text(of pdf: Data) throws -> String {
        try run("pdftotext", ["-enc", "UTF-8", "FILE", "-"], on: pdf)
    }

    /// "Pages:" from pdfinfo.
    static func pageCount(of pdf: Data) throws -> Int {
        let info = try run("pdfinfo", ["FILE"], on: pdf)
        let line = try #require(info.split(separator: "\n").first { $0.hasPrefix("Pages:") })
        return try #require(Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)))
    }

    /// One entry per font: its name and whether it is embedded.
    static func fonts(of pdf: Data) throws -> [(name: String, embedded: Bool)] {
        let table = try run("pdffonts", ["FILE"], on: pdf).split(separator: "\n").dropFirst(2)
        return table.map { line in
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            // name, type words…, encoding, emb, sub, uni, object, id: emb is the 5th from the end.
            return (String(columns[0]), columns[columns.count - 5] == "yes")
        }
    }

    /// pdftotext joins lines with newlines and may break a long value; this compares text with
    /// all whitespace runs made single spaces.
    static func flattened(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
