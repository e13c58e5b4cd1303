import Foundation
import Testing
import TrellisCore
import TrellisDocuments

/// Writing frameworks as CASE: a file other tools accept, and that Trellis reads back unchanged.
@Suite struct CASEExportTests {
    @Test("Built-in frameworks survive export and import", arguments: BuiltInFrameworks.all)
    func roundTripBuiltIns(_ definition: FrameworkDefinition) throws {
        // run
        let data = CASEExporter().export(definition)
        let imported = try CASEImporter().parse(data: data)

        // check
        #expect(imported.standards == definition.standards)
        #expect(imported.framework.identifier == definition.framework.identifier)
        #expect(imported.framework.title == definition.framework.title)
        #expect(imported.framework.creator == definition.framework.creator)
        #expect(imported.framework.description == definition.framework.description)
    }

    @Test func roundTripOfThePublishedFixtureKeepsItsText() throws {
        // setup
        let original = try CASEImporter().parse(data: CASEFixture.data("Utf8TestFramework.json"))

        // run
        let again = try CASEImporter().parse(data: CASEExporter().export(original))

        // check
        #expect(again == original)
        #expect(again.standards.first?.title == "Item 𝑑 1")
        #expect(String(decoding: CASEExporter().export(original), as: UTF8.self).contains("UTF8 𝑑 Test"))
    }

    @Test func siblingOrderComesFromPositionNotInputOrder() throws {
        // setup: children listed before their parent, positions with gaps.
        let framework = Framework(identifier: "district-literacy", title: "Literacy", creator: "District")
        let standards = [
            Standard(identifier: "r2", code: "R.2", title: "Second", parentIdentifier: "r", position: 7),
            Standard(identifier: "w", code: "W", title: "Writing", position: 5),
            Standard(identifier: "r1", code: "R.1", title: "First", parentIdentifier: "r", position: 2),
            Standard(identifier: "r", code: "R", title: "Reading", position: 1),
        ]

        // run
        let imported = try CASEImporter().parse(data: CASEExporter().export(framework: framework, standards: standards))

        // check
        #expect(imported.standards.map(\.identifier) == ["r", "r1", "r2", "w"])
        #expect(imported.standards.map(\.position) == [0, 0, 1, 1])
        #expect(imported.standards.map(\.parentIdentifier) == [nil, "r", "r", nil])
        #expect(imported.standards.map(\.code) == ["R", "R.1", "R.2", "W"])
    }

    @Test func aStandardWhoseParentIsMissingIsWrittenAtTheTop() throws {
        // setup
        let framework = Framework(identifier: "f", title: "F", creator: "C")
        let standards = [
            Standard(identifier: "a", code: "A", title: "A", position: 0),
            Standard(identifier: "lost", code: "L", title: "Lost", parentIdentifier: "gone", position: 0),
            Standard(identifier: "loop1", code: "X", title: "X", parentIdentifier: "loop2", position: 0),
            Standard(identifier: "loop2", code: "Y", title: "Y", parentIdentifier: "loop1", position: 0),
        ]

        // run
        let imported = try CASEImporter().parse(data: CASEExporter().export(framework: framework, standards: standards))

        // check
        #expect(Set(imported.standards.map(\.identifier)) == ["a", "lost", "loop1", "loop2"])
        #expect(imported.standards.first { $0.identifier == "lost" }?.parentIdentifier == nil)
    }

    @Test func thePackageHasTheCASEShape() throws {
        // setup
        let exporter = CASEExporter(
            baseURI: "https://trellis.example.org/ims/case/v1p0",
            lastChange: Date(timeIntervalSince1970: 1_700_000_000)
        )

        // run
        let data = exporter.export(BuiltInFrameworks.isteCoaches)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])

        // check
        let document = try #require(json["CFDocument"] as? [String: Any])
        #expect(document["identifier"] as? String == "iste-coaches")
        #expect(document["uri"] as? String == "https://trellis.example.org/ims/case/v1p0/CFDocuments/iste-coaches")
        #expect(document["lastChangeDateTime"] as? String == "2023-11-14T22:13:20Z")
        let items = try #require(json["CFItems"] as? [[String: Any]])
        #expect(items.count == 11)
        let indicator = try #require(items.first { $0["humanCodingScheme"] as? String == "ISTE-C-3d" })
        #expect(indicator["identifier"] as? String == "iste-c-3d")
        #expect(indicator["abbreviatedStatement"] as? String == "Personalize support for educators")
        #expect(indicator["fullStatement"] as? String
            == "Personalize support for educators by planning and modeling the effective use of technology to improve student learning.")

        let associations = try #require(json["CFAssociations"] as? [[String: Any]])
        #expect(associations.count == 11)
        #expect(associations.allSatisfy { $0["associationType"] as? String == "isChildOf" })
        let toIndicator = try #require(associations.first {
            ($0["originNodeURI"] as? [String: Any])?["identifier"] as? String == "iste-c-3d"
        })
        #expect(toIndicator["sequenceNumber"] as? Int == 4)
        let destination = try #require(toIndicator["destinationNodeURI"] as? [String: Any])
        #expect(destination["identifier"] as? String == "iste-c-3")
        #expect(destination["title"] as? String == "ISTE-C-3")
        #expect(destination["uri"] as? String == "https://trellis.example.org/ims/case/v1p0/CFItems/iste-c-3")
        let topLevel = associations.filter {
            ($0["destinationNodeURI"] as? [String: Any])?["identifier"] as? String == "iste-coaches"
        }
        #expect(topLevel.compactMap { $0["sequenceNumber"] as? Int } == Array(1...7))

        let identifiers = associations.compactMap { $0["identifier"] as? String }
        #expect(Set(identifiers).count == 11)
        let uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
        #expect(identifiers.allSatisfy { $0.wholeMatch(of: uuidShape) != nil })
    }

    @Test func outputIsStableSortedAndPretty() throws {
        // run
        let first = CASEExporter().export(BuiltInFrameworks.washingtonTeacherCriteria)
        let second = CASEExporter().export(BuiltInFrameworks.washingtonTeacherCriteria)
        let text = String(decoding: first, as: UTF8.self)

        // check
        #expect(first == second)
        #expect(text.hasPrefix("{\n  \"CFAssociations\""))
        let associations = try #require(text.range(of: "\"CFAssociations\""))
        let document = try #require(text.range(of: "\"CFDocument\""))
        let items = try #require(text.range(of: "\"CFItems\""))
        #expect(associations.lowerBound < document.lowerBound && document.lowerBound < items.lowerBound)
        #expect(!text.contains("lastChangeDateTime"))
        #expect(text.contains("https://trellis.invalid/ims/case/v1p0/CFItems/wa-t-6"))
    }
}
