import Foundation
import LibPQ
import Testing

@Suite("Scripts and transactions")
struct ScriptAndTransactionTests {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase()
    }

    struct BodyFailed: Error, Equatable {}

    @Test("executeScript runs several statements in one round trip")
    func script() throws {
        let connection = try database.connect()
        try connection.executeScript(
            unsafeSQL: """
                CREATE TABLE a (id int);
                INSERT INTO a VALUES (1), (2);
                CREATE TABLE b AS SELECT id * 10 AS id FROM a;
                """)
        #expect(connection.statementCount == 1)
        let sum = try connection.query("SELECT sum(id) AS s FROM b").first?.decode("s", as: Int.self)
        #expect(sum == 30)
    }

    @Test("a failing script reports the SQLSTATE and leaves nothing behind")
    func scriptError() throws {
        let connection = try database.connect()
        let error = #expect(throws: PostgresError.self) {
            try connection.executeScript(
                unsafeSQL:
                    "CREATE TABLE half (id int); INSERT INTO missing_table VALUES (1); CREATE TABLE never (id int);"
            )
        }
        #expect(error?.sqlState == .undefinedTable)
        let tables = try connection.query(
            "SELECT count(*) AS n FROM pg_tables WHERE tablename = ANY(\(["half", "never"]))")
        #expect(try tables.first?.decode("n", as: Int.self) == 0)
        #expect(try connection.query("SELECT 1").count == 1)
    }

    @Test("withTransaction commits on success")
    func commits() throws {
        let connection = try database.connect()
        try connection.executeScript(unsafeSQL: "CREATE TABLE t (v text)")
        let value = try connection.withTransaction {
            try connection.execute("INSERT INTO t VALUES (\("kept"))")
            return 7
        }
        #expect(value == 7)
        #expect(connection.isInTransaction == false)
        let other = try database.connect()
        #expect(try other.query("SELECT v FROM t").count == 1)
    }

    @Test("an error thrown inside withTransaction rolls back and is rethrown")
    func rollsBack() throws {
        let connection = try database.connect()
        try connection.executeScript(unsafeSQL: "CREATE TABLE t (v text)")
        #expect(throws: BodyFailed.self) {
            try connection.withTransaction {
                try connection.execute("INSERT INTO t VALUES (\("lost"))")
                throw BodyFailed()
            }
        }
        #expect(connection.isInTransaction == false)
        #expect(try connection.query("SELECT v FROM t").isEmpty)
    }

    @Test("the body's error survives when ROLLBACK fails because the backend died")
    func originalErrorWinsOverRollbackFailure() throws {
        let connection = try database.connect()
        let killer = try database.connect()
        let pid = connection.backendPID
        #expect(throws: BodyFailed.self) {
            try connection.withTransaction {
                try connection.execute("CREATE TABLE doomed (id int)")
                let terminated = try killer.query("SELECT pg_terminate_backend(\(pid), 10000) AS ok")
                #expect(try terminated.first?.decode("ok", as: Bool.self) == true)
                throw BodyFailed()
            }
        }
        // ROLLBACK really failed: the session is gone, yet the caller saw BodyFailed.
        #expect(connection.isConnected == false)
        #expect(throws: PostgresError.self) { try connection.query("SELECT 1") }
    }

    @Test("a COMMIT the server turns into ROLLBACK throws instead of pretending success")
    func swallowedErrorDoesNotCommit() throws {
        let connection = try database.connect()
        try connection.executeScript(unsafeSQL: "CREATE TABLE t (v text)")
        let error = #expect(throws: PostgresError.self) {
            try connection.withTransaction {
                try connection.execute("INSERT INTO t VALUES (\("lost"))")
                _ = try? connection.query("SELECT 1 / 0")  // caught and ignored: the transaction is aborted
            }
        }
        #expect(error?.sqlState == .inFailedSQLTransaction)
        #expect(try connection.query("SELECT v FROM t").isEmpty)
    }

    @Test("isolation and read-only options reach the server")
    func options() throws {
        let connection = try database.connect()
        let isolation = try connection.withTransaction(isolation: .repeatableRead, readOnly: true) {
            try connection.query("SHOW transaction_isolation").first?.decode(0, as: String.self)
        }
        #expect(isolation == "repeatable read")
        try connection.executeScript(unsafeSQL: "CREATE TABLE t (v text)")
        let error = #expect(throws: PostgresError.self) {
            try connection.withTransaction(readOnly: true) { try connection.execute("INSERT INTO t VALUES ('x')") }
        }
        #expect(error?.sqlState == .readOnlySQLTransaction)
    }

    @Test("nested withTransaction is refused rather than silently joined")
    func nested() throws {
        let connection = try database.connect()
        #expect(throws: PostgresError.self) {
            try connection.withTransaction {
                try connection.withTransaction {}
            }
        }
        #expect(connection.isInTransaction == false)
    }
}
