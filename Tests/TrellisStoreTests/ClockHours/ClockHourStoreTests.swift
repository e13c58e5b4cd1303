import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisStore

@Suite struct ClockHourStoreTests {
    @Test func aPlanIsCreditedOnceAndRangesIncludeBothEnds() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let north = districts.north
            let scope = OrganizationScope(database, organizationID: north.organization.id)
            let plan = try await ReadyPlans.readyForReview(database, owner: north.educator, at: districts.clock.now())
            func entry(_ id: String, _ date: String, plan planID: GrowthPlan.ID?) -> ClockHourEntry {
                ClockHourEntry(id: .init(id), personID: north.educator.id, date: CalendarDate(iso: date)!, activity: "A", provider: "P",
                               hours: ClockHours(25), source: planID.map { .pgp(planID: $0, schoolYear: SchoolYear(startingIn: 2026)) }
                                   ?? .recorded(by: north.admin.id))
            }
            // run
            try await scope.clockHours.add(entry("e1", "2027-06-30", plan: plan.id), recordedBy: north.admin.id, at: districts.clock.now())
            await #expect(throws: StoreError.duplicate("source_plan")) {
                try await scope.clockHours.add(entry("e2", "2027-06-30", plan: plan.id), recordedBy: north.admin.id, at: districts.clock.now())
            }
            try await scope.clockHours.add(entry("e3", "2026-07-01", plan: nil), recordedBy: north.admin.id, at: districts.clock.now())
            try await scope.clockHours.add(entry("e4", "2026-06-30", plan: nil), recordedBy: north.admin.id, at: districts.clock.now())
            // check
            #expect(try await scope.clockHours.entries(of: north.educator.id).map(\.id.rawValue) == ["e1", "e3", "e4"])
            let range = try await scope.clockHours.entries(from: CalendarDate(iso: "2026-07-01")!, to: CalendarDate(iso: "2027-06-30")!)
            #expect(range.map(\.entry.id.rawValue) == ["e3", "e1"])
            #expect(try await scope.clockHours.entry(crediting: plan.id)?.id.rawValue == "e1")
            let south = OrganizationScope(database, organizationID: districts.south.organization.id)
            #expect(try await south.clockHours.entries(of: north.educator.id).isEmpty)
        }
    }

    @Test func renewalRulesDefaultToWashingtonAndRefuseAStaleSave() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let scope = OrganizationScope(database, organizationID: districts.north.organization.id)
            // check: defaults, one set per type
            let all = try await scope.renewalRules.all()
            #expect(all.map(\.type) == CertificateType.allCases && all.allSatisfy { $0.version == 0 })
            #expect(all.first { $0.type == .administrator }?.rules.supersedes == [.residencyTeacher, .professionalTeacher])
            // run
            var rules = all[0].rules
            rules.requiredHours = ClockHours(150)
            #expect(try await scope.renewalRules.save(rules, for: all[0].type, expecting: 0) == 1)
            await #expect(throws: RenewalRuleStore.Conflict.self) { try await scope.renewalRules.save(rules, for: all[0].type, expecting: 0) }
            #expect(try await scope.renewalRules.save(rules, for: all[0].type, expecting: 1) == 2)
            // check
            #expect(try await scope.renewalRules.find(all[0].type).rules.requiredHours == ClockHours(150))
            let south = OrganizationScope(database, organizationID: districts.south.organization.id)
            #expect(try await south.renewalRules.find(all[0].type).rules.requiredHours == ClockHours(100))
            #expect(try await scope.growthPlanClockHours() == ClockHours(25))
        }
    }
}
