import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore

@Suite(.enabled(if: PDFText.isInstalled, Comment(rawValue: PDFText.missing)))
struct DocumentServiceTests {
    static let signedGoal = "I will use exit tickets every week to adjust small-group instruction"

    @Test func aSignedPlanPrintsTheSignedSnapshotWithItsHashNotTheWorkingCopy() async throws {
        try await TestDatabase.with { database in
            // setup: a signed plan whose working copy was changed afterwards, behind the product's back
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, north = districts.north
            let plan = try await SignedPlans.signed(env, owner: north.educator, reviewer: north.leader)
            try await ReadyPlans.certify(database, north.educator, number: "412345F")
            let scope = OrganizationScope(database, organizationID: north.organization.id)
            let signature = try #require(try await scope.signatures.signatures(forPlan: plan.id).first)
            let stored = try #require(try await scope.plans.find(plan.id, latest: true))
            var changed = stored.plan
            changed.goals[0].statement = "A later change nobody signed"
            _ = try await scope.plans.save(changed, expecting: stored.version, at: env.clock.now())
            // run
            let document = try await DocumentService(env).planPDF(Actor(north.educator), plan.id)
            let text = try PDFText.of(document.data)
            // check
            #expect(document.filename == "growth-plan-2026-27-zoe-angstrom.pdf" && document.mediaType == "application/pdf")
            #expect(text.contains(Self.signedGoal))
            #expect(!text.contains("A later change nobody signed"))
            #expect(text.contains(signature.snapshot.sha256))
            #expect(text.contains("Zoë Ångström") && text.contains("Nguyễn Thị Hồng") && text.contains("512345"))
            #expect(text.contains("North Valley Schools") && text.contains("North Valley Schools Elementary"))
            #expect(text.contains("412345F"), "the owner's certificate")
            let standard = try #require(BuiltInFrameworks.standardsByIdentifier["wa-t-6"])
            #expect(text.contains(standard.title))
            #expect(text.contains("Status Signed"))
        }
    }

    @Test func aPlanCorrectedAfterSigningPrintsAsItStandsAndUnsigned() async throws {
        try await TestDatabase.with { database in
            // setup: the owner takes a signed plan back for a correction and changes its goal
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, north = districts.north, owner = Actor(north.educator)
            let plan = try await SignedPlans.signed(env, owner: north.educator, reviewer: north.leader)
            _ = try await PlanService(env, vault: nil).move(owner, plan.id, to: .active)
            let scope = OrganizationScope(database, organizationID: north.organization.id)
            let stored = try #require(try await scope.plans.find(plan.id, latest: true))
            var corrected = stored.plan
            corrected.goals[0].statement = "The corrected goal"
            _ = try await scope.plans.save(corrected, expecting: stored.version, at: env.clock.now())
            // run
            let text = try PDFText.of(try await DocumentService(env).planPDF(owner, plan.id).data)
            // check: the old signature does not cover the correction
            #expect(text.contains("The corrected goal") && !text.contains(Self.signedGoal))
            #expect(text.contains("Not signed yet"))
        }
    }

    @Test func onlyThoseWhoMayReadThePlanGetItsPDF() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, north = districts.north
            let plan = try await ReadyPlans.readyForReview(database, owner: north.educator, at: env.clock.now())
            let documents = DocumentService(env)
            // run / check: another district's educator and admin, a colleague, and the district admin (who sees
            // verification records, never plan content) find nothing; the owner gets it
            for someone in [districts.south.educator, districts.south.admin, north.colleague, north.admin] {
                await #expect(throws: ServiceError.notFound) { try await documents.planPDF(Actor(someone), plan.id) }
            }
            let text = try PDFText.of(try await documents.planPDF(Actor(north.educator), plan.id).data)
            #expect(text.contains(Self.signedGoal) && text.contains("Not signed yet"))
        }
    }

    @Test func theVerificationFormIsTheOwnersAndTheAdminsOnceVerified() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, north = districts.north, admin = Actor(north.admin)
            let plan = try await SignedPlans.signed(env, owner: north.educator, reviewer: north.leader)
            try await ReadyPlans.certify(database, north.educator, number: "412345F")
            let documents = DocumentService(env)
            // check: nothing before verification
            await #expect(throws: ServiceError.notFound) { try await documents.verificationFormPDF(Actor(north.educator), plan.id) }
            // run
            let verification = VerificationService(env)
            _ = try await verification.verify(admin, plan.id, expecting: try await verification.detail(admin, plan.id).version)
            let form = try await documents.verificationFormPDF(Actor(north.educator), plan.id)
            // check
            let text = try PDFText.of(form.data)
            #expect(form.filename == "verification-form-2026-27-zoe-angstrom.pdf")
            #expect(text.contains("Zoë Ångström") && text.contains("412345F") && text.contains("Ada Admin") && text.contains("25"))
            let signature = try #require(try await OrganizationScope(database, organizationID: north.organization.id).signatures.signatures(forPlan: plan.id).first)
            #expect(text.contains(signature.snapshot.sha256))
            #expect(try await documents.verificationFormPDF(admin, plan.id).data.starts(with: Data("%PDF-".utf8)))
            for someone in [north.colleague, north.coach, districts.south.admin, districts.south.educator] {
                await #expect(throws: ServiceError.notFound) { try await documents.verificationFormPDF(Actor(someone), plan.id) }
            }
        }
    }

    @Test func exportsAreForAdminsAndTheirRangeIsChecked() async throws {
        try await TestDatabase.with { database in
            // setup: one verified plan
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, north = districts.north, admin = Actor(north.admin)
            let plan = try await SignedPlans.signed(env, owner: north.educator, reviewer: north.leader)
            let verification = VerificationService(env)
            _ = try await verification.verify(admin, plan.id, expecting: try await verification.detail(admin, plan.id).version)
            let documents = DocumentService(env)
            // run / check: refused to anyone but an admin, whatever the dates
            for someone in [north.educator, north.leader, north.coach] {
                await #expect(throws: ServiceError.forbidden) { try await documents.verificationForms(Actor(someone), from: "2026-07-01", to: "2027-06-30") }
                await #expect(throws: ServiceError.forbidden) { try await documents.clockHours(Actor(someone), from: "x", to: "2027-06-30", excel: false) }
                await #expect(throws: ServiceError.forbidden) { try await documents.suggestedRange(Actor(someone)) }
            }
            // run / check: a range ending before it starts, and a date that is not one, at their fields
            await #expect(throws: FieldErrors("to", "The end date must be on or after the start date (July 1, 2027).")) {
                try await documents.verificationForms(admin, from: "2027-07-01", to: "2026-07-01")
            }
            await #expect(throws: FieldErrors("from", "Enter the start date as YYYY-MM-DD, such as 2026-07-01.")) {
                try await documents.clockHours(admin, from: "2026-13-01", to: "2027-06-30", excel: false)
            }
            // run: the admin's exports
            let zip = try await documents.verificationForms(admin, from: "2026-07-01", to: "2027-06-30")
            let csv = try await documents.clockHours(admin, from: "2026-07-01", to: "2027-06-30", excel: true)
            let southZip = try await documents.verificationForms(Actor(districts.south.admin), from: "2026-07-01", to: "2027-06-30")
            // check
            #expect(zip.itemCount == 1 && zip.filename == "verification-forms-2026-07-01-2027-06-30.zip" && zip.data.starts(with: Data("PK".utf8)))
            #expect(southZip.itemCount == 0, "nothing crosses districts")
            #expect(csv.filename == "clock-hours-2026-07-01-2027-06-30.csv" && csv.mediaType == "text/csv; charset=utf-8")
            let text = String(decoding: csv.data, as: UTF8.self)
            #expect(text.hasPrefix("\u{FEFF}educator_name,") && text.contains("Zoë Ångström") && text.contains(",25,"))
        }
    }

    @Test func theCommandLineExportsThroughOperatorService() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, north = districts.north, admin = Actor(north.admin)
            let plan = try await SignedPlans.signed(env, owner: north.educator, reviewer: north.leader)
            let verification = VerificationService(env)
            _ = try await verification.verify(admin, plan.id, expecting: try await verification.detail(admin, plan.id).version)
            let operators = OperatorService(env)
            // run
            let zip = try await operators.verificationForms(of: north.organization, from: "2026-07-01", to: "2027-06-30")
            let csv = try await operators.clockHours(of: districts.south.organization, from: "2026-07-01", to: "2027-06-30", excel: false)
            // check: north's form, and south's CSV with nothing but its header
            #expect(zip.itemCount == 1)
            #expect(String(decoding: csv.data, as: UTF8.self).hasPrefix("educator_name,email,") && csv.itemCount == 0)
            await #expect(throws: FieldErrors("to", "The end date must be on or after the start date (June 30, 2027).")) {
                try await operators.clockHours(of: north.organization, from: "2027-06-30", to: "2027-06-01", excel: false)
            }
            await #expect(throws: FieldErrors.self) { try await operators.organization(slug: "nowhere") }
        }
    }
}
