import Foundation
import OpenAPIRuntime
import TrellisCore
import TrellisServices

/// The CSV roster import through the API: the same `RosterImportService` as the admin page, a dry run or an apply.
extension APIHandler {
    func importRoster(_ input: Operations.ImportRoster.Input) async throws -> Operations.ImportRoster.Output {
        let actor = try actor(.peopleWrite)
        guard case .csv(let body) = input.body else { throw ServiceError.notFound }
        let csv: String
        do {
            // One byte past the limit, so the service says the file is too large in its own words.
            csv = try await String(collecting: body, upTo: RosterImportService.maximumBytes + 1)
        } catch {
            throw APIProblem(.contentTooLarge, kind: "too-large", title: "The request is too large",
                             detail: "A roster file may be at most \(RosterImportService.maximumBytes / 1_000_000) MB.")
        }
        let dryRun = input.query.dryRun ?? false
        let plan = try await roster.preview(actor, csv: csv)
        guard !dryRun else { return .ok(.init(body: .json(Self.shape(plan, dryRun: true, applied: false)))) }
        if !plan.problems.isEmpty {
            // Nothing is written; the problems are the answer's errors, one per row and column.
            let fields = plan.problems.map { APIProblem.FieldProblem(field: "csv[row \($0.row)]\($0.column.map { ".\($0)" } ?? "")", message: $0.message) }
            throw APIProblem(.unprocessableContent, kind: "invalid-fields", title: "Some rows are not valid",
                             detail: "\(Set(plan.problems.map(\.row)).count) row(s) of the file have mistakes, so nothing was applied.", errors: fields)
        }
        guard plan.changeCount > 0 else { return .ok(.init(body: .json(Self.shape(plan, dryRun: false, applied: false)))) }
        let result = try await roster.apply(actor, csv: csv, expecting: plan.digest, source: "API")
        return .ok(.init(body: .json(Self.shape(result.plan, dryRun: false, applied: true))))
    }

    static func shape(_ plan: RosterImportPlan, dryRun: Bool, applied: Bool) -> Components.Schemas.RosterImport {
        func change(_ change: RosterImportPlan.PersonChange) -> Components.Schemas.RosterPersonChange {
            .init(row: change.row, email: change.email.value, name: change.name, personId: change.personID?.rawValue,
                  deactivates: change.deactivates,
                  changes: change.changes.map { .init(column: $0.column.rawValue, old: $0.old, new: $0.new) })
        }
        return .init(dryRun: dryRun, applied: applied, rowCount: plan.rowCount, creates: plan.creates.map(change),
                     updates: plan.updates.map(change), unchanged: plan.unchanged, newSchools: plan.newSchools,
                     problems: plan.problems.map { .init(row: $0.row, column: $0.column, message: $0.message) })
    }
}
