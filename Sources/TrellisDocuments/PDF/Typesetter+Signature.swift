/// The framed block at the end of a signed document: who signed, when, and the hash that
/// ties the signature to the exact snapshot.
extension Typesetter {
    /// One line of the block. `style` lets a hash print in a fixed-width face.
    struct SignatureField {
        var label: String
        var value: String
        var style: TextStyle = .body
    }

    /// A frame holding `statement` and `fields`, kept on one page. When nobody has signed,
    /// `fields` should say so: the block is never left looking signed.
    func signatureBlock(title: String, statement: String, fields: [SignatureField]) {
        let inset = 10.0
        let estimate = block(statement, style: .small, width: width - 2 * inset).height
            + Double(fields.count) * 20 + 48
        keepTogether(estimate)
        let startPage = pageCount
        let top = y
        advance(to: y + inset)
        flowRow([Cell(block: block(title, style: .subheading, width: width - 2 * inset), x: left + inset)], look: .plain)
        advance(to: y + 4)
        flowRow([Cell(block: block(statement, style: .small, width: width - 2 * inset), x: left + inset)], look: .plain)
        advance(to: y + 6)
        for field in fields {
            self.field(field.label, field.value, labelWidth: 140, valueStyle: field.style, inset: inset)
        }
        advance(to: y + inset)
        if pageCount == startPage {
            place(.frame(x: left, y: top, width: width, height: y - top, gray: 0.35))
        }
        space(8)
    }
}
