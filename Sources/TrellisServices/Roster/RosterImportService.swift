import Foundation
import NIOPosix
import TrellisCore
import TrellisStore

/// Imports a district's people and schools from a CSV roster, as an HR or student-information system exports it:
/// first a dry run that lists what would change, then applying exactly that. Used by the admin page and the API alike,
/// so its inputs are plain text.
///
/// Only those who may add people (district admins) import. A row never deactivates someone by leaving them out: only
/// `active` = no does. New people get no password; as when an admin adds one person, each chooses theirs through a
/// one-time link from their page in the directory.
public struct RosterImportService: Sendable {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    /// The largest file accepted (5 MB) and the most rows (100,000): a state's largest district fits in one file.
    public static let maximumBytes = RosterFile.maximumBytes
    public static let maximumRows = RosterFile.maximumRows

    /// Why an apply was refused although the file has no mistakes: what it would do now is not what was shown.
    public static let planChanged = "The district's people, or the file, changed since this dry run, so nothing was applied. "
        + "Read the dry run again below, then apply it."

    /// What an applied import did: its plan, and the people it added.
    public struct Result: Sendable {
        public let plan: RosterImportPlan
        public let created: [Person]
    }

    /// The dry run: what importing `csv` would do now, each row's mistakes included. Writes nothing.
    /// Throws `FieldErrors` at `csv` for a file that cannot be read at all (too large, not CSV, a wrong header).
    public func preview(_ actor: Actor, csv: String) async throws -> RosterImportPlan {
        try authorize(actor)
        let file = try await read(csv)
        return try await plan(file, actor, on: env.database).plan
    }

    /// Applies `csv` in one transaction, if the plan it works out there is still the dry run the admin saw (`digest`).
    /// A double submit, or people changed meanwhile, gets `ServiceError.conflict(planChanged)` and nothing written;
    /// a file with mistakes gets `FieldErrors` at `csv`. `source` (e.g. the file's name) goes into the audit log.
    public func apply(_ actor: Actor, csv: String, expecting digest: String, source: String? = nil,
                      address: String? = nil) async throws -> Result {
        try authorize(actor)
        let file = try await read(csv)
        return try await env.database.transaction { tx in
            let scope = OrganizationScope(tx, organizationID: actor.organizationID)
            try await scope.roster.waitForOtherImports()
            let (plan, existing) = try await self.plan(file, actor, on: tx)
            if !plan.problems.isEmpty {
                let rows = Set(plan.problems.map(\.row)).count
                throw FieldErrors("csv", "\(Plural.count(rows, "row")) of the file \(rows == 1 ? "has" : "have") mistakes, so nothing was applied. "
                                  + "Correct them and check the file again.")
            }
            guard plan.digest == digest else { throw ServiceError.conflict(Self.planChanged) }
            do {
                let created = try await write(plan, existing: existing, actor: actor, scope: scope, source: source, address: address)
                return Result(plan: plan, created: created)
            } catch StoreError.duplicate {
                // Someone was added with one of these emails, or a school with one of these names, in between.
                throw ServiceError.conflict(Self.planChanged)
            }
        }
    }

    private func authorize(_ actor: Actor) throws {
        guard Policy.can(actor, .create, .people(actor.organizationID)) else { throw ServiceError.forbidden }
    }

    /// Parsing megabytes of text runs on the blocking-work pool, not on a thread that serves requests.
    private func read(_ csv: String) async throws -> RosterFile {
        try RosterFile.checkSize(csv)
        return try await NIOThreadPool.singleton.runIfActive { try RosterFile(csv) }
    }

    /// The plan for `file` against the district as `executor` sees it, and the people it was made from.
    private func plan(_ file: RosterFile, _ actor: Actor, on executor: any SQLExecutor) async throws
        -> (plan: RosterImportPlan, existing: [EmailAddress: Person]) {
        let scope = OrganizationScope(executor, organizationID: actor.organizationID)
        let emails = file.entries.map(\.email)
        let existing = try await scope.roster.people(emails: emails)
        let planner = RosterPlanner(actor: actor, existing: existing, schools: try await scope.schools.all(),
                                    takenElsewhere: try await scope.roster.emailsTakenElsewhere(emails))
        return (planner.plan(file), existing)
    }
}
