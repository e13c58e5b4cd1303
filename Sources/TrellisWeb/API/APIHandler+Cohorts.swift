import Foundation
import TrellisCore
import TrellisServices

/// Standards frameworks, and cohorts with what the policy lets the caller see of them.
extension APIHandler {
    func listFrameworks(_ input: Operations.ListFrameworks.Input) async throws -> Operations.ListFrameworks.Output {
        let actor = try actor(.standardsRead)
        return .ok(.init(body: .json(.init(items: try await standards.frameworks(actor).map(APIShapes.framework)))))
    }

    func listStandards(_ input: Operations.ListStandards.Input) async throws -> Operations.ListStandards.Output {
        let actor = try actor(.standardsRead)
        let definition = try await standards.framework(actor, input.path.frameworkId)
        return .ok(.init(body: .json(.init(frameworkId: definition.framework.identifier, items: definition.standards.map(APIShapes.standard)))))
    }

    func listCohorts(_ input: Operations.ListCohorts.Input) async throws -> Operations.ListCohorts.Output {
        let actor = try actor(.cohortsRead)
        let items = try await cohorts.myCohorts(actor).map { cohort in
            Components.Schemas.CohortSummary(id: cohort.id.rawValue, name: cohort.name, schoolYear: cohort.schoolYear.startYear,
                                             facilitatorId: cohort.facilitatorID.rawValue, memberCount: cohort.members.count)
        }
        return .ok(.init(body: .json(.init(items: items))))
    }

    func getCohort(_ input: Operations.GetCohort.Input) async throws -> Operations.GetCohort.Output {
        let actor = try actor(.cohortsRead)
        let overview = try await cohorts.overview(actor, Cohort.ID(input.path.cohortId))
        let cohort = overview.cohort.cohort
        let members = cohort.members.map { member in
            Components.Schemas.Cohort.MembersPayloadPayload(personId: member.personID.rawValue,
                                                            name: overview.names[member.personID] ?? "", role: member.role)
        }
        let plcs = overview.plcs.map { progress in
            let plc = progress.plc
            return Components.Schemas.Plc(
                id: plc.id.rawValue, name: plc.name, memberIds: plc.memberIDs.map(\.rawValue),
                groupGoal: plc.goal.map { .init(statement: $0.statement, measure: $0.measure, target: $0.target, targetDate: $0.targetDate?.iso) })
        }
        return .ok(.init(body: .json(.init(id: cohort.id.rawValue, name: cohort.name, schoolYear: cohort.schoolYear.startYear,
                                           facilitatorId: cohort.facilitatorID.rawValue, members: members, plcs: plcs))))
    }
}
