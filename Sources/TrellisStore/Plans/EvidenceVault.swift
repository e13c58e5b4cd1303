import Crypto
import Foundation
import TrellisCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Evidence files on disk under the data directory, named by the SHA-256 of their content and kept per district:
/// the same file uploaded twice is stored once, and a name says nothing about who uploaded what.
///
/// A file appears under its name whole or not at all, also across a crash: the bytes are written to a temporary
/// `<hash>.partial-<uuid>` in the same directory, flushed to disk, then renamed over the final name in one step.
/// Two people storing the same content at once both succeed: the second rename replaces identical bytes.
public struct EvidenceVault: Sendable {
    public let root: URL
    /// A temporary file older than this was left by a crash or a failed write, not by a put still under way.
    static let stalePartialAge: TimeInterval = 15 * 60

    public init(dataDirectory: String) {
        root = URL(fileURLWithPath: dataDirectory).appendingPathComponent("evidence")
    }

    /// Stores the bytes and returns their hash. Storing content that is already stored succeeds without writing.
    public func put(_ data: Data, organization: Organization.ID) throws -> String {
        let hash = SHA256.hex(of: data)
        let file = url(hash: hash, organization: organization)
        if FileManager.default.fileExists(atPath: file.path) { return hash }
        let directory = file.deletingLastPathComponent()
        try makeDirectory(directory)
        removeStalePartials(in: directory)
        let partial = directory.appendingPathComponent("\(hash).partial-\(UUID().uuidString)")
        defer { unlink(partial.path) }
        try Self.writeDurably(data, to: partial)
        // rename(2) is atomic and replaces an existing name: a put racing this one ends with the same bytes either way.
        guard rename(partial.path, file.path) == 0 else { throw Self.posixError("rename to \(file.path)") }
        Self.syncDirectory(directory)
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

    /// Creates the directory; another put creating it at the same moment is not an error.
    private func makeDirectory(_ directory: URL) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else { throw error }
        }
    }

    /// Removes temporary files that crashes left in this directory. Only the directory being written is swept,
    /// so a put costs one directory listing, and every directory is swept when it is next written to.
    private func removeStalePartials(in directory: URL) {
        let cutoff = Date().addingTimeInterval(-Self.stalePartialAge)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names where name.contains(".partial-") {
            let path = directory.appendingPathComponent(name).path
            if let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date, modified < cutoff {
                unlink(path)
            }
        }
    }

    /// Writes all bytes to a new file and flushes them to the disk before returning.
    private static func writeDurably(_ data: Data, to file: URL) throws {
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw posixError("create \(file.path)") }
        defer { close(descriptor) }
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw posixError("write \(file.path)")
                }
                offset += written
            }
        }
        guard fsync(descriptor) == 0 else { throw posixError("flush \(file.path)") }
    }

    /// Flushes the directory entry of a rename, so the new name survives a power cut. Best effort:
    /// some file systems refuse to sync a directory, and the file itself is already on disk.
    private static func syncDirectory(_ directory: URL) {
        let descriptor = open(directory.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    private static func posixError(_ what: String) -> any Error {
        let code = errno
        return CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "could not \(what): \(String(cString: strerror(code)))"])
    }
}
