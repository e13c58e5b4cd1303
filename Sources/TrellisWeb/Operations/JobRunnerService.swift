import Logging
import ServiceLifecycle
import TrellisServices

/// The job runner as a service of `trellis serve` (beside the session sweeper) and of `trellis jobs work`: it works
/// until a graceful shutdown, which it honours between jobs, never inside one.
public struct JobRunnerService: Service {
    let runner: JobRunner

    public init(runner: JobRunner) {
        self.runner = runner
    }

    public func run() async throws {
        await runner.work(shouldStop: { Task.isShuttingDownGracefully || Task.isCancelled },
                          pause: { duration in try? await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) } })
    }
}

/// `trellis jobs work`: the runner alone, until SIGTERM or SIGINT.
public func runJobWorker(_ runner: JobRunner, logger: Logger) async throws {
    let group = ServiceGroup(configuration: .init(services: [.init(service: JobRunnerService(runner: runner))],
                                                  gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
    try await group.run()
}
