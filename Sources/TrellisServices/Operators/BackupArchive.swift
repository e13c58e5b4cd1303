import Crypto
import Foundation
import ZIPFoundation

/// Reading a backup archive and proving it whole: the manifest parses, every entry it lists is there with the size
/// and SHA-256 it lists, each evidence file's content hashes to its name, and nothing is in the archive that the
/// manifest does not list. Both `trellis restore` (before it writes anything) and `trellis backup` (before it names
/// its file) run the same check.
enum BackupArchive {
    /// Opens `url` and reads its manifest. A file that is no ZIP, or holds no manifest of ours, is `unreadable`.
    static func open(_ url: URL) throws -> (Archive, BackupManifest) {
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw BackupError.unreadable("there is no readable file at \(url.path)")
        }
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw BackupError.unreadable("it is not a ZIP archive, or its end is missing (was it copied whole?)")
        }
        guard let entry = archive[BackupManifest.entryName] else {
            throw BackupError.unreadable("it holds no \(BackupManifest.entryName)")
        }
        var data = Data()
        let manifest: BackupManifest
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            manifest = try BackupManifest.decode(data)
        } catch {
            throw BackupError.unreadable("its \(BackupManifest.entryName) cannot be read (\(error))")
        }
        guard manifest.kind == BackupManifest.kindName else {
            throw BackupError.unreadable("its manifest is not a Trellis backup's (kind \"\(manifest.kind)\")")
        }
        guard manifest.format <= BackupManifest.currentFormat else { throw BackupError.newerFormat(manifest.format) }
        return (archive, manifest)
    }

    /// Reads every entry through and checks it against the manifest. Throws `unreadable` naming the first problem.
    static func verify(_ archive: Archive, _ manifest: BackupManifest) throws {
        guard manifest.databaseFile != nil else { throw BackupError.unreadable("its manifest lists no database") }
        var listed: [String: BackupManifest.File] = [:]
        for file in manifest.files {
            guard BackupManifest.isAllowed(file.path) else { throw BackupError.unreadable("its manifest lists an unexpected name, \(file.path)") }
            guard listed.updateValue(file, forKey: file.path) == nil else { throw BackupError.unreadable("its manifest lists \(file.path) twice") }
        }
        var seen: Set<String> = []
        for entry in archive {
            let path = entry.path
            if path == BackupManifest.entryName { continue }
            guard let file = listed[path] else { throw BackupError.unreadable("it holds \(path), which its manifest does not list") }
            guard entry.type == .file else { throw BackupError.unreadable("\(path) is not a plain file") }
            guard !seen.contains(path) else { throw BackupError.unreadable("it holds \(path) twice") }
            try check(entry, against: file, in: archive) { _ in }
            seen.insert(path)
        }
        if let missing = manifest.files.map(\.path).first(where: { !seen.contains($0) }) {
            throw BackupError.unreadable("\(missing) is listed in its manifest but missing from the archive")
        }
    }

    /// Writes one entry to a new file at `url`, checking its hash again on the way: the archive could have changed
    /// on disk since it was verified.
    static func extract(_ entry: Entry, as file: BackupManifest.File, in archive: Archive, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = FileHandle(forWritingAtPath: url.path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "could not create \(url.path)"])
        }
        defer { try? handle.close() }
        try check(entry, against: file, in: archive) { try handle.write(contentsOf: $0) }
        try handle.synchronize()
    }

    /// Streams `entry` through SHA-256 (and `consume`), then compares size, hash and, for evidence, the hash in its name.
    private static func check(_ entry: Entry, against file: BackupManifest.File, in archive: Archive, consume: (Data) throws -> Void) throws {
        var digest = FileDigest()
        do {
            _ = try archive.extract(entry, skipCRC32: true) { chunk in
                digest.update(chunk)
                try consume(chunk)
            }
        } catch {
            throw BackupError.unreadable("\(file.path) cannot be read from the archive (\(error))")
        }
        guard digest.bytes == file.bytes, digest.hex == file.sha256 else {
            throw BackupError.unreadable("\(file.path) does not match its checksum in the manifest (the file is damaged)")
        }
        if let named = BackupManifest.namedHash(of: file.path), named != file.sha256 {
            throw BackupError.unreadable("\(file.path) does not hold the content its name says")
        }
    }
}

/// SHA-256 and length of bytes read a piece at a time, so a large file never sits in memory whole.
struct FileDigest {
    private var hasher = SHA256()
    private(set) var bytes: Int64 = 0

    mutating func update(_ data: Data) {
        hasher.update(data: data)
        bytes += Int64(data.count)
    }

    var hex: String {
        hasher.finalize().map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
        }.joined()
    }

    /// The digest of a whole file on disk, read a mebibyte at a time.
    static func of(fileAt url: URL) throws -> FileDigest {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "could not open \(url.path)"])
        }
        defer { try? handle.close() }
        var digest = FileDigest()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            digest.update(chunk)
        }
        return digest
    }
}
