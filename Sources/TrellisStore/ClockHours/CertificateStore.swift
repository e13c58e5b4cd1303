import Foundation
import SQLKit
import TrellisCore

/// The certificates people of one district hold.
public struct CertificateStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    private struct Row: Decodable, Sendable { let document: String }

    /// Adds the certificate, or replaces the one with its id.
    public func save(_ certificate: Certificate) async throws {
        let document = String(decoding: try JSONEncoder.sorted.encode(certificate), as: UTF8.self)
        try await executor.atomically { tx in
            try await tx.execute("""
                DELETE FROM certificates WHERE id = \(bind: certificate.id.rawValue) AND organization_id = \(bind: organizationID.rawValue)
                """)
            try await tx.execute("""
                INSERT INTO certificates (id, organization_id, person_id, number, expires_on, document)
                VALUES (\(bind: certificate.id.rawValue), \(bind: organizationID.rawValue), \(bind: certificate.personID.rawValue),
                        \(bind: certificate.number.rawValue), \(bind: certificate.expiresOn.iso), \(bind: document))
                """)
        }
    }

    public func remove(_ id: Certificate.ID, of person: Person.ID) async throws {
        try await executor.execute("""
            DELETE FROM certificates
            WHERE id = \(bind: id.rawValue) AND person_id = \(bind: person.rawValue) AND organization_id = \(bind: organizationID.rawValue)
            """)
    }

    /// A person's certificates, the one expiring last first.
    public func certificates(of person: Person.ID) async throws -> [Certificate] {
        try await executor.all("""
            SELECT document FROM certificates
            WHERE organization_id = \(bind: organizationID.rawValue) AND person_id = \(bind: person.rawValue)
            ORDER BY expires_on DESC, id
            """, as: Row.self).map { try JSONDecoder().decode(Certificate.self, from: Data($0.document.utf8)) }
            .filter { $0.personID == person }
    }

    /// The people of the district who hold a certificate, each with the number that expires last:
    /// who can be asked to review a plan.
    public func holders() async throws -> [Person.ID: CertificateNumber] {
        struct Holder: Decodable, Sendable { let personId: String; let number: String }
        let rows = try await executor.all("""
            SELECT person_id, number FROM certificates WHERE organization_id = \(bind: organizationID.rawValue)
            ORDER BY expires_on
            """, as: Holder.self)
        var holders: [Person.ID: CertificateNumber] = [:]
        for row in rows { if let number = CertificateNumber(rawValue: row.number) { holders[.init(row.personId)] = number } }
        return holders
    }
}

extension JSONEncoder {
    /// Sorted keys, so a document is the same bytes every time it is written.
    static let sorted: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()
}

extension OrganizationScope {
    public var certificates: CertificateStore { CertificateStore(executor: executor, organizationID: organizationID) }
}
