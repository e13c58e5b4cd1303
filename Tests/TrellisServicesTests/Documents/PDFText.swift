import Foundation

/// A PDF's text as Poppler's pdftotext reads it (Debian's poppler-utils), whitespace runs made single spaces, so
/// the tests read a document the way a viewer shows it rather than trusting the code that wrote it.
enum PDFText {
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") }
    static let missing = "pdftotext is not installed (Debian: apt-get install poppler-utils, or run script/bootstrap)"

    static func of(_ pdf: Data) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = ["-enc", "UTF-8", file.path, "-"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // Kept to look at by eye (pdftoppm -png) when TRELLIS_DOCUMENT_SAMPLES names a directory.
        if let directory = ProcessInfo.processInfo.environment["TRELLIS_DOCUMENT_SAMPLES"] {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try? pdf.write(to: URL(fileURLWithPath: directory).appendingPathComponent("service-\(UUID().uuidString.prefix(8)).pdf"))
        }
        return String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
