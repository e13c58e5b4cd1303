"""Reads an iCalendar feed with the `icalendar` package, as a calendar application would, and prints what it found as
JSON: each event's UID, summary, whether it is all-day, its start (and its time zone), and the time zones the feed
defines. Exits non-zero when the feed does not parse.

    python e2e/tools/ics_check.py FEED.ics
"""
import datetime
import json
import sys

import icalendar


def main():
    calendar = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
    events = []
    for event in calendar.walk("VEVENT"):
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND")
        all_day = isinstance(start, datetime.date) and not isinstance(start, datetime.datetime)
        events.append({
            "uid": str(event["UID"]),
            "summary": str(event["SUMMARY"]),
            "description": str(event.get("DESCRIPTION", "")),
            "location": str(event.get("LOCATION", "")),
            "all_day": all_day,
            "start": start.isoformat(),
            "end": end.isoformat(),
            "tzid": event["DTSTART"].params.get("TZID"),
            # The UTC offset the parser gave a timed start: proves the time zone was understood.
            "utc_offset_hours": None if all_day else start.utcoffset().total_seconds() / 3600,
            "has_dtstamp": "DTSTAMP" in event,
        })
    zones = [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")]
    print(json.dumps({"version": str(calendar["VERSION"]), "events": events, "timezones": zones}))


if __name__ == "__main__":
    main()
