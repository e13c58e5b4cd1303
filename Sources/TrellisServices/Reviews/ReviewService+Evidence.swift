import Foundation
import TrellisCore
import TrellisStore

extension ReviewService {
    /// A file of the submitted snapshot's evidence, for the reviewer to download: only a file the snapshot lists,
    /// read by whoever may read the review (the reviewer with an account, or the holder of an open link).
    public func evidenceFile(_ key: ReviewerKey, _ evidenceID: Evidence.ID) async throws -> (EvidenceFile, Data) {
        let opened = try await authorize(key, .read)
        let plan = try opened.stored.request.snapshot.plan()
        guard let evidence = plan.evidence.first(where: { $0.id == evidenceID }), case .file(let file) = evidence.content,
              let vault else {
            throw ServiceError.notFound
        }
        do {
            return (file, try vault.get(hash: file.contentHash, organization: opened.scope.organizationID))
        } catch {
            env.logger.error("evidence file \(file.contentHash) of a submitted plan is missing from the data directory")
            throw ServiceError.notFound
        }
    }
}
