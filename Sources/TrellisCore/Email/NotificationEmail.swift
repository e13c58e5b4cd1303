/// The email that carries one notification: its message as the subject and first line, a link to its page, and a
/// one-click way to stop emails of that kind. Pure: the outbox writes what this returns.
public enum NotificationEmail {
    public static func compose(_ notification: PersonNotification, to recipient: EmailAddress, name: String, links: EmailLinks,
                               unsubscribeToken token: String) -> EmailMessage {
        let page = links.page(notification.link)
        let stop = links.unsubscribe(token: token)
        let subject = notification.message.count > 120 ? String(notification.message.prefix(119)) + "…" : notification.message
        let text = """
            Hello \(name),

            \(notification.message)

            Open it in Trellis: \(page)

            You get this email because of your notification settings. To stop emails like this one: \(stop)
            To choose what reaches you by email: \(links.preferences)
            """
        let html = EmailHTML.document(title: subject, paragraphs: [
            "Hello \(HTMLText.escape(name)),",
            HTMLText.escape(notification.message),
            EmailHTML.button("Open it in Trellis", page),
        ], footer: footer(stop: stop, links: links))
        return EmailMessage(recipient: recipient, recipientName: name, subject: subject, textBody: text, htmlBody: html,
                            headers: links.unsubscribeHeaders(token: token))
    }

    static func footer(stop: String, links: EmailLinks) -> String {
        "You get this email because of your notification settings. "
            + "<a href=\"\(HTMLText.escape(stop))\">Stop emails like this one</a> or "
            + "<a href=\"\(HTMLText.escape(links.preferences))\">choose what reaches you by email</a>."
    }
}

/// The few pieces of HTML every Trellis email shares: a plain, readable document that works without images or styles
/// from elsewhere.
public enum EmailHTML {
    /// `paragraphs` and `footer` are HTML already (their text escaped by the caller); a list (`list`) stands as it is.
    public static func document(title: String, paragraphs: [String], footer: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(HTMLText.escape(title))</title></head>
        <body style="font-family: sans-serif; line-height: 1.5; color: #1b1b1b; max-width: 40em;">
        \(paragraphs.map { $0.hasPrefix("<ul>") ? $0 : "<p>\($0)</p>" }.joined(separator: "\n"))
        <p style="color: #555; font-size: 0.9em;">\(footer)</p>
        </body></html>
        """
    }

    public static func button(_ label: String, _ href: String) -> String {
        "<a href=\"\(HTMLText.escape(href))\" style=\"color: #0b5394; font-weight: bold;\">\(HTMLText.escape(label))</a>"
    }

    /// A list of items, each already HTML.
    public static func list(_ items: [String]) -> String {
        "<ul>" + items.map { "<li>\($0)</li>" }.joined() + "</ul>"
    }
}
