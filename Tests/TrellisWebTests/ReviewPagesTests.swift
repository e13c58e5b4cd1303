import Foundation
import Hummingbird
import Testing
import TestSupport
import TrellisCore
import TrellisStore

/// Review and signature through the pages: the owner asks, a colleague or someone outside Trellis reviews, and
/// what each may see and do.
@Suite struct ReviewPagesTests {
    /// A plan of the teacher (Zoë) ready for review, with a file of evidence; the principal (Nguyễn) holds a certificate.
    static func readyPlan(_ districts: TestDistricts, _ owner: TestBrowser) async throws -> (path: String, plan: GrowthPlan) {
        let database = districts.environment.database
        let plan = try await ReadyPlans.readyForReview(database, owner: districts.north.educator, at: districts.clock.now())
        try await ReadyPlans.certify(database, districts.north.leader)
        _ = try await owner.signIn("teacher@north.example")
        let path = "/plans/\(plan.id)"
        let uploaded = try await owner.upload(path + "/evidence", field: "file", filename: "exit-tickets.pdf", data: Data("%PDF-1.4\n%%EOF\n".utf8),
                                              fields: [("kind", "file"), ("caption", "Scanned exit tickets"), ("goals", plan.goals[0].id.rawValue)])
        #expect(uploaded.status == .seeOther)
        return (path, plan)
    }

    static func version(_ page: TestBrowser.Page) throws -> String {
        String(try #require(page.body.firstMatch(of: /name="version" value="(\d+)"/)?.1))
    }

    @Test func aColleagueReturnsThePlanWithACommentThenSignsTheResubmission() async throws {
        try await withTrellis { districts, owner in
            // setup
            let (plan, ready) = try await Self.readyPlan(districts, owner)
            let goalID = ready.goals[0].id
            // run: the owner asks the principal
            let page = try await owner.get(plan + "/review")
            #expect(page.status == .ok)
            #expect(page.body.contains("Nguyễn Thị Hồng — certificate 412345F"))
            let asked = try await owner.post(plan + "/review", [("version", try Self.version(page)), ("reviewer_kind", "member"),
                                                                 ("reviewer", districts.north.leader.id.rawValue)])
            #expect(asked.status == .seeOther)
            let inReview = try await owner.get(plan + "/review")
            #expect(inReview.body.contains("Nguyễn Thị Hồng sees your request in Trellis"))
            #expect(inReview.body.contains("Withdraw the request"))
            // check: the principal is told, in the navigation and the list
            let reviewer = TestBrowser(client: owner.client)
            _ = try await reviewer.signIn("principal@north.example")
            let home = try await reviewer.get("/")
            #expect(home.body.contains("<span class=\"visually-hidden\">, 1 unread</span>"))
            let list = try await reviewer.get("/notifications")
            let open = String(try #require(list.body.firstMatch(of: /action="(\/notifications\/[^"]+\/open)"/)?.1))
            let opened = try await reviewer.post(open)
            let review = try #require(opened.location)
            #expect(review.hasPrefix("/reviews/"))
            #expect(!(try await reviewer.get("/").body.contains(" unread</span>")))
            #expect(try await reviewer.get("/reviews").body.contains("href=\"\(review)\""))
            // run: the reviewer reads the snapshot and downloads the evidence file
            let snapshot = try await reviewer.get(review)
            #expect(snapshot.status == .ok)
            #expect(snapshot.body.contains("I will use exit tickets every week"))
            #expect(snapshot.body.contains("More students explain their thinking"))
            let file = String(try #require(snapshot.body.firstMatch(of: /href="(\/reviews\/[^"]+\/file)"/)?.1))
            let download = try await reviewer.get(file)
            #expect(download.status == .ok && download.body == "%PDF-1.4\n%%EOF\n")
            #expect(download.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            // a return without a note is refused, with the comment kept
            let noNote = try await reviewer.post(review + "/return", [("version", try Self.version(snapshot)),
                                                                      ("comment_\(goalID)", "Say how you will <measure> it"), ("note", " ")])
            #expect(noNote.status == .unprocessableContent)
            #expect(noNote.body.contains("Write what the educator should change"))
            #expect(noNote.body.contains("href=\"#field-note\""))
            #expect(noNote.body.contains(">Say how you will &lt;measure&gt; it</textarea>"))
            let returned = try await reviewer.post(review + "/return", [("version", try Self.version(noNote)),
                                                                        ("comment_\(goalID)", "Say how you will measure it"), ("note", "Add a rubric")])
            #expect(returned.location == "/reviews")
            // check: the owner sees the note and the comment by goal, and can change the plan again
            let back = try await owner.get(plan + "/review")
            #expect(back.body.contains("Returned for changes") && back.body.contains("Add a rubric") && back.body.contains("Say how you will measure it"))
            #expect(back.body.contains("Ask for review again"))
            let goalPage = try await owner.get(plan + "/goals/\(goalID)")
            let edited = try await owner.post(plan + "/goals/\(goalID)", [("version", try Self.version(goalPage)), ("statement", ready.goals[0].statement),
                                                                         ("measure", "Exit tickets scored with a 3-point rubric")])
            #expect(edited.status == .seeOther)
            // run: resubmit; the reviewer sees what changed and their earlier comment
            let again = try await owner.get(plan + "/review")
            _ = try await owner.post(plan + "/review", [("version", try Self.version(again)), ("reviewer", districts.north.leader.id.rawValue)])
            let second = try await reviewer.get("/reviews")
            let secondPath = String(try #require(second.body.firstMatch(of: /href="(\/reviews\/[^"]+)"/)?.1))
            #expect(secondPath != review)
            let resubmitted = try await reviewer.get(secondPath)
            #expect(resubmitted.body.contains("What changed since submission 1"))
            #expect(resubmitted.body.contains("Goal 1: measure") && resubmitted.body.contains("Exit tickets scored with a 3-point rubric"))
            #expect(resubmitted.body.contains("Comments on submission 1") && resubmitted.body.contains("Add a rubric"))
            // the signature form is prefilled; a bad certificate and no attestation are refused at their fields, text kept
            #expect(resubmitted.body.contains("value=\"Nguyễn Thị Hồng\"") && resubmitted.body.contains("value=\"412345F\""))
            let bad = try await reviewer.post(secondPath + "/sign", [("version", try Self.version(resubmitted)), ("signer_name", "Nguyễn Thị Hồng"),
                                                                     ("certificate_number", "12-AB"), ("comment_plan", "Well done")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("Enter a Washington certificate number") && bad.body.contains("href=\"#field-certificate_number\""))
            #expect(bad.body.contains("Tick the box to confirm") && bad.body.contains("href=\"#field-attest\""))
            #expect(bad.body.contains("value=\"12-AB\"") && bad.body.contains(">Well done</textarea>"))
            let signed = try await reviewer.post(secondPath + "/sign", [("version", try Self.version(bad)), ("signer_name", "Nguyễn Thị Hồng"),
                                                                        ("certificate_number", "412345F"), ("attest", "yes"), ("comment_plan", "Well done")])
            #expect(signed.location == secondPath)
            let readOnly = try await reviewer.get(secondPath)
            #expect(readOnly.body.contains("You signed this submission") && readOnly.body.contains("Well done"))
            #expect(!readOnly.body.contains("formaction="))
            // check: the owner sees the signature, checks it, and can correct the plan as a new version
            let done = try await owner.get(plan + "/review?check=1")
            #expect(done.body.contains("status--signed"))
            #expect(done.body.contains("The stored snapshot still matches its SHA-256"))
            #expect(done.body.contains("Correct the plan"))
            let corrected = try await owner.post(plan + "/status", [("to", "active")])
            #expect(corrected.status == .seeOther)
            let after = try await owner.get(plan + "/review")
            #expect(after.body.contains("status--active") && after.body.contains("Nguyễn Thị Hồng, certificate 412345F"))
        }
    }

    @Test func anOutsideReviewerSignsThroughTheirLinkOnceAndTheLinkThenOpensNothing() async throws {
        try await withTrellis { districts, owner in
            // setup
            let (plan, _) = try await Self.readyPlan(districts, owner)
            // run: an outside reviewer without an email is refused at the field, with what was typed kept
            let page = try await owner.get(plan + "/review")
            let noEmail = try await owner.post(plan + "/review", [("version", try Self.version(page)), ("reviewer_kind", "outside"),
                                                                   ("reviewer_name", "Dana Peer"), ("reviewer_certificate", "512345")])
            #expect(noEmail.status == .unprocessableContent)
            #expect(noEmail.body.contains("email address, e.g. name@school.org"))
            #expect(noEmail.body.contains("href=\"#field-reviewer_email\"") && noEmail.body.contains("value=\"Dana Peer\""))
            _ = try await owner.post(plan + "/review", [("version", try Self.version(noEmail)), ("reviewer_kind", "outside"), ("reviewer_name", "Dana Peer"),
                                                        ("reviewer_email", "dana@peer.example"), ("reviewer_certificate", "512345")])
            // check: the link is shown once, with whom to send it to
            let shown = try await owner.get(plan + "/review")
            let link = String(try #require(shown.body.firstMatch(of: /id="one-time-link" href="([^"]+)"/)?.1))
            #expect(shown.body.contains("Send this link to Dana Peer (dana@peer.example); it works once, until"))
            #expect(!(try await owner.get(plan + "/review").body.contains(link)))
            let path = String(link.dropFirst("http://127.0.0.1:8080".count))
            let token = String(path.dropFirst("/review/".count))
            // run: a browser with no cookies opens the link and signs; a form without the token is refused
            let outside = TestBrowser(client: owner.client)
            let review = try await outside.get(path)
            #expect(review.status == .ok && review.body.contains("Review of Zoë Ångström’s 2026–27 growth plan"))
            #expect(review.body.contains("value=\"Dana Peer\""))
            let file = String(try #require(review.body.firstMatch(of: /href="(\/review\/[^"]+\/file)"/)?.1))
            #expect(try await outside.get(file).status == .ok)
            let form = [("version", try Self.version(review)), ("signer_name", "Dana Peer"), ("certificate_number", "512345"), ("attest", "yes")]
            #expect(try await outside.post(path + "/sign", form, csrf: "forged").status == .forbidden)
            let signed = try await outside.post(path + "/sign", form)
            #expect(signed.location == "/review-done")
            #expect(try await outside.get("/review-done").body.contains("You signed Zoë Ångström’s plan"))
            // check: the link is used up; reusing it, or a tampered one, changes nothing
            let reused = try await outside.get(path)
            #expect(reused.status == .notFound && reused.body.contains("It may have been used already"))
            #expect(try await outside.post(path + "/sign", form).status == .notFound)
            #expect(try await outside.get(file).status == .notFound)
            #expect(try await outside.get(path + "x").status == .notFound)
            let scope = OrganizationScope(districts.environment.database, organizationID: districts.north.organization.id)
            #expect(try await scope.signatures.signatures(forPlan: .init(String(plan.dropFirst("/plans/".count)))).count == 1)
            #expect(try await owner.get(plan + "/review").body.contains("Dana Peer, certificate 512345"))
            // the token is in no audit record
            #expect(try await scope.audit.recent().allSatisfy { !$0.detail.contains(token) })
        }
    }

    @Test func anExpiredLinkGetsAClearPageAndChangesNothing() async throws {
        try await withTrellis { districts, owner in
            // setup: an outside request, then 15 days pass
            let (plan, _) = try await Self.readyPlan(districts, owner)
            let page = try await owner.get(plan + "/review")
            _ = try await owner.post(plan + "/review", [("version", try Self.version(page)), ("reviewer_kind", "outside"), ("reviewer_name", "Dana Peer"),
                                                        ("reviewer_email", "dana@peer.example"), ("reviewer_certificate", "512345")])
            let link = String(try #require(try await owner.get(plan + "/review").body.firstMatch(of: /id="one-time-link" href="http:\/\/[^\/]+([^"]+)"/)?.1))
            districts.clock.advance(by: 15 * 24 * 3600)
            // run
            let outside = TestBrowser(client: owner.client)
            let expired = try await outside.get(link)
            let signing = try await outside.post(link + "/sign", [("version", "1"), ("signer_name", "Dana Peer"), ("certificate_number", "512345"), ("attest", "yes")])
            // check
            #expect(expired.status == .gone && expired.body.contains("This review link has expired"))
            #expect(signing.status == .gone)
            let scope = OrganizationScope(districts.environment.database, organizationID: districts.north.organization.id)
            #expect(try await scope.signatures.signatures(forPlan: .init(String(plan.dropFirst("/plans/".count)))).isEmpty)
        }
    }

    @Test func onlyTheAskedReviewerOpensARequestAndSharedViewersReadTheOwnersPageWithoutForms() async throws {
        try await withTrellis { districts, owner in
            // setup: the plan in review with the principal, shared with the coach
            let (plan, _) = try await Self.readyPlan(districts, owner)
            _ = try await owner.post(plan + "/sharing", [("coaches", districts.north.coach.id.rawValue)])
            let page = try await owner.get(plan + "/review")
            _ = try await owner.post(plan + "/review", [("version", try Self.version(page)), ("reviewer", districts.north.leader.id.rawValue)])
            let principal = TestBrowser(client: owner.client)
            _ = try await principal.signIn("principal@north.example")
            let review = String(try #require(try await principal.get("/reviews").body.firstMatch(of: /href="(\/reviews\/[^"]+)"/)?.1))
            // run + check: the owner may not act as their own reviewer, nor may a coach who was not asked
            #expect(try await owner.get(review).status == .notFound)
            #expect(try await owner.post(review + "/sign", [("signer_name", "Zoë"), ("certificate_number", "412345"), ("attest", "yes")]).status == .notFound)
            let coach = TestBrowser(client: owner.client)
            _ = try await coach.signIn("coach@north.example")
            #expect(try await coach.get(review).status == .notFound)
            #expect(try await coach.post(review + "/return", [("note", "x")]).status == .notFound)
            // the coach reads the owner's review page, without a form
            let shared = try await coach.get(plan + "/review")
            #expect(shared.status == .ok && shared.body.contains("Nguyễn Thị Hồng"))
            #expect(!shared.body.contains("Withdraw the request"))
            #expect(try await coach.post(plan + "/review/withdraw").status != .seeOther)
            // a form without the token is refused, and the owner can withdraw
            #expect(try await owner.post(plan + "/review/withdraw", csrf: "").status == .forbidden)
            let withdrawn = try await owner.post(plan + "/review/withdraw")
            #expect(withdrawn.status == .seeOther)
            #expect(try await owner.get(plan + "/review").body.contains("Withdrawn"))
            #expect(try await principal.get(review).status == .notFound)
        }
    }

    @Test func openingANotificationGoesOnlyToAPageOfThisSite() async throws {
        try await withTrellis { districts, browser in
            // setup: two notifications, one with a link elsewhere
            let scope = OrganizationScope(districts.environment.database, organizationID: districts.north.organization.id)
            for (id, link) in [("n-1", "//evil.example/phish"), ("n-2", "/plans")] {
                try await scope.notifications.add(PersonNotification(id: .init(id), organizationID: districts.north.organization.id,
                                                                     personID: districts.north.educator.id, kind: .planSigned, message: "Note \(id)",
                                                                     link: link, createdAt: districts.clock.now()))
            }
            _ = try await browser.signIn("teacher@north.example")
            // run + check
            #expect(try await browser.get("/notifications").body.contains(", 2 unread</span>"))
            #expect(try await browser.post("/notifications/n-1/open").location == "/notifications")
            #expect(try await browser.post("/notifications/n-2/open").location == "/plans")
            #expect(!(try await browser.get("/notifications").body.contains(" unread</span>")))
            // someone else's notification opens nothing
            let other = TestBrowser(client: browser.client)
            _ = try await other.signIn("colleague@north.example")
            #expect(try await other.post("/notifications/n-2/open").status == .notFound)
            #expect(try await browser.post("/notifications/read", csrf: "").status == .forbidden)
        }
    }
}
