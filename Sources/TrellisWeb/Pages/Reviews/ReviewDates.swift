import Foundation
import TrellisServices

/// Moments of a review as people read them: the day in the district (as a signature's date counts days), or the
/// day and time in UTC like the rest of Trellis's records.
enum ReviewDates {
    static func day(_ date: Date) -> String { ReviewService.day(of: date).longForm }
    static func moment(_ date: Date) -> String { momentFormat.string(from: date) }

    private static let momentFormat = formatter("MMMM d, yyyy 'at' HH:mm 'UTC'")

    private static func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        return formatter
    }
}
