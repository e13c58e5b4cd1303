/// Text that flows: paragraphs and rows of side-by-side cells that continue on the next page
/// at a line boundary when they do not fit.
extension Typesetter {
    /// One cell of a row: a laid-out block and where its column starts.
    struct Cell {
        var block: TextBlock
        var x: Double
        /// Moves the cell's first line down, to share a baseline with a larger neighbor.
        var dy: Double = 0
    }

    /// How a row looks: padding above and below its text, an optional shaded background and
    /// an optional hairline under it.
    struct RowLook {
        var padding: Double = 0
        var shade: Double? = nil
        var ruleBelow: Double? = nil
        /// Prose may break across pages once this many lines fit; nil keeps a row whole on the
        /// next page when it fits there (table rows, fields).
        var breakAfterLines: Int? = nil

        static let plain = RowLook()
        static let prose = RowLook(breakAfterLines: 2)
    }

    /// A paragraph across the column (or indented), continuing onto further pages as needed.
    func paragraph(_ text: String, style: TextStyle = .body, indent: Double = 0, alignment: TextAlignment = .left, after: Double = 6) {
        let cell = Cell(block: block(text, style: style, width: width - indent, alignment: alignment), x: left + indent)
        flowRow([cell], look: .prose)
        space(after)
    }

    /// A small label on its own line with prose under it across the column: for long answers
    /// such as reflections, which a narrow value column would stretch over pages.
    func labeledParagraph(_ label: String, _ text: String, after: Double = 8) {
        let labelBlock = block(label, style: .label, width: width)
        keepTogether(labelBlock.height + 2 * 14)
        flowRow([Cell(block: labelBlock, x: left)], look: .plain)
        advance(to: y + 2)
        paragraph(text, after: after)
    }

    /// A heading, kept on the same page as the start of what follows it.
    func heading(_ text: String, style: TextStyle = .heading, before: Double = 10, after: Double = 5) {
        space(before)
        let heading = block(text, style: style, width: width)
        keepTogether(heading.height + 3 * 14)
        flowRow([Cell(block: heading, x: left)], look: .plain)
        if style == .heading {
            advance(to: y + 2)
            rule(gray: 0.3, width: 0.75)
        }
        space(after)
    }

    /// Places a row of cells. A row that does not fit moves to the next page whole when it
    /// would fit there; a taller one is split line by line. `continued` runs at the top of
    /// each new page the row reaches (a table repeats its header there).
    func flowRow(_ cells: [Cell], look: RowLook, continued: (() -> Void)? = nil) {
        var next = Array(repeating: 0, count: cells.count)
        var freshPage = y <= page.marginTop + 0.01
        while true {
            let rest = cells.indices.map { cells[$0].block.height(of: next[$0]..<cells[$0].block.lines.count) }.max() ?? 0
            let available = page.contentBottom - y - 2 * look.padding
            if rest <= available + 0.01 {
                placeRow(cells, from: next, counts: cells.indices.map { cells[$0].block.lines.count - next[$0] }, height: rest, look: look)
                return
            }
            let fitting = cells.indices.map { cells[$0].block.linesFitting(from: next[$0], in: available) }
            let mayBreakHere = look.breakAfterLines.map { needed in fitting.allSatisfy { $0 >= needed } } ?? false
            if !freshPage, !mayBreakHere, rest <= page.contentHeight * 0.6 || look.breakAfterLines != nil {
                newPage()
                continued?()
                freshPage = true
                continue
            }
            var counts = fitting
            if counts.allSatisfy({ $0 == 0 }) {
                if freshPage {
                    // A single line taller than a page: place it anyway rather than loop forever.
                    counts = cells.indices.map { next[$0] < cells[$0].block.lines.count ? 1 : 0 }
                } else {
                    newPage()
                    continued?()
                    freshPage = true
                    continue
                }
            }
            let height = cells.indices.map { cells[$0].block.height(of: next[$0]..<(next[$0] + counts[$0])) }.max() ?? 0
            placeRow(cells, from: next, counts: counts, height: height, look: look)
            for index in cells.indices { next[index] += counts[index] }
            if cells.indices.allSatisfy({ next[$0] >= cells[$0].block.lines.count }) { return }
            newPage()
            continued?()
            freshPage = true
        }
    }

    private func placeRow(_ cells: [Cell], from next: [Int], counts: [Int], height: Double, look: RowLook) {
        let total = height + 2 * look.padding
        if let shade = look.shade {
            place(.fill(x: left, y: y, width: width, height: total, gray: shade))
        }
        for (index, cell) in cells.enumerated() where counts[index] > 0 {
            let shift = next[index] == 0 ? cell.dy : 0
            place(.text(cell.block, lines: next[index]..<(next[index] + counts[index]), x: cell.x, y: y + look.padding + shift))
        }
        advance(to: y + total)
        if let gray = look.ruleBelow {
            place(.rule(x1: left, y1: y, x2: left + width, y2: y, width: 0.5, gray: gray))
        }
    }

    /// "Label   value" with the label in a narrow column; a long value wraps beside it.
    /// `inset` moves both columns right (inside a frame, say).
    func field(_ label: String, _ value: String, labelWidth: Double = 150, valueStyle: TextStyle = .body, inset: Double = 0) {
        let gap = 8.0
        let labelBlock = block(label, style: .label, width: labelWidth)
        let valueBlock = block(value, style: valueStyle, width: width - 2 * inset - labelWidth - gap)
        // The smaller label shares the value's first baseline.
        let dy = max(0, (valueBlock.lines.first?.baseline ?? 0) - (labelBlock.lines.first?.baseline ?? 0))
        let cells = [Cell(block: labelBlock, x: left + inset, dy: dy), Cell(block: valueBlock, x: left + inset + labelWidth + gap)]
        flowRow(cells, look: RowLook(padding: 2.5))
    }
}
