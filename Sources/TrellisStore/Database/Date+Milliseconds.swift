import Foundation

// Times are stored as whole milliseconds since 1970 in a BIGINT: exact, sortable, the same on both databases.
extension Date {
    init(millisecondsSince1970 value: Int64) {
        self.init(timeIntervalSince1970: Double(value) / 1000)
    }

    var millisecondsSince1970: Int64 {
        Int64((timeIntervalSince1970 * 1000).rounded())
    }
}
