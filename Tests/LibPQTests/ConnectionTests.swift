import Foundation
import LibPQ
import Logging
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Connections")
struct ConnectionTests {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase()
    }

    @Test("connecting reports who and where, and fixes UTF8, ISO dates and UTC whatever the server default")
    func session() throws {
        let connection = try Connection(
            url: database.adminURL,
            parameters: [
                "dbname": database.name, "options": "-c TimeZone=America/New_York -c DateStyle=SQL,DMY",
                "client_encoding": "LATIN1", "application_name": "libpq-tests",
            ])
        #expect(connection.database == database.name)
        #expect(!connection.user.isEmpty)
        #expect(connection.serverVersion >= 120_000)
        #expect(connection.backendPID > 0)
        let row = try #require(
            try connection.query(
                """
                SELECT current_setting('TimeZone') AS tz, current_setting('DateStyle') AS ds,
                       current_setting('client_encoding') AS enc, current_setting('application_name') AS app,
                       session_user AS who
                """
            ).first)
        #expect(try row.decode("tz", as: String.self) == "UTC")
        #expect(try row.decode("ds", as: String.self).hasPrefix("ISO"))
        #expect(try row.decode("enc", as: String.self) == "UTF8")
        #expect(try row.decode("app", as: String.self) == "libpq-tests")
        #expect(try row.decode("who", as: String.self) == connection.user)
    }

    @Test("an unreachable server gives one line naming host and port, never the password")
    func unreachable() throws {
        let password = "hunter2-\(TestDatabase.randomSuffix())"
        let error = try #require(
            #expect(throws: ConnectionError.self) {
                _ = try Connection(
                    url: "postgresql://claimdesk@127.0.0.1:1/claims",
                    parameters: ["password": password, "connect_timeout": "5"])
            })
        #expect(error.reason == .serverUnreachable)
        #expect(error.description.contains("127.0.0.1"))
        #expect(error.description.contains("port 1"))
        #expect(error.description.contains("\"claims\""))
        #expect(error.description.contains("\"claimdesk\""))
        #expect(error.description.contains("scripts/dev-db"))
        #expect(error.description.contains("refused"))  // libpq's own words are kept
        #expect(!error.description.contains("\n"))
        #expect(!error.description.contains(password))
        #expect(error.localizedDescription == error.description)
    }

    @Test("a missing Unix socket directory is reported as unreachable too")
    func missingSocket() throws {
        let error = #expect(throws: ConnectionError.self) {
            _ = try Connection(url: "postgresql:///claims?host=/nonexistent-libpq-socket-dir&port=5999")
        }
        #expect(error?.reason == .serverUnreachable)
        #expect(error?.description.contains("socket /nonexistent-libpq-socket-dir port 5999") == true)
    }

    @Test("a missing database is named as such with SQLSTATE 3D000")
    func missingDatabase() throws {
        let name = "libpq_missing_\(TestDatabase.randomSuffix())"
        let error = try #require(
            #expect(throws: ConnectionError.self) {
                _ = try Connection(url: database.adminURL, parameters: ["dbname": name])
            })
        #expect(error.reason == .databaseDoesNotExist)
        #expect(error.sqlState == .invalidCatalogName)
        #expect(error.description.contains("\"\(name)\""))
        #expect(error.description.contains("does not exist"))
        #expect(!error.description.contains("\n"))
        #expect(!error.description.contains("3D000: "))
    }

    @Test("a role that does not exist is refused with 28000")
    func missingRole() throws {
        let role = "libpq_nobody_\(TestDatabase.randomSuffix())"
        let error = #expect(throws: ConnectionError.self) {
            _ = try Connection(url: database.adminURL, parameters: ["dbname": database.name, "user": role])
        }
        #expect(error?.reason == .notAuthorized)
        #expect(error?.sqlState == .invalidAuthorizationSpecification)
        #expect(error?.description.contains(role) == true)
    }

    @Test("malformed URLs, ports and keywords are reported as invalid settings, not as an unreachable server")
    func malformedSettings() throws {
        let badURL = #expect(throws: ConnectionError.self) {
            _ = try Connection(url: "postgresql://host/db?bogus=1")
        }
        #expect(badURL?.reason == .invalidParameters)
        let badPort = #expect(throws: ConnectionError.self) {
            _ = try Connection(url: "postgresql://localhost:notaport/db")
        }
        #expect(badPort?.reason == .invalidParameters)
        let badKeyword = #expect(throws: ConnectionError.self) {
            _ = try Connection(url: database.adminURL, parameters: ["no_such_option": "1"])
        }
        #expect(badKeyword?.reason == .invalidParameters)
        #expect(badKeyword?.description.contains("no_such_option") == true)
    }

    @Test("server NOTICEs go to the logger, not to stderr")
    func notices() throws {
        let capture = LogCapture()
        let connection = try database.connect(logger: capture.logger)
        let marker = "marker-\(TestDatabase.randomSuffix())"
        let captured = try Self.capturingStandardError {
            try connection.executeScript(
                unsafeSQL:
                    "DO $$ BEGIN RAISE NOTICE 'notice %', '\(marker)'; RAISE WARNING 'warning %', '\(marker)'; END $$"
            )
        }
        let entries = capture.entries.filter { $0.message.contains(marker) }
        #expect(entries.map(\.level) == [.notice, .warning])
        #expect(entries.first?.message == "notice \(marker)")
        #expect(entries.first?.metadata["postgres.sqlstate"] == "00000")
        #expect(!captured.contains(marker))
    }

    @Test("statementCount counts every round trip")
    func statementCount() throws {
        let connection = try database.connect()
        #expect(connection.statementCount == 0)
        try connection.query("SELECT 1")
        try connection.execute("SELECT \(2)")
        try connection.executeScript(unsafeSQL: "SELECT 1; SELECT 2")
        try connection.stream("SELECT 1") { _ in }
        #expect(connection.statementCount == 4)
        try connection.withTransaction { try connection.query("SELECT 1") }
        #expect(connection.statementCount == 7)  // BEGIN, SELECT, COMMIT
        _ = try? connection.query("SELECT * FROM missing")
        #expect(connection.statementCount == 8)  // a failed statement still made the round trip
    }

    @Test("escapeIdentifier quotes names so odd table names work and cannot inject")
    func escapeIdentifier() throws {
        let connection = try database.connect()
        #expect(try connection.escapeIdentifier("plain") == "\"plain\"")
        #expect(try connection.escapeIdentifier("a\"b") == "\"a\"\"b\"")
        let name = "we\"ird; DROP TABLE x; -- 表"
        let quoted = try connection.escapeIdentifier(name)
        try connection.executeScript(unsafeSQL: "CREATE TABLE x (id int); CREATE TABLE \(quoted) (v text)")
        try connection.execute("INSERT INTO \(unescaped: quoted) VALUES (\("ok"))")
        #expect(try connection.query("SELECT v FROM \(unescaped: quoted)").first?.decode("v", as: String.self) == "ok")
        let tables = try connection.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
        #expect(try tables.map { try $0.decode("tablename", as: String.self) }.sorted() == [name, "x"].sorted())
        #expect(try connection.escapeLiteral("it's") == "'it''s'")
    }

    @Test("close() twice is safe and later use throws a client-side error")
    func closeTwice() throws {
        let connection = try database.connect()
        connection.close()
        connection.close()
        #expect(connection.isConnected == false)
        let error = #expect(throws: PostgresError.self) { try connection.query("SELECT 1") }
        #expect(error?.sqlState == nil)
        #expect(error?.message.contains("closed") == true)
        #expect(connection.user == "")
    }

    /// Redirects fd 2 to a temporary file while `body` runs; returns what was written there, and
    /// copies it back to the real stderr so output from tests running in parallel is not lost.
    static func capturingStandardError(_ body: () throws -> Void) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString)").path
        let file = open(path, O_CREAT | O_RDWR | O_TRUNC, 0o600)
        try #require(file >= 0)
        let saved = dup(STDERR_FILENO)
        fflush(nil)
        dup2(file, STDERR_FILENO)
        var thrown: (any Error)?
        do { try body() } catch { thrown = error }
        fflush(nil)
        dup2(saved, STDERR_FILENO)
        close(saved)
        close(file)
        let captured = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: path)
        if !captured.isEmpty { FileHandle.standardError.write(Data(captured.utf8)) }
        if let thrown { throw thrown }
        return captured
    }
}
