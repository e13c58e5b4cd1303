import Foundation
import TrellisCore

/// The district's exports from the command line: the ZIP of verification forms and the clock-hour CSV for HR.
/// The operator holds the machine, so `Policy` does not apply; the exports are read with a district admin's
/// rights in that one district, which is exactly what the admin page hands out, and they change nothing.
extension OperatorService {
    /// Every verification form of plans verified from `from` to `to` (YYYY-MM-DD, both included) as a ZIP.
    public func verificationForms(of organization: Organization, from: String, to: String) async throws -> DocumentService.Document {
        try await DocumentService(env).verificationForms(exporter(in: organization), from: from, to: to)
    }

    /// The clock-hour CSV of ledger entries dated from `from` to `to`; `excel` for Excel's flavor.
    public func clockHours(of organization: Organization, from: String, to: String, excel: Bool) async throws -> DocumentService.Document {
        try await DocumentService(env).clockHours(exporter(in: organization), from: from, to: to, excel: excel)
    }

    /// Nobody in the district: an id no person has, with the one role the exports ask for. Nothing it reads names it.
    private func exporter(in organization: Organization) -> Actor {
        Actor(personID: Person.ID("operator-command-line"), organizationID: organization.id, roles: [.districtAdmin], schoolID: nil)
    }
}
