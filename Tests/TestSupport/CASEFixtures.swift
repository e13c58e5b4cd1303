import Foundation

/// The real CASE packages in `shared/fixtures/case`, read as published.
public enum CASEFixtures {
    public static var directory: URL {
        // Tests/TestSupport/CASEFixtures.swift → repository root → its sibling `shared`.
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/fixtures/case")
    }

    public static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    /// A small package written here: two top-level items whose file order differs from their sequence order,
    /// and a child under the second. `title` lets a test re-import the same identifiers with new text.
    public static func small(title: String = "Literacy Coaching Standards", firstTitle: String = "Plan literacy instruction", includeChild: Bool = true) -> Data {
        let doc = "11111111-0000-0000-0000-000000000000"
        func item(_ id: String, _ code: String, _ statement: String) -> String {
            #"{"identifier":"\#(id)","uri":"https://example.org/items/\#(id)","fullStatement":"\#(statement)","humanCodingScheme":"\#(code)","lastChangeDateTime":"2026-01-01T00:00:00+00:00"}"#
        }
        func child(_ id: String, of parent: String, _ sequence: Int, _ assoc: String) -> String {
            #"{"identifier":"\#(assoc)","uri":"https://example.org/assoc/\#(assoc)","associationType":"isChildOf","sequenceNumber":\#(sequence),"originNodeURI":{"identifier":"\#(id)","uri":"https://example.org/items/\#(id)","title":"x"},"destinationNodeURI":{"identifier":"\#(parent)","uri":"https://example.org/x/\#(parent)","title":"x"},"lastChangeDateTime":"2026-01-01T00:00:00+00:00"}"#
        }
        var items = [item("a2", "LIT-2", "Use data from running records to group readers 𝑑"), item("a1", "LIT-1", firstTitle)]
        var associations = [child("a2", of: doc, 2, "c2"), child("a1", of: doc, 1, "c1")]
        if includeChild {
            items.append(item("a21", "LIT-2.1", "Exit tickets every week"))
            associations.append(child("a21", of: "a2", 1, "c3"))
        }
        return Data("""
            {"CFDocument":{"identifier":"\(doc)","uri":"https://example.org/doc/\(doc)","creator":"Cascade Literacy Office","title":"\(title)","lastChangeDateTime":"2026-01-01T00:00:00+00:00"},
             "CFItems":[\(items.joined(separator: ","))],
             "CFAssociations":[\(associations.joined(separator: ","))]}
            """.utf8)
    }
}
