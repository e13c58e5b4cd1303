/// Why a document could not be produced. These come from cairo (out of memory, a font it
/// could not load) rather than from the person's text, which is always typeset as given.
public struct PDFError: Error, Sendable, Hashable, CustomStringConvertible {
    /// cairo's own words, e.g. "out of memory".
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { "could not write the PDF: \(message)" }
}
