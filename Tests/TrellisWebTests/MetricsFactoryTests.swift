import Prometheus
import Testing
@testable import TrellisWeb

/// `/metrics` can tell a request under the pages' 20 ms from one over it.
@Suite struct MetricsFactoryTests {
    @Test func requestDurationsHaveBucketsEitherSideOfTwentyMilliseconds() {
        // setup
        let registry = PrometheusCollectorRegistry()
        let factory = PrometheusMetricsFactory.trellis(registry: registry)
        let requests = factory.makeTimer(label: "http.server.request.duration", dimensions: [("http_route", "/plans/{plan}")])
        let other = factory.makeTimer(label: "some.other.duration", dimensions: [])
        // run: one request of 18 ms, one of 22
        requests.recordNanoseconds(18_000_000)
        requests.recordNanoseconds(22_000_000)
        other.recordNanoseconds(18_000_000)
        // check
        let text = registry.emitToString()
        #expect(text.contains(#"http_server_request_duration_bucket{http_route="/plans/{plan}",le="0.015"} 0"#))
        #expect(text.contains(#"http_server_request_duration_bucket{http_route="/plans/{plan}",le="0.02"} 1"#))
        #expect(text.contains(#"http_server_request_duration_bucket{http_route="/plans/{plan}",le="0.025"} 2"#))
        #expect(!text.contains(#"some_other_duration_bucket{le="0.02"}"#), "other timers keep the library's buckets")
    }
}
