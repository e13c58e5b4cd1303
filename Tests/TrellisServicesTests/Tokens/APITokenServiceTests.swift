import Crypto
import Foundation
import SQLKit
import Testing
import TestSupport
import TrellisCore
@testable import TrellisServices
@testable import TrellisStore

/// Making, revoking and authenticating API tokens: the secret is shown once and never stored, scopes follow the roles,
/// and a role change, deactivation, revocation or expiry refuses the very next call.
@Suite struct APITokenServiceTests {
    static func form(_ scopes: [APIScope], name: String = "HR sync", days: String = "90") -> APITokenService.Form {
        APITokenService.Form(name: name, scopes: scopes.map(\.rawValue), expiresInDays: days)
    }

    @Test func theSecretIsShownOnceAndOnlyItsHashIsStored() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let tokens = APITokenService(districts.environment), teacher = Actor(districts.north.educator)
            // run
            let created = try await tokens.create(teacher, kind: .personal, form: Self.form([.plansRead]))
            // check: the secret's shape; the row holds its hash and prefix, never the secret; the audit names the token, not it
            #expect(created.secret.hasPrefix("trl_") && created.secret.count == 4 + 43)
            #expect(Data(base64URLEncoded: String(created.secret.dropFirst(4)))?.count == 32)
            #expect(created.token.prefix == String(created.secret.prefix(12)))
            struct Stored: Decodable, Sendable { let id: String; let name: String; let tokenHash: String; let prefix: String; let scopes: String }
            let rows = try await database.all("SELECT id, name, token_hash, prefix, scopes FROM api_tokens", as: Stored.self)
            #expect(rows.count == 1 && rows[0].tokenHash == SHA256Hex.of(created.secret) && rows[0].scopes == "plans:read")
            #expect(![rows[0].id, rows[0].name, rows[0].tokenHash, rows[0].prefix, rows[0].scopes].contains { $0.contains(created.secret) })
            let audit = try await OrganizationScope(database, organizationID: teacher.organizationID).audit.recent()
            #expect(audit.first?.kind == .apiTokenCreated && audit.first?.detail.contains("HR sync") == true)
            #expect(!audit.contains { $0.detail.contains(created.secret) })
            // The list shows the token but has nothing that is its secret.
            let listed = try await tokens.tokens(teacher, kind: .personal)
            #expect(listed.map(\.id) == [created.token.id])
            #expect(listed[0].expiresAt == districts.clock.now().addingTimeInterval(90 * 86_400))
        }
    }

    @Test func aPersonMayChooseOnlyTheScopesTheirRolesCouldUseAndMistakesNameTheirField() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let tokens = APITokenService(districts.environment), north = districts.north
            // run + check: an educator asks for people:write; an empty name; no scopes; a bad expiry
            do {
                _ = try await tokens.create(Actor(north.educator), kind: .personal, form: Self.form([.plansRead, .peopleWrite], name: " "))
                Issue.record("an educator got people:write")
            } catch let errors as FieldErrors {
                #expect(errors["scopes"]?.contains("people:write") == true && errors["name"] != nil)
            }
            await #expect(throws: FieldErrors.self) { try await tokens.create(Actor(north.educator), kind: .personal, form: Self.form([])) }
            await #expect(throws: FieldErrors.self) {
                try await tokens.create(Actor(north.educator), kind: .personal, form: Self.form([.plansRead], days: "forever"))
            }
            await #expect(throws: FieldErrors.self) {
                try await tokens.create(Actor(north.educator), kind: .personal, form: APITokenService.Form(name: "x", scopes: ["plans:delete"]))
            }
            // A leader may read people; an admin may write them; never expiring is allowed.
            _ = try await tokens.create(Actor(north.leader), kind: .personal, form: Self.form([.peopleRead, .coachingCountsRead]))
            let admins = try await tokens.create(Actor(north.admin), kind: .personal, form: Self.form([.peopleWrite], days: ""))
            #expect(admins.token.expiresAt == nil)
            // Service tokens are the admins' alone.
            await #expect(throws: ServiceError.forbidden) {
                try await tokens.create(Actor(north.leader), kind: .service, form: Self.form([.plansRead]))
            }
            await #expect(throws: ServiceError.forbidden) { try await tokens.tokens(Actor(north.leader), kind: .service) }
            #expect(try await OrganizationScope(database, organizationID: north.organization.id).apiTokens.tokens(ownedBy: north.educator.id).isEmpty)
        }
    }

    @Test func authenticationBuildsTheActorFromTheOwnersCurrentRecordEveryCall() async throws {
        try await TestDatabase.with { database in
            // setup: a leader's token with people:read, and the leader's record read once (as a page would, kept briefly)
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, leader = districts.north.leader
            let tokens = APITokenService(env), people = PeopleService(env), admin = Actor(districts.north.admin)
            let created = try await tokens.create(Actor(leader), kind: .personal, form: Self.form([.peopleRead, .plansRead]))
            let grant = try #require(try await tokens.authenticate(bearer: created.secret))
            #expect(grant.actor.personID == leader.id && grant.actor.roles == [.leader] && grant.kind == .personal)
            #expect(grant.scopes == [.peopleRead, .plansRead] && grant.tokenID == created.token.id.rawValue)
            // run: the admin takes the leader role away, as another instance would (no forgetting in this process)
            try await database.execute("DELETE FROM person_roles WHERE person_id = \(bind: leader.id.rawValue)")
            try await database.execute("INSERT INTO person_roles (organization_id, person_id, role) VALUES (\(bind: leader.organizationID.rawValue), \(bind: leader.id.rawValue), 'educator')")
            // check: refused at once, as people:read no longer fits the roles
            #expect(try await tokens.authenticate(bearer: created.secret) == nil)

            // setup: an educator's token; run: deactivated through the service; check: refused at once
            let teacherToken = try await tokens.create(Actor(districts.north.educator), kind: .personal, form: Self.form([.plansRead]))
            #expect(try await tokens.authenticate(bearer: teacherToken.secret) != nil)
            _ = try await people.setActive(admin, districts.north.educator.id, active: false, address: "a")
            #expect(try await tokens.authenticate(bearer: teacherToken.secret) == nil)

            // A service token acts as its admin, and stops when they are no longer an admin.
            let service = try await tokens.create(admin, kind: .service, form: Self.form([.peopleWrite, .verificationsRead]))
            #expect(try await tokens.authenticate(bearer: service.secret)?.actor.personID == admin.personID)
            try await database.execute("UPDATE person_roles SET role = 'educator' WHERE person_id = \(bind: admin.personID.rawValue)")
            #expect(try await tokens.authenticate(bearer: service.secret) == nil)
        }
    }

    @Test func revokedExpiredUnknownAndMisshapenSecretsOpenNothing() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, teacher = Actor(districts.north.educator), colleague = Actor(districts.north.colleague)
            let tokens = APITokenService(env)
            let short = try await tokens.create(teacher, kind: .personal, form: Self.form([.plansRead], name: "short", days: "1"))
            let revoked = try await tokens.create(teacher, kind: .personal, form: Self.form([.plansRead], name: "gone"))
            // run: revoke (twice: the second changes nothing); another person may not revoke it
            await #expect(throws: ServiceError.notFound) { try await tokens.revoke(colleague, kind: .personal, id: short.token.id) }
            try await tokens.revoke(teacher, kind: .personal, id: revoked.token.id)
            try await tokens.revoke(teacher, kind: .personal, id: revoked.token.id)
            // check
            #expect(try await tokens.authenticate(bearer: revoked.secret) == nil)
            #expect(try await tokens.authenticate(bearer: short.secret) != nil)
            let revocations = try await OrganizationScope(database, organizationID: teacher.organizationID).audit.recent()
                .filter { $0.kind == .apiTokenRevoked }
            #expect(revocations.count == 1)
            districts.clock.advance(by: 86_400)
            #expect(try await tokens.authenticate(bearer: short.secret) == nil, "expired after a day")
            #expect(try await tokens.authenticate(bearer: "trl_not-a-token") == nil)
            #expect(try await tokens.authenticate(bearer: String(short.secret.dropFirst(4))) == nil)
            #expect(try await tokens.authenticate(bearer: "trl_" + String(repeating: "a", count: 5000)) == nil)
        }
    }

    @Test func useIsNotedButNotOnEveryCall() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let tokens = APITokenService(districts.environment), teacher = Actor(districts.north.educator)
            let created = try await tokens.create(teacher, kind: .personal, form: Self.form([.plansRead]))
            let start = districts.clock.now()
            // run: three calls within a minute, then one after
            for _ in 0..<3 { _ = try await tokens.authenticate(bearer: created.secret); districts.clock.advance(by: 10) }
            let within = try await tokens.tokens(teacher, kind: .personal)[0].lastUsedAt
            districts.clock.advance(by: 60)
            _ = try await tokens.authenticate(bearer: created.secret)
            let after = try await tokens.tokens(teacher, kind: .personal)[0].lastUsedAt
            // check
            #expect(within == start)
            #expect(after == start.addingTimeInterval(90))
        }
    }
}

/// The hash as the store keeps it, computed here independently of the service.
enum SHA256Hex {
    static func of(_ text: String) -> String { SHA256.hex(of: Data(text.utf8)) }
}
