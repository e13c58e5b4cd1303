import Foundation
import Testing
@testable import TrellisCore

@Suite struct EmailCompositionTests {
    static let notice = PersonNotification(id: .init("n1"), organizationID: .init("org"), personID: .init("p1"), kind: .deadlineReminder,
                                           message: "Mid-year check-in by March 1: write your check-in <soon>.",
                                           link: "/plans/p9/check-ins", createdAt: Date(timeIntervalSince1970: 1_800_000_000))

    @Test func aNotificationsEmailLinksToItsPageAndToOneClickUnsubscribe() {
        // setup
        let links = EmailLinks(siteAddress: "https://trellis.example.org/")
        // run
        let email = NotificationEmail.compose(Self.notice, to: EmailAddress("ana@example.org")!, name: "Ana Ruiz", links: links,
                                              unsubscribeToken: "tok123")
        // check: both parts link to the page from the site address; HTML escapes the message; RFC 8058 headers
        #expect(email.textBody.contains("https://trellis.example.org/plans/p9/check-ins"))
        #expect(email.htmlBody.contains("href=\"https://trellis.example.org/plans/p9/check-ins\""))
        #expect(email.htmlBody.contains("&lt;soon&gt;") && !email.htmlBody.contains("<soon>"))
        #expect(email.textBody.contains("https://trellis.example.org/email/unsubscribe/tok123"))
        #expect(email.header("List-Unsubscribe") == "<https://trellis.example.org/email/unsubscribe/tok123>")
        #expect(email.header("List-Unsubscribe-Post") == "List-Unsubscribe=One-Click")
    }

    @Test func mimeHasBothPartsInBase64AndEncodesWhatIsNotASCII() throws {
        // setup
        var email = NotificationEmail.compose(Self.notice, to: EmailAddress("diego@example.org")!, name: "Diego Ramírez",
                                              links: EmailLinks(siteAddress: "http://x.org"), unsubscribeToken: "t")
        email.subject = "Plan de Diego Ramírez\r\nBcc: evil@example.org"
        // run
        let mime = MIMEMessage.render(email, from: EmailAddress("trellis@x.org")!, senderName: "Trellis", messageID: "m1@x.org",
                                      date: Date(timeIntervalSince1970: 0), boundary: "b1")
        // check: CRLF throughout, no header injected by a line break, encoded words, two base64 parts that decode back
        #expect(!mime.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!mime.contains("\r\nBcc:"))
        #expect(mime.contains("Subject: =?utf-8?B?"))
        #expect(mime.contains("To: =?utf-8?B?") && mime.contains("<diego@example.org>"))
        #expect(mime.contains("Date: Thu, 01 Jan 1970 00:00:00 +0000"))
        #expect(mime.contains("Message-ID: <m1@x.org>"))
        #expect(mime.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"))
        let parts = mime.components(separatedBy: "--b1\r\n").dropFirst()
        #expect(parts.count == 2)
        let html = try #require(parts.last?.components(separatedBy: "\r\n\r\n").last?.components(separatedBy: "--b1--").first)
        let decoded = String(decoding: Data(base64Encoded: html.replacingOccurrences(of: "\r\n", with: ""))!, as: UTF8.self)
        #expect(decoded.contains("Diego Ramírez"))
        #expect(MIMEMessage.base64Lines(String(repeating: "é", count: 200)).allSatisfy { $0.count <= 76 })
    }

    @Test func smtpURLsAreReadOrRefusedInOneLine() throws {
        // run + check
        let plain = try SMTPRelay(parsing: "smtp://mail.district.org:2525")
        #expect(plain.host == "mail.district.org" && plain.port == 2525 && plain.user == nil)
        let withUser = try SMTPRelay(parsing: "smtp://trellis:s%40cret@relay.example.org:587")
        #expect(withUser.user == "trellis" && withUser.password == "s@cret" && withUser.url == "smtp://relay.example.org:587")
        #expect(!withUser.description.contains("cret"))
        #expect(try SMTPRelay(parsing: "smtp://localhost").port == 25)
        for bad in ["mail.district.org:25", "http://mail.org", "smtp://", "smtp://host:99999", "smtp://host/path", "smtp://:pw@host"] {
            #expect(throws: SMTPRelay.Malformed.self) { try SMTPRelay(parsing: bad) }
        }
        do {
            _ = try SMTPRelay(parsing: "smtps://u:topsecret@host")
        } catch let error as SMTPRelay.Malformed {
            #expect(error.description.hasPrefix("TRELLIS_SMTP_URL"))
            #expect(!error.description.contains("topsecret") && !error.description.contains("\n"))
        }
    }

    @Test func followThroughNoticesAreEmailedByDefaultAndTheRestStayInTrellis() {
        // setup
        var preferences = NotificationPreferences()
        // check: the defaults
        #expect(preferences.channel(for: .deadlineReminder) == .email)
        #expect(preferences.channel(for: .planStalled) == .email)
        #expect(preferences.channel(for: .checkInNudge) == .email)
        #expect(preferences.channel(for: .reviewRequested) == .inApp)
        #expect(preferences.wantsWeeklyDigest(isCoach: true) && !preferences.wantsWeeklyDigest(isCoach: false))
        // run + check: a choice wins over the default; choosing the digest for a kind turns the weekly email on
        preferences.set(.digest, for: PersonNotification.Kind.planSigned.rawValue)
        preferences.set(.inApp, for: PersonNotification.Kind.deadlineReminder.rawValue)
        #expect(preferences.channel(for: .deadlineReminder) == .inApp)
        #expect(preferences.wantsWeeklyDigest(isCoach: false))
        preferences.set(.inApp, for: NotificationPreferences.weeklyDigestKey)
        #expect(!preferences.wantsWeeklyDigest(isCoach: true))
    }

    @Test func aWeekStartsOnMonday() {
        // check: Thursday 1970-01-01, a Sunday, a Monday, across a year's end
        #expect(WeeklyDigest.weekStart(of: CalendarDate(iso: "1970-01-01")!).iso == "1969-12-29")
        #expect(WeeklyDigest.weekStart(of: CalendarDate(iso: "2027-01-17")!).iso == "2027-01-11")
        #expect(WeeklyDigest.weekStart(of: CalendarDate(iso: "2027-01-11")!).iso == "2027-01-11")
        #expect(WeeklyDigest.weekStart(of: CalendarDate(iso: "2027-01-01")!).iso == "2026-12-28")
    }
}
