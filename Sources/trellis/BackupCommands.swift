import ArgumentParser
import Foundation
import Logging
import TrellisServices
import TrellisStore
import TrellisWeb

/// `trellis backup --output FILE`: a consistent copy of an SQLite installation while it runs.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database and every evidence file into one archive, while the server runs (SQLite).",
        discussion: """
            The archive holds a consistent copy of the database (SQLite's VACUUM INTO), the evidence files and a \
            manifest with row counts and a SHA-256 for every file; it is read back and checked before it is named FILE. \
            On PostgreSQL use pg_dump: this command then prints how, and exits with status 1. See docs/operations.md.
            """)

    @Option(name: .shortAndLong, help: "Where to write the archive, e.g. /backups/trellis-2026-05-01.zip.")
    var output: String

    func run() async throws {
        try await reportingFailures {
            let config = try Configuration.read()
            if case .postgres = config.database { throw CommandFailure(BackupError.postgresBackup.description) }
            if case .sqlite(let path) = config.database, !FileManager.default.fileExists(atPath: path) {
                throw CommandFailure(BackupError.noDatabase(path).description)
            }
            // No migrations: a backup reads the database as it is and changes nothing.
            try await Runtime.with(migrate: false, label: "trellis.backup") { runtime in
                let service = BackupService(database: runtime.environment.database, dataDirectory: config.dataDirectory,
                                            logger: runtime.environment.logger)
                let manifest: BackupManifest
                do {
                    manifest = try await service.backup(to: URL(fileURLWithPath: output))
                } catch let error as BackupError {
                    throw CommandFailure(error.description)
                }
                let rows = manifest.rowCounts.values.reduce(0, +)
                print("Backed up \(rows) rows in \(manifest.rowCounts.count) tables (schema \(manifest.schemaVersion)) and \(manifest.evidenceFiles.count) evidence files to \(output).")
                if !manifest.missingEvidence.isEmpty {
                    print("Warning: \(manifest.missingEvidence.count) evidence files that plans name were already missing from the data directory (listed in the manifest).")
                }
            }
        }
    }
}

/// `trellis restore FILE`: a backup back into an empty data directory, checked whole before anything is written.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup made by trellis backup into an empty data directory (SQLite).",
        discussion: """
            Every checksum in the archive is verified before anything is written; a damaged file is refused with \
            nothing changed. The target is TRELLIS_DATA_DIR and TRELLIS_DATABASE_URL. Pending migrations run after a \
            backup made by an older Trellis. Stop every trellis serve using the directory first.
            """)

    @Argument(help: "The archive trellis backup wrote.")
    var file: String

    @Flag(help: "Replace the database and evidence files already in the target.")
    var force = false

    func run() async throws {
        try await reportingFailures {
            let config = try Configuration.read()
            var logger = Logger(label: "trellis.restore")
            logger.logLevel = config.logLevel
            let service = RestoreService(database: config.database, dataDirectory: config.dataDirectory, logger: logger)
            let outcome: RestoreService.Outcome
            do {
                outcome = try await service.restore(from: URL(fileURLWithPath: file), force: force)
            } catch let error as BackupError {
                throw CommandFailure(error.description)
            }
            let manifest = outcome.manifest
            let rows = manifest.rowCounts.values.reduce(0, +)
            print("Restored \(rows) rows in \(manifest.rowCounts.count) tables and \(manifest.evidenceFiles.count) evidence files from the backup of \(manifest.createdAt.formatted(.iso8601)) into \(config.database).")
            for step in outcome.migrationsApplied { print("Applied migration \(step.version): \(step.name)") }
        }
    }
}

/// Reads `AppConfig` for commands that must not open the database first.
private enum Configuration {
    static func read() throws -> AppConfig {
        do {
            return try AppConfig.fromEnvironment()
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}
