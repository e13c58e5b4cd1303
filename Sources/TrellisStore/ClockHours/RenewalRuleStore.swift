import Foundation
import SQLKit
import TrellisCore

/// A district's renewal rules, one rule set per certificate type. A type the district has not changed follows
/// Washington's rules (`RenewalRuleSet.washingtonDefaults`), so a new district starts with them and nothing is seeded.
public struct RenewalRuleStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    /// The rules for one type, and whether the district wrote them. `version` is 0 for Washington's defaults.
    public struct Stored: Sendable, Hashable {
        public let type: CertificateType
        public let rules: RenewalRuleSet
        public let version: Int
        public var isDistrictOwn: Bool { version > 0 }
    }

    /// Another admin saved the rules for this type since the form was made.
    public struct Conflict: Error, Hashable {}

    private struct Row: Decodable, Sendable {
        let certificateType: String
        let document: String
        let version: Int
    }

    /// Washington's rules for `type`, narrowed to that type: each type is kept and edited on its own.
    public static func washingtonDefault(for type: CertificateType) -> RenewalRuleSet {
        var rules = RenewalRuleSet.washingtonDefaults.first { $0.certificateTypes.contains(type) } ?? RenewalRuleSet.washingtonTeacher
        rules.certificateTypes = [type]
        return rules
    }

    /// The rules for every certificate type, in `CertificateType` order. A stored document that no longer reads (it
    /// cannot be written with problems) falls back to the default rather than leaving a type without rules.
    public func all() async throws -> [Stored] {
        let rows = try await executor.all("""
            SELECT certificate_type, document, version FROM renewal_rules WHERE organization_id = \(bind: organizationID.rawValue)
            """, as: Row.self)
        var stored: [CertificateType: Stored] = [:]
        for row in rows {
            guard let type = CertificateType(rawValue: row.certificateType),
                  let rules = try? JSONDecoder().decode(RenewalRuleSet.self, from: Data(row.document.utf8)) else { continue }
            stored[type] = Stored(type: type, rules: rules, version: row.version)
        }
        return CertificateType.allCases.map { stored[$0] ?? Stored(type: $0, rules: Self.washingtonDefault(for: $0), version: 0) }
    }

    public func find(_ type: CertificateType) async throws -> Stored {
        try await all().first { $0.type == type }!
    }

    /// The rule sets to evaluate certificates with, one per type.
    public func ruleSets() async throws -> [RenewalRuleSet] {
        try await all().map(\.rules)
    }

    /// Saves the district's rules for `type` if nobody saved them since `version` was read (0: the defaults were
    /// shown); returns the new version. Otherwise throws `Conflict` and writes nothing.
    @discardableResult
    public func save(_ rules: RenewalRuleSet, for type: CertificateType, expecting version: Int) async throws -> Int {
        precondition(rules.problems.isEmpty, "rules with problems are refused before they are stored")
        let document = String(decoding: try JSONEncoder.sorted.encode(rules), as: UTF8.self)
        if version == 0 {
            do {
                try await executor.execute("""
                    INSERT INTO renewal_rules (organization_id, certificate_type, document, version)
                    VALUES (\(bind: organizationID.rawValue), \(bind: type.rawValue), \(bind: document), 1)
                    """)
                return 1
            } catch where error.isUniqueViolation {
                throw Conflict()
            }
        }
        let changed = try await executor.scalar("""
            UPDATE renewal_rules SET document = \(bind: document), version = version + 1
            WHERE organization_id = \(bind: organizationID.rawValue) AND certificate_type = \(bind: type.rawValue)
              AND version = \(bind: version)
            RETURNING version
            """)
        guard changed > 0 else { throw Conflict() }
        return changed
    }

    /// Goes back to Washington's rules for `type`.
    public func reset(_ type: CertificateType) async throws {
        try await executor.execute("""
            DELETE FROM renewal_rules WHERE organization_id = \(bind: organizationID.rawValue) AND certificate_type = \(bind: type.rawValue)
            """)
    }
}

extension OrganizationScope {
    public var renewalRules: RenewalRuleStore { RenewalRuleStore(executor: executor, organizationID: organizationID) }
}
