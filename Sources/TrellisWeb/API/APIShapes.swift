import Foundation
import TrellisCore
import TrellisServices

/// The domain as the contract's JSON shapes (`Components.Schemas`, generated from openapi.yaml): one function per shape,
/// so what leaves through the API is written down once and nothing else of a record (a coaching note, a plan's evidence
/// files) can slip into an answer.
enum APIShapes {
    static func person(_ person: Person) -> Components.Schemas.Person {
        .init(id: person.id.rawValue, email: person.email.value, name: person.displayName, schoolId: person.schoolID?.rawValue,
              roles: person.sortedRoles.compactMap { Components.Schemas.Role(rawValue: $0.rawValue) }, active: person.isActive)
    }

    static func school(_ school: School) -> Components.Schemas.School {
        .init(id: school.id.rawValue, name: school.name)
    }

    static func framework(_ summary: StandardsService.Summary) -> Components.Schemas.Framework {
        .init(id: summary.framework.identifier, title: summary.framework.title, creator: summary.framework.creator,
              description: summary.framework.description, builtIn: summary.framework.isBuiltIn, standardCount: summary.standardCount,
              roles: summary.roles.compactMap { Components.Schemas.Role(rawValue: $0.rawValue) })
    }

    static func standard(_ standard: Standard) -> Components.Schemas.Standard {
        .init(id: standard.identifier, code: standard.code, title: standard.title, description: standard.description,
              parentId: standard.parentIdentifier, position: standard.position, retired: standard.isRetired)
    }

    static func planSummary(_ loaded: PlanService.Loaded) -> Components.Schemas.PlanSummary {
        let plan = loaded.plan
        return .init(id: plan.id.rawValue, ownerId: plan.ownerID.rawValue, schoolYear: plan.schoolYear.startYear,
                     status: status(plan.status), version: loaded.version, lastCheckInOn: plan.checkIns.map(\.date).max()?.iso,
                     updatedAt: loaded.updatedAt)
    }

    static func plan(_ loaded: PlanService.Loaded) -> Components.Schemas.Plan {
        let plan = loaded.plan
        return .init(id: plan.id.rawValue, ownerId: plan.ownerID.rawValue, schoolYear: plan.schoolYear.startYear,
                     status: status(plan.status), version: loaded.version, updatedAt: loaded.updatedAt,
                     goals: plan.goals.map(goal), checkIns: plan.checkIns.map(checkIn))
    }

    static func goal(_ goal: Goal) -> Components.Schemas.Goal {
        .init(id: goal.id.rawValue, statement: goal.statement, studentOutcome: goal.studentOutcome, teacherAction: goal.teacherAction,
              measure: goal.measure, baseline: goal.baseline, target: goal.target, targetDate: goal.targetDate?.iso,
              standards: goal.alignedStandardIdentifiers, actionSteps: goal.actionSteps.map(step))
    }

    static func step(_ step: ActionStep) -> Components.Schemas.ActionStep {
        .init(id: step.id.rawValue, what: step.what, dueDate: step.dueDate?.iso,
              status: Components.Schemas.StepStatus(rawValue: step.status.rawValue) ?? .notStarted,
              supportNeeded: step.supportNeeded, resources: step.resources, estimatedHours: step.estimatedHours)
    }

    static func checkIn(_ checkIn: CheckIn) -> Components.Schemas.CheckIn {
        .init(id: checkIn.id.rawValue, date: checkIn.date.iso, whatHappened: checkIn.whatHappened, whatsNext: checkIn.whatsNext,
              obstacles: checkIn.obstacles,
              progress: checkIn.progress.map { .init(goalId: $0.goalID.rawValue, level: $0.level.rawValue) })
    }

    static func status(_ status: PlanStatus) -> Components.Schemas.PlanStatus {
        Components.Schemas.PlanStatus(rawValue: status.rawValue) ?? .draft
    }

    static func clockHourEntry(_ entry: ClockHourEntry) -> Components.Schemas.ClockHourEntry {
        .init(id: entry.id.rawValue, date: entry.date.iso, activity: entry.activity, provider: entry.provider, hours: entry.hours.asDouble,
              focusCategories: entry.focusCategories.map(\.rawValue), source: entry.growthPlan == nil ? .recorded : .pgp,
              planId: entry.growthPlan?.planID.rawValue)
    }

    static func certificate(_ standing: ClockHourService.Standing) -> Components.Schemas.Certificate {
        let certificate = standing.certificate
        return .init(id: certificate.id.rawValue, _type: certificate.type.rawValue, number: certificate.number.rawValue,
                     issuedOn: certificate.issuedOn.iso, expiresOn: certificate.expiresOn.iso,
                     endorsements: certificate.endorsements.map { .init(name: $0.name, stemRelated: $0.isSTEMRelated) },
                     renewal: standing.progress.map { .init(complete: $0.isMet, summary: $0.summary) })
    }

    static func verification(_ record: VerificationService.Record) -> Components.Schemas.Verification {
        let verification = record.verification
        let reason: String? = if case .refused(let reason) = verification.outcome { reason } else { nil }
        return .init(id: verification.id.rawValue, planId: verification.planID.rawValue, personId: record.ownerID.rawValue,
                     schoolYear: record.schoolYear, outcome: verification.creditedHours == nil ? .refused : .verified,
                     hours: verification.creditedHours, reason: reason, decidedBy: verification.decidedBy.rawValue,
                     decidedAt: verification.decidedAt)
    }
}
