import ArgumentParser
import Foundation
#if canImport(CMalloc)
import CMalloc
#endif
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
        Self.limitMallocArenas()
        try await reportingFailures {
            try await Runtime.with(label: "trellis.serve") { runtime in
                let registry = PrometheusCollectorRegistry()
                MetricsSystem.bootstrap(PrometheusMetricsFactory.trellis(registry: registry))
                if demo {
                    let (organization, created) = try await DemoDistrict(runtime.environment).ensure()
                    printDemoSignIns(organization.name, created: created, baseURL: runtime.config.baseURL)
                }
                let app = try await buildApplication(runtime.config, environment: runtime.environment, registry: registry)
                try await app.runService()
            }
        }
    }

    /// glibc gives each thread that allocates at once an arena of its own, up to eight per core, and returns little
    /// of them to the system: with the event loops, Swift's pool and the database's threads, an instance held 145 MB
    /// after 500 teachers' paced load, 138 MB with two arenas and no slower. An operator's own `MALLOC_ARENA_MAX` wins.
    private static func limitMallocArenas() {
        #if canImport(CMalloc)
        if ProcessInfo.processInfo.environment["MALLOC_ARENA_MAX"] == nil { _ = mallopt(M_ARENA_MAX, 2) }
        #endif
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
