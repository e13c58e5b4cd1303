import Foundation
import TrellisCore
import TrellisStore

/// The cohort page: the whole picture on one screen.
extension CohortService {
    /// Everything the cohort page shows, as the actor may see it.
    /// Hashable, so the page made from it can be kept and answered again while nothing it shows has changed.
    public struct Overview: Sendable, Hashable {
        public let cohort: Loaded
        /// Members', the facilitator's and named authors' display names.
        public let names: [Person.ID: String]
        public let rounds: [VisioningRound]
        public let themes: [Theme]
        /// The statements the actor may read: all for the facilitator, those behind a theme for members.
        public let statements: [VisioningStatement]
        /// Each PLC with its roll-up, in the order they were made.
        public let plcs: [PLCProgress]

        /// The page cache hashes its source on every request: a few fields that differ between cohorts and versions
        /// are enough (equal overviews hash the same), where hashing thirty members' progress was not cheap.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(cohort.cohort.id)
            hasher.combine(cohort.version)
            hasher.combine(statements.count)
            hasher.combine(plcs.count)
        }
    }

    /// One PLC on the cohort page, with its roll-up as the actor may see it.
    public struct PLCProgress: Sendable, Hashable {
        public let plc: PLC
        public let rollUp: GroupGoalRollUp
    }

    public func overview(_ actor: Actor, _ id: Cohort.ID) async throws -> Overview {
        // Access is decided here on every request; only what is made after it is kept.
        let loaded = try await load(actor, id, recent: true)
        let viewer = "\(actor.personID)/\(actor.roles.map(\.rawValue).sorted().joined(separator: ","))/\(env.today.iso)/\(loaded.version)"
        return try await env.scope(actor).keptCohortValue(id, "overview:" + viewer) { try await makeOverview(actor, loaded) }
    }

    private func makeOverview(_ actor: Actor, _ loaded: Loaded) async throws -> Overview {
        let id = loaded.cohort.id
        let scope = env.scope(actor)
        let themes = try await scope.visioning.themes(of: id, recent: true)
        let everything = try await scope.visioning.statements(of: id, recent: true)
        let seesAll = Policy.can(actor, .read, .cohort(loaded.access, .statements(roundIsOpen: true)))
        let behindThemes = Set(themes.flatMap(\.statementIDs))
        let statements = seesAll ? everything : everything.filter { behindThemes.contains($0.id) }
        let links = try await scope.plcs.links(in: id, recent: true)
        var plcs: [PLCProgress] = []
        for stored in try await scope.plcs.plcs(of: id, recent: true) {
            let rollUp = try await PLCService.rollUp(of: stored.plc, links: links.filter { $0.plcID == stored.plc.id }, actor: actor,
                                                     access: loaded.access, env: env)
            plcs.append(PLCProgress(plc: stored.plc, rollUp: rollUp))
        }
        let people = loaded.cohort.memberIDs.union([loaded.cohort.facilitatorID]).union(statements.compactMap(\.authorID))
        return Overview(cohort: loaded, names: try await scope.cohorts.names(of: people, shownIn: id, recent: true), rounds: try await scope.visioning.rounds(of: id, recent: true),
                        themes: themes, statements: statements, plcs: plcs)
    }
}
