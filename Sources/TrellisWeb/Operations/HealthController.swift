import Hummingbird
import Prometheus
import TrellisStore

/// For load balancers and monitoring: is the process up, can it reach its database, and its metrics.
struct HealthController<Context: RequestContext> {
    let database: Database
    let registry: PrometheusCollectorRegistry

    func register(on router: some RouterMethods<Context>) {
        router.get("/healthz") { _, _ in Self.text("ok\n") }
        router.get("/readyz") { _, _ in
            await database.isReachable() ? Self.text("ready\n") : Self.text("database unreachable\n", status: .serviceUnavailable)
        }
        router.get("/metrics") { _, _ in
            Self.text(registry.emitToString(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
    }

    static func text(_ body: String, status: HTTPResponse.Status = .ok, contentType: String = "text/plain; charset=utf-8") -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
