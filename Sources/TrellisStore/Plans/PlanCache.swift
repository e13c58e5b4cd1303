import Foundation
import TrellisCore

/// Decoded plans by id and version. Decoding a plan's JSON is the largest cost of showing it, and a person
/// working through the guided steps loads the same version again and again. The version is always read from
/// the database first, so a plan changed by another app instance is never served stale.
final class PlanCache: @unchecked Sendable {
    static let shared = PlanCache(capacity: 500)

    private let lock = NSLock()
    private var entries: [String: (version: Int, stored: PlanStore.Stored)] = [:]
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    func get(_ key: String, version: Int) -> PlanStore.Stored? {
        lock.withLock { entries[key].flatMap { $0.version == version ? $0.stored : nil } }
    }

    func put(_ key: String, _ stored: PlanStore.Stored) {
        lock.withLock {
            // Crude but bounded: when full, forget everything; the next reads decode again.
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = (stored.version, stored)
        }
    }
}
