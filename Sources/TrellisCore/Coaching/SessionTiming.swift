/// A time of day to the minute, as people type it ("9:05", "14:30").
public struct ClockTime: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// Minutes since midnight, 0 ..< 1440.
    public let minuteOfDay: Int

    public init?(minuteOfDay: Int) {
        guard (0..<1440).contains(minuteOfDay) else { return nil }
        self.minuteOfDay = minuteOfDay
    }

    /// "9:05", "09:05" or "14:30"; nil for anything else.
    public init?(_ text: String) {
        let parts = text.trimmingWhitespace().split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), hour < 24, minute < 60 else { return nil }
        self.init(minuteOfDay: hour * 60 + minute)
    }

    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(Int.self)
        guard let time = ClockTime(minuteOfDay: value) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "minute of day \(value)"))
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(minuteOfDay)
    }

    public var hour: Int { minuteOfDay / 60 }
    public var minute: Int { minuteOfDay % 60 }

    /// "09:05": what a time field shows.
    public var description: String { (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)" }

    /// "9:05 am", for reading.
    public var spoken: String {
        let twelve = hour % 12 == 0 ? 12 : hour % 12
        return "\(twelve):" + (minute < 10 ? "0" : "") + "\(minute) " + (hour < 12 ? "am" : "pm")
    }

    public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool { lhs.minuteOfDay < rhs.minuteOfDay }
}

/// When a coaching contact happened and how long it took. The minutes are what the coaching log counts.
public struct SessionTiming: Sendable, Hashable, Codable, Comparable {
    public static let longestMinutes = 600

    public var date: CalendarDate
    /// When it started; informal contacts may have no time.
    public var startsAt: ClockTime?
    public var minutes: Int

    public init(date: CalendarDate, startsAt: ClockTime? = nil, minutes: Int) {
        self.date = date
        self.startsAt = startsAt
        self.minutes = minutes
    }

    /// Reads a session form: a date, a start and either an end time or a number of minutes. Each mistake gets a
    /// message at its field: a session ending before it starts, no time at all, or longer than ten hours.
    public static func parse(date dateText: String, start startText: String, end endText: String, minutes minutesText: String,
                             startRequired: Bool = true) -> Result<SessionTiming, FieldErrors> {
        var errors = FieldErrors()
        let date = CalendarDate(iso: dateText.trimmingWhitespace())
        if date == nil { errors["date"] = dateText.isBlank ? "Enter the date." : "Enter the date as YYYY-MM-DD, e.g. 2026-10-14." }
        let start = ClockTime(startText)
        if start == nil && (startRequired || !startText.isBlank) {
            errors["start"] = startText.isBlank ? "Enter when it starts." : "Enter the time as hours and minutes, e.g. 9:05 or 14:30."
        }
        var minutes: Int?
        if !endText.isBlank {
            if let end = ClockTime(endText) {
                if let start {
                    if end < start { errors["end"] = "The session ends before it starts. Check the end time." }
                    else { minutes = end.minuteOfDay - start.minuteOfDay }
                }
            } else {
                errors["end"] = "Enter the time as hours and minutes, e.g. 9:50 or 15:15."
            }
        } else if let typed = Int(minutesText.trimmingWhitespace()) {
            minutes = typed
        } else {
            errors["minutes"] = minutesText.isBlank ? "Enter how many minutes it took, or when it ended."
                : "Enter the minutes as a whole number, e.g. 45."
        }
        if let value = minutes {
            let field = endText.isBlank ? "minutes" : "end"
            if value < 1 { errors[field] = "A session takes at least a minute." }
            if value > longestMinutes { errors[field] = "A session can last at most 10 hours. Log a longer day as separate sessions." }
        }
        guard errors.isEmpty, let date, let minutes else { return .failure(errors) }
        return .success(SessionTiming(date: date, startsAt: start, minutes: minutes))
    }

    /// When it ended, when it has a start and ends the same day.
    public var endsAt: ClockTime? { startsAt.flatMap { ClockTime(minuteOfDay: $0.minuteOfDay + minutes) } }

    /// Earlier sessions first; on one day, untimed contacts before timed ones.
    public static func < (lhs: SessionTiming, rhs: SessionTiming) -> Bool {
        if lhs.date != rhs.date { return lhs.date < rhs.date }
        return (lhs.startsAt?.minuteOfDay ?? -1) < (rhs.startsAt?.minuteOfDay ?? -1)
    }
}

extension String {
    var isBlank: Bool { trimmingWhitespace().isEmpty }
}
