import CPangoCairo

/// A piece of text laid out by Pango at a fixed width, with the position of each of its
/// lines, so that the typesetter can split it between pages at a line boundary.
///
/// The text goes in through `pango_layout_set_text`, never as markup: whatever a person
/// typed ("<b>", "&amp;") prints as typed and cannot change the formatting.
final class TextBlock {
    /// One laid-out line, in points from the top of the block.
    struct Line {
        var top: Double
        var height: Double
        var baseline: Double
        /// Where the line starts within the block's width (non-zero when centered, right-aligned or right-to-left).
        var x: Double
    }

    let layout: OpaquePointer
    let style: TextStyle
    private(set) var lines: [Line] = []
    /// Characters no font on the machine could show (they would print as boxes).
    private(set) var unknownGlyphCount = 0

    init(_ text: String, style: TextStyle, width: Double, alignment: TextAlignment = .left, fonts: FontCache, context: OpaquePointer) {
        self.style = style
        layout = pango_layout_new(context)
        pango_layout_set_font_description(layout, fonts.description(for: style))
        pango_layout_set_width(layout, Int32((width * Double(pangoScale)).rounded(.down)))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        switch alignment {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        let clean = Self.printable(text)
        clean.withCString { pango_layout_set_text(layout, $0, Int32(clean.utf8.count)) }
        unknownGlyphCount = Int(pango_layout_get_unknown_glyphs_count(layout))
        measureLines()
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(layout))
    }

    /// Total height of all lines.
    var height: Double { lines.last.map { $0.top + $0.height } ?? 0 }

    /// Height of lines `range` stacked, from the top of the first to the bottom of the last.
    func height(of range: Range<Int>) -> Double {
        guard let first = range.first, let last = range.last else { return 0 }
        return lines[last].top + lines[last].height - lines[first].top
    }

    /// How many lines from `start` fit in `available` points (at least zero).
    func linesFitting(from start: Int, in available: Double) -> Int {
        var count = 0
        while start + count < lines.count, height(of: start..<(start + count + 1)) <= available + 0.01 {
            count += 1
        }
        return count
    }

    /// Draws lines `range` with the first one's top at (`x`, `y`).
    func draw(_ range: Range<Int>, x: Double, y: Double, on cr: OpaquePointer) {
        guard let first = range.first else { return }
        cairo_set_source_rgb(cr, style.gray, style.gray, style.gray)
        for index in range {
            let line = lines[index]
            cairo_move_to(cr, x + line.x, y + line.baseline - lines[first].top)
            pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(layout, Int32(index)))
        }
    }

    private func measureLines() {
        guard let iter = pango_layout_get_iter(layout) else { return }
        defer { pango_layout_iter_free(iter) }
        let scale = Double(pangoScale)
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, nil, &logical)
            let baseline = Double(pango_layout_iter_get_baseline(iter)) / scale
            lines.append(Line(top: Double(logical.y) / scale, height: Double(logical.height) / scale,
                              baseline: baseline, x: Double(logical.x) / scale))
        } while pango_layout_iter_next_line(iter) != 0
    }

    /// Line breaks as "\n" and no other control characters: a stray NUL or escape code from a
    /// pasted text must not cut the text short or show as a box.
    static func printable(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var previousWasReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasReturn = scalar == "\r" }
            switch scalar {
            case "\r": scalars.append("\n")
            case "\n": if !previousWasReturn { scalars.append("\n") }
            case "\t": scalars.append(" ")
            default:
                if scalar.properties.generalCategory == .control { continue }
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}

/// Pango measures in 1/1024 of a point.
let pangoScale: Int32 = 1024
