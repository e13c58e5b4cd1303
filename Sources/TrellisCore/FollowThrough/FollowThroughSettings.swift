/// How a district follows plans through the year, besides its check-in rhythm: how many days before each deadline people
/// are reminded, and how many days of grace are added to the rhythm before a plan counts as stalled.
public struct FollowThroughSettings: Sendable, Hashable, Codable {
    /// A week ahead and the day before: enough to act on, late enough to be remembered.
    public static let standard = FollowThroughSettings(reminderOffsets: [7, 1], graceDays: 7)!
    public static let allowedOffsets = 1...60
    public static let allowedGraceDays = 0...60
    public static let maximumReminders = 4

    /// Days before a deadline, largest first, each once.
    public let reminderOffsets: [Int]
    public let graceDays: Int

    public init?(reminderOffsets: [Int], graceDays: Int) {
        let offsets = Array(Set(reminderOffsets)).sorted(by: >)
        guard !offsets.isEmpty, offsets.count <= Self.maximumReminders, offsets.allSatisfy(Self.allowedOffsets.contains),
              Self.allowedGraceDays.contains(graceDays) else { return nil }
        self.reminderOffsets = offsets
        self.graceDays = graceDays
    }

    /// The offsets as a person types them: "7, 1".
    public var offsetsText: String { reminderOffsets.map(String.init).joined(separator: ", ") }

    /// Reads "7, 1" (commas or spaces). Nil when any part is not a whole number of days.
    public static func offsets(from text: String) -> [Int]? {
        let parts = text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }).map(String.init)
        let numbers = parts.compactMap { Int($0) }
        return numbers.count == parts.count && !numbers.isEmpty ? numbers : nil
    }

    /// The reminder to send on `today` for a deadline due on `dueOn`: the smallest offset whose day has come, while the
    /// deadline is still ahead. Once a day, this names each offset on its own day; after days without a run it names
    /// the nearest one only, so a late catch-up sends one reminder, not several at once.
    public func reminderOffset(dueOn: CalendarDate, today: CalendarDate) -> Int? {
        let daysLeft = today.days(until: dueOn)
        guard daysLeft > 0 else { return nil }
        return reminderOffsets.filter { $0 >= daysLeft }.min()
    }
}
