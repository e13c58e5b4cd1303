import Prometheus

extension PrometheusMetricsFactory {
    /// The factory `trellis serve` reports through at `/metrics`. Request durations get buckets around the 20 ms the
    /// pages opened all day are meant to stay under (docs/operations.md): the library's own jump from 10 to 25 ms, so a
    /// p99 read from them could not tell 12 ms from 24.
    public static func trellis(registry: PrometheusCollectorRegistry) -> PrometheusMetricsFactory {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets["http.server.request.duration"] = [
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(15), .milliseconds(20),
            .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
            .milliseconds(2500), .seconds(5), .seconds(10),
        ]
        return factory
    }
}
