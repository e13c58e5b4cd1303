import Foundation

/// Values kept in memory up to a budget of bytes, the oldest dropped first when a new one would pass it: the store
/// behind the rendered pages and the page shells. Thread-safe; what a value weighs is the `size` it is made with.
final class BoundedStore<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]
    private var order: [Key] = []
    private var oldest = 0
    private var bytes = 0
    let budget: Int
    private let size: (Value) -> Int

    init(budget: Int, size: @escaping (Value) -> Int) {
        self.budget = budget
        self.size = size
    }

    func value(_ key: Key) -> Value? {
        lock.withLock { values[key] }
    }

    /// Keeps `value` unless the key is already kept; one over an eighth of the budget is never worth keeping.
    func keep(_ value: Value, for key: Key) {
        let weight = size(value)
        guard weight <= budget / 8 else { return }
        lock.withLock {
            guard values.updateValue(value, forKey: key) == nil else { return }
            order.append(key)
            bytes += weight
            while bytes > budget, oldest < order.count {
                if let dropped = values.removeValue(forKey: order[oldest]) { bytes -= size(dropped) }
                oldest += 1
            }
            // Forget the keys already dropped once they are most of the queue.
            if oldest > 1024, oldest * 2 > order.count {
                order.removeFirst(oldest)
                oldest = 0
            }
        }
    }

    var count: Int { lock.withLock { values.count } }

    func reduce<Result>(_ initial: Result, _ next: (Result, Value) -> Result) -> Result {
        lock.withLock { values.values.reduce(initial, next) }
    }
}
