import Foundation
import LibPQ
import Testing

@Suite("Server errors carry SQLSTATE and stay safe to log")
struct ErrorTests {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase()
    }

    @Test("a duplicate key is uniqueViolation with the constraint name")
    func uniqueViolation() throws {
        let connection = try database.connect()
        try connection.executeScript(unsafeSQL: "CREATE TABLE people (email text CONSTRAINT people_email_key UNIQUE)")
        let email = "reader-\(TestDatabase.randomSuffix())@example.com"
        try connection.execute("INSERT INTO people VALUES (\(email))")
        let error = try #require(
            #expect(throws: PostgresError.self) { try connection.execute("INSERT INTO people VALUES (\(email))") })
        #expect(error.sqlState == .uniqueViolation)
        #expect(error.constraint == "people_email_key")
        #expect(error.table == "people")
        #expect(error.detail?.contains(email) == true)  // the server quotes the value in DETAIL…
        #expect(!error.description.contains(email))  // …which therefore stays out of description
        #expect(!error.description.contains("INSERT INTO"))
        #expect(!(error.errorDescription ?? "").contains(email))
        #expect(error.debugDescription.contains("INSERT INTO people"))
        #expect(error.debugDescription.contains(email))
    }

    @Test("a value the server quotes in its message is redacted from description")
    func invalidText() throws {
        let connection = try database.connect()
        let secret = "not-a-number-\(TestDatabase.randomSuffix())"
        let error = try #require(
            #expect(throws: PostgresError.self) { try connection.query("SELECT \(secret)::int AS n") })
        #expect(error.sqlState == .invalidTextRepresentation)
        #expect(!error.description.contains(secret))
        #expect(!error.description.contains("SELECT"))
        #expect(error.description.contains("integer"))
        #expect(!error.description.hasSuffix("\n"))
    }

    @Test("a failed CHECK is checkViolation naming the constraint")
    func checkViolation() throws {
        let connection = try database.connect()
        try connection.executeScript(
            unsafeSQL: "CREATE TABLE amounts (n int CONSTRAINT amounts_positive CHECK (n > 0))")
        let error = try #require(
            #expect(throws: PostgresError.self) { try connection.execute("INSERT INTO amounts VALUES (\(-5))") })
        #expect(error.sqlState == .checkViolation)
        #expect(error.constraint == "amounts_positive")
        #expect(error.severity == "ERROR")
    }

    @Test("NOT NULL and foreign keys report their own states")
    func notNullAndForeignKey() throws {
        let connection = try database.connect()
        try connection.executeScript(
            unsafeSQL: """
                CREATE TABLE parent (id int PRIMARY KEY);
                CREATE TABLE child (id int NOT NULL, parent int REFERENCES parent);
                """)
        let missing: Int? = nil
        let notNull = #expect(throws: PostgresError.self) {
            try connection.execute("INSERT INTO child VALUES (\(missing), NULL)")
        }
        #expect(notNull?.sqlState == .notNullViolation)
        #expect(notNull?.column == "id")
        let foreignKey = #expect(throws: PostgresError.self) {
            try connection.execute("INSERT INTO child VALUES (1, \(99))")
        }
        #expect(foreignKey?.sqlState == .foreignKeyViolation)
    }

    @Test("RAISE EXCEPTION in a function arrives as raiseException with its hint")
    func raiseException() throws {
        let connection = try database.connect()
        let error = try #require(
            #expect(throws: PostgresError.self) {
                try connection.executeScript(
                    unsafeSQL:
                        "DO $$ BEGIN RAISE EXCEPTION 'approver must differ' USING HINT = 'ask a colleague'; END $$"
                )
            })
        #expect(error.sqlState == .raiseException)
        #expect(error.message == "approver must differ")
        #expect(error.hint == "ask a colleague")
        #expect(error.description.contains("approver must differ"))
        #expect(error.description.contains("ask a colleague"))
    }

    @Test("a role without rights gets insufficientPrivilege")
    func insufficientPrivilege() throws {
        let admin = try database.connect()
        try admin.executeScript(unsafeSQL: "CREATE TABLE secrets (v text); INSERT INTO secrets VALUES ('x')")
        let role = try database.makeRole()
        let restricted = try Connection(
            url: database.adminURL, parameters: ["dbname": database.name, "user": role.name, "password": role.password]
        )
        defer { restricted.close() }
        #expect(restricted.user == role.name)
        let error = #expect(throws: PostgresError.self) { try restricted.query("SELECT v FROM secrets") }
        #expect(error?.sqlState == .insufficientPrivilege)
        let update = #expect(throws: PostgresError.self) { try restricted.execute("UPDATE secrets SET v = \("y")") }
        #expect(update?.sqlState == .insufficientPrivilege)
    }

    @Test("conflicting serializable transactions fail with serializationFailure")
    func serializationFailure() throws {
        let first = try database.connect()
        let second = try database.connect()
        try first.executeScript(
            unsafeSQL:
                "CREATE TABLE shifts (doctor text, on_call bool); INSERT INTO shifts VALUES ('a', true), ('b', true)")
        // Write skew: each transaction reads both rows, then takes a different doctor off call.
        let error = #expect(throws: PostgresError.self) {
            try first.withTransaction(isolation: .serializable) {
                _ = try first.query("SELECT count(*) FROM shifts WHERE on_call")
                try second.withTransaction(isolation: .serializable) {
                    _ = try second.query("SELECT count(*) FROM shifts WHERE on_call")
                    try second.execute("UPDATE shifts SET on_call = false WHERE doctor = \("b")")
                }
                try first.execute("UPDATE shifts SET on_call = false WHERE doctor = \("a")")
            }
        }
        #expect(error?.sqlState == .serializationFailure)
        #expect(first.isInTransaction == false)
        #expect(try first.query("SELECT 1").count == 1)
    }

    @Test("an unknown table is undefinedTable and the connection remains usable")
    func undefinedTable() throws {
        let connection = try database.connect()
        let error = #expect(throws: PostgresError.self) { try connection.query("SELECT * FROM no_such_table") }
        #expect(error?.sqlState == .undefinedTable)
        #expect(error?.position != nil)
        #expect(try connection.query("SELECT 1 AS one").first?.decode("one", as: Int.self) == 1)
    }
}
