/// One entry of a person's calendar feed: a deadline or a step's due date (a whole day), or a coaching session (a time
/// of day in the district's zone, for so many minutes).
public struct CalendarEvent: Sendable, Hashable {
    public enum When: Sendable, Hashable {
        case allDay(CalendarDate)
        /// Local time in the district's zone (`ICalendar.timeZoneID`).
        case timed(CalendarDate, start: ClockTime, minutes: Int)
    }

    /// Stable across feeds: a calendar application updates the same entry rather than adding another.
    public let uid: String
    public let summary: String
    public let description: String
    public let location: String
    public let when: When
    /// A page of Trellis about it, absolute.
    public let url: String?

    public init(uid: String, summary: String, description: String = "", location: String = "", when: When, url: String? = nil) {
        self.uid = uid
        self.summary = summary
        self.description = description
        self.location = location
        self.when = when
        self.url = url
    }

    /// For putting a feed in order: by day, then timed entries by start.
    public var sortKey: (CalendarDate, Int) {
        switch when {
        case .allDay(let day): (day, -1)
        case .timed(let day, let start, _): (day, start.minuteOfDay)
        }
    }
}
