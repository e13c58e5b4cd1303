import Foundation
import Testing
import TestSupport
import TrellisCore
@testable import TrellisServices
@testable import TrellisStore

/// Delivery against a real SMTP server on this machine (aiosmtpd from the project's venv, `e2e/tools/smtp_sink.py`).
@Suite struct EmailDeliveryTests {
    static let sender = EmailSender(address: EmailAddress("trellis@district.example.org")!)

    static func remind(_ person: Person, _ env: ServiceEnvironment, id: String) async throws {
        try await OrganizationScope(env.database, organizationID: person.organizationID).notifications.add(PersonNotification(
            id: .init(id), organizationID: person.organizationID, personID: person.id, kind: .deadlineReminder,
            message: "Reflection by June 1: write your reflection on each goal.", link: "/plans", createdAt: env.clock.now()))
    }

    @Test func aRelayThatIsDownDelaysTheEmailAndItIsDeliveredOnceWhenItIsBack() async throws {
        try await TestDatabase.with { database in
            // setup: an email in the outbox; the relay's port has nobody listening yet
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, teacher = districts.north.educator
            try await Self.remind(teacher, env, id: "m1")
            let sink = SMTPSink()
            let delivery = EmailDelivery(env, transport: SMTPTransport(relay: SMTPRelay(host: "127.0.0.1", port: sink.port),
                                                                       sender: Self.sender, connectTimeout: 2), sender: Self.sender)
            let scope = OrganizationScope(database, organizationID: teacher.organizationID)

            // run: the relay is down
            let down = try await delivery.deliverDue()
            // check: kept, with the error and a later try; trying again at once sends nothing
            #expect(down.sent == 0 && down.failed == 1)
            var kept = try #require(try await scope.outbox.messages(for: teacher.id).first)
            #expect(kept.sentAt == nil && kept.attempts == 1 && kept.lastError != nil)
            #expect(try await delivery.deliverDue() == .init())

            // run: the relay is back, and the waiting time has passed
            try sink.start()
            defer { sink.stop() }
            districts.clock.advance(by: 61)
            let back = try await delivery.deliverDue()
            // check: delivered, once, whole
            #expect(back.sent == 1 && back.failed == 0)
            let received = try sink.messages()
            #expect(received.count == 1)
            let mail = try #require(received.first)
            #expect(mail.contains("To: =?utf-8?B?") && mail.contains(" <\(teacher.email)>"), "the name is not ASCII: an encoded word")
            #expect(mail.contains("From: \"Trellis\" <trellis@district.example.org>"))
            #expect(mail.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"))
            #expect(mail.contains("Content-Type: text/plain; charset=utf-8") && mail.contains("Content-Type: text/html; charset=utf-8"))
            kept = try #require(try await scope.outbox.messages(for: teacher.id).first)
            #expect(kept.sentAt != nil && kept.attempts == 2)

            // run: more passes, by this runner and by another
            districts.clock.advance(by: 3600)
            #expect(try await delivery.deliverDue().sent == 0)
            let other = EmailDelivery(env, transport: SMTPTransport(relay: SMTPRelay(host: "127.0.0.1", port: sink.port), sender: Self.sender),
                                      sender: Self.sender, worker: "another-runner")
            #expect(try await other.deliverDue().sent == 0)
            // check: still one message at the relay
            #expect(try sink.messages().count == 1)
        }
    }

    @Test func withoutARelayEmailIsWrittenToTheLogAndCountsAsSent() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, teacher = districts.north.educator
            try await Self.remind(teacher, env, id: "m2")
            // run
            let report = try await EmailDelivery(env, transport: LogTransport(logger: env.logger), sender: Self.sender).deliverDue()
            // check
            #expect(report.sent == 1)
            #expect(try await EmailQueue(database).pending().count == 0)
        }
    }

    @Test func theRunnerDeliversTheOutboxAsAJobKind() async throws {
        try await TestDatabase.with { database in
            // setup: an email due; the runner with its standard handlers and schedules, email to the log
            let districts = try await TestDistricts.make(database)
            let env = districts.environment
            try await Self.remind(districts.north.educator, env, id: "m3")
            // run
            let summary = try await JobRunner(env).runDue()
            // check: a delivery job ran and the outbox is empty; the next pass queues no delivery
            #expect(summary.done >= 1)
            #expect(try await EmailQueue(database).pending().count == 0)
            #expect(try await EmailSchedule(env).jobs(at: env.clock.now()).allSatisfy { $0.kind != EmailDelivery.jobKind })
        }
    }
}
