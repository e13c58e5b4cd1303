import Foundation
import Logging
import TrellisStore
import ZIPFoundation

/// `trellis restore`: puts a backup archive back into an empty data directory. Everything that can be checked is
/// checked before anything is written (the archive whole, the schema not newer than this Trellis, the target empty);
/// the database and the evidence are then written under temporary names, the copy's row counts compared with the
/// manifest, and only then moved into place. Pending migrations run last, for a backup made by an older Trellis.
public struct RestoreService: Sendable {
    /// What a restore did.
    public struct Outcome: Sendable {
        public let manifest: BackupManifest
        /// Migrations applied after the restore, because the backup was older than this Trellis.
        public let migrationsApplied: [Migrator.Status]
    }

    let location: DatabaseLocation
    let dataDirectory: URL
    let migrations: [any Migration]
    let logger: Logger

    public init(database location: DatabaseLocation, dataDirectory: String, migrations: [any Migration] = Migrations.all,
                logger: Logger = Logger(label: "trellis.restore")) {
        self.location = location
        self.dataDirectory = URL(fileURLWithPath: dataDirectory)
        self.migrations = migrations
        self.logger = logger
    }

    /// Restores `archiveURL`. Without `force`, refuses a target that holds a database or evidence; with it, replaces
    /// them (only after the archive has been proven whole). Throws `BackupError` with nothing written.
    public func restore(from archiveURL: URL, force: Bool = false) async throws -> Outcome {
        guard case .sqlite(let databasePath) = location else { throw BackupError.postgresRestore }
        let databaseURL = URL(fileURLWithPath: databasePath)
        let evidenceRoot = EvidenceVault(dataDirectory: dataDirectory.path).root
        let (archive, manifest) = try BackupArchive.open(archiveURL)
        let known = migrations.map(\.version).max() ?? 0
        guard manifest.schemaVersion <= known else { throw BackupError.newerSchema(backup: manifest.schemaVersion, known: known) }
        if !force, let occupied = Self.occupied(database: databaseURL, evidence: evidenceRoot) {
            throw BackupError.targetNotEmpty(occupied)
        }
        try BackupArchive.verify(archive, manifest)

        // Written under temporary names beside their final places (same file system, so the moves are renames).
        let token = UUID().uuidString.prefix(8)
        let staging = dataDirectory.appendingPathComponent(".restore-\(token)")
        let stagedDatabase = databaseURL.deletingLastPathComponent().appendingPathComponent(".\(databaseURL.lastPathComponent).restore-\(token)")
        defer {
            for leftover in [staging.path, stagedDatabase.path, stagedDatabase.path + "-wal", stagedDatabase.path + "-shm"] {
                try? FileManager.default.removeItem(atPath: leftover)
            }
        }
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        for file in manifest.files {
            guard let entry = archive[file.path] else { throw BackupError.unreadable("\(file.path) disappeared from the archive") }
            let target = file.path == BackupManifest.databaseEntry ? stagedDatabase : staging.appendingPathComponent(file.path)
            try BackupArchive.extract(entry, as: file, in: archive, to: target)
        }
        try await checkRowCounts(of: stagedDatabase, against: manifest)

        // Without --force, what is cleared here holds nothing (an empty file or folder left by an earlier start).
        try Self.clear(database: databaseURL, evidence: evidenceRoot)
        let stagedEvidence = staging.appendingPathComponent("evidence")
        if FileManager.default.fileExists(atPath: stagedEvidence.path) {
            try FileManager.default.moveItem(at: stagedEvidence, to: evidenceRoot)
        }
        try FileManager.default.moveItem(at: stagedDatabase, to: databaseURL)

        let database = try await Database.open(location, logger: logger)
        do {
            let applied = try await Migrator(database: database, migrations: migrations).migrate()
            await database.close()
            return Outcome(manifest: manifest, migrationsApplied: applied)
        } catch {
            await database.close()
            throw error
        }
    }

    /// The restored copy holds as many rows per table as the manifest says the backup did.
    private func checkRowCounts(of file: URL, against manifest: BackupManifest) async throws {
        let copy = try await Database.open(.sqlite(path: file.path), logger: logger)
        let counts: [String: Int]
        do {
            counts = try await copy.rowCountsByTable()
            await copy.close()
        } catch {
            await copy.close()
            throw BackupError.unreadable("its database cannot be opened (\(error))")
        }
        if let table = manifest.rowCounts.keys.sorted().first(where: { counts[$0] != manifest.rowCounts[$0] }) {
            throw BackupError.unreadable("its database holds \(counts[table] ?? 0) rows in \(table), the manifest says \(manifest.rowCounts[table] ?? 0)")
        }
    }

    /// What makes the target not empty, in words, or nil: a database file with content, or any evidence file.
    static func occupied(database: URL, evidence: URL) -> String? {
        let fileManager = FileManager.default
        for path in [database.path, database.path + "-wal"] {
            if let size = (try? fileManager.attributesOfItem(atPath: path))?[.size] as? NSNumber, size.intValue > 0 {
                return "There is already a database at \(path)."
            }
        }
        if let walker = fileManager.enumerator(at: evidence, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                return "There are already evidence files under \(evidence.path)."
            }
        }
        return nil
    }

    /// Removes the database (with its journal files) and the evidence directory, to make room for the restored ones.
    static func clear(database: URL, evidence: URL) throws {
        for suffix in ["", "-wal", "-shm", "-journal"] where FileManager.default.fileExists(atPath: database.path + suffix) {
            try FileManager.default.removeItem(atPath: database.path + suffix)
        }
        if FileManager.default.fileExists(atPath: evidence.path) {
            try FileManager.default.removeItem(at: evidence)
        }
    }
}
