import TrellisCore

/// One standard in a framework's tree, as the template draws it (recursively, through its children).
final class StandardNode {
    let identifier: String
    let code: String
    let title: String
    let description: String?
    let isRetired: Bool
    let domID: String
    var children: [StandardNode] = []
    /// Set only when the viewer may edit this framework.
    var editPath: String?
    var retirePath: String?
    var movePath: String?
    var isFirst = false
    var isLast = false
    var hasChildren = false

    init(_ standard: Standard, frameworkIdentifier: String, editable: Bool) {
        identifier = standard.identifier
        code = standard.code
        title = standard.title
        description = standard.description == standard.title ? nil : standard.description
        isRetired = standard.isRetired
        domID = "standard-" + String(standard.identifier.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }.prefix(48).map(Character.init))
        if editable {
            let base = SiteRoute.standard(framework: frameworkIdentifier, standard: standard.identifier).path
            editPath = base
            retirePath = base + "/retirement"
            movePath = base + "/position"
        }
    }

    /// The tree of a framework's standards, in the order the definition gives (parents first, siblings in order).
    static func tree(_ definition: FrameworkDefinition, editable: Bool) -> [StandardNode] {
        var nodes: [String: StandardNode] = [:]
        var roots: [StandardNode] = []
        for standard in definition.standards {
            let node = StandardNode(standard, frameworkIdentifier: definition.framework.identifier, editable: editable)
            nodes[standard.identifier] = node
            if let parent = standard.parentIdentifier.flatMap({ nodes[$0] }) { parent.children.append(node) } else { roots.append(node) }
        }
        func mark(_ list: [StandardNode]) {
            list.first?.isFirst = true
            list.last?.isLast = true
            for node in list {
                node.hasChildren = !node.children.isEmpty
                mark(node.children)
            }
        }
        mark(roots)
        return roots
    }
}

import Foundation
