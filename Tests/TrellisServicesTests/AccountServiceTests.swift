import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore

@Suite struct AccountServiceTests {
    @Test func signsInWithEmailInAnyCaseAndWritesTheAuditLog() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let accounts = AccountService(districts.environment)
            // run
            let signedIn = try await accounts.signIn(email: " TEACHER@north.example ", password: TestDistricts.password, address: "10.0.0.1")
            // check
            #expect(signedIn.person.id == districts.north.educator.id)
            let log = try await OrganizationScope(database, organizationID: districts.north.organization.id).audit.recent()
            #expect(log.first?.kind == .signedIn)
            #expect(log.first?.address == "10.0.0.1")
        }
    }

    @Test func wrongPasswordAndUnknownEmailGiveTheSameAnswer() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let accounts = AccountService(districts.environment)
            // run + check
            await #expect(throws: AccountService.SignInError.wrongCredentials) {
                try await accounts.signIn(email: "teacher@north.example", password: "not the password", address: "10.0.0.1")
            }
            await #expect(throws: AccountService.SignInError.wrongCredentials) {
                try await accounts.signIn(email: "nobody@north.example", password: "not the password", address: "10.0.0.2")
            }
            await #expect(throws: AccountService.SignInError.invalid(email: "not-an-email")) {
                try await accounts.signIn(email: "not-an-email", password: "x", address: "10.0.0.3")
            }
            let log = try await OrganizationScope(database, organizationID: districts.north.organization.id).audit.recent()
            #expect(log.first?.kind == .signInFailed)
            #expect(log.first?.subjectID == districts.north.educator.id)
        }
    }

    @Test func repeatedFailuresAreSlowedThenLockedAndSuccessResets() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let rule = SignInThrottle(freeFailures: 2, lockAfter: 4, lockDuration: 600, maxDelay: 30, window: 900)
            let accounts = AccountService(districts.environment, accountThrottle: rule, addressThrottle: .perAddress)
            let email = "teacher@north.example"
            func attempt(_ password: String) async -> AccountService.SignInError? {
                do { _ = try await accounts.signIn(email: email, password: password, address: "10.1.1.1"); return nil }
                catch let error as AccountService.SignInError { return error }
                catch { return .invalid(email: "\(error)") }
            }
            // run + check: two free failures, then a wait, then a lock
            #expect(await attempt("wrong 1") == .wrongCredentials)
            #expect(await attempt("wrong 2") == .wrongCredentials)
            guard case .throttled(let wait) = await attempt(TestDistricts.password) else { Issue.record("not slowed"); return }
            #expect(wait.contains("Wait 1 second"))
            districts.clock.advance(by: 2)
            #expect(await attempt("wrong 3") == .wrongCredentials)
            districts.clock.advance(by: 5)
            #expect(await attempt("wrong 4") == .wrongCredentials)
            guard case .throttled(let locked) = await attempt(TestDistricts.password) else { Issue.record("not locked"); return }
            #expect(locked.contains("paused for 10 minutes"))
            districts.clock.advance(by: 601)
            #expect(await attempt(TestDistricts.password) == nil)
            #expect(await attempt("wrong again") == .wrongCredentials)
            #expect(await attempt(TestDistricts.password) == nil, "success cleared the earlier failures")
        }
    }

    @Test func parallelWrongPasswordsGetNoMoreChecksThanSequentialOnes() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let accounts = AccountService(districts.environment)
            let email = "teacher@north.example"
            // run: 30 wrong passwords for one account at the same moment
            let answers = await withTaskGroup(of: AccountService.SignInError?.self) { group in
                for index in 0..<30 {
                    group.addTask {
                        do { _ = try await accounts.signIn(email: email, password: "guess \(index)", address: "10.2.2.\(index)"); return nil }
                        catch let error as AccountService.SignInError { return error }
                        catch { return .invalid(email: "\(error)") }
                    }
                }
                return await group.reduce(into: [AccountService.SignInError?]()) { $0.append($1) }
            }
            let rightAfter: AccountService.SignInError?
            do { _ = try await accounts.signIn(email: email, password: TestDistricts.password, address: "10.2.2.99"); rightAfter = nil }
            catch let error as AccountService.SignInError { rightAfter = error }
            // check: only the three free attempts had their password checked (each check of a real account is audited)
            let checked = answers.filter { $0 == .wrongCredentials }.count
            let refused = answers.filter { if case .throttled = $0 { true } else { false } }.count
            #expect(checked == 3)
            #expect(refused == 27)
            let log = try await OrganizationScope(database, organizationID: districts.north.organization.id).audit.recent()
            #expect(log.filter { $0.kind == .signInFailed }.count == 3)
            guard case .throttled = rightAfter else { Issue.record("the correct password was let through: \(String(describing: rightAfter))"); return }
        }
    }

    @Test func aSuccessfulSignInLeavesTheAddressCountOfOthers() async throws {
        try await TestDatabase.with { database in
            // setup: someone at a shared address guessed wrong twice
            let districts = try await TestDistricts.make(database)
            let accounts = AccountService(districts.environment)
            let throttles = ThrottleStore(database)
            for _ in 0..<2 {
                _ = try? await accounts.signIn(email: "coach@north.example", password: "wrong", address: "10.3.3.3")
            }
            _ = try? await accounts.signIn(email: "teacher@north.example", password: "wrong", address: "10.3.3.3")
            // run: the teacher signs in from the same address
            _ = try await accounts.signIn(email: "teacher@north.example", password: TestDistricts.password, address: "10.3.3.3")
            // check: the teacher's own record is gone, the address still counts the three failures
            #expect(try await throttles.state(for: "account:teacher@north.example") == ThrottleState())
            #expect(try await throttles.state(for: "account:coach@north.example").failures == 2)
            #expect(try await throttles.state(for: "address:10.3.3.3").failures == 3)
        }
    }

    @Test func changingThePasswordEndsOtherSessions() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let accounts = AccountService(districts.environment)
            let teacher = districts.north.educator
            let session = try await accounts.signIn(email: teacher.email.value, password: TestDistricts.password, address: "a")
            // run
            await #expect(throws: FieldErrors.self) {
                try await accounts.changePassword(Actor(teacher), current: "wrong", new: "a new passphrase", confirmation: "a new passphrase", address: "a")
            }
            let version = try await accounts.changePassword(Actor(teacher), current: TestDistricts.password, new: "a new passphrase",
                                                            confirmation: "a new passphrase", address: "a")
            // check
            #expect(try await accounts.resume(personID: teacher.id, organizationID: teacher.organizationID, credentialVersion: session.credentialVersion) == nil)
            #expect(try await accounts.resume(personID: teacher.id, organizationID: teacher.organizationID, credentialVersion: version) != nil)
            _ = try await accounts.signIn(email: teacher.email.value, password: "a new passphrase", address: "a")
        }
    }

    @Test func passwordChangeExplainsEachWrongField() async throws {
        try await TestDatabase.with { database in
            let districts = try await TestDistricts.make(database)
            let accounts = AccountService(districts.environment)
            do {
                _ = try await accounts.changePassword(Actor(districts.north.educator), current: "nope", new: "short", confirmation: "", address: "a")
                Issue.record("accepted")
            } catch let errors as FieldErrors {
                #expect(errors["current_password"] != nil)
                #expect(errors["new_password"] == "Use at least 10 characters.")
            }
        }
    }
}
