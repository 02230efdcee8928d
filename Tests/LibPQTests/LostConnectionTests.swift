import Foundation
import LibPQ
import Logging
import Testing

/// When the server ends a session, the error says so (`connectionLost`), and nothing else is printed besides it:
/// a CLI shows one line for one failure.
@Suite("A session the server ended")
struct LostConnectionTests {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase()
    }

    struct BodyFailed: Error {}

    @Test("a query on a terminated session fails with connectionLost, and so does the next one")
    func queryAfterTermination() throws {
        let connection = try database.connect()
        let killer = try database.connect()
        _ = try killer.query("SELECT pg_terminate_backend(\(connection.backendPID), 10000)")
        let first = try #require(throws: PostgresError.self) { try connection.query("SELECT 1") }
        #expect(first.connectionLost, "\(first)")
        let second = try #require(throws: PostgresError.self) { try connection.query("SELECT 1") }
        #expect(second.connectionLost, "\(second)")
        // An ordinary server error is not a lost connection.
        let ordinary = try #require(throws: PostgresError.self) { try killer.query("SELECT 1/0") }
        #expect(!ordinary.connectionLost)
    }

    @Test("ROLLBACK failing because the session is gone logs nothing at warning level")
    func rollbackOnDeadSessionIsQuiet() throws {
        let capture = LogCapture()
        let connection = try database.connect(logger: capture.logger)
        let killer = try database.connect()
        let pid = connection.backendPID
        #expect(throws: BodyFailed.self) {
            try connection.withTransaction {
                _ = try killer.query("SELECT pg_terminate_backend(\(pid), 10000)")
                throw BodyFailed()
            }
        }
        #expect(!connection.isConnected)
        let loud = capture.entries.filter { $0.level >= .warning }
        #expect(loud.isEmpty, "\(loud.map(\.message))")
    }
}
