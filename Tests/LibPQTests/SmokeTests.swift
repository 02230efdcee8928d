import Foundation
import LibPQ
import Testing

@Suite("Smoke")
struct SmokeTests {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase()
    }

    @Test("a query returns typed rows")
    func basic() throws {
        let connection = try database.connect()
        let id = 42
        let result = try connection.query(
            "SELECT \(id)::int AS id, 'héllo'::text AS name, NULL::text AS nothing, now() AS at")
        let row = try #require(result.first)
        #expect(try row.decode("id", as: Int.self) == 42)
        #expect(try row.decode("name", as: String.self) == "héllo")
        #expect(try row.decode("nothing", as: String?.self) == nil)
        let at = try row.decode("at", as: Date.self)
        #expect(abs(at.timeIntervalSinceNow) < 60)
        print(connection.user, connection.database, connection.serverVersion, connection.statementCount)
    }
}
