import CLibPQ

extension Connection {
    /// Hands rows to `body` one at a time as they arrive (single-row mode), so a million-row result
    /// uses constant memory. Each row is read in place and valid only during its call (`copied()` keeps one).
    /// If `body` throws, the query is cancelled and drained before the error is rethrown, leaving the
    /// connection ready for the next statement.
    public func stream(_ query: Query, _ body: (StreamedRow) throws -> Void) throws {
        let connection = try openHandle()
        try validate(query)
        statementCount += 1
        let sent = query.sql.withCString { sql in
            withCStringArray(query.binds) { values in
                PQsendQueryParams(connection, sql, Int32(query.binds.count), nil, values, nil, nil, 0)
            }
        }
        guard sent == 1 else { throw clientError(connection, query: query) }
        // If single-row mode cannot be set, rows still arrive (all at once); correctness does not change.
        _ = PQsetSingleRowMode(connection)

        var description: RowDescription?
        var failure: (any Error)?
        var cancelled = false
        while let result = PQgetResult(connection) {
            defer { PQclear(result) }
            let status = PQresultStatus(result)
            if cancelled || failure != nil {
                continue  // draining after an error
            }
            switch status {
            case PGRES_SINGLE_TUPLE, PGRES_TUPLES_OK:
                let shape = description ?? Self.rowDescription(of: result)
                description = shape
                for index in 0..<PQntuples(result) {
                    do {
                        try body(StreamedRow(rowDescription: shape, result: result, row: index))
                    } catch {
                        failure = error
                        cancelled = true
                        cancel(connection)
                        break
                    }
                }
            case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
                continue
            case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
                failure = PostgresError(message: "COPY to or from the client is not supported by LibPQ.", query: query)
                abandonCopy(connection)
            default:
                failure = Self.error(from: result, query: query)
            }
        }
        if var lost = failure as? PostgresError, PQstatus(connection) == CONNECTION_BAD {
            lost.connectionLost = true
            throw lost
        }
        if let failure { throw failure }
    }

    /// Asks the server to stop the running query (a separate short connection, as libpq does it).
    func cancel(_ connection: OpaquePointer) {
        guard let token = PQgetCancel(connection) else { return }
        defer { PQfreeCancel(token) }
        var message = [CChar](repeating: 0, count: 256)
        if PQcancel(token, &message, Int32(message.count)) == 0 {
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            logger.debug("Cancelling a streamed query failed; draining it instead: \(text)")
        }
    }
}
