import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Metrics
import NIOCore
import NIOPosix
import Prometheus
import TrellisServices
import TrellisWeb

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the Trellis web server (runs pending migrations first).")

    @Flag(help: "Create the demo district (Cascade School District) if the database has none, and print its sign-ins.")
    var demo = false

    func run() async throws {
        MallocTuning.limitArenas()
        try await reportingFailures {
            let onEventLoops = try Self.runTasksOnTheEventLoops()
            try await Runtime.with(label: "trellis.serve") { runtime in
                runtime.environment.logger.info("Swift tasks run on \(onEventLoops ? "the event loops" : "Swift's own pool")")
                let registry = PrometheusCollectorRegistry()
                MetricsSystem.bootstrap(PrometheusMetricsFactory.trellis(registry: registry))
                if demo {
                    let (organization, created) = try await DemoDistrict(runtime.environment).ensure()
                    printDemoSignIns(organization.name, created: created, baseURL: runtime.config.baseURL)
                }
                let app = try await buildApplication(runtime.config, environment: runtime.environment, registry: registry,
                                                     services: MallocTuning.services(logger: runtime.environment.logger))
                try await app.runService()
            }
        }
    }

    /// Each request goes back and forth between the event loop that holds its connection (the client's, the
    /// database's) and the task that handles it; on Swift's own pool each crossing wakes a thread on another, several
    /// a request. With the tasks on the event loops themselves (NIO's supported takeover; the work that blocks is on
    /// NIO's thread pool already) the crossings mostly stay on one thread: about a fifth less of an instance's CPU under
    /// 500 teachers' paced load. `TRELLIS_EVENT_LOOP_TASKS=0` leaves Swift's pool in charge. Done before the first task.
    private static func runTasksOnTheEventLoops() throws -> Bool {
        switch ProcessInfo.processInfo.environment["TRELLIS_EVENT_LOOP_TASKS"]?.lowercased() {
        case nil, "1", "on": return NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        case "0", "off": return false
        case let other?: throw CommandFailure("TRELLIS_EVENT_LOOP_TASKS must be 1 (on) or 0 (off), not \"\(other)\"")
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
