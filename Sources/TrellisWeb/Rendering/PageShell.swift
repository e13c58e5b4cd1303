import Hummingbird

/// The layout around one person's pages (the header, both navigations, any message, the footer), rendered once with
/// markers where the title and the content go, and kept as the bytes between them: a page is then its own template's
/// output set between these, with its title. Rendering the layout was a third of a plan page's rendering, and it is
/// the same for every page a person opens in one part of the site.
struct PageShell {
    /// Where the title and the content go when the layout is rendered. Escaping leaves them as they are, and the first
    /// title marker and the last content marker are the real ones: the title comes before anything a person wrote, and
    /// nothing but the footer follows the content.
    static let titleMarker = "\u{1}title\u{1}"
    static let mainMarker = "\u{1}main\u{1}"

    let beforeTitle: [UInt8]
    let beforeMain: [UInt8]
    let afterMain: [UInt8]

    /// The layout's output rendered with the markers; nil if it lacks either one.
    init?(rendered: String) {
        let bytes = Array(rendered.utf8)
        let title = Array(Self.titleMarker.utf8), main = Array(Self.mainMarker.utf8)
        guard let titleAt = bytes.firstRange(of: title), let mainAt = bytes.ranges(of: main).last,
              titleAt.upperBound <= mainAt.lowerBound else { return nil }
        beforeTitle = Array(bytes[..<titleAt.lowerBound])
        beforeMain = Array(bytes[titleAt.upperBound..<mainAt.lowerBound])
        afterMain = Array(bytes[mainAt.upperBound...])
    }

    var byteCount: Int { beforeTitle.count + beforeMain.count + afterMain.count }

    /// A whole page: `title` escaped as the layout's `{{title}}` is, `main` as its template rendered it.
    func page(title: String, main: String) -> ByteBuffer {
        let escaped = TrellisHTMLContentType.escape(title)
        var buffer = ByteBuffer()
        buffer.reserveCapacity(byteCount + escaped.utf8.count + main.utf8.count)
        buffer.writeBytes(beforeTitle)
        buffer.writeString(escaped)
        buffer.writeBytes(beforeMain)
        buffer.writeString(main)
        buffer.writeBytes(afterMain)
        return buffer
    }
}
