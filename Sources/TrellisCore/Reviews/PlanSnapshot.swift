import Foundation

/// A plan exactly as it was submitted or signed: its canonical JSON and the SHA-256 of those bytes.
///
/// The JSON is what the reviewer read and what a signature covers; the hash lets anyone allowed to see the
/// plan check later that the stored snapshot was not changed. Hashing needs a cryptography library, which the
/// core does not depend on, so whoever makes a snapshot passes the hash function in.
public struct PlanSnapshot: Sendable, Hashable, Codable {
    public let document: String
    public let sha256: String

    public init(document: String, sha256: String) {
        self.document = document
        self.sha256 = sha256
    }

    /// Encodes the plan with sorted keys, so the same plan always gives the same bytes and the same hash.
    public static func of(_ plan: GrowthPlan, hash: (Data) -> String) throws -> PlanSnapshot {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(plan)
        return PlanSnapshot(document: String(decoding: data, as: UTF8.self), sha256: hash(data))
    }

    /// The plan the snapshot holds.
    public func plan() throws -> GrowthPlan {
        try JSONDecoder().decode(GrowthPlan.self, from: Data(document.utf8))
    }

    /// Whether the stored bytes still give the stored hash.
    public func isIntact(hash: (Data) -> String) -> Bool {
        hash(Data(document.utf8)) == sha256
    }
}
