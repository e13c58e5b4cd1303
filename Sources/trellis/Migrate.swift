import ArgumentParser
import Foundation
import TrellisStore

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Bring the database schema up to date, or show its status.")

    @Flag(help: "Only list migrations and whether each is applied.")
    var status = false

    func run() async throws {
        try await reportingFailures {
            try await Runtime.with(migrate: false, label: "trellis.migrate") { runtime in
                let migrator = Migrator(database: runtime.environment.database)
                if status {
                    for step in try await migrator.status() {
                        let state = step.appliedAt.map { "applied \(ISO8601DateFormatter().string(from: $0))" } ?? "pending"
                        let number = String(repeating: "0", count: max(0, 4 - String(step.version).count)) + String(step.version)
                        print("\(number)  \(step.name.padding(toLength: 36, withPad: " ", startingAt: 0))  \(state)")
                    }
                } else {
                    let applied = try await migrator.migrate()
                    print(applied.isEmpty ? "The database is up to date." : applied.map { "Applied \($0.version): \($0.name)" }.joined(separator: "\n"))
                }
            }
        }
    }
}
