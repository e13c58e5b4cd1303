import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore

@Suite struct ClockHourServiceTests {
    @Test func recordedHoursThatAreNotANumberNegativeOrAbsurdAreRefusedAtTheField() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, north = districts.north
            let service = ClockHourService(env), admin = Actor(north.admin)
            func form(_ hours: String) -> ClockHourService.LearningForm {
                .init(date: "2026-10-15", activity: "Since Time Immemorial workshop", provider: "Puget Sound ESD", hours: hours, categories: ["tribal_relations"])
            }
            // run / check
            for (typed, message) in [("-3", "Enter the hours as a number, such as 7.5."), ("two", "Enter the hours as a number, such as 7.5."),
                                     ("0", "Hours must be more than 0."),
                                     ("1000", "One entry can hold at most 200 hours; record longer learning as several entries.")] {
                await #expect(throws: FieldErrors("hours", message)) { try await service.record(admin, for: north.educator.id, form(typed)) }
            }
            await #expect(throws: ServiceError.forbidden) { try await service.record(Actor(north.educator), for: north.educator.id, form("6")) }
            #expect(try await service.overview(admin, of: north.educator.id).ledger.isEmpty)
            let entry = try await service.record(admin, for: north.educator.id, form("7.5"))
            #expect(entry.hours == ClockHours(hundredths: 750) && entry.focusCategories == [.tribalRelations])
            #expect(try await OrganizationScope(database, organizationID: north.organization.id).audit.recent().map(\.kind).contains(.clockHoursRecorded))
        }
    }

    @Test func educatorsKeepTheirOwnCertificatesAndAdminsAnyones() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, north = districts.north
            let service = ClockHourService(env), teacher = Actor(north.educator)
            var form = ClockHourService.CertificateForm(type: "professional_teacher", number: "12-AB", issuedOn: "2024-07-01", expiresOn: "2024-06-30",
                                                        endorsements: [.init(name: "Middle Level Mathematics", isSTEMRelated: true)])
            // run / check: a malformed number and dates the wrong way round
            do {
                try await service.saveCertificate(teacher, of: north.educator.id, nil, form)
                Issue.record("a malformed certificate was saved")
            } catch let errors as FieldErrors {
                #expect(errors["number"] == CertificateNumber.formatMessage)
                #expect(errors["expires_on"] == "The expiry date must be after the issue date (July 1, 2024).")
            }
            form.number = "412 345f"
            form.expiresOn = "2029-06-30"
            let saved = try await service.saveCertificate(teacher, of: north.educator.id, nil, form)
            #expect(saved.number.rawValue == "412345F" && saved.hasSTEMRelatedEndorsement)
            // a STEM-endorsed teacher certificate asks for STEM integration under Washington's rules
            let progress = try await service.overview(teacher, of: north.educator.id).standings.first?.progress
            #expect(progress?.stillNeeded.contains { $0.contains("STEM integration") } == true)
            await #expect(throws: ServiceError.forbidden) { try await service.saveCertificate(Actor(north.colleague), of: north.educator.id, nil, form) }
            await #expect(throws: ServiceError.notFound) {
                try await service.saveCertificate(Actor(north.colleague), of: north.colleague.id, saved.id, form)
            }
            try await service.saveCertificate(Actor(north.admin), of: north.colleague.id, nil, form)
            try await service.removeCertificate(teacher, of: north.educator.id, saved.id)
            #expect(try await service.overview(teacher, of: north.educator.id).standings.isEmpty)
        }
    }

    @Test func aRuleSetOfAnotherStateSavedByAnAdminDrivesTheTracker() async throws {
        try await TestDatabase.with { database in
            // setup: a teacher certificate and 10 recorded hours, 2 of them in suicide prevention
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, north = districts.north
            let service = ClockHourService(env), admin = Actor(north.admin)
            try await service.saveCertificate(admin, of: north.educator.id, nil,
                                              .init(type: "professional_teacher", number: "412345", issuedOn: "2024-07-01", expiresOn: "2027-06-30"))
            try await service.record(admin, for: north.educator.id, .init(date: "2026-10-01", activity: "QPR training", provider: "State", hours: "10"))
            let stored = try await service.ruleSet(admin, for: .professionalTeacher)
            #expect(stored.version == 0 && stored.rules.name == "Washington teacher certificates")
            let oregon = ClockHourService.RuleSetForm(
                name: "Three-year renewal", cycleYears: "3", requiredHours: "75", growthPlanHours: "", growthPlanMaximum: "",
                focus: [.init(category: "suicide_prevention", amount: "3", unit: "hours")])
            // run / check: problems come back at their fields
            var bad = oregon
            bad.cycleYears = "0"
            bad.requiredHours = "0"
            bad.focus[0].amount = "0"
            do {
                try await service.saveRuleSet(admin, for: .professionalTeacher, bad, expecting: 0)
                Issue.record("rules with problems were saved")
            } catch let errors as FieldErrors {
                #expect(errors["cycle_years"] == "The cycle must be 1 to 20 years.")
                #expect(errors["required_hours"] == "The required hours must be more than 0.")
                #expect(errors["focus_0_amount"] == "The suicide prevention requirement must ask for more than 0 hours.")
            }
            await #expect(throws: ServiceError.forbidden) { try await service.saveRuleSet(Actor(north.educator), for: .professionalTeacher, oregon, expecting: 0) }
            try await service.saveRuleSet(admin, for: .professionalTeacher, oregon, expecting: 0)
            // check: the tracker evaluates the district's rules
            let progress = try await service.overview(Actor(north.educator), of: north.educator.id).standings.first?.progress
            #expect(progress?.ruleSetName == "Three-year renewal")
            #expect(progress?.summary == "10 of 75 clock hours")
            #expect(progress?.cycleStart == CalendarDate(iso: "2024-07-01"))
            #expect(progress?.stillNeeded == ["65 more clock hours before June 30, 2027",
                                              "3 more hours in suicide prevention before June 30, 2027"])
            // a second admin's save from the old page is refused; reset brings Washington's back
            await #expect(throws: ServiceError.self) { try await service.saveRuleSet(admin, for: .professionalTeacher, oregon, expecting: 0) }
            try await service.resetRuleSet(admin, for: .professionalTeacher)
            #expect(try await service.ruleSet(admin, for: .professionalTeacher).rules.name == "Washington teacher certificates")
        }
    }

    @Test func theHoursAPlanEarnsAreADistrictSetting() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, north = districts.north
            let service = ClockHourService(env), admin = Actor(north.admin)
            // run / check
            await #expect(throws: FieldErrors("pgp_clock_hours", "Hours must be more than 0.")) { try await service.setGrowthPlanHours(admin, "0") }
            try await service.setGrowthPlanHours(admin, "30")
            let plan = try await SignedPlans.signed(env, owner: north.educator, reviewer: north.leader)
            #expect(try await VerificationService(env).verify(admin, plan.id, expecting: nil).hours == ClockHours(30))
            #expect(try await service.growthPlanHours(Actor(districts.south.admin)) == ClockHours(25))
        }
    }
}
