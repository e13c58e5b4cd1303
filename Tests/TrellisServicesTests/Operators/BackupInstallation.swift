import Foundation
import Logging
import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore

/// A whole SQLite installation in a temporary data directory, as `trellis serve` keeps it: the database file at
/// `trellis.sqlite` and evidence files under `evidence/`. Backups are of SQLite only, so these tests always use it.
final class Installation: @unchecked Sendable {
    let directory: URL
    var databaseURL: URL { directory.appendingPathComponent("trellis.sqlite") }
    private(set) var database: Database!
    private(set) var environment: ServiceEnvironment!

    private init(directory: URL) { self.directory = directory }

    /// Runs `body` with a new installation; `migrated` opens it with the demo district in it, otherwise it starts empty
    /// (a target to restore into) and `open()` is called when needed. Removed afterwards, whatever happens.
    static func with(migrated: Bool = true, _ body: (Installation) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-backup-" + UUID().uuidString.prefix(8))
        let installation = Installation(directory: directory)
        do {
            if migrated {
                try await installation.open()
                try await DemoDistrict(installation.environment).ensure()
            }
            try await body(installation)
        } catch {
            await installation.close()
            try? FileManager.default.removeItem(at: directory)
            throw TestFailure(String(reflecting: error))
        }
        await installation.close()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Opens (and migrates) the database in this directory.
    func open(migrations: [any Migration] = Migrations.all) async throws {
        var logger = Logger(label: "trellis.test")
        logger.logLevel = .warning
        database = try await Database.open(.sqlite(path: databaseURL.path), logger: logger)
        try await Migrator(database: database, migrations: migrations).migrate()
        environment = ServiceEnvironment(database: database, passwords: PasswordHasher(cost: 4), logger: logger)
    }

    func close() async {
        await database?.close()
        database = nil
    }

    var restoreService: RestoreService {
        RestoreService(database: .sqlite(path: databaseURL.path), dataDirectory: directory.path)
    }

    var plans: PlanService { PlanService(environment, vault: EvidenceVault(dataDirectory: directory.path)) }

    func hong() async throws -> Actor {
        let organization = try #require(try await OrganizationStore(database).find(slug: DemoDistrict.slug))
        let person = try await OrganizationScope(database, organizationID: organization.id).people.find(email: EmailAddress("hong.nguyen@cascade.example")!)
        return Actor(try #require(person))
    }

    /// Uploads each file as evidence on the actor's current plan, through the same service as the evidence page.
    func addEvidence(_ files: [(String, Data)], for actor: Actor) async throws {
        let planID = try #require(try await plans.myPlans(actor).first?.id)
        for (name, data) in files {
            var form = EvidenceForm()
            form.caption = "Evidence \(name)"
            try await plans.addEvidence(actor, planID, form, file: UploadedFile(filename: name, data: data))
        }
    }

    /// Every file anywhere under the directory, by path relative to it.
    func filesInDirectory() -> [String] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        return walker.compactMap { item in
            guard let url = item as? URL, (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { return nil }
            return String(url.path.dropFirst(directory.path.count))
        }.sorted()
    }
}
