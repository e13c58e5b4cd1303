/// What one person's weekly email gathers: for a coach, who needs follow-up (caseload gone quiet), the week's sessions and
/// the plans waiting for their review; for anyone, the notifications they chose to read weekly. Pure, so the email is
/// tested without a database.
public struct WeeklyDigest: Sendable, Hashable {
    /// One line with a link: a name or a message and the page it is about.
    public struct Line: Sendable, Hashable {
        public let text: String
        /// A path on this site.
        public let link: String

        public init(_ text: String, link: String) {
            self.text = text
            self.link = link
        }
    }

    /// The Monday the week starts on.
    public let week: CalendarDate
    public var followUp: [Line] = []
    public var sessions: [Line] = []
    public var reviews: [Line] = []
    public var notifications: [Line] = []

    public init(week: CalendarDate) {
        self.week = week
    }

    public var isEmpty: Bool { followUp.isEmpty && sessions.isEmpty && reviews.isEmpty && notifications.isEmpty }

    /// The Monday of the week `day` falls in (1970-01-01 was a Thursday).
    public static func weekStart(of day: CalendarDate) -> CalendarDate {
        let epoch = CalendarDate(year: 1970, month: 1, day: 1)!
        let sinceMonday = ((epoch.days(until: day) + 3) % 7 + 7) % 7
        return day.adding(days: -sinceMonday) ?? day
    }

    /// The outbox key that makes one digest per person and week.
    public static func uniqueKey(person: Person.ID, week: CalendarDate) -> String { "digest:\(person):\(week.iso)" }

    /// The email: each part with a heading, every line linking to its page, and the one-click link that turns the
    /// digest off.
    public func email(to recipient: EmailAddress, name: String, links: EmailLinks, unsubscribeToken token: String) -> EmailMessage {
        let subject = "Your Trellis week of \(week.longForm)"
        let parts: [(String, [Line])] = [
            ("Who needs follow-up", followUp), ("Sessions this week", sessions),
            ("Plans waiting for your review", reviews), ("Notifications of the week", notifications),
        ].filter { !$0.1.isEmpty }
        let stop = links.unsubscribe(token: token)
        var text = "Hello \(name),\n\nHere is your week in Trellis.\n"
        for (heading, lines) in parts {
            text += "\n\(heading)\n" + lines.map { "- \($0.text): \(links.page($0.link))" }.joined(separator: "\n") + "\n"
        }
        text += "\nYou get this weekly email because of your notification settings. To stop it: \(stop)\n"
            + "To choose what reaches you by email: \(links.preferences)"
        var paragraphs = ["Hello \(HTMLText.escape(name)),", "Here is your week in Trellis."]
        for (heading, lines) in parts {
            paragraphs.append("<strong>\(HTMLText.escape(heading))</strong>")
            paragraphs.append(EmailHTML.list(lines.map { EmailHTML.button($0.text, links.page($0.link)) }))
        }
        let html = EmailHTML.document(title: subject, paragraphs: paragraphs, footer: NotificationEmail.footer(stop: stop, links: links)
            .replacingOccurrences(of: "Stop emails like this one", with: "Stop the weekly email"))
        return EmailMessage(recipient: recipient, recipientName: name, subject: subject, textBody: text, htmlBody: html,
                            headers: links.unsubscribeHeaders(token: token))
    }
}
