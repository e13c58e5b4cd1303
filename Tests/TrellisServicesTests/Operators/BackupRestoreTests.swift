import Crypto
import Foundation
import Logging
import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore
import ZIPFoundation

/// `trellis backup` and `trellis restore` on SQLite: everything comes back, and nothing bad gets in.
@Suite struct BackupRestoreTests {
    @Test func aRestoredBackupHasEveryRecordAndEveryFile() async throws {
        try await Installation.with { source in
            // setup: the demo district with three evidence files on Hồng's plan (one uploaded twice: stored once)
            let hong = try await source.hong()
            let files = [("exit tickets.pdf", Self.pdf("tickets")), ("rubric.pdf", Self.pdf("rubric")), ("again.pdf", Self.pdf("tickets")),
                         ("board.png", Self.png)]
            try await source.addEvidence(files, for: hong)
            let output = source.directory.appendingPathComponent("backups/trellis.zip")
            // run
            let manifest = try await BackupService(database: source.database, dataDirectory: source.directory.path).backup(to: output)
            try await Installation.with(migrated: false) { target in
                let outcome = try await target.restoreService.restore(from: output)
                try await target.open()
                // check: the same rows in every table, and the manifest counted them
                let before = try await source.database.rowCountsByTable(), after = try await target.database.rowCountsByTable()
                #expect(after == before)
                #expect(manifest.rowCounts == before && outcome.migrationsApplied.isEmpty)
                #expect(before["growth_plans"] ?? 0 > 5 && before["people"] ?? 0 > 5 && before["signatures"] ?? 0 > 0 && before["coaching_sessions"] ?? 0 > 0)
                // spot checks: Hồng's plans, each evidence file byte for byte, a demo person's sign-in record
                let restoredHong = try await target.hong()
                let plans = target.plans
                let planID = try #require(try await plans.myPlans(restoredHong).first?.id)
                let evidence = try await plans.load(restoredHong, planID).plan.evidence.filter { if case .file = $0.content { true } else { false } }
                #expect(evidence.count == files.count)
                for (item, (_, data)) in zip(evidence, files) {
                    #expect(try await plans.evidenceFile(restoredHong, planID, evidenceID: item.id).1 == data)
                }
                #expect(try await source.plans.load(hong, planID).plan == plans.load(restoredHong, planID).plan)
                // every file listed, with its hash, is on disk in the new data directory
                #expect(manifest.evidenceFiles.count == 3 && manifest.missingEvidence.isEmpty)
                for file in manifest.evidenceFiles {
                    let data = try Data(contentsOf: target.directory.appendingPathComponent(file.path))
                    #expect(SHA256.hex(of: data) == file.sha256)
                }
            }
        }
    }

    @Test func aBackupTakenDuringWritesIsConsistent() async throws {
        try await Installation.with { source in
            // setup
            let hong = try await source.hong()
            let planID = try #require(try await source.plans.myPlans(hong).first?.id)
            let checkInsBefore = try await source.plans.load(hong, planID).plan.checkIns.count
            let output = source.directory.appendingPathComponent("during.zip")
            // run: check-ins stream in while the backup is taken
            let writer = Task {
                for number in 0..<30 {
                    var form = CheckInForm()
                    form.date = source.environment.today.iso
                    form.whatHappened = "Check-in \(number) written during the backup"
                    try await source.plans.checkIn(hong, planID, form)
                }
            }
            let manifest = try await BackupService(database: source.database, dataDirectory: source.directory.path).backup(to: output)
            try await writer.value
            // check: the restore's own comparison of row counts passes, and the plan holds a prefix of the stream
            try await Installation.with(migrated: false) { target in
                _ = try await target.restoreService.restore(from: output)
                try await target.open()
                let restored = try await target.plans.load(try await target.hong(), planID).plan.checkIns
                #expect((checkInsBefore...checkInsBefore + 30).contains(restored.count))
                let written = restored.dropFirst(checkInsBefore).map(\.whatHappened)
                #expect(written == (0..<written.count).map { "Check-in \($0) written during the backup" })
                #expect(try await target.database.rowCountsByTable() == manifest.rowCounts)
            }
        }
    }

    @Test func aDamagedArchiveIsRefusedWithNothingWritten() async throws {
        try await Installation.with { source in
            // setup: a good backup, then damaged copies of it
            try await source.addEvidence([("tickets.pdf", Self.pdf("tickets"))], for: try await source.hong())
            let good = source.directory.appendingPathComponent("good.zip")
            let manifest = try await BackupService(database: source.database, dataDirectory: source.directory.path).backup(to: good)
            let bytes = try Data(contentsOf: good)
            let evidencePath = try #require(manifest.evidenceFiles.first?.path)
            var damaged: [(String, Data)] = [
                ("truncated", bytes.prefix(bytes.count / 2)),
                ("not a zip", Data("just some text".utf8)),
                ("a byte flipped in the database", try Self.rewrite(good) { path, data in
                    guard path == BackupManifest.databaseEntry else { return data }
                    var changed = data
                    changed[changed.count - 100] ^= 0x01
                    return changed
                }),
                ("an evidence file replaced", try Self.rewrite(good) { path, data in path == evidencePath ? Self.pdf("forged") : data }),
                ("an unlisted entry", try Self.rewrite(good, adding: ("evidence/x/../../escape", Data("x".utf8)))),
                ("no manifest", try Self.rewrite(good) { path, data in path == BackupManifest.entryName ? nil : data }),
            ]
            // a byte flipped in the raw archive, inside the stored (uncompressed) evidence file
            if let range = bytes.range(of: Self.pdf("tickets")) {
                var flipped = bytes
                flipped[range.lowerBound + 3] ^= 0x20
                damaged.append(("a byte flipped in the archive", flipped))
            }
            #expect(damaged.count == 7)
            for (name, data) in damaged {
                try await Installation.with(migrated: false) { target in
                    let file = source.directory.appendingPathComponent("damaged.zip")
                    try data.write(to: file)
                    // run
                    do {
                        _ = try await target.restoreService.restore(from: file)
                        Issue.record("\(name): restored")
                    } catch let error as BackupError {
                        // check: a clear refusal, and the target is as it was
                        guard case .unreadable = error else { Issue.record("\(name): \(error)"); return }
                        #expect(error.description.contains("Nothing was restored"), "\(name)")
                    }
                    #expect(target.filesInDirectory() == [], "\(name) left \(target.filesInDirectory())")
                }
            }
        }
    }

    @Test func aTargetThatHoldsDataIsRefusedUnlessForced() async throws {
        try await Installation.with { source in
            // setup
            try await source.addEvidence([("tickets.pdf", Self.pdf("tickets"))], for: try await source.hong())
            let output = source.directory.appendingPathComponent("backup.zip")
            try await BackupService(database: source.database, dataDirectory: source.directory.path).backup(to: output)
            try await Installation.with(migrated: false) { target in
                _ = try await target.restoreService.restore(from: output)
                let databaseBytes = try Data(contentsOf: target.databaseURL)
                // run + check: a second restore onto it is refused and changes nothing
                await #expect(throws: BackupError.self) { try await target.restoreService.restore(from: output) }
                #expect(try Data(contentsOf: target.databaseURL) == databaseBytes)
                // evidence alone is enough to refuse
                try FileManager.default.removeItem(at: target.databaseURL)
                do {
                    _ = try await target.restoreService.restore(from: output)
                    Issue.record("restored over evidence files")
                } catch let error as BackupError {
                    #expect(error.description.contains("evidence files"))
                }
                // --force replaces what is there
                try Data("not a database".utf8).write(to: target.databaseURL)
                _ = try await target.restoreService.restore(from: output, force: true)
                try await target.open()
                #expect(try await target.database.rowCountsByTable() == source.database.rowCountsByTable())
            }
        }
    }

    @Test func anOlderBackupIsMigratedAndANewerOneRefused() async throws {
        // setup: a database made by a Trellis that knew only the first ten migrations
        let older = Array(Migrations.all.prefix(10))
        try await Installation.with(migrated: false) { source in
            try await source.open(migrations: older)
            let output = source.directory.appendingPathComponent("old.zip")
            let manifest = try await BackupService(database: source.database, dataDirectory: source.directory.path).backup(to: output)
            #expect(manifest.schemaVersion == older.last?.version)
            // run + check: this Trellis restores it and applies the rest
            try await Installation.with(migrated: false) { target in
                let outcome = try await target.restoreService.restore(from: output)
                #expect(outcome.migrationsApplied.map(\.version) == Migrations.all.dropFirst(10).map(\.version))
                try await target.open()
                #expect(try await target.database.schemaVersion() == Migrations.all.map(\.version).max())
            }
            // an older Trellis refuses a backup newer than it knows, writing nothing
            try await Installation.with(migrated: false) { target in
                let oldTrellis = RestoreService(database: .sqlite(path: target.databaseURL.path), dataDirectory: target.directory.path,
                                                migrations: Array(older.prefix(5)))
                await #expect(throws: BackupError.newerSchema(backup: older.last!.version, known: older[4].version)) {
                    try await oldTrellis.restore(from: output)
                }
                #expect(target.filesInDirectory() == [])
            }
        }
    }

    @Test func postgreSQLIsLeftToPgDump() async throws {
        guard TestDatabase.postgresURL != nil else { return }
        try await TestDatabase.with { database in
            // run + check
            await #expect(throws: BackupError.postgresBackup) {
                try await BackupService(database: database, dataDirectory: NSTemporaryDirectory()).backup(to: URL(fileURLWithPath: "/tmp/never.zip"))
            }
            #expect(BackupError.postgresBackup.description.contains("pg_dump"))
        }
    }

    // MARK: fixtures

    static func pdf(_ text: String) -> Data { Data("%PDF-1.4\n% \(text)\n".utf8) + Data(repeating: 0x41, count: 2048) + Data("\n%%EOF\n".utf8) }
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 7, count: 512)

    /// A copy of the archive with entries changed (nil drops one) and optionally one added, the manifest left as it was.
    static func rewrite(_ url: URL, adding extra: (String, Data)? = nil, _ change: (String, Data) -> Data? = { $1 }) throws -> Data {
        let source = try Archive(url: url, accessMode: .read)
        let copy = try Archive(data: Data(), accessMode: .create)
        var entries = try source.map { entry -> (String, Data) in
            var data = Data()
            _ = try source.extract(entry) { data.append($0) }
            return (entry.path, data)
        }.compactMap { path, data in change(path, data).map { (path, $0) } }
        if let extra { entries.append(extra) }
        for (path, data) in entries {
            try copy.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return try #require(copy.data)
    }
}
