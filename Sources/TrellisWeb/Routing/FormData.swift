import Foundation
import Hummingbird

/// The fields of an `application/x-www-form-urlencoded` body. Repeated names (checkboxes) keep every value.
public struct FormData: Sendable {
    private var fields: [(name: String, value: String)] = []

    public init(_ text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            fields.append((name, value))
        }
    }

    /// The largest url-encoded body read: far more than any Trellis form needs, and a bound on what anyone can make it read.
    public static let maximumBytes = 1024 * 1024

    /// Reads and parses the body of a form post; a longer body throws `NIOTooManyBytesError`, shown as the 413 page.
    public static func from(_ request: Request, limit: Int = maximumBytes) async throws -> FormData {
        var request = request
        let buffer = try await request.collectBody(upTo: limit)
        return FormData(String(buffer: buffer))
    }

    /// The first value of a field, or "" when absent.
    public subscript(name: String) -> String {
        fields.first(where: { $0.name == name })?.value ?? ""
    }

    /// Every value of a repeated field, in order.
    public func all(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    private static func decode(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
