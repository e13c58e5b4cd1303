import PostgresKit
import SQLiteKit

/// What a store reports when the data does not allow an operation.
public enum StoreError: Error, Hashable, Sendable {
    /// A unique value is already taken, e.g. an email address; names the column.
    case duplicate(String)
    /// The row does not exist in this organization.
    case notFound
}

extension Error {
    /// True when the database refused a row because a UNIQUE constraint was violated, on either database.
    var isUniqueViolation: Bool {
        if let error = self as? PSQLError {
            return error.serverInfo?[.sqlState] == "23505"
        }
        if let error = self as? SQLiteError {
            return error.reason == .constraintUniqueFailed || error.reason == .constraintPrimaryKeyFailed
                || error.message.contains("UNIQUE constraint failed")
        }
        return false
    }
}
