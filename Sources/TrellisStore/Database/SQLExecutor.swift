import SQLKit

/// Something that can run SQL: the database itself (one pooled connection per call) or an open transaction.
/// Stores are written against this, so the same store works inside and outside a transaction.
public protocol SQLExecutor: Sendable {
    var dialect: DatabaseDialect { get }
    /// The installation's recent reads: what writes must forget, and (outside a transaction) what reads may reuse.
    var recentReads: RecentReads { get }
    var isTransaction: Bool { get }
    /// The address people type (`TRELLIS_BASE_URL`): what emails written beside a change link to.
    var siteAddress: String { get }
    func withSQL<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs `body`, which runs `statement`: on SQLite outside a transaction, a statement that writes waits its turn for
    /// the one connection this process writes through (`SQLiteWriter`).
    func withSQL<T: Sendable>(for statement: SQLQueryString, _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs `body` in one transaction: a new one on the database, or the one already open.
    func atomically<T: Sendable>(_ body: @Sendable (any SQLExecutor) async throws -> T) async throws -> T
    /// Forgets a recent read after writing what it was read from; inside a transaction, again after it ends.
    func forgetRecent(_ key: String)
    /// Forgets every recent read whose key starts with `prefix`, likewise.
    func forgetRecent(startingWith prefix: String)
    /// Moves the district's change mark on (DistrictChanges.swift): inside a transaction just before it commits, and
    /// this instance's reading of the mark is forgotten.
    func noteDistrictChange(_ district: String)
}

/// The two databases Trellis speaks to; queries are the same, a few details differ.
public enum DatabaseDialect: String, Sendable {
    case sqlite
    case postgres
}

extension SQLExecutor {
    public func withSQL<T: Sendable>(for statement: SQLQueryString, _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await withSQL(body)
    }

    /// Rows of a query, decoded from snake_case columns into a `Decodable` row type.
    func all<Row: Decodable & Sendable>(_ query: SQLQueryString, as _: Row.Type = Row.self) async throws -> [Row] {
        try await withSQL(for: query) { db in
            try await db.raw(query).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
    }

    /// The first row of a query, or nil.
    func first<Row: Decodable & Sendable>(_ query: SQLQueryString, as _: Row.Type = Row.self) async throws -> Row? {
        try await withSQL(for: query) { db in
            try await db.raw(query).first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
    }

    /// Rows of a query over a list of values, e.g. `id IN (…)`. `query` is given one chunk of `values` at a time, so
    /// the list stays within every database's limit on bound parameters however long it is.
    func all<Row: Decodable & Sendable>(over values: [String], as _: Row.Type = Row.self,
                                        _ query: ([String]) -> SQLQueryString) async throws -> [Row] {
        var rows: [Row] = []
        for start in stride(from: 0, to: values.count, by: 200) {
            rows += try await all(query(Array(values[start..<min(start + 200, values.count)])), as: Row.self)
        }
        return rows
    }

    /// Runs a statement that returns nothing.
    func execute(_ query: SQLQueryString) async throws {
        try await withSQL(for: query) { db in try await db.raw(query).run() }
    }

    /// A single integer, e.g. a count.
    func scalar(_ query: SQLQueryString) async throws -> Int {
        try await withSQL(for: query) { db in
            let row: (any SQLRow)? = try await db.raw(query).first()
            guard let row, let column = row.allColumns.first else { return 0 }
            return try row.decode(column: column, as: Int.self)
        }
    }
}
