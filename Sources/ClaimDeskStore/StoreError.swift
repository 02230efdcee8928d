import Foundation
import LibPQ

/// A failure the user can act on: what went wrong with which item, and what to do next.
public struct StoreError: Error, LocalizedError, CustomStringConvertible, Sendable {
    public enum Kind: String, Sendable {
        case notFound, forbidden, invalid, conflict, stale, notMigrated, migration, connection, database
    }

    public var kind: Kind
    public var message: String
    public var hint: String?
    public var sqlState: String?

    public init(_ kind: Kind, _ message: String, hint: String? = nil, sqlState: String? = nil) {
        self.kind = kind
        self.message = message
        self.hint = hint
        self.sqlState = sqlState
    }

    public var description: String {
        guard let hint, !hint.isEmpty else { return message }
        let end = message.hasSuffix(".") ? "" : "."
        return "\(message)\(end) \(hint)"
    }

    public var errorDescription: String? { description }

    static let notMigrated = StoreError(
        .notMigrated, "The database is not migrated for ClaimDesk",
        hint: "Run `claimdesk migrate` (as the schema owner), then try again.")

    /// Turns a server error into the user's terms; the workflow functions already phrase message and hint.
    init(_ error: PostgresError) {
        let state = error.sqlState
        if error.connectionLost {
            self.init(
                .connection, "Lost the connection to PostgreSQL: \(error.message)",
                hint: "Check that the server is running and reachable, then run the command again; a change is "
                    + "saved whole or not at all (claimdesk claim show tells which).",
                sqlState: state?.rawValue)
            return
        }
        let kind: Kind
        switch state {
        case .insufficientPrivilege: kind = .forbidden
        case "P0002": kind = .notFound
        case .serializationFailure: kind = .stale
        case .uniqueViolation, "55000": kind = .conflict
        case .checkViolation, .notNullViolation, .foreignKeyViolation, "22023", .invalidTextRepresentation,
            .invalidDatetimeFormat, .datetimeFieldOverflow, "22001", .numericValueOutOfRange:
            kind = .invalid
        case .undefinedTable, .undefinedFunction, "3F000": kind = .notMigrated
        default: kind = .database
        }
        if kind == .notMigrated {
            self = .notMigrated
            self.sqlState = state?.rawValue
            return
        }
        var message = error.message
        if kind == .forbidden, message.hasPrefix("permission denied") {
            self.init(
                kind, message,
                hint: "Your login role lacks the ClaimDesk role for this; ask an admin (claimdesk user add).",
                sqlState: state?.rawValue)
            return
        }
        if let detail = error.detail, kind == .stale { message += " (\(detail))" }
        self.init(kind, message, hint: error.hint, sqlState: state?.rawValue)
    }
}
