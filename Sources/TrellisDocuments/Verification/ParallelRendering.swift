import Dispatch
import Foundation

/// Renders documents on every core. cairo surfaces are independent and Pango keeps one font
/// map per thread, so documents on different threads share nothing but fontconfig's
/// thread-safe caches. Blocking: call it off the server's event loops.
enum ParallelRendering {
    /// `render` applied to each item, results in the items' order; the first error is thrown.
    static func map<Item: Sendable>(_ items: [Item], _ render: @Sendable (Item) throws -> Data) throws -> [Data] {
        let results = ResultSlots(count: items.count)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, items.count))
        // Each worker takes every `workers`-th item, so no two touch the same slot.
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: items.count, by: workers) {
                results.set(index, Result { try render(items[index]) })
            }
        }
        return try results.values()
    }
}

/// Slots written by different threads at different indices, read after they all finished.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [Result<Data, any Error>?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<Data, any Error>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func values() throws -> [Data] {
        try slots.map { try $0!.get() }
    }
}
