import Foundation

/// An error reported by the server (with SQLSTATE) or by libpq on the client side (sqlState nil).
///
/// `description` is safe to log: it never contains the SQL text, bind values, or `detail`
/// (which often quotes row values such as e-mail addresses). `debugDescription` has everything.
public struct PostgresError: Error, LocalizedError, CustomStringConvertible, CustomDebugStringConvertible, Sendable {
    public var sqlState: SQLState?
    /// Non-localized severity when the server sends it ("ERROR", "FATAL", "PANIC").
    public var severity: String?
    public var message: String
    public var detail: String?
    public var hint: String?
    public var constraint: String?
    public var table: String?
    public var column: String?
    public var schema: String?
    public var dataType: String?
    /// The PL/pgSQL call stack or similar context lines, when the server sends them.
    public var context: String?
    /// 1-based character position of the error in the SQL text, when the server reports one.
    public var position: Int?
    /// The query that failed. Kept for `debugDescription` only; do not log it casually.
    public var query: Query?
    /// The session is gone: libpq lost the connection, or the server ended it (administrator command, shutdown,
    /// crash). Whatever the statement was, the only remedy is a new connection once the server is back.
    public var connectionLost = false

    public init(
        sqlState: SQLState? = nil,
        severity: String? = nil,
        message: String,
        detail: String? = nil,
        hint: String? = nil,
        constraint: String? = nil,
        table: String? = nil,
        column: String? = nil,
        schema: String? = nil,
        query: Query? = nil
    ) {
        self.sqlState = sqlState
        self.severity = severity
        self.message = message
        self.detail = detail
        self.hint = hint
        self.constraint = constraint
        self.table = table
        self.column = column
        self.schema = schema
        self.query = query
    }

    /// True when libpq failed before or without a server answer (connection lost, send failure).
    public var isClientSide: Bool { sqlState == nil }

    public var description: String {
        var text = Self.redact(message, binds: query?.binds ?? [])
        if let hint, !hint.isEmpty {
            text += " Hint: " + Self.redact(hint, binds: query?.binds ?? [])
        }
        if let sqlState {
            text += " (SQLSTATE \(sqlState))"
        }
        return text
    }

    public var errorDescription: String? { description }

    public var debugDescription: String {
        var parts = ["PostgresError(\(sqlState.map { "sqlState: \($0), " } ?? "")message: \(message.debugDescription)"]
        if let severity { parts.append("severity: \(severity)") }
        if let detail { parts.append("detail: \(detail.debugDescription)") }
        if let hint { parts.append("hint: \(hint.debugDescription)") }
        if let context { parts.append("context: \(context.debugDescription)") }
        if let schema { parts.append("schema: \(schema)") }
        if let table { parts.append("table: \(table)") }
        if let column { parts.append("column: \(column)") }
        if let constraint { parts.append("constraint: \(constraint)") }
        if let position { parts.append("position: \(position)") }
        if let query {
            parts.append("sql: \(query.sql.debugDescription)")
            parts.append("binds: \(query.binds.map { $0.map(\.debugDescription) ?? "NULL" })")
        }
        return parts.joined(separator: ", ") + ")"
    }

    /// Messages such as `invalid input syntax for type integer: "abc"` quote the offending value;
    /// hide any bind value quoted that way so a log line never carries user data.
    static func redact(_ text: String, binds: [String?]) -> String {
        var result = text
        for case let bind? in binds where !bind.isEmpty {
            result = result.replacingOccurrences(of: "\"\(bind)\"", with: "\"…\"")
        }
        return result
    }

    /// libpq messages end with a newline and may span lines; logs want one trimmed line.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}
