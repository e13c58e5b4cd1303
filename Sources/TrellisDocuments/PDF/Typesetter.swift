import CPangoCairo
import Foundation

/// Lays text out top to bottom on pages and writes them as one PDF with embedded fonts.
///
/// Everything is measured first and drawn at the end, so that each page's footer can say
/// "Page 2 of 5". Text that does not fit on a page continues on the next at a line
/// boundary; a heading never stays alone at the bottom of a page.
final class Typesetter {
    /// Something placed on a page, drawn when the document is finished.
    enum Item {
        case text(TextBlock, lines: Range<Int>, x: Double, y: Double)
        case rule(x1: Double, y1: Double, x2: Double, y2: Double, width: Double, gray: Double)
        case fill(x: Double, y: Double, width: Double, height: Double, gray: Double)
        case frame(x: Double, y: Double, width: Double, height: Double, gray: Double)
    }

    let page: PageGeometry
    private let output = PDFMemoryOutput()
    private let surface: OpaquePointer
    private let cr: OpaquePointer
    private let context: OpaquePointer
    private let fonts = FontCache()
    private var pages: [[Item]] = [[]]
    private var finished = false
    /// The top of the body on the current page; text placed here is "at the top".
    private(set) var y: Double
    /// Characters that would print as boxes, over the whole document (tests keep this at zero).
    private(set) var unknownGlyphCount = 0

    /// A new document. `title` and `author` go into the PDF's properties.
    init(page: PageGeometry = .usLetter, title: String, author: String) throws {
        self.page = page
        y = page.marginTop
        guard let surface = output.makeSurface(width: page.width, height: page.height) else {
            throw PDFError("no PDF surface")
        }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw PDFError(cairoMessage(status))
        }
        self.surface = surface
        cr = cairo_create(surface)
        context = pango_cairo_create_context(cr)
        // PDF surfaces measure in points; Pango assumes 96 dpi unless told.
        pango_cairo_context_set_resolution(context, 72)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, TextBlock.printable(title))
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, TextBlock.printable(author))
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Trellis")
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(context))
        if !finished {
            cairo_destroy(cr)
            cairo_surface_destroy(surface)
        }
    }

    var left: Double { page.marginLeft }
    var width: Double { page.contentWidth }
    var pageCount: Int { pages.count }
    private var isAtTop: Bool { y <= page.marginTop + 0.01 }

    /// Lays `text` out at `width` points wide; nothing is placed yet.
    func block(_ text: String, style: TextStyle, width: Double, alignment: TextAlignment = .left) -> TextBlock {
        let block = TextBlock(text, style: style, width: width, alignment: alignment, fonts: fonts, context: context)
        unknownGlyphCount += block.unknownGlyphCount
        return block
    }

    func place(_ item: Item) {
        pages[pages.count - 1].append(item)
    }

    /// Moves down by `points`, or to the top of the next page if that leaves no room.
    func space(_ points: Double) {
        if isAtTop { return }
        y += points
        if y > page.contentBottom { newPage() }
    }

    /// Starts a new page unless `height` points still fit on this one.
    func keepTogether(_ height: Double) {
        if !isAtTop, y + height > page.contentBottom { newPage() }
    }

    func newPage() {
        pages.append([])
        y = page.marginTop
    }

    func advance(to newY: Double) {
        y = newY
    }

    /// A hairline across the column.
    func rule(gray: Double = 0.6, width: Double = 0.5) {
        place(.rule(x1: left, y1: y, x2: left + self.width, y2: y, width: width, gray: gray))
    }

    /// Draws every page with its footer and returns the PDF.
    func finish(footer: String) throws -> Data {
        precondition(!finished, "a document is finished once")
        let total = pages.count
        for (index, items) in pages.enumerated() {
            for item in items { draw(item) }
            drawFooter(footer, page: index + 1, of: total)
            cairo_show_page(cr)
        }
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        finished = true
        guard status == CAIRO_STATUS_SUCCESS else { throw PDFError(cairoMessage(status)) }
        return output.data
    }

    private func drawFooter(_ text: String, page number: Int, of total: Int) {
        let top = page.height - page.marginBottom - page.footerHeight + 10
        draw(.rule(x1: left, y1: top - 4, x2: left + width, y2: top - 4, width: 0.5, gray: 0.75))
        let counter = block("Page \(number) of \(total)", style: .footer, width: 80, alignment: .right)
        let note = block(text, style: .footer, width: width - 90)
        counter.draw(0..<min(1, counter.lines.count), x: left + width - 80, y: top, on: cr)
        note.draw(0..<min(2, note.lines.count), x: left, y: top, on: cr)
    }

    private func draw(_ item: Item) {
        switch item {
        case let .text(block, lines, x, y):
            block.draw(lines, x: x, y: y, on: cr)
        case let .rule(x1, y1, x2, y2, lineWidth, gray):
            cairo_set_source_rgb(cr, gray, gray, gray)
            cairo_set_line_width(cr, lineWidth)
            cairo_move_to(cr, x1, y1)
            cairo_line_to(cr, x2, y2)
            cairo_stroke(cr)
        case let .fill(x, y, width, height, gray):
            cairo_set_source_rgb(cr, gray, gray, gray)
            cairo_rectangle(cr, x, y, width, height)
            cairo_fill(cr)
        case let .frame(x, y, width, height, gray):
            cairo_set_source_rgb(cr, gray, gray, gray)
            cairo_set_line_width(cr, 0.75)
            cairo_rectangle(cr, x, y, width, height)
            cairo_stroke(cr)
        }
    }
}
