/// Simple tables: a shaded header row, wrapped cells, a hairline under each row, and the
/// header repeated on every page the table reaches.
extension Typesetter {
    /// A column: its heading and its share of the column width (shares are normalized).
    struct Column {
        var title: String
        var share: Double

        init(_ title: String, share: Double) {
            self.title = title
            self.share = share
        }
    }

    /// Lays out `rows` under `columns`. With no rows, `empty` is printed instead, so a reader
    /// sees "none recorded" rather than a header over nothing.
    func table(_ columns: [Column], rows: [[String]], empty: String) {
        guard !rows.isEmpty else {
            paragraph(empty, style: .small)
            return
        }
        let gap = 6.0
        let totalShare = columns.reduce(0) { $0 + $1.share }
        var starts: [Double] = []
        var widths: [Double] = []
        var x = left + gap / 2
        for column in columns {
            let columnWidth = width * column.share / totalShare
            starts.append(x)
            widths.append(columnWidth - gap)
            x += columnWidth
        }
        let header = {
            let cells = columns.indices.map { Cell(block: self.block(columns[$0].title, style: .label, width: widths[$0]), x: starts[$0]) }
            self.flowRow(cells, look: RowLook(padding: 3, shade: 0.92))
        }
        let headerHeight = 20.0
        // The header and the first row start on one page.
        let firstRow = columns.indices.map { block(rows[0].indices.contains($0) ? rows[0][$0] : "", style: .small, width: widths[$0]) }
        keepTogether(headerHeight + min(firstRow.map(\.height).max() ?? 0, 60))
        header()
        for (number, row) in rows.enumerated() {
            let blocks = number == 0 ? firstRow : columns.indices.map { block(row.indices.contains($0) ? row[$0] : "", style: .small, width: widths[$0]) }
            let cells = blocks.indices.map { Cell(block: blocks[$0], x: starts[$0]) }
            flowRow(cells, look: RowLook(padding: 3, ruleBelow: 0.8), continued: header)
        }
        space(8)
    }
}
