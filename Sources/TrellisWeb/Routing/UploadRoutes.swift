import Hummingbird

/// The routes that take files as `multipart/form-data`. Every other route refuses a multipart body before
/// reading it, and these take one only from a signed-in person (`RequestBodyLimitMiddleware`).
enum UploadRoutes {
    /// Written as the routes are registered; compared with the endpoint the router matched.
    static let paths: [RouterPath] = ["/plans/:plan/evidence", "/frameworks/import", "/district/roster", "/district/roster/apply"]

    private static let endpoints = Set(paths.map(\.description))

    /// True when the matched endpoint takes files; the method is not considered, only bodies of posts are read.
    static func accept(endpoint: String?) -> Bool {
        endpoint.map(endpoints.contains) ?? false
    }
}
