import Foundation
import Testing
import TrellisCore
@testable import TrellisStore

@Suite struct EvidenceVaultTests {
    /// A vault in a directory of its own, removed afterwards.
    func withVault(_ body: (EvidenceVault) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vault-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(EvidenceVault(dataDirectory: directory.path))
    }

    /// Every file name under the vault, wherever it is.
    func names(in vault: EvidenceVault) -> [String] {
        let files = FileManager.default.enumerator(at: vault.root, includingPropertiesForKeys: [.isRegularFileKey])?
            .compactMap { $0 as? URL }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true } ?? []
        return files.map(\.lastPathComponent).sorted()
    }

    @Test func theSameContentStoredInParallelSucceedsEveryTimeAndLeavesOneWholeFile() throws {
        try withVault { vault in
            let organization = Organization.ID("org-north")
            for round in 0..<10 {
                // setup: 3 MB that differ from round to round, so every round races to create a new file
                var bytes = Data(repeating: UInt8(round), count: 3 * 1024 * 1024)
                bytes[0] = 0x25
                let data = bytes
                let errors = ErrorList()
                // run: four threads store the same bytes at once
                DispatchQueue.concurrentPerform(iterations: 4) { _ in
                    do {
                        _ = try vault.put(data, organization: organization)
                    } catch {
                        errors.append(error)
                    }
                }
                // check
                #expect(errors.all.isEmpty, "round \(round): \(errors.all)")
                let hash = try vault.put(data, organization: organization)
                #expect(try vault.get(hash: hash, organization: organization) == data, "round \(round)")
            }
            let stored = names(in: vault)
            #expect(stored.count == 10)
            #expect(!stored.contains { $0.contains("partial") })
        }
    }

    @Test func aPartialFileLeftByACrashIsRemovedLaterButOneBeingWrittenIsNot() throws {
        try withVault { vault in
            // setup: what a crash mid-write leaves next to the file, an hour ago, and one being written right now
            let organization = Organization.ID("org-north")
            let data = Data("%PDF-1.4\n%%EOF\n".utf8)
            let hash = try vault.put(data, organization: organization)
            let file = vault.url(hash: hash, organization: organization)
            try FileManager.default.removeItem(at: file)
            let directory = file.deletingLastPathComponent()
            let stale = directory.appendingPathComponent("\(hash).partial-crashed")
            let fresh = directory.appendingPathComponent("\(hash).partial-writing")
            try Data(count: 10).write(to: stale)
            try Data(count: 10).write(to: fresh)
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: stale.path)
            // run
            _ = try vault.put(data, organization: organization)
            // check
            #expect(names(in: vault) == [hash, "\(hash).partial-writing"])
            #expect(try vault.get(hash: hash, organization: organization) == data)
        }
    }
}

/// Errors gathered from several threads.
private final class ErrorList: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [any Error] = []

    func append(_ error: any Error) { lock.withLock { errors.append(error) } }
    var all: [any Error] { lock.withLock { errors } }
}
