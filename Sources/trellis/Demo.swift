import ArgumentParser
import Foundation
import TrellisServices

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the demo district, optionally with many generated educators (for benchmarks).",
        discussion: """
            With --districts N, the educators are spread over N districts: the demo district keeps its share, and N - 1
            generated districts get schools, principals, coaches, five school years of plans and coaching sessions, each
            district written in one transaction. A second run keeps the districts already there. Meant for PostgreSQL:
            `trellis demo --educators 100000 --districts 20` is a state's worth of data.
            """)

    @Option(help: "How many generated educators the district (or, with --districts, all districts together) should have, besides the named demo people.")
    var educators = 0

    @Option(help: "How many districts to spread the educators over, the demo district included (1 is the demo district alone).")
    var districts = 1

    func validate() throws {
        guard (0...200_000).contains(educators) else { throw ValidationError("--educators must be from 0 to 200000.") }
        guard (1...ScaleDistricts.maximumDistricts).contains(districts) else {
            throw ValidationError("--districts must be from 1 to \(ScaleDistricts.maximumDistricts).")
        }
    }

    func run() async throws {
        try await reportingFailures {
            try await Runtime.with(label: "trellis.demo") { runtime in
                guard districts > 1 else {
                    let (organization, _) = try await DemoDistrict(runtime.environment).ensure(educators: educators)
                    try await runtime.environment.database.refreshPlannerStatistics()
                    print("\(organization.name) is ready (slug \(DemoDistrict.slug)). Demo password: \(DemoDistrict.password)")
                    return
                }
                FileHandle.standardOutput.write(Data("Filling \(districts) districts with \(educators) educators in all (\(runtime.config.database))\n".utf8))
                let summary = try await ScaleDistricts(runtime.environment).fill(educators: educators, districts: districts) { progress in
                    // Unbuffered, so a long fill shows each district as it finishes, also through a pipe.
                    FileHandle.standardOutput.write(Data((Self.line(progress) + "\n").utf8))
                }
                try await runtime.environment.database.refreshPlannerStatistics()
                print(String(format: "Done in %.1f s: %d districts created, %d already there, %d rows (%.0f rows/s).",
                             summary.seconds, summary.created, summary.kept, summary.rows, Double(summary.rows) / max(summary.seconds, 0.001))
                      + " Demo password: \(DemoDistrict.password)")
            }
        }
    }

    /// "[ 3/20] Yakima Valley School District: 6,120 educators, 182,400 rows in 21.3 s (8,563 rows/s)".
    static func line(_ progress: ScaleDistricts.Progress) -> String {
        let place = String(format: "[%2d/%d] ", progress.position, progress.of) + "\(progress.name): \(progress.educators) educators"
        if progress.alreadyThere { return place + ", already there (kept as it is)" }
        if progress.rows == 0 { return place + String(format: ", ready in %.1f s", progress.seconds) }
        return place + String(format: ", %d rows in %.1f s (%.0f rows/s)", progress.rows, progress.seconds,
                              Double(progress.rows) / max(progress.seconds, 0.001))
    }
}
