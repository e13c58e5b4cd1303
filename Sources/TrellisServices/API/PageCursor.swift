import Foundation
import TrellisCore
import TrellisStore

/// How the API's lists are paged: at most `limit` items (1 to 200, 50 by default) and an opaque cursor for the next page.
/// The cursor is base64url of the last item's sort value and id, so a client treats it as a token and never builds one;
/// a cursor that does not decode is the client's mistake (400), never a 500.
public struct PageRequest: Sendable, Hashable {
    public static let defaultLimit = 50
    public static let maximumLimit = 200

    public let limit: Int
    public let after: KeysetPosition?

    /// Refuses a limit outside 1...200 and a cursor Trellis did not write, naming the parameter.
    public init(limit: Int?, cursor: String?) throws {
        let limit = limit ?? Self.defaultLimit
        guard (1...Self.maximumLimit).contains(limit) else {
            throw FieldErrors("limit", "Ask for 1 to \(Self.maximumLimit) items a page (\(Self.defaultLimit) when left out).")
        }
        self.limit = limit
        if let cursor, !cursor.isEmpty {
            guard let position = PageCursor.decode(cursor) else {
                throw FieldErrors("cursor", "This cursor was not given by Trellis: pass back the next_cursor of the previous page as it came.")
            }
            after = position
        } else {
            after = nil
        }
    }
}

/// One page of a list and where the next starts (nil on the last page).
public struct Page<Item: Sendable>: Sendable {
    public let items: [Item]
    public let nextCursor: String?

    /// Cuts `fetched` (read with one row more than the page holds, to know whether another page follows) to the page.
    init(_ fetched: [Item], limit: Int, position: (Item) -> KeysetPosition) {
        items = Array(fetched.prefix(limit))
        nextCursor = fetched.count > limit ? items.last.map { PageCursor.encode(position($0)) } : nil
    }

    /// A page of a short list held whole in memory, sorted by id: schools, frameworks.
    init(all: [Item], _ request: PageRequest, id: (Item) -> String) {
        let sorted = all.sorted { id($0) < id($1) }
        let rest = request.after.map { after in sorted.filter { id($0) > after.id } } ?? sorted
        self.init(Array(rest.prefix(request.limit + 1)), limit: request.limit) { KeysetPosition(value: 0, id: id($0)) }
    }
}

/// The cursor's wire form: base64url (no padding) of "<value>:<id>".
enum PageCursor {
    static func encode(_ position: KeysetPosition) -> String {
        Data("\(position.value):\(position.id)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) -> KeysetPosition? {
        guard text.count <= 400, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let plain = String(data: data, encoding: .utf8),
              let colon = plain.firstIndex(of: ":"), let value = Int64(plain[..<colon]) else { return nil }
        let id = String(plain[plain.index(after: colon)...])
        guard !id.isEmpty else { return nil }
        return KeysetPosition(value: value, id: id)
    }
}
