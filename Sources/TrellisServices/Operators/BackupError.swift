import Foundation

/// Why a backup or a restore stopped, in words an operator can act on. A restore that throws one of these has
/// written nothing.
public enum BackupError: Error, Equatable, CustomStringConvertible {
    /// The installation runs on PostgreSQL, which is backed up with PostgreSQL's own tools.
    case postgresBackup
    case postgresRestore
    /// There is no SQLite database to back up at this path.
    case noDatabase(String)
    /// An evidence file whose content no longer matches the hash it is named by: damaged on disk.
    case damagedEvidence(String)
    /// The file is not a Trellis backup, or is damaged; the reason says which.
    case unreadable(String)
    /// The archive was made by a newer Trellis than this one.
    case newerSchema(backup: Int, known: Int)
    case newerFormat(Int)
    /// The target already holds data; the reason names what.
    case targetNotEmpty(String)

    public var description: String {
        switch self {
        case .postgresBackup:
            """
            This installation keeps its data in PostgreSQL, which trellis backup does not copy: use PostgreSQL's own \
            pg_dump (it takes a consistent copy while Trellis runs) and copy the evidence files beside it, e.g.
              pg_dump --format=custom --file=trellis-$(date +%F).dump "$TRELLIS_DATABASE_URL"
              rsync -a "$TRELLIS_DATA_DIR/evidence/" /backups/trellis-evidence/
            docs/operations.md ("Backups") has the whole procedure and the restore drill.
            """
        case .postgresRestore:
            """
            This installation keeps its data in PostgreSQL: restore a pg_dump file with pg_restore into an empty \
            database, copy the evidence files back, then run trellis migrate, e.g.
              pg_restore --no-owner --dbname="$TRELLIS_DATABASE_URL" trellis.dump
              rsync -a /backups/trellis-evidence/ "$TRELLIS_DATA_DIR/evidence/"
            docs/operations.md ("Backups") has the whole procedure.
            """
        case .noDatabase(let path):
            "There is no database at \(path) to back up. Check TRELLIS_DATA_DIR and TRELLIS_DATABASE_URL."
        case .damagedEvidence(let path):
            "The evidence file \(path) no longer matches the hash it is named by: it was damaged on disk. Restore that one file from an older backup, then back up again."
        case .unreadable(let reason):
            "This is not a usable Trellis backup: \(reason). Nothing was restored."
        case .newerSchema(let backup, let known):
            "This backup was made by a newer Trellis (schema version \(backup); this one knows up to \(known)). Restore it with that version of Trellis or a later one. Nothing was restored."
        case .newerFormat(let format):
            "This backup uses archive format \(format), newer than this Trellis reads (\(BackupManifest.currentFormat)). Restore it with a newer Trellis. Nothing was restored."
        case .targetNotEmpty(let what):
            "\(what) Restore only into an empty data directory, or pass --force to replace what is there (stop every trellis serve using it first). Nothing was restored."
        }
    }
}
