import Foundation
import TrellisCore

/// A framework read from a CASE file, with its standards in hierarchy order.
public typealias ImportedFramework = FrameworkDefinition

/// Reads a 1EdTech CASE 1.0 CFPackage (JSON) into a framework and its standards.
///
/// All or nothing: a file with any problem is refused with a `CASEImportError` naming it,
/// and nothing is returned, so a district never ends up with half a framework.
public struct CASEImporter: Sendable {
    /// 10 MB: far above real frameworks (a full state set is a few MB), low enough that a
    /// stray upload cannot tie up the server.
    public static let defaultMaximumBytes = 10 * 1024 * 1024
    /// Titles longer than this are shortened at a word boundary; the full text stays in
    /// the description.
    public static let maximumTitleLength = 120

    public var maximumBytes: Int

    public init(maximumBytes: Int = CASEImporter.defaultMaximumBytes) {
        self.maximumBytes = maximumBytes
    }

    /// Parses and checks a CFPackage.
    ///
    /// Hierarchy comes from `isChildOf` associations (origin is the child, destination the
    /// parent; the CFDocument as destination means top level). Siblings are ordered by the
    /// association's `sequenceNumber`, then by their order in CFItems; items without an
    /// `isChildOf` association are top level. An item placed under several parents is
    /// kept once, under the first in file order, because Trellis standards form a tree.
    public func parse(data: Data) throws(CASEImportError) -> ImportedFramework {
        try read(data: data).framework
    }

    /// Parses and checks a CFPackage like `parse`, and also says which unusual shapes of optional fields were
    /// accepted (see `CASEImportResult.tolerated`).
    public func read(data: Data) throws(CASEImportError) -> CASEImportResult {
        // Checked before parsing so an oversized upload costs nothing.
        guard data.count <= maximumBytes else {
            throw CASEImportError(.tooLarge, "The file is \(Self.size(data.count)); the largest accepted is \(Self.size(maximumBytes)).")
        }
        let package = try decode(data)
        guard let document = package.document else {
            throw CASEImportError(.missingDocument, "The file has no CFDocument, so it is not a CASE package.")
        }
        guard let documentID = document.identifier, !CASEText.isBlank(documentID) else {
            throw CASEImportError(.missingField, "CFDocument: missing identifier")
        }
        guard let documentTitle = document.title, !CASEText.isBlank(documentTitle) else {
            throw CASEImportError(.missingField, "CFDocument: missing title")
        }
        let items = package.items ?? []
        let itemIndex = try indexItems(items, documentID: documentID)
        let placements = try placeItems(package.associations ?? [], itemIndex: itemIndex, documentID: documentID)
        try checkForCycles(items: items, placements: placements)

        let framework = Framework(
            identifier: documentID,
            title: CASEText.collapsed(documentTitle),
            creator: document.creator.map(CASEText.collapsed) ?? "",
            description: document.description.flatMap { CASEText.isBlank($0) ? nil : CASEText.trimmed($0) },
            isBuiltIn: false
        )
        return CASEImportResult(framework: ImportedFramework(framework: framework, standards: standards(items: items, placements: placements)),
                                tolerated: Self.tolerated(in: package))
    }

    // MARK: - Decoding

    private func decode(_ data: Data) throws(CASEImportError) -> CASEPackage {
        do {
            return try JSONDecoder().decode(CASEPackage.self, from: data)
        } catch let error as DecodingError {
            throw Self.importError(from: error)
        } catch {
            throw CASEImportError(.notJSON, "The file is not valid JSON.")
        }
    }

    private static func importError(from error: DecodingError) -> CASEImportError {
        switch error {
        case .typeMismatch(_, let context) where context.codingPath.isEmpty,
             .valueNotFound(_, let context) where context.codingPath.isEmpty:
            return CASEImportError(.notAnObject, "The file is not valid JSON for a CASE package: it must be a JSON object with a CFDocument.")
        case .typeMismatch(let type, let context):
            return CASEImportError(.wrongType, "\(describe(context.codingPath)) must be \(describe(type)).")
        case .valueNotFound(_, let context):
            return CASEImportError(.missingField, "\(describe(context.codingPath)): missing value")
        case .keyNotFound(let key, let context):
            return CASEImportError(.missingField, "\(describe(context.codingPath)): missing \(key.stringValue)")
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            return CASEImportError(.wrongType, "\(describe(context.codingPath)) cannot be read.")
        default:
            return CASEImportError(.notJSON, "The file is not valid JSON.")
        }
    }

    /// "CFItems[3].identifier", the way the file's author would find the spot.
    private static func describe(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text.isEmpty ? "The file" : text
    }

    private static func describe(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if type == String.self { return "text" }
        if type == Int.self { return "a whole number" }
        if name.hasPrefix("Array") { return "a list" }
        if name.hasPrefix("Dictionary") { return "an object" }
        return "a \(name)"
    }

    /// A size people read at a glance. Rounded up, so a file just over the limit never
    /// reads as equal to it.
    private static func size(_ bytes: Int) -> String {
        let megabyte = 1024.0 * 1024.0
        guard Double(bytes) >= megabyte else {
            return "\(Int((Double(bytes) / 1024).rounded(.up))) KB"
        }
        let tenths = (Double(bytes) / megabyte * 10).rounded(.up)
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? "\(Int(tenths / 10)) MB" : "\(tenths / 10) MB"
    }

    // MARK: - Checking

    /// Map from identifier to position in CFItems, refusing missing and repeated identifiers.
    private func indexItems(_ items: [CASEItem], documentID: String) throws(CASEImportError) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, item) in items.enumerated() {
            guard let identifier = item.identifier, !CASEText.isBlank(identifier) else {
                throw CASEImportError(.missingField, "CFItems[\(position)]: missing identifier")
            }
            if let first = index[identifier] {
                throw CASEImportError(.duplicateIdentifier, "CFItems[\(position)]: duplicate identifier \(identifier) (also CFItems[\(first)])")
            }
            if identifier == documentID {
                throw CASEImportError(.duplicateIdentifier, "CFItems[\(position)]: duplicate identifier \(identifier) (also the CFDocument)")
            }
            guard let statement = item.fullStatement, !CASEText.isBlank(statement) else {
                throw CASEImportError(.missingField, "CFItems[\(position)]: missing fullStatement")
            }
            index[identifier] = position
        }
        return index
    }

    /// Where an item sits: its parent (nil for top level), order and the association that said so.
    struct Placement {
        var itemPosition: Int
        var parentPosition: Int?
        var sequenceNumber: Int?
        var association: Int?
    }

    private func placeItems(
        _ associations: [CASEAssociation], itemIndex: [String: Int], documentID: String
    ) throws(CASEImportError) -> [Placement] {
        var placements = (0..<itemIndex.count).map { Placement(itemPosition: $0) }
        for (position, association) in associations.enumerated() where association.associationType == CASEAssociation.isChildOf {
            let place = "CFAssociations[\(position)]"
            guard let child = association.originNodeURI?.identifier, !CASEText.isBlank(child) else {
                throw CASEImportError(.missingField, "\(place): isChildOf is missing originNodeURI.identifier" + Self.plainText(association.originNodeURI))
            }
            guard let parent = association.destinationNodeURI?.identifier, !CASEText.isBlank(parent) else {
                throw CASEImportError(.missingField, "\(place): isChildOf is missing destinationNodeURI.identifier"
                                      + Self.plainText(association.destinationNodeURI))
            }
            guard let childPosition = itemIndex[child] else {
                throw CASEImportError(.unknownItem, "\(place): isChildOf starts from unknown item \(child)")
            }
            let parentPosition: Int?
            if parent == documentID {
                parentPosition = nil
            } else if let found = itemIndex[parent] {
                parentPosition = found
            } else {
                throw CASEImportError(.unknownItem, "\(place): isChildOf points to unknown item \(parent)")
            }
            guard placements[childPosition].association == nil else { continue }
            placements[childPosition] = Placement(
                itemPosition: childPosition, parentPosition: parentPosition,
                sequenceNumber: association.sequenceNumber, association: position
            )
        }
        return placements
    }

    /// A cycle would make items unreachable from the top, so they would silently vanish.
    private func checkForCycles(items: [CASEItem], placements: [Placement]) throws(CASEImportError) {
        var finished = Set<Int>()
        for start in placements.indices where !finished.contains(start) {
            var path: [Int] = []
            var onPath = Set<Int>()
            var current: Int? = start
            while let node = current, !finished.contains(node) {
                if onPath.contains(node) {
                    let loop = path[path.firstIndex(of: node)!...] + [node]
                    let names = loop.map { items[$0].identifier ?? "?" }.joined(separator: " → ")
                    let association = placements[node].association.map { "CFAssociations[\($0)]" } ?? "CFAssociations"
                    throw CASEImportError(.cycle, "\(association): isChildOf associations form a cycle: \(names)")
                }
                path.append(node)
                onPath.insert(node)
                current = placements[node].parentPosition
            }
            finished.formUnion(path)
        }
    }
}
