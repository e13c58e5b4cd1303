import Foundation
import Testing
import TrellisCore
import TrellisDocuments

/// Real publishers' shapes for optional fields are accepted and named; identifiers and structure stay strict.
@Suite struct CASEToleranceTests {
    /// A small package shaped as a state agency's CASE server publishes it: plain-string links where CASE wants
    /// LinkURI objects, sequence numbers as text, extra fields Trellis does not read.
    static let published = Data(#"""
        {"CFDocument":{"identifier":"9f0e1b52-7d1a-4c3e-8a59-1d2f3e4a5b6c","uri":"https://case.example.gov/uri/9f0e1b52",
           "creator":"Office of Superintendent","title":"English Language Arts, Grade 7","lastChangeDateTime":"2023-04-05T17:22:31+00:00",
           "CFPackageURI":"https://case.example.gov/ims/case/v1p0/CFPackages/9f0e1b52","licenseURI":"https://case.example.gov/license/1",
           "adoptionStatus":"Adopted","language":"en"},
         "CFItems":[
           {"identifier":"a1","uri":"https://case.example.gov/uri/a1","fullStatement":"Write arguments to support claims with clear reasons and relevant evidence.",
            "humanCodingScheme":"W.7.1","CFDocumentURI":"https://case.example.gov/uri/9f0e1b52","CFItemType":"Standard",
            "CFItemTypeURI":"https://case.example.gov/uri/type-standard","educationLevel":["07"]},
           {"identifier":"a2","uri":"https://case.example.gov/uri/a2","fullStatement":"Write informative texts to examine a topic.",
            "humanCodingScheme":"W.7.2","CFDocumentURI":{"identifier":"9f0e1b52-7d1a-4c3e-8a59-1d2f3e4a5b6c","uri":"https://case.example.gov/uri/9f0e1b52","title":"ELA 7"}}],
         "CFAssociations":[
           {"identifier":"s2","uri":"https://case.example.gov/uri/s2","associationType":"isChildOf","sequenceNumber":"2",
            "CFDocumentURI":"https://case.example.gov/uri/9f0e1b52",
            "originNodeURI":{"identifier":"a1","uri":"https://case.example.gov/uri/a1","title":"W.7.1"},
            "destinationNodeURI":{"identifier":"9f0e1b52-7d1a-4c3e-8a59-1d2f3e4a5b6c","uri":"https://case.example.gov/uri/9f0e1b52","title":"ELA 7"}},
           {"identifier":"s1","uri":"https://case.example.gov/uri/s1","associationType":"isChildOf","sequenceNumber":1,
            "originNodeURI":{"identifier":"a2","uri":"https://case.example.gov/uri/a2","title":"W.7.2"},
            "destinationNodeURI":{"identifier":"9f0e1b52-7d1a-4c3e-8a59-1d2f3e4a5b6c","uri":"https://case.example.gov/uri/9f0e1b52","title":"ELA 7"}}]}
        """#.utf8)

    @Test func aPlainStringPackageURIIsAcceptedAndNamed() throws {
        // run
        let result = try CASEImporter().read(data: Self.published)

        // check
        #expect(result.framework.framework.title == "English Language Arts, Grade 7")
        #expect(result.framework.standards.map(\.code) == ["W.7.2", "W.7.1"], "ordered by sequenceNumber, text or not")
        #expect(result.tolerated == [
            "CFPackageURI given as plain text; accepted",
            "CFDocumentURI given as plain text in 1 CFItem; accepted",
            "CFDocumentURI given as plain text in 1 CFAssociation; accepted",
            "sequenceNumber given as text in 1 CFAssociation; accepted",
        ])
    }

    @Test func aPackageWrittenToTheLetterHasNothingToTolerate() throws {
        // setup
        let definition = BuiltInFrameworks.isteCoaches

        // run
        let result = try CASEImporter().read(data: CASEExporter().export(definition))

        // check
        #expect(result.tolerated.isEmpty)
        #expect(try CASEImporter().read(data: CASEFixture.data("Utf8TestFramework.json")).tolerated.isEmpty)
    }

    @Test func anUnreadableSequenceNumberKeepsFileOrder() throws {
        // setup
        var first = CASEFixture.child("item-0", of: "doc", sequence: nil)
        first["sequenceNumber"] = "first"
        let data = CASEFixture.package(items: [CASEFixture.item("item-0", "Zero"), CASEFixture.item("item-1", "One")],
                                       associations: [first, CASEFixture.child("item-1", of: "doc", sequence: nil)])

        // run
        let result = try CASEImporter().read(data: data)

        // check
        #expect(result.framework.standards.map(\.identifier) == ["item-0", "item-1"])
        #expect(result.tolerated == ["sequenceNumber not a whole number in 1 CFAssociation; those items keep their order in CFItems"])
    }

    @Test func aPlainStringWhereAnIdentifierIsNeededIsStillRefused() {
        // setup
        var association = CASEFixture.child("item-0", of: "doc", sequence: 1)
        association["originNodeURI"] = "https://example.org/CFItems/item-0"
        let data = CASEFixture.package(items: [CASEFixture.item("item-0", "Zero")], associations: [association])

        // run
        let error = #expect(throws: CASEImportError.self) { try CASEImporter().parse(data: data) }

        // check
        #expect(error?.problem == .missingField)
        #expect(error?.message.hasPrefix("CFAssociations[0]: isChildOf is missing originNodeURI.identifier (it is plain text") == true)
    }

    @Test func retiredStandardsAreLeftOutOfTheExport() throws {
        // setup: a re-import retired "b" and reordered the rest
        let framework = Framework(identifier: "f", title: "F", creator: "C")
        var retired = Standard(identifier: "b", code: "B", title: "Gone", position: 1)
        retired.isRetired = true
        let standards = [
            Standard(identifier: "a", code: "A", title: "A", position: 0), retired,
            Standard(identifier: "d", code: "D", title: "D", position: 1), Standard(identifier: "c", code: "C", title: "C", position: 2),
        ]

        // run
        let imported = try CASEImporter().parse(data: CASEExporter().export(framework: framework, standards: standards))

        // check
        #expect(imported.standards.map(\.code) == ["A", "D", "C"])
    }
}
