import CLibPQ
import Foundation
import Logging

/// One libpq connection. Synchronous and not Sendable: use one per thread, which is all a CLI needs.
/// Every libpq resource (connection, results, C strings) is released before a call returns or throws.
public final class Connection {
    var handle: OpaquePointer?
    public let logger: Logger
    /// Owned here so the notice receiver's context pointer stays valid until PQfinish.
    private let noticeSink: NoticeSink
    /// Statements (round trips) sent: query/execute/stream/executeScript count 1 each; withTransaction
    /// adds its BEGIN and COMMIT/ROLLBACK. Lets tests and benchmarks prove round-trip budgets.
    public internal(set) var statementCount = 0

    /// Connects with libpq's own rules: `url` (a URI or `key=value` string) is expanded as `dbname`,
    /// anything it leaves out comes from PG* variables, service files and .pgpass; `parameters`
    /// override both. The session always runs with UTF8, DateStyle=ISO and TimeZone=UTC.
    public init(
        url: String? = nil, parameters: [String: String] = [:], logger: Logger = Logger(label: "LibPQ")
    ) throws(ConnectionError) {
        self.logger = logger
        self.noticeSink = NoticeSink(logger: logger)
        var keywords: [String] = []
        var values: [String] = []
        if let url, !url.isEmpty {
            keywords.append("dbname")
            values.append(url)
        }
        for (key, value) in parameters.sorted(by: { $0.key < $1.key }) where key != "client_encoding" {
            keywords.append(key)
            values.append(value)
        }
        keywords.append("client_encoding")  // last, so nothing can override it: decoding assumes UTF-8
        values.append("UTF8")
        let secrets = [parameters["password"]].compactMap { $0 }.filter { !$0.isEmpty }
        let connection: OpaquePointer
        do {
            connection = try Self.connect(keywords: keywords, values: values, url: url, secrets: secrets)
        } catch {
            var annotated = error
            let explicitPort = parameters["port"] != nil || url.map(Self.parsedOptions)?["port"] != nil
            let environmentPort = ProcessInfo.processInfo.environment["PGPORT"] ?? ""
            annotated.portFromEnvironment = !explicitPort && !environmentPort.isEmpty && error.port == environmentPort
            throw annotated
        }
        handle = connection
        PQsetErrorVerbosity(connection, PQERRORS_DEFAULT)
        PQsetNoticeReceiver(connection, noticeReceiver, Unmanaged.passUnretained(noticeSink).toOpaque())
        try configureSession(connection)
    }

    deinit {
        close()
    }

    /// Ends the session. Safe to call more than once; later queries throw.
    public func close() {
        if let handle {
            PQfinish(handle)
            self.handle = nil
        }
    }

    /// False after `close()` or when the server has gone away.
    public var isConnected: Bool {
        guard let handle else { return false }
        return PQstatus(handle) == CONNECTION_OK
    }

    /// The role this session logged in as (session_user).
    public var user: String { handle.flatMap { PQuser($0) }.map { String(cString: $0) } ?? "" }

    public var database: String { handle.flatMap { PQdb($0) }.map { String(cString: $0) } ?? "" }

    /// e.g. 150004 for 15.4.
    public var serverVersion: Int { handle.map { Int(PQserverVersion($0)) } ?? 0 }

    /// The server process id, for pg_cancel_backend / pg_terminate_backend and log correlation.
    public var backendPID: Int { handle.map { Int(PQbackendPID($0)) } ?? 0 }

    /// True inside BEGIN … COMMIT (including a failed transaction awaiting ROLLBACK).
    public var isInTransaction: Bool {
        guard let handle else { return false }
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE
    }

    /// A server parameter as last reported (e.g. "TimeZone", "server_version"), without a round trip.
    public func parameterStatus(_ name: String) -> String? {
        guard let handle else { return nil }
        return name.withCString { PQparameterStatus(handle, $0) }.map { String(cString: $0) }
    }

    /// Runs one statement with `$n` binds and returns all rows.
    @discardableResult
    public func query(_ query: Query) throws(PostgresError) -> QueryResult {
        let result = try execParams(query)
        defer { PQclear(result) }
        let description = Self.rowDescription(of: result)
        let count = Int(PQntuples(result))
        var rows: [Row] = []
        rows.reserveCapacity(count)
        for index in 0..<count {
            rows.append(Self.row(of: result, at: Int32(index), description: description))
        }
        return QueryResult(
            columns: description.names, rowsAffected: Self.rowsAffected(result), commandTag: Self.commandTag(result),
            rows: rows)
    }

    /// Runs one statement and returns the number of rows it affected; rows it returns are dropped.
    @discardableResult
    public func execute(_ query: Query) throws(PostgresError) -> Int {
        let result = try execParams(query)
        defer { PQclear(result) }
        return Self.rowsAffected(result)
    }

    /// Runs several `;`-separated statements in one round trip (migrations). No binds are possible,
    /// hence the name. Without explicit BEGIN/COMMIT the whole script is one implicit transaction.
    public func executeScript(unsafeSQL sql: String) throws(PostgresError) {
        let connection = try openHandle()
        let query = Query(unsafeSQL: sql)
        guard !sql.utf8.contains(0) else {
            throw PostgresError(message: "The SQL text contains a NUL character, which PostgreSQL cannot accept.")
        }
        statementCount += 1
        let result = sql.withCString { PQexec(connection, $0) }
        PQclear(try check(result, query: query, connection: connection))
    }

    /// Quotes an identifier (table, role, column name) for the cases where binds cannot be used (DDL).
    public func escapeIdentifier(_ name: String) throws(PostgresError) -> String {
        let connection = try openHandle()
        guard let escaped = name.withCString({ PQescapeIdentifier(connection, $0, strlen($0)) }) else {
            throw clientError(connection, query: nil)
        }
        defer { PQfreemem(escaped) }
        return String(cString: escaped)
    }

    /// Quotes a string literal for DDL that cannot take binds (e.g. `COMMENT ON … IS`); prefer binds.
    public func escapeLiteral(_ text: String) throws(PostgresError) -> String {
        let connection = try openHandle()
        guard let escaped = text.withCString({ PQescapeLiteral(connection, $0, strlen($0)) }) else {
            throw clientError(connection, query: nil)
        }
        defer { PQfreemem(escaped) }
        return String(cString: escaped)
    }

    // MARK: - Internals shared with the Stream and Transaction extensions

    func openHandle() throws(PostgresError) -> OpaquePointer {
        guard let handle else {
            throw PostgresError(message: "The connection is closed; open a new Connection.")
        }
        return handle
    }

    /// Rejects queries that cannot be sent faithfully, before anything reaches the server.
    func validate(_ query: Query) throws(PostgresError) {
        if let failure = query.encodingFailure {
            throw PostgresError(message: failure, query: query)
        }
        if query.sql.utf8.contains(0) {
            throw PostgresError(message: "The SQL text contains a NUL character.", query: query)
        }
        for (index, bind) in query.binds.enumerated() where bind?.utf8.contains(0) == true {
            throw PostgresError(
                message: "Bind $\(index + 1) contains a NUL character, which PostgreSQL text cannot store.",
                query: query)
        }
    }

    /// PQexecParams in text format with server-inferred parameter types; returns a successful result
    /// the caller must PQclear.
    private func execParams(_ query: Query) throws(PostgresError) -> OpaquePointer {
        let connection = try openHandle()
        try validate(query)
        statementCount += 1
        let result = query.sql.withCString { sql in
            withCStringArray(query.binds) { values in
                PQexecParams(connection, sql, Int32(query.binds.count), nil, values, nil, nil, 0)
            }
        }
        return try check(result, query: query, connection: connection)
    }

    /// Passes successful results through; turns failures into PostgresError and clears them.
    func check(_ result: OpaquePointer?, query: Query?, connection: OpaquePointer) throws(PostgresError)
        -> OpaquePointer
    {
        guard let result else { throw clientError(connection, query: query) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY, PGRES_SINGLE_TUPLE:
            return result
        case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
            PQclear(result)
            abandonCopy(connection)
            throw PostgresError(message: "COPY to or from the client is not supported by LibPQ.", query: query)
        default:
            var error = Self.error(from: result, query: query)
            if PQstatus(connection) == CONNECTION_BAD { error.connectionLost = true }
            PQclear(result)
            // PQexec with several statements can leave more results queued; drain them.
            while let extra = PQgetResult(connection) { PQclear(extra) }
            throw error
        }
    }

    /// Ends a COPY the server started so the connection is usable again.
    func abandonCopy(_ connection: OpaquePointer) {
        "COPY is not supported by LibPQ".withCString { _ = PQputCopyEnd(connection, $0) }
        while let result = PQgetResult(connection) {
            let status = PQresultStatus(result)
            PQclear(result)
            if status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH {
                var buffer: UnsafeMutablePointer<CChar>?
                while PQgetCopyData(connection, &buffer, 0) > 0 {
                    PQfreemem(buffer)
                    buffer = nil
                }
            }
        }
    }

    /// A client-side failure (no result, send failure, lost connection): libpq's message, no SQLSTATE.
    func clientError(_ connection: OpaquePointer, query: Query?) -> PostgresError {
        let message = PQerrorMessage(connection).map { String(cString: $0) } ?? ""
        let line = PostgresError.oneLine(message)
        var error = PostgresError(message: line.isEmpty ? "libpq reported an unknown error." : line, query: query)
        error.connectionLost = PQstatus(connection) == CONNECTION_BAD
        return error
    }

    static func error(from result: OpaquePointer, query: Query?) -> PostgresError {
        func field(_ code: Int32) -> String? {
            PQresultErrorField(result, code).map { String(cString: $0) }
        }
        let primary = field(CLIBPQ_DIAG_MESSAGE_PRIMARY)
        let fallback = PQresultErrorMessage(result).map { PostgresError.oneLine(String(cString: $0)) } ?? ""
        var error = PostgresError(
            sqlState: field(CLIBPQ_DIAG_SQLSTATE).map(SQLState.init(rawValue:)),
            severity: field(CLIBPQ_DIAG_SEVERITY_NONLOCALIZED) ?? field(CLIBPQ_DIAG_SEVERITY),
            message: primary ?? (fallback.isEmpty ? "The query failed without an error message." : fallback),
            detail: field(CLIBPQ_DIAG_MESSAGE_DETAIL),
            hint: field(CLIBPQ_DIAG_MESSAGE_HINT),
            constraint: field(CLIBPQ_DIAG_CONSTRAINT_NAME),
            table: field(CLIBPQ_DIAG_TABLE_NAME),
            column: field(CLIBPQ_DIAG_COLUMN_NAME),
            schema: field(CLIBPQ_DIAG_SCHEMA_NAME),
            query: query)
        error.dataType = field(CLIBPQ_DIAG_DATATYPE_NAME)
        error.context = field(CLIBPQ_DIAG_CONTEXT)
        error.position = field(CLIBPQ_DIAG_STATEMENT_POSITION).flatMap { Int($0) }
        // Connection exceptions, and the server ending the session (57P01 admin shutdown, 57P02 crash shutdown).
        error.connectionLost =
            error.sqlState?.errorClass == "08" || error.sqlState == "57P01" || error.sqlState == "57P02"
        return error
    }

    static func rowDescription(of result: OpaquePointer) -> RowDescription {
        let count = PQnfields(result)
        var names: [String] = []
        var oids: [UInt32] = []
        for column in 0..<count {
            names.append(PQfname(result, column).map { String(cString: $0) } ?? "")
            oids.append(UInt32(PQftype(result, column)))
        }
        return RowDescription(names: names, typeOIDs: oids)
    }

    static func row(of result: OpaquePointer, at row: Int32, description: RowDescription) -> Row {
        var values: [String?] = []
        values.reserveCapacity(description.names.count)
        for column in 0..<Int32(description.names.count) {
            if PQgetisnull(result, row, column) != 0 {
                values.append(nil)
            } else if let pointer = PQgetvalue(result, row, column) {
                let length = Int(PQgetlength(result, row, column))
                values.append(
                    pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
                        String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
                    })
            } else {
                values.append(nil)
            }
        }
        return Row(rowDescription: description, values: values)
    }

    static func rowsAffected(_ result: OpaquePointer) -> Int {
        PQcmdTuples(result).flatMap { Int(String(cString: $0)) } ?? 0
    }

    static func commandTag(_ result: OpaquePointer) -> String {
        PQcmdStatus(result).map { String(cString: $0) } ?? ""
    }

    // MARK: - Connecting

    /// PQconnectStartParams + PQconnectPoll instead of PQconnectdbParams, only so the error verbosity
    /// can be raised before the server answers: the verbose message carries the SQLSTATE, which lets
    /// ConnectionError tell "wrong password" from "no such database" without matching localized text.
    private static func connect(keywords: [String], values: [String], url: String?, secrets: [String])
        throws(ConnectionError) -> OpaquePointer
    {
        let started = withCStringArray(keywords, nullTerminated: true) { keys in
            withCStringArray(values, nullTerminated: true) { vals in
                PQconnectStartParams(keys, vals, 1)
            }
        }
        guard let connection = started else {
            throw ConnectionError(
                reason: .other, host: "", port: "", database: "", user: "", libpqMessage: "libpq is out of memory")
        }
        var secrets = secrets
        if let password = option("password", of: connection), !password.isEmpty { secrets.append(password) }
        if PQstatus(connection) == CONNECTION_BAD {
            // Failing before any I/O means bad settings or an unresolvable host name; tell them apart
            // structurally rather than by libpq's (localized) wording.
            let invalid =
                !(url.map(isParsable) ?? true) || !unknownKeywords(keywords).isEmpty
                || !portsAreValid(option("port", of: connection))
            var known = url.map(parsedOptions) ?? [:]
            let expandedURL = url.map { !$0.isEmpty } ?? false  // the first pair is the URL itself: skip it
            for (keyword, value) in zip(keywords, values).dropFirst(expandedURL ? 1 : 0) {
                known[keyword] = value
            }
            throw failure(connection, reason: invalid ? .invalidParameters : nil, secrets: secrets, fallback: known)
        }
        PQsetErrorVerbosity(connection, PQERRORS_VERBOSE)
        let timeout = option("connect_timeout", of: connection).flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
        let deadline = timeout.map { Date().addingTimeInterval(Double(max($0, 2))) }
        var state = PGRES_POLLING_WRITING
        while state != PGRES_POLLING_OK {
            guard state == PGRES_POLLING_READING || state == PGRES_POLLING_WRITING else {
                throw failure(connection, reason: nil, secrets: secrets)
            }
            let socket = PQsocket(connection)
            guard socket >= 0 else { throw failure(connection, reason: nil, secrets: secrets) }
            let milliseconds = deadline.map { Int32(max(0, min($0.timeIntervalSinceNow * 1000, 3_600_000))) } ?? -1
            let ready = clibpq_wait_socket(socket, state == PGRES_POLLING_WRITING ? 1 : 0, milliseconds)
            if ready == 0 {
                throw failure(connection, reason: .timedOut, secrets: secrets)
            }
            state = PQconnectPoll(connection)
        }
        return connection
    }

    /// Builds the ConnectionError and PQfinishes the failed connection.
    private static func failure(
        _ connection: OpaquePointer, reason: ConnectionError.Reason?, secrets: [String],
        fallback: [String: String] = [:]
    ) -> ConnectionError {
        defer { PQfinish(connection) }
        func text(_ pointer: UnsafeMutablePointer<CChar>?) -> String { pointer.map { String(cString: $0) } ?? "" }
        let raw = text(PQerrorMessage(connection))
        var sqlState: SQLState?
        var lines: [String] = []
        for line in raw.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("LOCATION:") { continue }
            let (state, cleaned) = extractSQLState(trimmed)
            sqlState = sqlState ?? state
            lines.append(cleaned)
        }
        var message = lines.joined(separator: " ")
        for secret in secrets { message = message.replacingOccurrences(of: secret, with: "********") }
        let resolved: ConnectionError.Reason
        if let reason {
            resolved = reason
        } else if PQconnectionNeedsPassword(connection) != 0 {
            resolved = .passwordRequired
        } else {
            switch sqlState {
            case .some(.invalidPassword): resolved = .authenticationFailed
            case .some(.invalidAuthorizationSpecification): resolved = .notAuthorized
            case .some(.invalidCatalogName): resolved = .databaseDoesNotExist
            case .some(.tooManyConnections), .some(.cannotConnectNow), .some(.adminShutdown):
                resolved = .serverUnavailable
            case .some: resolved = .other
            case .none: resolved = .serverUnreachable
            }
        }
        // When libpq rejected the settings it may not know the target yet; show what was asked for.
        func value(_ pointer: UnsafeMutablePointer<CChar>?, _ keyword: String) -> String {
            let known = text(pointer)
            return known.isEmpty ? fallback[keyword] ?? "" : known
        }
        var error = ConnectionError(
            reason: resolved, sqlState: sqlState, host: value(PQhost(connection), "host"),
            port: value(PQport(connection), "port"), database: value(PQdb(connection), "dbname"),
            user: value(PQuser(connection), "user"), libpqMessage: message)
        error.sslMode = option("sslmode", of: connection) ?? fallback["sslmode"] ?? ""
        return error
    }

    /// Verbose messages read `…failed: FATAL:  3D000: database "x" does not exist`; the SQLSTATE sits
    /// between the severity's two-space separator and the next ": ". Returns it and the line without it.
    private static func extractSQLState(_ line: String) -> (SQLState?, String) {
        guard let separator = line.range(of: ":  ") else { return (nil, line) }
        let rest = line[separator.upperBound...]
        let code = rest.prefix(5)
        guard code.count == 5, code.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }),
            rest.dropFirst(5).hasPrefix(": ")
        else { return (nil, line) }
        let cleaned = String(line[..<separator.upperBound]) + String(rest.dropFirst(7))
        return (SQLState(rawValue: String(code)), cleaned)
    }

    private static func isParsable(_ url: String) -> Bool {
        guard url.contains("=") || url.hasPrefix("postgres") else { return true }  // a bare database name
        var error: UnsafeMutablePointer<CChar>?
        let options = url.withCString { PQconninfoParse($0, &error) }
        if let error { PQfreemem(error) }
        guard let options else { return false }
        PQconninfoFree(options)
        return true
    }

    /// The options a connection string or URL spells out (empty when it cannot be parsed).
    private static func parsedOptions(_ url: String) -> [String: String] {
        var error: UnsafeMutablePointer<CChar>?
        let options = url.withCString { PQconninfoParse($0, &error) }
        if let error { PQfreemem(error) }
        guard let options else { return [:] }
        defer { PQconninfoFree(options) }
        var result: [String: String] = [:]
        var index = 0
        while let name = options[index].keyword {
            if let value = options[index].val { result[String(cString: name)] = String(cString: value) }
            index += 1
        }
        return result
    }

    /// Keywords libpq does not know (PQconndefaults lists every one it does).
    private static func unknownKeywords(_ keywords: [String]) -> [String] {
        guard let defaults = PQconndefaults() else { return [] }
        defer { PQconninfoFree(defaults) }
        var known: Set<String> = []
        var index = 0
        while let name = defaults[index].keyword {
            known.insert(String(cString: name))
            index += 1
        }
        return keywords.filter { !known.contains($0) }
    }

    /// Every entry of a (possibly comma-separated, possibly empty) port list is a TCP port number.
    private static func portsAreValid(_ ports: String?) -> Bool {
        guard let ports else { return true }
        return ports.split(separator: ",", omittingEmptySubsequences: false).allSatisfy { entry in
            let trimmed = entry.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty || Int(trimmed).map { (1...65535).contains($0) } == true
        }
    }

    /// The effective value of one connection option (after URL, environment and defaults).
    private static func option(_ keyword: String, of connection: OpaquePointer) -> String? {
        guard let options = PQconninfo(connection) else { return nil }
        defer { PQconninfoFree(options) }
        var index = 0
        while let name = options[index].keyword {
            if String(cString: name) == keyword {
                return options[index].val.map { String(cString: $0) }
            }
            index += 1
        }
        return nil
    }

    /// DateStyle and TimeZone are fixed at connect so dates parse the same whatever the server's
    /// postgresql.conf says; skipped when the server already reports the right values.
    private func configureSession(_ connection: OpaquePointer) throws(ConnectionError) {
        var settings: [String] = []
        if !(parameterStatus("DateStyle") ?? "").hasPrefix("ISO") { settings.append("SET DateStyle TO ISO") }
        if parameterStatus("TimeZone") != "UTC" { settings.append("SET TimeZone TO 'UTC'") }
        guard !settings.isEmpty else { return }
        let result = settings.joined(separator: "; ").withCString { PQexec(connection, $0) }
        defer { PQclear(result) }
        guard let result, PQresultStatus(result) == PGRES_COMMAND_OK else {
            let message = result.map { Self.error(from: $0, query: nil).message } ?? "no result"
            let error = ConnectionError(
                reason: .other, host: String(cString: PQhost(connection)), port: String(cString: PQport(connection)),
                database: database, user: user, libpqMessage: "setting DateStyle/TimeZone failed: \(message)")
            close()
            throw error
        }
    }
}

/// Holds the logger for libpq's notice callback, which only gets a raw context pointer.
final class NoticeSink {
    let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    func receive(_ result: OpaquePointer) {
        func field(_ code: Int32) -> String? {
            PQresultErrorField(result, code).map { String(cString: $0) }
        }
        let severity = field(CLIBPQ_DIAG_SEVERITY_NONLOCALIZED) ?? "NOTICE"
        let level: Logger.Level
        switch severity {
        case "WARNING": level = .warning
        case "DEBUG": level = .debug
        default: level = .notice
        }
        var metadata: Logger.Metadata = ["postgres.severity": .string(severity)]
        if let state = field(CLIBPQ_DIAG_SQLSTATE) { metadata["postgres.sqlstate"] = .string(state) }
        if let detail = field(CLIBPQ_DIAG_MESSAGE_DETAIL) { metadata["postgres.detail"] = .string(detail) }
        if let hint = field(CLIBPQ_DIAG_MESSAGE_HINT) { metadata["postgres.hint"] = .string(hint) }
        let message =
            field(CLIBPQ_DIAG_MESSAGE_PRIMARY)
            ?? PQresultErrorMessage(result).map { PostgresError.oneLine(String(cString: $0)) } ?? ""
        logger.log(level: level, "\(message)", metadata: metadata)
    }
}

/// libpq's notice callback: a C function pointer, so it cannot capture; the sink comes via `arg`.
private let noticeReceiver: PQnoticeReceiver = { arg, result in
    guard let arg, let result else { return }
    Unmanaged<NoticeSink>.fromOpaque(arg).takeUnretainedValue().receive(result)
}

/// Lays strings out in one temporary buffer and passes an array of pointers into it (nil for nil),
/// valid only inside `body`: the pattern for PQexecParams values and PQconnectdbParams arrays.
func withCStringArray<Result>(
    _ strings: [String?], nullTerminated: Bool = false,
    _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> Result
) -> Result {
    var buffer: [CChar] = []
    var offsets: [Int?] = []
    offsets.reserveCapacity(strings.count)
    for string in strings {
        guard let string else {
            offsets.append(nil)
            continue
        }
        offsets.append(buffer.count)
        buffer.append(contentsOf: string.utf8.map { CChar(bitPattern: $0) })
        buffer.append(0)
    }
    return buffer.withUnsafeBufferPointer { storage in
        var pointers: [UnsafePointer<CChar>?] = offsets.map { offset in
            offset.flatMap { offset in storage.baseAddress.map { $0 + offset } }
        }
        if nullTerminated { pointers.append(nil) }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
    }
}

func withCStringArray<Result>(
    _ strings: [String], nullTerminated: Bool = false,
    _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> Result
) -> Result {
    withCStringArray(strings.map { Optional($0) }, nullTerminated: nullTerminated, body)
}
