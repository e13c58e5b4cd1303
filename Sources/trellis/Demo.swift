import ArgumentParser
import TrellisServices

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create the demo district, optionally with many generated educators (for benchmarks).")

    @Option(help: "How many generated educators the district should have, besides the named demo people.")
    var educators = 0

    func validate() throws {
        guard (0...200_000).contains(educators) else { throw ValidationError("--educators must be from 0 to 200000.") }
    }

    func run() async throws {
        try await reportingFailures {
            try await Runtime.with(label: "trellis.demo") { runtime in
                let (organization, _) = try await DemoDistrict(runtime.environment).ensure(educators: educators)
                print("\(organization.name) is ready (slug \(DemoDistrict.slug)). Demo password: \(DemoDistrict.password)")
            }
        }
    }
}
