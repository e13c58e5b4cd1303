import Foundation
import TrellisCore

/// Standards frameworks from the command line. The operator holds the machine, so `Policy` does not apply; these
/// are the only way in to CASE import and export that does not go through a signed-in district admin.
extension OperatorService {
    /// Imports or re-imports a CASE package into a district; the audit log records it with no person.
    public func importStandards(into organization: Organization, data: Data) async throws -> StandardsService.ImportResult {
        try await StandardsService(env).importCASE(into: organization.id, data: data, by: nil, address: nil)
    }

    /// A district's framework (or a built-in one) as CASE JSON.
    public func exportStandards(of organization: Organization, framework identifier: String, baseURI: String) async throws -> Data {
        try await StandardsService(env).exportCASE(organization: organization.id, identifier, baseURI: baseURI)
    }
}
