import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore

/// The catalogue, shortlists, trials and the adoption view as use cases: bad input at its field with nothing lost,
/// one audited transaction per change, and nobody outside a trial reading more than a shared summary.
@Suite struct ToolServiceTests {
    /// A tool form as an educator fills it in, with a privacy agreement that has already expired.
    static func form(_ name: String = "Number Line Studio", link: String = "https://numberline.example/") -> ToolForm {
        var form = ToolForm()
        form.name = name
        form.link = link
        form.kind = DigitalTool.Kind.app.rawValue
        form.subjects = "Mathematics, mathematics, Science"
        form.gradeBands = ["3-5", "k-2"]
        form.standards = "CCSS.MATH.3.NF.A.1\nCCSS.MATH.3.NF.A.2"
        form.privacyStatus = PrivacyAgreement.Status.onFile.rawValue
        form.privacyExpiresOn = "2026-01-31"
        form.licenceStatus = Licence.Status.licensed.rawValue
        form.licenceRenewsOn = "2027-01-15"
        form.costPerSeat = "$4.35"
        return form
    }

    /// An approved tool, proposed by the educator and approved by the admin.
    static func approvedTool(_ districts: TestDistricts, _ name: String = "Number Line Studio") async throws -> DigitalTool {
        let catalogue = ToolCatalogueService(districts.environment)
        let tool = try await catalogue.propose(Actor(districts.north.educator), form(name))
        try await catalogue.decide(Actor(districts.north.admin), tool.id, to: .approved, expecting: 1)
        return tool
    }

    static func trialForm(tool: DigitalTool.ID, educators: [Person]) -> TrialForm {
        var form = TrialForm()
        form.tool = tool.rawValue
        form.educators = educators.map(\.id.rawValue)
        form.goal = "Students explain fractions on a number line"
        form.question = "Do daily number-line warm-ups raise exit-ticket scores?"
        form.measure = "Exit-ticket score"
        form.baseline = "61.5"
        form.baselineUnit = "%"
        form.startsOn = "2026-10-01"
        form.notes = "Private: Ava struggles with the app's login"
        return form
    }

    @Test func aProposalWithBadInputIsRefusedAtItsFieldsAndAnExpiredAgreementIsOnlyAWarning() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let catalogue = ToolCatalogueService(districts.environment)
            let educator = Actor(districts.north.educator)
            var bad = Self.form("", link: "http://numberline.example")
            bad.costPerSeat = "four dollars"
            bad.privacyExpiresOn = "31/01/2026"
            // run
            let errors = await #expect(throws: FieldErrors.self) { try await catalogue.propose(educator, bad) }
            let tool = try await catalogue.propose(educator, Self.form())
            // check
            #expect(errors?["name"] != nil && errors?["link"]?.contains("https://") == true)
            #expect(errors?["cost_per_seat"] != nil && errors?["privacy_expires_on"] != nil)
            #expect(tool.approval == .proposed && tool.subjects == ["Mathematics", "Science"] && tool.gradeBands == [.primary, .upperElementary])
            #expect(tool.costPerSeat == Decimal(string: "4.35"))
            #expect(tool.warnings(today: catalogue.today).first?.contains("expired") == true)
            // a proposal is not in the catalogue, and the colleague does not even find it
            #expect(try await catalogue.catalogue(educator, CatalogueFilter()).isEmpty)
            await #expect(throws: ServiceError.notFound) { try await catalogue.tool(Actor(districts.north.colleague), tool.id) }
            await #expect(throws: ServiceError.notFound) { try await catalogue.tool(Actor(districts.south.admin), tool.id) }
        }
    }

    @Test func onlyAnAdminApprovesAndEachDecisionIsAudited() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let catalogue = ToolCatalogueService(districts.environment)
            let tool = try await catalogue.propose(Actor(districts.north.educator), Self.form())
            // run
            await #expect(throws: ServiceError.forbidden) {
                try await catalogue.decide(Actor(districts.north.educator), tool.id, to: .approved, expecting: 1)
            }
            await #expect(throws: ServiceError.conflict(ToolCatalogueService.changedElsewhere)) {
                try await catalogue.decide(Actor(districts.north.admin), tool.id, to: .approved, expecting: 7)
            }
            try await catalogue.decide(Actor(districts.north.admin), tool.id, to: .approved, expecting: 1)
            // check
            let found = try await catalogue.catalogue(Actor(districts.north.colleague), CatalogueFilter(search: "number", gradeBand: "3-5"))
            #expect(found.map(\.id) == [tool.id])
            #expect(try await catalogue.catalogue(Actor(districts.north.colleague), CatalogueFilter(kind: "device")).isEmpty)
            let audit = try await OrganizationScope(database, organizationID: districts.north.organization.id).audit.recent()
            let toolKinds: [AuditEvent.Kind] = audit.map(\.kind).filter { (kind: AuditEvent.Kind) -> Bool in kind == .toolProposed || kind == .toolChanged }
            #expect(toolKinds == [AuditEvent.Kind.toolChanged, AuditEvent.Kind.toolProposed])
            #expect(audit.first?.detail == "approved Number Line Studio")
        }
    }

    @Test func aTrialRefusesAnUnapprovedToolAResultWithoutMeasureAndDatesOutOfOrderKeepingTheText() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let north = districts.north
            try await CaseloadFixtures.relationship(database, coach: north.coach, educator: north.educator, startedAt: districts.clock.now())
            let proposed = try await ToolCatalogueService(districts.environment).propose(Actor(north.coach), Self.form("Fraction Tiles"))
            let trials = EfficacyTrialService(districts.environment)
            var form = Self.trialForm(tool: proposed.id, educators: [north.educator])
            form.measure = ""
            form.result = "70"
            form.resultUnit = "%"
            form.endsOn = "2026-09-01"
            // run
            let errors = await #expect(throws: FieldErrors.self) { try await trials.start(Actor(north.coach), form) }
            // check
            #expect(errors?["tool"]?.contains("not approved") == true)
            #expect(errors?["measure"]?.contains("result without a measure") == true)
            #expect(errors?["ends_on"]?.contains("before it starts") == true)
            #expect(try await trials.mine(Actor(north.coach)).isEmpty)
            // an educator the coach does not coach is not offered, and an educator cannot start a trial
            form = Self.trialForm(tool: try await Self.approvedTool(districts).id, educators: [north.colleague])
            #expect(try await { () async throws -> FieldErrors? in
                do { _ = try await trials.start(Actor(north.coach), form); return nil } catch let e as FieldErrors { return e }
            }()?["educators"] != nil)
            await #expect(throws: ServiceError.forbidden) { try await trials.start(Actor(north.educator), form) }
        }
    }

    @Test func theCoachAndTheEducatorRunATrialAndOnlyItsSharedSummaryReachesTheAdoptionView() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let north = districts.north
            try await CaseloadFixtures.relationship(database, coach: north.coach, educator: north.educator, startedAt: districts.clock.now())
            let tool = try await Self.approvedTool(districts)
            let trials = EfficacyTrialService(districts.environment)
            let adoption = AdoptionService(districts.environment)
            // run
            let id = try await trials.start(Actor(north.coach), Self.trialForm(tool: tool.id, educators: [north.educator]))
            let beforeSharing = try await adoption.rows(Actor(north.leader), .init())
            var form = TrialForm(try await trials.trial(Actor(north.educator), id).trial)
            form.result = "70"
            form.resultUnit = "%"
            form.verdict = "keep"
            form.visibility = "shared_summary"
            form.teacherVoice = "Quick to start every morning"
            form.version = 1
            try await trials.update(Actor(north.educator), id, form)
            let rows = try await adoption.rows(Actor(north.leader), .init(subject: "mathematics"))
            let csv = String(decoding: try await adoption.csv(Actor(north.admin), .init()), as: UTF8.self)
            // check
            #expect(beforeSharing.first?.trials.trials.isEmpty == true)
            let line = try #require(rows.first { $0.tool.id == tool.id }?.trials)
            #expect(line.count(.keep) == 1 && line.trials.first?.change?.spoken(signed: true) == "+8.5 %")
            #expect(csv.contains("Number Line Studio") && csv.contains("+8.5 %") && csv.contains("Keep"))
            #expect(!csv.contains("Private") && !csv.contains("Quick to start"))
            await #expect(throws: ServiceError.notFound) { try await trials.trial(Actor(north.leader), id) }
            await #expect(throws: ServiceError.notFound) { try await trials.trial(Actor(north.colleague), id) }
            await #expect(throws: ServiceError.notFound) { try await adoption.rows(Actor(north.educator), .init()) }
            await #expect(throws: ServiceError.conflict(EfficacyTrialService.changedElsewhere)) {
                try await trials.update(Actor(north.coach), id, form)
            }
            let notices = try await OrganizationScope(database, organizationID: north.organization.id).notifications.recent(for: north.educator.id)
            #expect(notices.contains { $0.kind == .trialJoined })
            let audit = try await OrganizationScope(database, organizationID: north.organization.id).audit.recent()
            #expect(audit.contains { $0.kind == .trialStarted } && audit.contains { $0.detail.contains("verdict: keep") })
            #expect(!audit.contains { $0.detail.contains("Private") || $0.detail.contains("Quick to start") })
        }
    }

    @Test func aShortlistOnACycleIsChosenTogetherAndRatedAndNobodyElseFindsIt() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let north = districts.north
            let relationship = try await CaseloadFixtures.relationship(database, coach: north.coach, educator: north.educator,
                                                                       startedAt: districts.clock.now())
            let cycle = CoachingCycle(id: .init("cycle-1"), organizationID: north.organization.id, relationshipID: relationship.id,
                                      focus: "Fractions on a number line", startsOn: CalendarDate(iso: "2026-10-01")!)
            try await OrganizationScope(database, organizationID: north.organization.id).coachingCycles.create(cycle)
            let tool = try await Self.approvedTool(districts)
            let proposed = try await ToolCatalogueService(districts.environment).propose(Actor(north.coach), Self.form("Unapproved App"))
            let shortlists = ToolShortlistService(districts.environment)
            // run
            let entry = try await shortlists.add(Actor(north.educator), .cycle(cycle.id), tool: tool.id.rawValue)
            var rubric = ToolShortlistService.RubricForm()
            rubric.ratings = ["cultural_relevance": "strong", "standards_alignment": "loud"]
            rubric.comments = ["cultural_relevance": "Names and places our students know"]
            let errors = await #expect(throws: FieldErrors.self) { try await shortlists.rate(Actor(north.coach), entry, rubric) }
            rubric.ratings["standards_alignment"] = "partial"
            try await shortlists.rate(Actor(north.coach), entry, rubric)
            // check
            #expect(errors?["rating_standards_alignment"] != nil)
            let list = try await shortlists.shortlist(Actor(north.educator), .cycle(cycle.id))
            #expect(list.title == "Fractions on a number line" && list.canWrite)
            #expect(list.items.first?.entry.rubric.culturalRelevance == .init(rating: .strong, comment: "Names and places our students know"))
            #expect(list.items.first?.entry.rubric.standardsAlignment.rating == .partial)
            let twice = await #expect(throws: FieldErrors.self) { try await shortlists.add(Actor(north.coach), .cycle(cycle.id), tool: tool.id.rawValue) }
            #expect(twice?["tool"]?.contains("already") == true)
            let unapproved = await #expect(throws: FieldErrors.self) {
                try await shortlists.add(Actor(north.coach), .cycle(cycle.id), tool: proposed.id.rawValue)
            }
            #expect(unapproved?["tool"]?.contains("not approved") == true)
            for outsider in [north.leader, north.admin, north.colleague, districts.south.admin] {
                await #expect(throws: ServiceError.notFound) { try await shortlists.shortlist(Actor(outsider), .cycle(cycle.id)) }
            }
        }
    }
}
