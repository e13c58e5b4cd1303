/// How many test databases may be open on PostgreSQL at once. Swift Testing starts every test at the same time;
/// with a few connections each, a few hundred tests would pass any server's connection limit, so they take turns.
actor TestDatabaseSlots {
    static let postgres = TestDatabaseSlots(limit: 24)

    private var available: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) {
        available = limit
    }

    func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            available += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
