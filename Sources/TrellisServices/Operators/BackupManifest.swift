import Foundation

/// The table of contents of a backup archive, stored in it as `manifest.json`: what made it, when, the schema it was
/// taken at, how many rows each table held, and every other entry of the archive with its size and SHA-256, so a
/// restore can prove the archive whole before it writes a byte.
public struct BackupManifest: Codable, Sendable, Equatable {
    /// Which layout of archive this is. A restore refuses a newer format than it knows rather than guess.
    public static let currentFormat = 1
    /// Names the kind of file, so a manifest of some other program's ZIP is not taken for ours.
    public static let kindName = "trellis-backup"
    public static let entryName = "manifest.json"
    /// Where the database copy lives in the archive.
    public static let databaseEntry = "database/trellis.sqlite"
    /// Evidence files keep their place under the data directory: `evidence/<district>/<2 hex>/<sha256>`.
    public static let evidencePrefix = "evidence/"

    /// One entry of the archive besides the manifest.
    public struct File: Codable, Sendable, Equatable {
        public let path: String
        public let bytes: Int64
        public let sha256: String
    }

    public var kind: String
    public var format: Int
    /// The highest schema migration applied to the database when it was copied.
    public var schemaVersion: Int
    public var createdAt: Date
    /// Rows per table in the copy, e.g. `growth_plans: 312`.
    public var rowCounts: [String: Int]
    public var files: [File]
    /// Evidence files a plan names that were not in the data directory when the backup was made (lost before it).
    public var missingEvidence: [String]

    public var databaseFile: File? { files.first { $0.path == Self.databaseEntry } }
    public var evidenceFiles: [File] { files.filter { $0.path.hasPrefix(Self.evidencePrefix) } }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static func decode(_ data: Data) throws -> BackupManifest {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(BackupManifest.self, from: data)
    }

    /// Whether `path` is a name this format may hold: the database, or an evidence file under its own hash. Anything
    /// else (`..`, an absolute path, a stray name) is refused, so extracting can never write outside its directory.
    static func isAllowed(_ path: String) -> Bool {
        if path == databaseEntry { return true }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "evidence" else { return false }
        let district = parts[1], prefix = parts[2], hash = parts[3]
        let isHex = { (text: Substring) in text.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) } }
        return !district.isEmpty && district.count <= 64 && district.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            && hash.count == 64 && isHex(hash) && prefix == hash.prefix(2)
    }

    /// The hash an evidence path is named by, which must be the hash of its content.
    static func namedHash(of path: String) -> String? {
        guard path.hasPrefix(evidencePrefix) else { return nil }
        return path.split(separator: "/").last.map(String.init)
    }
}
