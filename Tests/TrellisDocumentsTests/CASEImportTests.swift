import Foundation
import Testing
import TrellisDocuments

/// Reading districts' CASE files: real packages as published, and every way a file can be wrong.
@Suite struct CASEImportTests {
    @Test func importsThePublishedUTF8Fixture() throws {
        // setup
        let data = try CASEFixture.data("Utf8TestFramework.json")

        // run
        let imported = try CASEImporter().parse(data: data)

        // check
        #expect(imported.framework.identifier == "d0000000-0000-0000-0000-000000000000")
        #expect(imported.framework.title == "UTF8 𝑑 Test")
        #expect(imported.framework.title.unicodeScalars.contains { $0.value == 0x1D451 })
        #expect(imported.framework.creator == "OpenSALT Testing")
        #expect(!imported.framework.isBuiltIn)
        #expect(imported.standards.count == 1)
        let item = try #require(imported.standards.first)
        #expect(item.identifier == "00000000-0000-0000-0000-000000000001")
        #expect(item.title == "Item 𝑑 1")
        #expect(item.description == nil)
        #expect(item.parentIdentifier == nil)
        #expect(item.position == 0)
        #expect(item.code == "1")
    }

    @Test func escapedSurrogatePairsDecodeToTheSameCharacter() throws {
        // setup
        let json = #"{"CFDocument": {"identifier": "doc", "title": "UTF8 \ud835\udc51 Test"}, "CFItems": [{"identifier": "i1", "fullStatement": "Item \ud835\udc51 1"}]}"#

        // run
        let imported = try CASEImporter().parse(data: Data(json.utf8))

        // check
        #expect(imported.framework.title == "UTF8 𝑑 Test")
        #expect(imported.standards.first?.title == "Item 𝑑 1")
    }

    @Test func siblingsFollowSequenceNumberNotFileOrder() throws {
        // setup: the file lists C, A, B and a child-less D; the associations number them A, B, C.
        let data = CASEFixture.package(
            items: [
                CASEFixture.item("C", "Third"), CASEFixture.item("A", "First"), CASEFixture.item("B", "Second"),
                CASEFixture.item("A2", "A's second child"), CASEFixture.item("A1", "A's first child"),
                CASEFixture.item("A3", "A's unnumbered child"), CASEFixture.item("D", "No association"),
            ],
            associations: [
                CASEFixture.child("C", of: "doc", sequence: 3), CASEFixture.child("A", of: "doc", sequence: 1),
                CASEFixture.child("A3", of: "A", sequence: nil), CASEFixture.child("A2", of: "A", sequence: 20),
                CASEFixture.child("B", of: "doc", sequence: 2), CASEFixture.child("A1", of: "A", sequence: 10),
            ]
        )

        // run
        let imported = try CASEImporter().parse(data: data)

        // check
        #expect(imported.standards.map(\.identifier) == ["A", "A1", "A2", "A3", "B", "C", "D"])
        #expect(imported.standards.map(\.position) == [0, 0, 1, 2, 1, 2, 3])
        #expect(imported.standards.map(\.parentIdentifier) == [nil, "A", "A", "A", nil, nil, nil])
        #expect(imported.standards.map(\.code) == ["1", "1.1", "1.2", "1.3", "2", "3", "4"])
    }

    @Test func codesTitlesAndDescriptionsFromTheItem() throws {
        // setup
        let long = "Students analyze how an author develops and contrasts the points of view of different characters or narrators in a text, citing evidence throughout."
        let data = CASEFixture.package(items: [
            CASEFixture.item("x", "  Full statement\nover two lines ", code: "ELA.8.6", abbreviated: "Point of view"),
            CASEFixture.item("y", long),
            CASEFixture.item("z", "  Same text  ", abbreviated: "Same text"),
        ])

        // run
        let standards = try CASEImporter().parse(data: data).standards

        // check
        #expect(standards[0].code == "ELA.8.6")
        #expect(standards[0].title == "Point of view")
        #expect(standards[0].description == "Full statement\nover two lines")
        #expect(standards[1].title.count <= CASEImporter.maximumTitleLength)
        #expect(standards[1].title.hasSuffix("…"))
        #expect(long.hasPrefix(String(standards[1].title.dropLast())))
        #expect(standards[1].description == long)
        #expect(standards[2].title == "Same text")
        #expect(standards[2].description == nil)
    }

    @Test func otherAssociationTypesAreIgnored() throws {
        // setup: isRelatedTo may point anywhere, even outside the file.
        var related = CASEFixture.child("a", of: "somewhere-else", sequence: nil)
        related["associationType"] = "isRelatedTo"
        let data = CASEFixture.package(items: [CASEFixture.item("a", "A")], associations: [related])

        // run
        let imported = try CASEImporter().parse(data: data)

        // check
        #expect(imported.standards.map(\.identifier) == ["a"])
        #expect(imported.standards.first?.parentIdentifier == nil)
    }

    @Test func anItemUnderTwoParentsIsKeptUnderTheFirst() throws {
        // setup
        let data = CASEFixture.package(
            items: [CASEFixture.item("p", "P"), CASEFixture.item("q", "Q"), CASEFixture.item("c", "C")],
            associations: [CASEFixture.child("c", of: "q", sequence: 1), CASEFixture.child("c", of: "p", sequence: 1)]
        )

        // run
        let standards = try CASEImporter().parse(data: data).standards

        // check
        #expect(standards.map(\.identifier) == ["p", "q", "c"])
        #expect(standards.last?.parentIdentifier == "q")
    }

    @Test("Malformed files are refused whole, with a message naming the problem", arguments: MalformedCase.all)
    func malformed(_ example: MalformedCase) {
        // run
        let error = #expect(throws: CASEImportError.self) {
            try CASEImporter().parse(data: example.data)
        }

        // check
        #expect(error?.problem == example.problem)
        #expect(error?.message.hasPrefix(example.message) == true, "\(error?.message ?? "no error")")
    }

    @Test func aFileOverTheLimitIsRefusedBeforeParsing() throws {
        // setup
        let fixture = try CASEFixture.data("Utf8TestFramework.json")
        let oversized = Data(count: CASEImporter.defaultMaximumBytes + 1)

        // run
        let small = #expect(throws: CASEImportError.self) { try CASEImporter(maximumBytes: 1_000).parse(data: fixture) }
        let large = #expect(throws: CASEImportError.self) { try CASEImporter().parse(data: oversized) }
        let atLimit = try CASEImporter(maximumBytes: fixture.count).parse(data: fixture)

        // check
        #expect(small?.problem == .tooLarge)
        #expect(small?.message == "The file is 3 KB; the largest accepted is 1 KB.")
        #expect(large?.problem == .tooLarge)
        #expect(large?.message == "The file is 10.1 MB; the largest accepted is 10 MB.")
        #expect(atLimit.standards.count == 1)
    }
}

/// A broken file and what the importer must say about it.
struct MalformedCase: Sendable, CustomTestStringConvertible {
    var name: String
    var data: Data
    var problem: CASEImportError.Problem
    var message: String

    var testDescription: String { name }

    static let all: [MalformedCase] = {
        let twelveGood = (0..<12).map { CASEFixture.item("item-\($0)", "Item \($0)") }
        let okItems = (0..<6).map { CASEFixture.item("item-\($0)", "Item \($0)") }
        let okLinks = (0..<5).map { (index: Int) in CASEFixture.child("item-\(index)", of: "doc", sequence: index) }
        var noStatement = CASEFixture.item("item-0", "x")
        noStatement["fullStatement"] = nil
        var blankStatement = CASEFixture.item("item-0", "x")
        blankStatement["fullStatement"] = "   "
        var numericIdentifier = CASEFixture.item("item-0", "x")
        numericIdentifier["identifier"] = 5
        var noOrigin = CASEFixture.child("item-0", of: "doc", sequence: 1)
        noOrigin["originNodeURI"] = nil
        return [
            MalformedCase(name: "not JSON", data: Data("CFDocument: yes".utf8), problem: .notJSON,
                          message: "The file is not valid JSON."),
            MalformedCase(name: "empty file", data: Data(), problem: .notJSON, message: "The file is not valid JSON."),
            MalformedCase(name: "a list, not an object", data: Data("[1, 2]".utf8), problem: .notAnObject,
                          message: "The file is not valid JSON"),
            MalformedCase(name: "missing CFDocument", data: Data(#"{"CFItems": []}"#.utf8), problem: .missingDocument,
                          message: "The file has no CFDocument"),
            MalformedCase(name: "CFDocument without identifier", data: Data(#"{"CFDocument": {"title": "T"}}"#.utf8),
                          problem: .missingField, message: "CFDocument: missing identifier"),
            MalformedCase(name: "item 12 without identifier",
                          data: CASEFixture.package(items: twelveGood + [["fullStatement": "No id"]]),
                          problem: .missingField, message: "CFItems[12]: missing identifier"),
            MalformedCase(name: "duplicate identifier",
                          data: CASEFixture.package(items: okItems.prefix(3) + [CASEFixture.item("item-1", "Again")]),
                          problem: .duplicateIdentifier, message: "CFItems[3]: duplicate identifier item-1 (also CFItems[1])"),
            MalformedCase(name: "item reusing the document identifier",
                          data: CASEFixture.package(items: [CASEFixture.item("doc", "Clash")]),
                          problem: .duplicateIdentifier, message: "CFItems[0]: duplicate identifier doc"),
            MalformedCase(name: "dangling parent",
                          data: CASEFixture.package(items: okItems,
                                                    associations: okLinks + [CASEFixture.child("item-5", of: "ghost", sequence: 1)]),
                          problem: .unknownItem, message: "CFAssociations[5]: isChildOf points to unknown item ghost"),
            MalformedCase(name: "dangling child",
                          data: CASEFixture.package(items: okItems, associations: [CASEFixture.child("ghost", of: "doc", sequence: 1)]),
                          problem: .unknownItem, message: "CFAssociations[0]: isChildOf starts from unknown item ghost"),
            MalformedCase(name: "association without origin",
                          data: CASEFixture.package(items: okItems, associations: [noOrigin]),
                          problem: .missingField, message: "CFAssociations[0]: isChildOf is missing originNodeURI.identifier"),
            MalformedCase(name: "cycle",
                          data: CASEFixture.package(
                              items: okItems,
                              associations: [CASEFixture.child("item-0", of: "item-1", sequence: 1),
                                             CASEFixture.child("item-1", of: "item-2", sequence: 1),
                                             CASEFixture.child("item-2", of: "item-0", sequence: 1)]),
                          problem: .cycle,
                          message: "CFAssociations[0]: isChildOf associations form a cycle: item-0 → item-1 → item-2 → item-0"),
            MalformedCase(name: "item that is its own parent",
                          data: CASEFixture.package(items: okItems, associations: [CASEFixture.child("item-3", of: "item-3", sequence: 1)]),
                          problem: .cycle, message: "CFAssociations[0]: isChildOf associations form a cycle: item-3 → item-3"),
            MalformedCase(name: "missing fullStatement", data: CASEFixture.package(items: [noStatement]),
                          problem: .missingField, message: "CFItems[0]: missing fullStatement"),
            MalformedCase(name: "blank fullStatement", data: CASEFixture.package(items: [blankStatement]),
                          problem: .missingField, message: "CFItems[0]: missing fullStatement"),
            MalformedCase(name: "identifier of the wrong type", data: CASEFixture.package(items: [numericIdentifier]),
                          problem: .wrongType, message: "CFItems[0].identifier must be text."),
            MalformedCase(name: "CFItems not a list", data: Data(#"{"CFDocument": {"identifier": "d", "title": "T"}, "CFItems": {}}"#.utf8),
                          problem: .wrongType, message: "CFItems must be a list."),
        ]
    }()
}

/// Builds CASE files for tests and finds the shared real fixtures.
enum CASEFixture {
    /// A file in `../shared/fixtures/case/`, found from this source file's place in the repository.
    static func data(_ name: String) throws -> Data {
        let repositoryRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent()  // TrellisDocumentsTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
        let url = repositoryRoot.appendingPathComponent("../shared/fixtures/case/\(name)").standardizedFileURL
        return try Data(contentsOf: url)
    }

    static func item(_ identifier: String, _ fullStatement: String, code: String? = nil, abbreviated: String? = nil) -> [String: any Sendable] {
        var item: [String: any Sendable] = ["identifier": identifier, "fullStatement": fullStatement, "uri": "https://example.org/CFItems/\(identifier)"]
        item["humanCodingScheme"] = code
        item["abbreviatedStatement"] = abbreviated
        return item
    }

    static func child(_ child: String, of parent: String, sequence: Int?) -> [String: any Sendable] {
        var association: [String: any Sendable] = [
            "identifier": "assoc-\(child)-\(parent)",
            "associationType": "isChildOf",
            "originNodeURI": ["title": child, "identifier": child, "uri": "https://example.org/CFItems/\(child)"],
            "destinationNodeURI": ["title": parent, "identifier": parent, "uri": "https://example.org/\(parent)"],
        ]
        association["sequenceNumber"] = sequence
        return association
    }

    static func package(items: [[String: any Sendable]], associations: [[String: any Sendable]] = []) -> Data {
        let package: [String: Any] = [
            "CFDocument": ["identifier": "doc", "title": "Test framework", "creator": "Tests", "uri": "https://example.org/doc"],
            "CFItems": items,
            "CFAssociations": associations,
        ]
        // Only strings, numbers, lists and objects go in, which JSONSerialization always accepts.
        return (try? JSONSerialization.data(withJSONObject: package)) ?? Data()
    }
}
