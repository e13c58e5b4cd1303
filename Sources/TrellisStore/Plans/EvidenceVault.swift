import Crypto
import Foundation
import TrellisCore

/// Evidence files on disk under the data directory, named by the SHA-256 of their content and kept per district:
/// the same file uploaded twice is stored once, and a name says nothing about who uploaded what.
public struct EvidenceVault: Sendable {
    public let root: URL

    public init(dataDirectory: String) {
        root = URL(fileURLWithPath: dataDirectory).appendingPathComponent("evidence")
    }

    /// Stores the bytes and returns their hash.
    public func put(_ data: Data, organization: Organization.ID) throws -> String {
        let hash = SHA256.hex(of: data)
        let file = url(hash: hash, organization: organization)
        if !FileManager.default.fileExists(atPath: file.path) {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Write to a temporary name first, so a half-written file is never served.
            let partial = file.appendingPathExtension("partial-\(UUID().uuidString)")
            try data.write(to: partial)
            try FileManager.default.moveItem(at: partial, to: file)
        }
        return hash
    }

    public func get(hash: String, organization: Organization.ID) throws -> Data {
        try Data(contentsOf: url(hash: hash, organization: organization))
    }

    func url(hash: String, organization: Organization.ID) -> URL {
        // Only hex reaches the file system, whatever a document says.
        let safeHash = String(hash.filter(\.isHexDigit).prefix(64))
        let safeOrganization = String(organization.rawValue.filter { $0.isLetter || $0.isNumber || $0 == "-" }.prefix(64))
        return root.appendingPathComponent(safeOrganization).appendingPathComponent(String(safeHash.prefix(2)))
            .appendingPathComponent(safeHash)
    }
}
