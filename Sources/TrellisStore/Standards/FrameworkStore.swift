import Foundation
import SQLKit
import TrellisCore

/// A district's own standards frameworks and which frameworks apply to which role.
public struct FrameworkStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    /// Where a framework came from: typed in Trellis or imported from a CASE package.
    public enum Source: String, Sendable {
        case manual
        case caseImport = "case"
    }

    struct FrameworkRow: Decodable, Sendable {
        let id: String
        let identifier: String
        let title: String
        let creator: String
        let description: String?
        var framework: Framework {
            Framework(identifier: identifier, title: title, creator: creator, description: description, isBuiltIn: false)
        }
    }

    struct StandardRow: Decodable, Sendable {
        let identifier: String
        let code: String
        let title: String
        let description: String?
        let parentIdentifier: String?
        let position: Int
        let isRetired: Bool
        var standard: Standard {
            Standard(identifier: identifier, code: code, title: title, description: description,
                     parentIdentifier: parentIdentifier, position: position, isRetired: isRetired)
        }
    }

    public func all() async throws -> [Framework] {
        try await executor.all("""
            SELECT id, identifier, title, creator, description FROM frameworks
            WHERE organization_id = \(bind: organizationID.rawValue) ORDER BY title
            """, as: FrameworkRow.self).map(\.framework)
    }

    /// How many standards each framework has, by framework identifier.
    public func standardCounts() async throws -> [String: Int] {
        struct Count: Decodable, Sendable { let identifier: String; let standards: Int }
        let rows = try await executor.all("""
            SELECT frameworks.identifier, COUNT(standards.identifier) AS standards FROM frameworks
            LEFT JOIN standards ON standards.framework_id = frameworks.id
            WHERE frameworks.organization_id = \(bind: organizationID.rawValue)
            GROUP BY frameworks.identifier
            """, as: Count.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.identifier, $0.standards) })
    }

    /// The framework with its standards, parents before children and siblings in order.
    public func definition(_ identifier: String) async throws -> FrameworkDefinition? {
        guard let row = try await frameworkRow(identifier) else { return nil }
        let standards = try await executor.all("""
            SELECT identifier, code, title, description, parent_identifier, position, is_retired FROM standards
            WHERE framework_id = \(bind: row.id) AND organization_id = \(bind: organizationID.rawValue)
            """, as: StandardRow.self).map(\.standard)
        return FrameworkDefinition(framework: row.framework, standards: Self.treeOrder(standards))
    }

    /// The district's standards with these identifiers, in any of its frameworks; unknown identifiers are left out.
    public func standards(identifiers: Set<String>) async throws -> [Standard] {
        try await executor.all(over: identifiers.sorted(), as: StandardRow.self) { chunk in """
            SELECT identifier, code, title, description, parent_identifier, position, is_retired FROM standards
            WHERE organization_id = \(bind: organizationID.rawValue) AND identifier IN (\(binds: chunk))
            """ }.map(\.standard)
    }

    /// What an import changed.
    public struct SaveOutcome: Sendable, Hashable {
        public var createdFramework: Bool
        public var added: Int
        public var updated: Int
        public var unchanged: Int
        /// Standards no longer in the package: kept (goals may be aligned to them) and marked retired.
        public var retired: Int
    }

    /// Creates the framework or updates it in place by identifier. Standards are matched by identifier:
    /// new ones are added, known ones updated, and ones missing from `definition` retired, never deleted.
    public func save(_ definition: FrameworkDefinition, source: Source, at date: Date, ids: any IdentifierSource) async throws -> SaveOutcome {
        let framework = definition.framework
        var outcome = SaveOutcome(createdFramework: false, added: 0, updated: 0, unchanged: 0, retired: 0)
        let frameworkID: String
        if let existing = try await frameworkRow(framework.identifier) {
            frameworkID = existing.id
            try await executor.execute("""
                UPDATE frameworks SET title = \(bind: framework.title), creator = \(bind: framework.creator),
                    description = \(bind: framework.description), updated_at = \(bind: date.millisecondsSince1970)
                WHERE id = \(bind: frameworkID) AND organization_id = \(bind: organizationID.rawValue)
                """)
        } else {
            frameworkID = ids.next()
            outcome.createdFramework = true
            try await executor.execute("""
                INSERT INTO frameworks (id, organization_id, identifier, title, creator, description, source, created_at, updated_at)
                VALUES (\(bind: frameworkID), \(bind: organizationID.rawValue), \(bind: framework.identifier), \(bind: framework.title),
                        \(bind: framework.creator), \(bind: framework.description), \(bind: source.rawValue),
                        \(bind: date.millisecondsSince1970), \(bind: date.millisecondsSince1970))
                """)
        }
        let current = try await executor.all("""
            SELECT identifier, code, title, description, parent_identifier, position, is_retired FROM standards
            WHERE framework_id = \(bind: frameworkID)
            """, as: StandardRow.self).map(\.standard)
        let known = Dictionary(uniqueKeysWithValues: current.map { ($0.identifier, $0) })
        for standard in definition.standards {
            if let old = known[standard.identifier] {
                var merged = standard
                merged.isRetired = false
                if merged == old { outcome.unchanged += 1; continue }
                try await update(standard: merged, frameworkID: frameworkID)
                outcome.updated += 1
            } else {
                try await insert(standard: standard, frameworkID: frameworkID)
                outcome.added += 1
            }
        }
        let incoming = Set(definition.standards.map(\.identifier))
        for old in current where !incoming.contains(old.identifier) && !old.isRetired {
            var retired = old
            retired.isRetired = true
            try await update(standard: retired, frameworkID: frameworkID)
            outcome.retired += 1
        }
        return outcome
    }

    /// Adds or replaces one standard of a framework of this district.
    public func put(_ standard: Standard, in frameworkIdentifier: String) async throws {
        guard let row = try await frameworkRow(frameworkIdentifier) else { throw StoreError.notFound }
        let exists = try await executor.scalar("""
            SELECT COUNT(*) FROM standards WHERE framework_id = \(bind: row.id) AND identifier = \(bind: standard.identifier)
            """) > 0
        if exists { try await update(standard: standard, frameworkID: row.id) } else { try await insert(standard: standard, frameworkID: row.id) }
    }

    /// The framework identifiers that apply to each role, as the district chose them.
    public func roleAssignments() async throws -> [Role: [String]] {
        struct Row: Decodable, Sendable { let role: String; let frameworkIdentifier: String }
        let rows = try await executor.all("""
            SELECT role, framework_identifier FROM framework_roles WHERE organization_id = \(bind: organizationID.rawValue)
            ORDER BY framework_identifier
            """, as: Row.self)
        var result: [Role: [String]] = [:]
        for row in rows { if let role = Role(rawValue: row.role) { result[role, default: []].append(row.frameworkIdentifier) } }
        return result
    }

    public func setRoleAssignments(_ assignments: [Role: [String]]) async throws {
        try await executor.execute("DELETE FROM framework_roles WHERE organization_id = \(bind: organizationID.rawValue)")
        for (role, identifiers) in assignments {
            for identifier in Set(identifiers).sorted() {
                try await executor.execute("""
                    INSERT INTO framework_roles (organization_id, role, framework_identifier)
                    VALUES (\(bind: organizationID.rawValue), \(bind: role.rawValue), \(bind: identifier))
                    """)
            }
        }
    }

    private func frameworkRow(_ identifier: String) async throws -> FrameworkRow? {
        try await executor.first("""
            SELECT id, identifier, title, creator, description FROM frameworks
            WHERE organization_id = \(bind: organizationID.rawValue) AND identifier = \(bind: identifier)
            """, as: FrameworkRow.self)
    }

    private func insert(standard: Standard, frameworkID: String) async throws {
        try await executor.execute("""
            INSERT INTO standards (organization_id, framework_id, identifier, code, title, description, parent_identifier, position, is_retired)
            VALUES (\(bind: organizationID.rawValue), \(bind: frameworkID), \(bind: standard.identifier), \(bind: standard.code),
                    \(bind: standard.title), \(bind: standard.description), \(bind: standard.parentIdentifier),
                    \(bind: standard.position), \(bind: standard.isRetired))
            """)
    }

    private func update(standard: Standard, frameworkID: String) async throws {
        try await executor.execute("""
            UPDATE standards SET code = \(bind: standard.code), title = \(bind: standard.title), description = \(bind: standard.description),
                parent_identifier = \(bind: standard.parentIdentifier), position = \(bind: standard.position), is_retired = \(bind: standard.isRetired)
            WHERE framework_id = \(bind: frameworkID) AND identifier = \(bind: standard.identifier) AND organization_id = \(bind: organizationID.rawValue)
            """)
    }

    /// Parents before their children, siblings by position: the order a tree is read in.
    static func treeOrder(_ standards: [Standard]) -> [Standard] {
        let identifiers = Set(standards.map(\.identifier))
        let children = Dictionary(grouping: standards) { standard in
            standard.parentIdentifier.flatMap { identifiers.contains($0) ? $0 : nil } ?? ""
        }
        var ordered: [Standard] = []
        var visited: Set<String> = []
        func visit(_ parent: String) {
            for child in (children[parent] ?? []).sorted(by: { ($0.position, $0.code) < ($1.position, $1.code) })
            where visited.insert(child.identifier).inserted {
                ordered.append(child)
                visit(child.identifier)
            }
        }
        visit("")
        return ordered
    }
}

extension OrganizationScope {
    public var frameworks: FrameworkStore { FrameworkStore(executor: executor, organizationID: organizationID) }
}
