import Foundation
import TrellisCore

/// Decoded plans by id and version. Decoding a plan's JSON is the largest cost of showing it, and a person
/// working through the guided steps loads the same version again and again. The version is always read from
/// the database first, so a plan changed by another app instance is never served stale.
///
/// Bounded: when full, the plan put in longest ago goes first, so a busy district keeps the plans people are
/// working on instead of emptying the whole cache at once.
final class PlanCache: @unchecked Sendable {
    static let shared = PlanCache(capacity: 500)

    private let lock = NSLock()
    private var entries: [String: (version: Int, stored: PlanStore.Stored)] = [:]
    /// Keys in the order they were first put; `oldest` is where the live part of the queue starts.
    private var order: [String] = []
    private var oldest = 0
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    func get(_ key: String, version: Int) -> PlanStore.Stored? {
        lock.withLock { entries[key].flatMap { $0.version == version ? $0.stored : nil } }
    }

    func put(_ key: String, _ stored: PlanStore.Stored) {
        lock.withLock {
            if entries.updateValue((stored.version, stored), forKey: key) != nil { return }
            order.append(key)
            while entries.count > capacity, oldest < order.count {
                entries.removeValue(forKey: order[oldest])
                oldest += 1
            }
            // Drop the keys already evicted once they are most of the queue.
            if oldest > capacity, oldest * 2 > order.count {
                order.removeFirst(oldest)
                oldest = 0
            }
        }
    }

    var count: Int { lock.withLock { entries.count } }

    func contains(_ key: String) -> Bool { lock.withLock { entries[key] != nil } }
}
