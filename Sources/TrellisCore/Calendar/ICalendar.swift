import Foundation

/// Writes an iCalendar feed (RFC 5545) by hand: the few properties calendar applications need, escaped and folded as
/// the standard says, with the district's time zone described in full so timed entries land at the right hour in any
/// application.
public enum ICalendar {
    /// The district's zone, the one `ServiceEnvironment` counts days in.
    public static let timeZoneID = "America/Los_Angeles"

    /// The feed as text with CRLF line ends. `stamp` is when it was made (each entry's DTSTAMP).
    public static func feed(name: String, events: [CalendarEvent], stamp: Date) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Trellis//Growth plans and coaching//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:\(text(name))",
            "X-WR-TIMEZONE:\(timeZoneID)",
        ]
        if events.contains(where: { if case .timed = $0.when { true } else { false } }) { lines += pacificTimeZone }
        let sorted = events.sorted { ($0.sortKey.0, $0.sortKey.1, $0.uid) < ($1.sortKey.0, $1.sortKey.1, $1.uid) }
        for event in sorted { lines += entry(event, stamp: stamp) }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func entry(_ event: CalendarEvent, stamp: Date) -> [String] {
        var lines = ["BEGIN:VEVENT", "UID:\(text(event.uid))", "DTSTAMP:\(utc(stamp))"]
        switch event.when {
        case .allDay(let day):
            lines.append("DTSTART;VALUE=DATE:\(compact(day))")
            lines.append("DTEND;VALUE=DATE:\(compact(day.adding(days: 1) ?? day))")
            lines.append("TRANSP:TRANSPARENT")
        case .timed(let day, let start, let minutes):
            let total = start.minuteOfDay + max(1, minutes)
            let endDay = day.adding(days: total / 1440) ?? day
            lines.append("DTSTART;TZID=\(timeZoneID):\(compact(day))T\(clock(start.minuteOfDay))")
            lines.append("DTEND;TZID=\(timeZoneID):\(compact(endDay))T\(clock(total % 1440))")
        }
        lines.append("SUMMARY:\(text(event.summary))")
        if !event.description.isEmpty { lines.append("DESCRIPTION:\(text(event.description))") }
        if !event.location.isEmpty { lines.append("LOCATION:\(text(event.location))") }
        if let url = event.url { lines.append("URL:\(url)") }
        lines.append("END:VEVENT")
        return lines
    }

    /// America/Los_Angeles as the United States has kept it since 2007: daylight time from the second Sunday of March
    /// to the first Sunday of November.
    static let pacificTimeZone = [
        "BEGIN:VTIMEZONE",
        "TZID:\(timeZoneID)",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:-0800",
        "TZOFFSETTO:-0700",
        "TZNAME:PDT",
        "DTSTART:19700308T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:-0700",
        "TZOFFSETTO:-0800",
        "TZNAME:PST",
        "DTSTART:19701101T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]

    /// TEXT values (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks as `\n`.
    public static func text(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n", "\r": out += "\\n"
            default:
                // Other control characters are not allowed in TEXT.
                if character.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) || character == "\t" {
                    out.append(character)
                }
            }
        }
        return out
    }

    /// Lines longer than 75 octets continue on the next line after a space (§3.1), never inside a UTF-8 character.
    public static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var pieces: [String] = [], current = "", limit = 75
        for character in line {
            if current.utf8.count + String(character).utf8.count > limit {
                pieces.append(current)
                current = ""
                limit = 74 // the leading space counts
            }
            current.append(character)
        }
        pieces.append(current)
        return pieces.joined(separator: "\r\n ")
    }

    static func compact(_ day: CalendarDate) -> String { day.iso.replacingOccurrences(of: "-", with: "") }

    static func clock(_ minuteOfDay: Int) -> String {
        let hour = minuteOfDay / 60, minute = minuteOfDay % 60
        return (hour < 10 ? "0" : "") + "\(hour)" + (minute < 10 ? "0" : "") + "\(minute)00"
    }

    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let day = CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
        return compact(day) + "T" + clock(parts.hour! * 60 + parts.minute!).dropLast(2)
            + (parts.second! < 10 ? "0" : "") + "\(parts.second!)" + "Z"
    }
}
