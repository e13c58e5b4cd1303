import Foundation
import TrellisCore

extension CASEImporter {
    /// The items as standards, parents before children, siblings in order.
    func standards(items: [CASEItem], placements: [Placement]) -> [Standard] {
        var children: [Int?: [Int]] = [:]
        for placement in placements {
            children[placement.parentPosition, default: []].append(placement.itemPosition)
        }
        for key in children.keys {
            children[key]?.sort { lhs, rhs in
                Self.precedes(placements[lhs], placements[rhs])
            }
        }

        // Depth-first with an explicit stack: a deep chain in a hostile file cannot
        // overflow the call stack.
        struct Pending {
            var item: Int
            var position: Int
            var outline: [Int]
        }
        var stack = (children[nil] ?? []).enumerated().reversed().map {
            Pending(item: $0.element, position: $0.offset, outline: [$0.offset + 1])
        }
        var result: [Standard] = []
        result.reserveCapacity(items.count)
        while let next = stack.popLast() {
            let item = items[next.item]
            let parent = placements[next.item].parentPosition.flatMap { items[$0].identifier }
            result.append(Self.standard(from: item, parent: parent, position: next.position, outline: next.outline))
            for (offset, child) in (children[next.item] ?? []).enumerated().reversed() {
                stack.append(Pending(item: child, position: offset, outline: next.outline + [offset + 1]))
            }
        }
        return result
    }

    /// Numbered siblings first by number; the rest, and ties, in CFItems order.
    private static func precedes(_ lhs: Placement, _ rhs: Placement) -> Bool {
        switch (lhs.sequenceNumber, rhs.sequenceNumber) {
        case let (left?, right?) where left != right: return left < right
        case (.some, .none): return true
        case (.none, .some): return false
        default: return lhs.itemPosition < rhs.itemPosition
        }
    }

    private static func standard(from item: CASEItem, parent: String?, position: Int, outline: [Int]) -> Standard {
        // Both are checked present and non-blank before this point.
        let identifier = item.identifier ?? ""
        let fullStatement = CASEText.trimmed(item.fullStatement ?? "")
        let title: String
        if let abbreviated = item.abbreviatedStatement, !CASEText.isBlank(abbreviated) {
            title = CASEText.collapsed(abbreviated)
        } else {
            title = shortTitle(CASEText.collapsed(fullStatement))
        }
        // Without a human code, the item's place in the outline ("2.1.3") is the most
        // useful short name a person can say aloud.
        let code: String
        if let human = item.humanCodingScheme, !CASEText.isBlank(human) {
            code = CASEText.trimmed(human)
        } else {
            code = outline.map(String.init).joined(separator: ".")
        }
        return Standard(
            identifier: identifier,
            code: code,
            title: title,
            description: fullStatement == title ? nil : fullStatement,
            parentIdentifier: parent,
            position: position
        )
    }

    /// A full statement short enough for a list: cut at a word boundary, marked with "…".
    static func shortTitle(_ text: String) -> String {
        guard text.count > maximumTitleLength else { return text }
        let limit = maximumTitleLength - 1
        var cut = String(text.prefix(limit))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            cut = String(cut[..<space])
        }
        while let last = cut.last, last == " " || ",;:-–—(".contains(last) {
            cut.removeLast()
        }
        return cut + "…"
    }
}

/// Text clean-up for CASE statements; a namespace rather than a String extension so it
/// cannot collide with helpers elsewhere in the module.
enum CASEText {
    static func isBlank(_ text: String) -> Bool { text.allSatisfy(\.isWhitespace) }

    static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// Line breaks and runs of spaces become single spaces, as a one-line title needs.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
