import Foundation
#if canImport(CMalloc)
import CMalloc
#endif
import Logging
import NIOPosix
import ServiceLifecycle

/// What `trellis serve` asks of glibc's malloc, which otherwise keeps much of what the server frees.
enum MallocTuning {
    /// glibc gives each thread that allocates at once an arena of its own, up to eight per core, and returns little
    /// of them to the system: with the event loops, Swift's pool and the database's threads, an instance held 145 MB
    /// after 500 teachers' paced load, 138 MB with two arenas and no slower. An operator's own `MALLOC_ARENA_MAX` wins.
    static func limitArenas() {
        #if canImport(CMalloc)
        if ProcessInfo.processInfo.environment["MALLOC_ARENA_MAX"] == nil { _ = mallopt(M_ARENA_MAX, 2) }
        #endif
    }

    /// What runs beside the server for malloc: `MemoryReturn` where there is glibc, nothing elsewhere.
    static func services(logger: Logger) -> [any Service] {
        #if canImport(CMalloc)
        [MemoryReturn(logger: logger)]
        #else
        []
        #endif
    }
}

#if canImport(CMalloc)
/// Gives the pages malloc holds free back to the system every ten seconds. glibc returns only the free space at the
/// top of an arena; what a burst frees in the middle (500 connections' buffers, the pages rendered for them) stays
/// resident: after 500 teachers' paced load an instance had 43 MB in use and 88 MB in its arenas, and `malloc_trim`
/// took its RSS from 146 to 119 MB. The trim runs on NIO's thread pool, off the event loops.
struct MemoryReturn: Service {
    let logger: Logger
    var interval: Duration = .seconds(10)

    func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            guard !Task.isShuttingDownGracefully, !Task.isCancelled else { return }
            let clock = ContinuousClock()
            let took = try await clock.measure { _ = try await NIOThreadPool.singleton.runIfActive { malloc_trim(0) } }
            logger.debug("gave malloc's free pages back to the system in \(took)")
        }
    }
}
#endif
