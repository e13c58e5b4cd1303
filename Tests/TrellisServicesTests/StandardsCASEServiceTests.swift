import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore

/// CASE import and export through the service: who may, what a newer version leaves behind, and what is tolerated.
@Suite struct StandardsCASEServiceTests {
    /// A flat package with these items, in this order; `uri` fields as the publisher writes them.
    static func package(_ items: [(id: String, code: String)], version: String) -> Data {
        let doc = "22222222-0000-0000-0000-000000000000"
        let cfItems = items.map {
            #"{"identifier":"\#($0.id)","uri":"https://example.org/items/\#($0.id)","fullStatement":"Statement \#($0.code)","humanCodingScheme":"\#($0.code)"}"#
        }
        let associations = items.enumerated().map { offset, item in
            #"{"identifier":"as-\#(item.id)","uri":"https://example.org/as/\#(item.id)","associationType":"isChildOf","sequenceNumber":\#(offset + 1),"originNodeURI":{"identifier":"\#(item.id)","uri":"https://example.org/items/\#(item.id)","title":"x"},"destinationNodeURI":{"identifier":"\#(doc)","uri":"https://example.org/doc","title":"x"}}"#
        }
        return Data("""
            {"CFDocument":{"identifier":"\(doc)","uri":"https://example.org/doc","creator":"State Office","title":"Writing Standards","version":"\(version)"},
             "CFItems":[\(cfItems.joined(separator: ","))],"CFAssociations":[\(associations.joined(separator: ","))]}
            """.utf8)
    }

    /// What an exported package lists, in its order: item codes, and each association's sequence number by child.
    static func exported(_ data: Data) throws -> (codes: [String], sequence: [String: Int]) {
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let items = try #require(json["CFItems"] as? [[String: Any]])
        let associations = try #require(json["CFAssociations"] as? [[String: Any]])
        var sequence: [String: Int] = [:]
        for association in associations {
            let origin = try #require(association["originNodeURI"] as? [String: Any])
            sequence[origin["title"] as? String ?? ""] = association["sequenceNumber"] as? Int
        }
        return (items.compactMap { $0["humanCodingScheme"] as? String }, sequence)
    }

    @Test func afterANewerVersionTheExportListsExactlyItsStandardsInItsOrder() async throws {
        try await TestDatabase.with { database in
            // setup: version 1 has W-1 … W-4; version 2 drops W-2 and swaps W-3 and W-4
            let districts = try await TestDistricts.make(database)
            let standards = StandardsService(districts.environment)
            let admin = Actor(districts.north.admin)
            let first = try await standards.importCASE(admin, data: Self.package([("w1", "W-1"), ("w2", "W-2"), ("w3", "W-3"), ("w4", "W-4")], version: "1"))
            let second = try await standards.importCASE(admin, data: Self.package([("w1", "W-1"), ("w4", "W-4"), ("w3", "W-3")], version: "2"))
            // run
            let data = try await standards.exportCASE(admin, first.definition.framework.identifier, baseURI: "https://trellis.example")
            // check
            #expect(second.outcome.retired == 1)
            let listed = try Self.exported(data)
            #expect(listed.codes == ["W-1", "W-4", "W-3"])
            #expect(listed.sequence == ["W-1": 1, "W-4": 2, "W-3": 3])
            // the retired standard stays in the district (goals may use it), marked retired
            let stored = try await standards.framework(admin, first.definition.framework.identifier)
            #expect(stored.standards.first { $0.code == "W-2" }?.isRetired == true)
        }
    }

    @Test func onlyADistrictAdminImportsAndNobodyElsewhereExports() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let standards = StandardsService(districts.environment)
            let package = Self.package([("w1", "W-1")], version: "1")
            var retired = Actor(districts.north.admin)
            retired.isActive = false
            // run + check: teachers, principals, coaches and a deactivated admin are refused, and nothing is written
            for actor in [Actor(districts.north.educator), Actor(districts.north.leader), Actor(districts.north.coach), retired] {
                await #expect(throws: ServiceError.forbidden) { try await standards.importCASE(actor, data: package) }
            }
            #expect(try await OrganizationScope(database, organizationID: districts.north.organization.id).frameworks.all().isEmpty)
            let imported = try await standards.importCASE(Actor(districts.north.admin), data: package).definition.framework.identifier
            // exporting is reading: anyone in the district may; another district does not find it
            _ = try await standards.exportCASE(Actor(districts.north.educator), imported, baseURI: "https://trellis.example")
            await #expect(throws: ServiceError.notFound) {
                try await standards.exportCASE(Actor(districts.south.admin), imported, baseURI: "https://trellis.example")
            }
            await #expect(throws: ServiceError.forbidden) { try await standards.exportCASE(retired, imported, baseURI: "https://trellis.example") }
        }
    }

    @Test func theCommandLineImportsAsTheOperator() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let operators = OperatorService(districts.environment)
            // run
            let result = try await operators.importStandards(into: districts.north.organization, data: Self.package([("w1", "W-1")], version: "1"))
            let data = try await operators.exportStandards(of: districts.north.organization, framework: result.definition.framework.identifier,
                                                          baseURI: "https://trellis.example")
            // check: saved in that district only, audited without a person, and said to apply to no role yet
            #expect(try Self.exported(data).codes == ["W-1"])
            #expect(result.roles.isEmpty)
            let log = try await OrganizationScope(database, organizationID: districts.north.organization.id).audit.recent()
            #expect(log.first?.kind == .frameworkImported && log.first?.actorID == nil)
            #expect(try await OrganizationScope(database, organizationID: districts.south.organization.id).frameworks.all().isEmpty)
        }
    }

    @Test func aPlainTextPackageURIIsAcceptedAndSaidSo() async throws {
        try await TestDatabase.with { database in
            // setup: shaped as a state publisher writes it
            let districts = try await TestDistricts.make(database)
            let standards = StandardsService(districts.environment)
            let admin = Actor(districts.north.admin)
            let data = Data(#"""
                {"CFDocument":{"identifier":"c6aa1c14-4e2a-11e8-9b5d-0242ac110002","uri":"https://case.example.gov/uri/c6aa1c14","creator":"State Office",
                  "title":"Writing, Grade 7","CFPackageURI":"https://case.example.gov/ims/case/v1p0/CFPackages/c6aa1c14","licenseURI":"https://case.example.gov/license"},
                 "CFItems":[{"identifier":"i-1","uri":"https://case.example.gov/uri/i-1","fullStatement":"Write arguments to support claims.","humanCodingScheme":"W.7.1",
                   "CFDocumentURI":"https://case.example.gov/uri/c6aa1c14","CFItemType":"Standard","CFItemTypeURI":"https://case.example.gov/uri/type"}],
                 "CFAssociations":[{"identifier":"a-1","uri":"https://case.example.gov/uri/a-1","associationType":"isChildOf","sequenceNumber":"1",
                   "originNodeURI":{"identifier":"i-1","uri":"https://case.example.gov/uri/i-1","title":"W.7.1"},
                   "destinationNodeURI":{"identifier":"c6aa1c14-4e2a-11e8-9b5d-0242ac110002","uri":"https://case.example.gov/uri/c6aa1c14","title":"Writing"}}]}
                """#.utf8)
            // run
            let result = try await standards.importCASE(admin, data: data)
            // check
            #expect(result.definition.standards.map(\.code) == ["W.7.1"])
            #expect(result.tolerated.contains("CFPackageURI given as plain text; accepted"))
            #expect(result.tolerated.contains("CFDocumentURI given as plain text in 1 CFItem; accepted"))
            #expect(result.tolerated.contains("sequenceNumber given as text in 1 CFAssociation; accepted"))
            #expect(result.summary == "1 standard added, 0 updated, 0 unchanged")
            #expect(result.roles.isEmpty)
        }
    }
}
