import Foundation
import TrellisCore
import TrellisStore

/// Signing in and out, and a person's own password.
public struct AccountService: Sendable {
    let env: ServiceEnvironment
    let accountThrottle: SignInThrottle
    let addressThrottle: SignInThrottle

    public init(_ env: ServiceEnvironment, accountThrottle: SignInThrottle = .perAccount, addressThrottle: SignInThrottle = .perAddress) {
        self.env = env
        self.accountThrottle = accountThrottle
        self.addressThrottle = addressThrottle
    }

    /// A successful sign-in: who, and the credential version their session must carry.
    public struct SignedIn: Sendable {
        public let person: Person
        public let credentialVersion: Int
    }

    /// Why a sign-in did not succeed, in words for the person at the keyboard.
    public enum SignInError: Error, Hashable, Sendable {
        case invalid(email: String)
        case wrongCredentials
        case deactivated
        case throttled(String)

        public var message: String {
            switch self {
            case .invalid: "Enter the email address you use for Trellis."
            case .wrongCredentials: "That email and password don't match. Check both and try again."
            case .deactivated: "This account has been deactivated. Ask your district administrator if you need access."
            case .throttled(let message): message
            }
        }
    }

    public func signIn(email text: String, password: String, address: String) async throws -> SignedIn {
        guard let email = EmailAddress(text) else { throw SignInError.invalid(email: text) }
        let now = env.clock.now()
        let throttles = ThrottleStore(env.database)
        let account = Reservation(key: "account:\(email.value)", rule: accountThrottle)
        let network = Reservation(key: "address:\(address)", rule: addressThrottle)
        // Counted before the password is checked, so parallel guesses cannot all be judged on the same old count.
        let reserved = (account: try await account.reserve(in: throttles, now: now), network: try await network.reserve(in: throttles, now: now))
        if let refusal = account.refusal(reserved.account, now: now) ?? network.refusal(reserved.network, now: now) {
            try await throttles.releaseAttempt(for: account.key)
            try await throttles.releaseAttempt(for: network.key)
            throw refusal
        }

        let credentials = try await SignInLookup(env.database).credentials(for: email)
        let matches: Bool
        if let hash = credentials?.passwordHash {
            matches = try await env.passwords.verify(password, against: hash)
        } else {
            try await env.passwords.verifyDecoy(password)
            matches = false
        }
        guard let credentials, matches else {
            try await account.recordFailure(reserved.account, in: throttles, now: now)
            try await network.recordFailure(reserved.network, in: throttles, now: now)
            if let credentials {
                try await OrganizationScope(env.database, organizationID: credentials.organizationID).audit.append(
                    env.event(.signInFailed, in: credentials.organizationID, by: nil, about: credentials.personID,
                              detail: "wrong password", address: address))
            }
            throw SignInError.wrongCredentials
        }
        // The password was right: not a guess, so it counts against neither key. Only this account's record is
        // cleared; others signing in from the same address keep theirs.
        try await throttles.releaseAttempt(for: network.key)
        let scope = OrganizationScope(env.database, organizationID: credentials.organizationID)
        guard credentials.isActive, let found = try await scope.people.findAccount(credentials.personID) else {
            try await throttles.releaseAttempt(for: account.key)
            try await scope.audit.append(env.event(.signInFailed, in: credentials.organizationID, by: nil, about: credentials.personID,
                                                   detail: "account deactivated", address: address))
            throw SignInError.deactivated
        }
        try await throttles.clear(account.key)
        try await scope.audit.append(env.event(.signedIn, in: credentials.organizationID, by: credentials.personID,
                                               about: credentials.personID, address: address))
        return SignedIn(person: found.person, credentialVersion: found.credentialVersion)
    }

    public func signOut(_ actor: Actor, address: String) async throws {
        try await env.scope(actor).audit.append(env.event(.signedOut, in: actor.organizationID, by: actor.personID,
                                                          about: actor.personID, address: address))
    }

    /// The signed-in person behind a session, or nil when the person is gone, deactivated, or changed
    /// their password since (which ends every other session).
    public func resume(personID: Person.ID, organizationID: Organization.ID, credentialVersion: Int) async throws -> Person? {
        let scope = OrganizationScope(env.database, organizationID: organizationID)
        guard let account = try await scope.people.findAccount(personID),
              account.person.isActive, account.credentialVersion == credentialVersion else { return nil }
        return account.person
    }

    /// Changes the actor's own password; returns the new credential version for the current session.
    public func changePassword(_ actor: Actor, current: String, new: String, confirmation: String, address: String) async throws -> Int {
        let people = env.scope(actor).people
        guard let person = try await people.find(actor.personID) else { throw ServiceError.notFound }
        var errors = FieldErrors()
        if let hash = try await people.passwordHash(of: actor.personID), try await env.passwords.verify(current, against: hash) {
            // correct
        } else {
            errors["current_password"] = "That is not your current password."
        }
        errors["new_password"] = PasswordRules.problem(with: new, email: person.email)
        if errors["new_password"] == nil, new != confirmation {
            errors["confirm_password"] = "The two new passwords are not the same."
        }
        try errors.throwIfAny()
        let version = try await people.setPasswordHash(try await env.passwords.hash(new), of: actor.personID)
        try await env.scope(actor).audit.append(env.event(.passwordChanged, in: actor.organizationID, by: actor.personID,
                                                          about: actor.personID, address: address))
        return version
    }

    /// Whether a one-time link can still be used, and for whom.
    public func passwordReset(token: String) async throws -> Person? {
        guard let found = try await PasswordResetLookup(env.database).find(token: token, at: env.clock.now()) else { return nil }
        return try await OrganizationScope(env.database, organizationID: found.organizationID).people.find(found.personID)
    }

    /// Sets a password from a one-time link. The link works once.
    public func completePasswordReset(token: String, new: String, confirmation: String, address: String) async throws {
        let now = env.clock.now()
        guard let found = try await PasswordResetLookup(env.database).find(token: token, at: now) else { throw ServiceError.notFound }
        let scope = OrganizationScope(env.database, organizationID: found.organizationID)
        guard let person = try await scope.people.find(found.personID) else { throw ServiceError.notFound }
        var errors = FieldErrors()
        errors["new_password"] = PasswordRules.problem(with: new, email: person.email)
        if errors["new_password"] == nil, new != confirmation {
            errors["confirm_password"] = "The two passwords are not the same."
        }
        try errors.throwIfAny()
        let hash = try await env.passwords.hash(new)
        try await env.database.transaction { tx in
            let scope = OrganizationScope(tx, organizationID: found.organizationID)
            guard try await scope.passwordResets.redeem(token: token, at: now) != nil else { throw ServiceError.notFound }
            _ = try await scope.people.setPasswordHash(hash, of: person.id)
            try await scope.audit.append(env.event(.passwordResetCompleted, in: found.organizationID, by: person.id,
                                                   about: person.id, address: address))
        }
        try await ThrottleStore(env.database).clear("account:\(person.email.value)")
    }

    /// One throttle key with its rule, for the steps of one sign-in attempt.
    private struct Reservation {
        let key: String
        let rule: SignInThrottle

        func reserve(in throttles: ThrottleStore, now: Date) async throws -> ThrottleState {
            try await throttles.reserveAttempt(for: key, at: now, forgettingBefore: rule.forgetsFailures(before: now))
        }

        func recordFailure(_ reserved: ThrottleState, in throttles: ThrottleStore, now: Date) async throws {
            try await throttles.recordFailure(for: key, at: now, lockedUntil: rule.lock(afterFailing: reserved, now: now))
        }

        /// Why this attempt may not be checked, in words for the person, or nil when it may.
        func refusal(_ reserved: ThrottleState, now: Date) -> SignInError? {
            switch rule.decide(reserved: reserved, now: now) {
            case .allow:
                return nil
            case .wait(let seconds):
                return .throttled("Too many failed attempts. Wait \(seconds) second\(seconds == 1 ? "" : "s") and try again.")
            case .locked(let until):
                let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
                return .throttled("Too many failed attempts. Sign-in is paused for \(minutes) minute\(minutes == 1 ? "" : "s"); you can also ask your district administrator for a reset link.")
            }
        }
    }
}
