import Foundation
import Testing
@testable import TrellisCore

@Suite struct ICalendarTests {
    static let stamp = Date(timeIntervalSince1970: 1_800_000_000) // 2027-01-15T08:00:00Z

    @Test func textIsEscapedAndLongLinesFoldedWithoutSplittingCharacters() {
        // check: RFC 5545 §3.3.11 escapes
        #expect(ICalendar.text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
        // run: a long line of two-byte characters
        let line = "SUMMARY:" + String(repeating: "é", count: 100)
        let folded = ICalendar.fold(line)
        // check: every physical line at most 75 octets, continuations start with a space, unfolding gives the line back
        let physical = folded.components(separatedBy: "\r\n")
        #expect(physical.count > 1)
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(physical.first! + physical.dropFirst().map { String($0.dropFirst()) }.joined() == line)
    }

    @Test func allDayAndTimedEventsWithTheDistrictsZone() {
        // setup
        let events = [
            CalendarEvent(uid: "step-1@trellis", summary: "Step due: read, reflect", when: .allDay(CalendarDate(iso: "2027-02-28")!)),
            CalendarEvent(uid: "session-1@trellis", summary: "Observation with Ana", location: "Room 12",
                          when: .timed(CalendarDate(iso: "2027-03-14")!, start: ClockTime("23:30")!, minutes: 45)),
        ]
        // run
        let feed = ICalendar.feed(name: "Trellis: Ana", events: events, stamp: Self.stamp)
        // check
        #expect(feed.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(feed.hasSuffix("END:VCALENDAR\r\n"))
        #expect(feed.contains("DTSTART;VALUE=DATE:20270228\r\nDTEND;VALUE=DATE:20270301\r\n"))
        #expect(feed.contains("SUMMARY:Step due: read\\, reflect\r\n"))
        #expect(feed.contains("DTSTART;TZID=America/Los_Angeles:20270314T233000\r\n"))
        #expect(feed.contains("DTEND;TZID=America/Los_Angeles:20270315T001500\r\n"), "an end past midnight is on the next day")
        #expect(feed.contains("BEGIN:VTIMEZONE\r\nTZID:America/Los_Angeles\r\n"))
        #expect(feed.contains("DTSTAMP:20270115T080000Z\r\n"))
        #expect(feed.components(separatedBy: "BEGIN:VEVENT").count == 3)
        // A feed of whole days only needs no zone.
        #expect(!ICalendar.feed(name: "x", events: [events[0]], stamp: Self.stamp).contains("VTIMEZONE"))
    }
}
