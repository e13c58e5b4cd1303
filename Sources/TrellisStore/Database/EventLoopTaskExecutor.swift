import NIOCore

/// Runs a task's jobs on one event loop's thread. Code given this executor as its preference
/// (`withTaskExecutorPreference`) continues, after each await, on that thread instead of waiting for a thread of the
/// shared pool, which under load is busy rendering pages.
final class EventLoopTaskExecutor: TaskExecutor, @unchecked Sendable {
    // An event loop is thread-safe; `execute` may be called from any thread.
    private let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
