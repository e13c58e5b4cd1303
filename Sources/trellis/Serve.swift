import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import TrellisServices
import TrellisWeb

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the Trellis web server (runs pending migrations first).")

    @Flag(help: "Create the demo district (Cascade School District) if the database has none, and print its sign-ins.")
    var demo = false

    func run() async throws {
        try await reportingFailures {
            try await Runtime.with(label: "trellis.serve") { runtime in
                let registry = PrometheusCollectorRegistry()
                MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
                if demo {
                    let (organization, created) = try await DemoDistrict(runtime.environment).ensure()
                    printDemoSignIns(organization.name, created: created, baseURL: runtime.config.baseURL)
                }
                let app = try await buildApplication(runtime.config, environment: runtime.environment, registry: registry)
                try await app.runService()
            }
        }
    }

    private func printDemoSignIns(_ district: String, created: Bool, baseURL: String) {
        var lines = ["", "\(district) \(created ? "is ready" : "was already there"). Sign in at \(baseURL)/signin as:"]
        for person in DemoDistrict.featured {
            let roles = person.roles.sorted().map(\.label).joined(separator: ", ")
            lines.append("  \(person.email.padding(toLength: 36, withPad: " ", startingAt: 0)) \(roles.padding(toLength: 22, withPad: " ", startingAt: 0)) \(person.name)")
        }
        lines.append("Password for every demo person: \(DemoDistrict.password)")
        lines.append("")
        // Written straight away: standard output may be a pipe or a file, where print() would sit in a buffer.
        FileHandle.standardOutput.write(Data(lines.joined(separator: "\n").utf8))
    }
}
