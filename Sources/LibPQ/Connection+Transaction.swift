extension Connection {
    /// Runs `body` between BEGIN and COMMIT. When `body` throws, the transaction is rolled back and
    /// the body's error is rethrown even if ROLLBACK itself fails (the root cause matters more).
    /// A COMMIT that the server turns into a ROLLBACK (an earlier statement failed and was caught)
    /// throws instead of pretending the work was saved.
    @discardableResult
    public func withTransaction<T>(
        isolation: IsolationLevel = .readCommitted, readOnly: Bool = false, _ body: () throws -> T
    ) throws -> T {
        if isInTransaction {
            throw PostgresError(
                message: "withTransaction was called inside an open transaction; nesting is not supported.")
        }
        try execute(Query(unsafeSQL: "BEGIN ISOLATION LEVEL \(isolation.sql)\(readOnly ? " READ ONLY" : "")"))
        let value: T
        do {
            value = try body()
        } catch {
            rollbackAfterFailure()
            throw error
        }
        let commit = try query("COMMIT")
        if commit.commandTag != "COMMIT" {
            throw PostgresError(
                sqlState: .inFailedSQLTransaction,
                message: "The transaction was rolled back instead of committed because a statement in it failed.")
        }
        return value
    }

    private func rollbackAfterFailure() {
        guard isInTransaction else { return }
        do {
            try execute("ROLLBACK")
        } catch {
            // A session the server ended took its transaction with it: nothing is left to roll back, and the
            // body's error already tells the caller. Only a live session refusing ROLLBACK is worth a warning.
            if error.connectionLost || !isConnected {
                logger.debug("ROLLBACK after a failed transaction body failed: the session is gone (\(error))")
            } else {
                logger.warning("ROLLBACK after a failed transaction body also failed: \(error)")
            }
        }
    }
}
