import Foundation
import Logging
import TrellisCore
import TrellisStore
import ZIPFoundation

/// `trellis backup`: one ZIP holding a consistent copy of the SQLite database, every evidence file, and a manifest
/// (`BackupManifest`), taken while `trellis serve` keeps running. PostgreSQL installations use `pg_dump` instead
/// (`BackupError.postgresBackup` says how); Trellis does not wrap it, because its version must match the server's
/// and operators already schedule, encrypt and ship its dumps with their own tooling.
public struct BackupService: Sendable {
    let database: Database
    let evidenceRoot: URL
    let clock: any TimeSource
    let logger: Logger

    public init(database: Database, dataDirectory: String, clock: any TimeSource = SystemTimeSource(), logger: Logger = Logger(label: "trellis.backup")) {
        self.database = database
        self.evidenceRoot = EvidenceVault(dataDirectory: dataDirectory).root
        self.clock = clock
        self.logger = logger
    }

    /// Writes the backup to `output`. The archive is built under a temporary name beside it, checked entry by entry,
    /// and only then renamed to `output`, so a failed or interrupted backup never leaves a half file under that name
    /// (nor replaces an older backup there).
    @discardableResult
    public func backup(to output: URL) async throws -> BackupManifest {
        guard case .sqlite(let path) = database.location else { throw BackupError.postgresBackup }
        guard FileManager.default.fileExists(atPath: path) else { throw BackupError.noDatabase(path) }
        let directory = output.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let token = UUID().uuidString.prefix(8)
        let snapshot = directory.appendingPathComponent(".\(output.lastPathComponent).\(token).sqlite")
        let partial = directory.appendingPathComponent(".\(output.lastPathComponent).\(token).partial")
        defer {
            for leftover in [snapshot.path, snapshot.path + "-wal", snapshot.path + "-shm", partial.path] {
                try? FileManager.default.removeItem(atPath: leftover)
            }
        }
        let createdAt = clock.now()
        try await database.snapshot(into: snapshot.path)
        let facts = try await SnapshotFacts.read(snapshot, logger: logger)
        // Listed only now, after the snapshot: evidence files are immutable and content-addressed, and each is renamed
        // into place (flushed) before the transaction that names it commits. So every file the snapshot names is
        // already on disk, and copying it later copies exactly the bytes the snapshot means. Files uploaded after the
        // snapshot come along too; no row names them, which is harmless.
        let evidence = try listEvidence()
        let present = Set(evidence.map { StoredEvidenceName(organizationID: $0.organization, contentHash: $0.hash) })
        let missing = facts.namedEvidence.subtracting(present).sorted().map { "evidence/\($0.organizationID)/\($0.contentHash)" }
        for path in missing { logger.warning("a plan names \(path), which is not in the data directory: it is missing from this backup") }

        var files: [BackupManifest.File] = []
        let archive = try Archive(url: partial, accessMode: .create)
        // The database deflates well; evidence (PDFs, images, office files) is mostly compressed already.
        files.append(try add(snapshot, as: BackupManifest.databaseEntry, to: archive, compression: .deflate, dated: createdAt))
        for file in evidence {
            let entry = try add(file.url, as: file.archivePath, to: archive, compression: .none, dated: createdAt)
            guard entry.sha256 == file.hash else { throw BackupError.damagedEvidence(file.url.path) }
            files.append(entry)
        }
        let manifest = BackupManifest(kind: BackupManifest.kindName, format: BackupManifest.currentFormat, schemaVersion: facts.schemaVersion,
                                      createdAt: createdAt, rowCounts: facts.rowCounts, files: files, missingEvidence: missing)
        let manifestData = try BackupManifest.encoder.encode(manifest)
        try archive.addEntry(with: BackupManifest.entryName, type: .file, uncompressedSize: Int64(manifestData.count),
                             modificationDate: createdAt, compressionMethod: .deflate) { position, size in
            manifestData.subdata(in: Int(position)..<(Int(position) + size))
        }
        // A backup is only as good as its restore: read it back through the same check restore runs.
        let (written, readManifest) = try BackupArchive.open(partial)
        try BackupArchive.verify(written, readManifest)
        guard rename(partial.path, output.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "could not rename the backup to \(output.path)"])
        }
        return manifest
    }

    /// Adds a file to the archive and returns its manifest line, hashing the same bytes that went in.
    private func add(_ url: URL, as path: String, to archive: Archive, compression: CompressionMethod,
                     dated date: Date) throws -> BackupManifest.File {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "could not open \(url.path)"])
        }
        defer { try? handle.close() }
        let size = Int64((try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value ?? 0)
        var digest = FileDigest()
        try archive.addEntry(with: path, type: .file, uncompressedSize: size, modificationDate: date,
                             compressionMethod: compression) { position, chunkSize in
            try handle.seek(toOffset: UInt64(position))
            let chunk = try handle.read(upToCount: chunkSize) ?? Data()
            digest.update(chunk)
            return chunk
        }
        guard digest.bytes == size else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "\(url.path) changed size while it was copied"])
        }
        return BackupManifest.File(path: path, bytes: size, sha256: digest.hex)
    }

    /// One evidence file found under the data directory.
    struct FoundEvidence {
        let url: URL
        let organization: String
        let hash: String
        var archivePath: String { "evidence/\(organization)/\(hash.prefix(2))/\(hash)" }
    }

    /// Every complete evidence file: `evidence/<district>/<2 hex>/<sha256>`. Temporary `.partial-` files of uploads
    /// under way, and anything else that is not named like a stored file, are left out.
    func listEvidence() throws -> [FoundEvidence] {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: evidenceRoot.path) else { return [] }
        var found: [FoundEvidence] = []
        for organization in try fileManager.contentsOfDirectory(atPath: evidenceRoot.path).sorted() {
            let districtDirectory = evidenceRoot.appendingPathComponent(organization)
            guard let prefixes = try? fileManager.contentsOfDirectory(atPath: districtDirectory.path) else { continue }
            for prefix in prefixes.sorted() {
                let prefixDirectory = districtDirectory.appendingPathComponent(prefix)
                guard let names = try? fileManager.contentsOfDirectory(atPath: prefixDirectory.path) else { continue }
                for name in names.sorted() {
                    let path = "evidence/\(organization)/\(prefix)/\(name)"
                    guard BackupManifest.isAllowed(path) else { continue }
                    found.append(FoundEvidence(url: prefixDirectory.appendingPathComponent(name), organization: organization, hash: name))
                }
            }
        }
        return found
    }
}

/// What the manifest records about a database copy, read from the copy itself so it describes exactly what is in it.
struct SnapshotFacts {
    let schemaVersion: Int
    let rowCounts: [String: Int]
    let namedEvidence: Set<StoredEvidenceName>

    static func read(_ file: URL, logger: Logger) async throws -> SnapshotFacts {
        let copy = try await Database.open(.sqlite(path: file.path), logger: logger)
        do {
            let facts = SnapshotFacts(schemaVersion: try await copy.schemaVersion(), rowCounts: try await copy.rowCountsByTable(),
                                      namedEvidence: try await copy.evidenceFilesNamedByPlans())
            await copy.close()
            return facts
        } catch {
            await copy.close()
            throw error
        }
    }
}
