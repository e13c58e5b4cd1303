import Foundation
import TrellisCore

/// Writes a framework and its standards as a 1EdTech CASE 1.0 CFPackage (JSON), so a
/// district can take its frameworks to another CASE tool, or back into Trellis.
///
/// Output is stable: the same input gives byte-for-byte the same file (keys sorted,
/// association identifiers derived from their endpoints, no clock unless given one).
public struct CASEExporter: Sendable {
    /// The base of the `uri` fields, e.g. "https://trellis.example.org/ims/case/v1p0".
    /// CASE wants every object to have a URI; the default one is deliberately unresolvable.
    public var baseURI: String
    /// Written as every object's `lastChangeDateTime` when given. Passed in rather than
    /// read from the clock so exports are reproducible.
    public var lastChange: Date?

    public init(baseURI: String = "https://trellis.invalid/ims/case/v1p0", lastChange: Date? = nil) {
        self.baseURI = baseURI
        self.lastChange = lastChange
    }

    /// A CFPackage for a framework definition (built-in or imported).
    public func export(_ definition: FrameworkDefinition) -> Data {
        export(framework: definition.framework, standards: definition.standards)
    }

    /// A CFPackage with the framework as CFDocument, one CFItem per standard (parents before
    /// children) and one `isChildOf` association per standard, numbered from 1 among siblings.
    ///
    /// Only current standards are written: retired ones (dropped by a newer version of the
    /// package, or retired by hand) are left out rather than given a `statusEndDate`, because
    /// Trellis does not know when they ended and a CASE reader would otherwise list them
    /// among the current ones. A standard whose parent is not written (missing or retired)
    /// is placed at the top level, so every current standard given is written.
    public func export(framework: Framework, standards all: [Standard]) -> Data {
        let standards = all.filter { !$0.isRetired }
        let changed = lastChange.map { $0.formatted(Date.ISO8601FormatStyle()) }
        let documentLink = CASELinkURI(
            title: framework.title, identifier: framework.identifier,
            uri: uri("CFDocuments", framework.identifier)
        )
        let document = CASEDocument(
            identifier: framework.identifier,
            uri: documentLink.uri,
            creator: framework.creator,
            title: framework.title,
            description: framework.description,
            lastChangeDateTime: changed,
            packageURI: CASELinkURI(
                title: framework.title, identifier: framework.identifier,
                uri: uri("CFPackages", framework.identifier)
            )
        )

        var items: [CASEItem] = []
        var associations: [CASEAssociation] = []
        for placed in Self.hierarchyOrder(standards) {
            let standard = placed.standard
            let itemLink = CASELinkURI(title: standard.code, identifier: standard.identifier, uri: uri("CFItems", standard.identifier))
            items.append(CASEItem(
                identifier: standard.identifier,
                uri: itemLink.uri,
                fullStatement: standard.description ?? standard.title,
                abbreviatedStatement: standard.title,
                humanCodingScheme: standard.code,
                lastChangeDateTime: changed,
                documentURI: documentLink
            ))
            let parentLink = placed.parent.map {
                CASELinkURI(title: $0.code, identifier: $0.identifier, uri: uri("CFItems", $0.identifier)
                )
            } ?? documentLink
            let identifier = Self.associationIdentifier(child: standard.identifier, parent: parentLink.identifier ?? "")
            associations.append(CASEAssociation(
                identifier: identifier,
                uri: uri("CFAssociations", identifier),
                associationType: CASEAssociation.isChildOf,
                sequenceNumber: placed.sequenceNumber,
                lastChangeDateTime: changed,
                documentURI: documentLink,
                originNodeURI: itemLink,
                destinationNodeURI: parentLink
            ))
        }

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(CASEPackage(document: document, items: items, associations: associations))
        } catch {
            // Only strings and integers are encoded, which JSONEncoder cannot refuse.
            preconditionFailure("Encoding a CASE package failed: \(error)")
        }
    }

    private func uri(_ collection: String, _ identifier: String) -> String {
        let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))
        let escaped = identifier.addingPercentEncoding(withAllowedCharacters: allowed) ?? identifier
        return "\(baseURI)/\(collection)/\(escaped)"
    }

    struct PlacedStandard {
        var standard: Standard
        var parent: Standard?
        var sequenceNumber: Int
    }

    /// Parents before children; siblings by position, then by their order in the input.
    static func hierarchyOrder(_ standards: [Standard]) -> [PlacedStandard] {
        let known = Set(standards.map(\.identifier))
        var children: [String?: [Int]] = [:]
        for (index, standard) in standards.enumerated() {
            let parent = standard.parentIdentifier.flatMap { known.contains($0) && $0 != standard.identifier ? $0 : nil }
            children[parent, default: []].append(index)
        }
        for key in children.keys {
            children[key]?.sort { (standards[$0].position, $0) < (standards[$1].position, $1) }
        }
        var result: [PlacedStandard] = []
        var visited = Set<Int>()
        var stack: [(index: Int, parent: Standard?, sequence: Int)] = []
        func push(_ siblings: [Int], under parent: Standard?) {
            for (offset, index) in siblings.enumerated().reversed() {
                stack.append((index, parent, offset + 1))
            }
        }
        push(children[nil] ?? [], under: nil)
        while true {
            while let next = stack.popLast() {
                guard visited.insert(next.index).inserted else { continue }
                let standard = standards[next.index]
                result.append(PlacedStandard(standard: standard, parent: next.parent, sequenceNumber: next.sequence))
                push(children[standard.identifier] ?? [], under: standard)
            }
            // Standards caught in a parent cycle are unreachable from the top; write them
            // at the top level rather than lose them.
            guard let orphan = standards.indices.first(where: { !visited.contains($0) }) else { break }
            let topLevelCount = result.filter { $0.parent == nil }.count
            stack.append((orphan, nil, topLevelCount + 1))
        }
        return result
    }

    /// A UUID-shaped identifier derived from the association's endpoints, so exporting
    /// twice gives the same file. Two FNV-1a hashes give the 128 bits; the version nibble
    /// says "custom" (8) as RFC 9562 allows.
    static func associationIdentifier(child: String, parent: String) -> String {
        let bytes = Array("isChildOf\u{0}\(child)\u{0}\(parent)".utf8)
        func fnv(_ seed: UInt64) -> UInt64 {
            var hash = seed
            for byte in bytes {
                hash ^= UInt64(byte)
                hash &*= 0x100_0000_01b3
            }
            return hash
        }
        let high = (fnv(0xcbf2_9ce4_8422_2325) & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_8000
        let low = (fnv(0x8422_2325_cbf2_9ce4) & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        let hex = String(format: "%016llx%016llx", high, low)
        let characters = Array(hex)
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }
        return groups.joined(separator: "-")
    }
}
