import Foundation

/// Why a connection could not be opened, with the target it tried (never the password) and
/// what to do next, in one line fit for a CLI's stderr.
public struct ConnectionError: Error, LocalizedError, CustomStringConvertible, Sendable {
    /// What went wrong, as far as libpq and the server's SQLSTATE let us tell.
    public enum Reason: Sendable, Hashable {
        /// Nothing answered at the host/socket and port (server not running, wrong port, firewall).
        case serverUnreachable
        /// The server wants a password and none was supplied.
        case passwordRequired
        /// The server rejected the password (28P01).
        case authenticationFailed
        /// The role does not exist or pg_hba.conf has no entry for it (28000).
        case notAuthorized
        /// The database named in the URL/PGDATABASE does not exist (3D000).
        case databaseDoesNotExist
        /// The server is starting up, shutting down, or out of connection slots.
        case serverUnavailable
        /// The URL or a parameter could not be parsed.
        case invalidParameters
        /// The connection attempt exceeded `connect_timeout`.
        case timedOut
        /// Anything else; see `libpqMessage`.
        case other
    }

    public var reason: Reason
    public var sqlState: SQLState?
    /// Host name, IP address or Unix-socket directory that was tried last.
    public var host: String
    public var port: String
    public var database: String
    public var user: String
    /// libpq's own explanation, trimmed to one line.
    public var libpqMessage: String
    /// The effective `sslmode` (`prefer` when nothing set it): `require` and `verify-*` refuse a server without SSL.
    public var sslMode: String = ""
    /// True when neither the URL nor the parameters named a port and `PGPORT` supplied it, which is easy to forget.
    public var portFromEnvironment = false

    public init(
        reason: Reason, sqlState: SQLState? = nil, host: String, port: String, database: String, user: String,
        libpqMessage: String
    ) {
        self.reason = reason
        self.sqlState = sqlState
        self.host = host
        self.port = port
        self.database = database
        self.user = user
        self.libpqMessage = libpqMessage
    }

    /// "socket /tmp:5432" or "db.example.com:5432", the way a person would look for it.
    public var target: String {
        let place =
            host.hasPrefix("/") || host.hasPrefix("@") ? "socket \(host)" : (host.isEmpty ? "default host" : host)
        let origin = portFromEnvironment ? " (from PGPORT)" : ""
        return
            "\(place) port \(port.isEmpty ? "default" : port)\(origin), database \"\(database)\", user \"\(user)\""
    }

    /// A Unix socket or this machine: the only case where a local throwaway server (scripts/dev-db) is the answer.
    public var isLocal: Bool {
        host.isEmpty || host.hasPrefix("/") || host.hasPrefix("@")
            || ["localhost", "127.0.0.1", "::1"].contains(host.lowercased())
    }

    /// `sslmode` insists on SSL: a server without it is refused before anything else is tried.
    public var requiresSSL: Bool {
        ["require", "verify-ca", "verify-full"].contains(sslMode.lowercased())
    }

    public var description: String {
        let what: String
        let advice: String
        switch reason {
        case .serverUnreachable where requiresSSL:
            what = "no SSL connection to PostgreSQL could be made (sslmode=\(sslMode))"
            advice =
                "Check that the server is running there and accepts SSL connections (its ssl setting), or lower "
                + "sslmode in DATABASE_URL / PGSSLMODE if this network is trusted."
        case .serverUnreachable where !isLocal:
            what = "PostgreSQL is not reachable"
            advice =
                "Check the host name and port, that the server is running and that this machine may reach it "
                + "(firewall, listen_addresses), or point DATABASE_URL / PGHOST / PGPORT at another server."
        case .serverUnreachable:
            what = "PostgreSQL is not reachable"
            advice =
                "Start it with scripts/dev-db, or point DATABASE_URL / PGHOST / PGPORT at a running server."
        case .passwordRequired:
            what = "PostgreSQL asked for a password and none was given"
            advice = "Put it in ~/.pgpass or PGPASSWORD, or use a URL with credentials in DATABASE_URL."
        case .authenticationFailed:
            what = "PostgreSQL rejected the password"
            advice = "Check the password in DATABASE_URL, PGPASSWORD or ~/.pgpass."
        case .notAuthorized:
            what = "PostgreSQL refused this role"
            advice = "Check that the role exists and that pg_hba.conf allows it, or set PGUSER / DATABASE_URL."
        case .databaseDoesNotExist:
            what = "the database does not exist"
            advice =
                isLocal
                ? "Create it (scripts/dev-db does) or name another one in DATABASE_URL / PGDATABASE."
                : "Ask the server's administrator to create it, or name another one in DATABASE_URL / PGDATABASE."
        case .serverUnavailable:
            what = "PostgreSQL is not accepting connections right now"
            advice = "Wait for it to finish starting, or free connection slots, then retry."
        case .invalidParameters:
            what = "the connection settings are invalid"
            advice = "Fix DATABASE_URL or the PG* variables (see the libpq connection string documentation)."
        case .timedOut:
            what = "connecting to PostgreSQL timed out"
            advice = "Check that the host and port are right and reachable, or raise connect_timeout."
        case .other:
            what = "could not connect to PostgreSQL"
            advice = "Check DATABASE_URL / PG* variables and the server log."
        }
        let detail = libpqMessage.isEmpty ? "" : " (libpq: \(libpqMessage))"
        return "Cannot connect to \(target): \(what).\(detail) \(advice)"
    }

    public var errorDescription: String? { description }
}
