import Foundation
import TrellisCore

/// One audit event as the audit log and the admin's home page show it.
struct AuditLine {
    let when: String
    let isoTime: String
    let what: String
    let who: String
    let about: String?
    let detail: String
    let address: String

    init(_ event: AuditEvent, names: [Person.ID: String]) {
        when = Self.display.string(from: event.occurredAt)
        isoTime = event.occurredAt.formatted(.iso8601)
        what = event.kind.label
        who = event.actorID.map { names[$0] ?? "a removed person" } ?? "—"
        about = event.subjectID.map { names[$0] ?? "a removed person" }
        detail = event.detail
        address = event.address ?? ""
    }

    private static let display: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "MMM d, yyyy HH:mm 'UTC'"
        return formatter
    }()

}
