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
        let text = String(describing: self)
        return text.contains("UNIQUE constraint failed") || text.contains("23505") || text.contains("unique_violation")
            || text.contains("duplicate key value")
    }
}
