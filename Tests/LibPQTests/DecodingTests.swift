import Foundation
import LibPQ
import Testing

@Suite("Decoding errors explain themselves")
struct DecodingTests {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase()
    }

    @Test("unparseable text names the column, the Swift type and the PostgreSQL type, not the value")
    func unparseable() throws {
        let connection = try database.connect()
        let row = try #require(try connection.query("SELECT 'abc-secret'::text AS nickname, point(1,2) AS p").first)
        let error = #expect(throws: PostgresDecodingError.self) { try row.decode("nickname", as: Int.self) }
        #expect(error?.problem == .invalidText(reason: "the text is not an integer in range"))
        let message = error?.description ?? ""
        #expect(message.contains("\"nickname\""))
        #expect(message.contains("Int"))
        #expect(message.contains("text"))
        #expect(!message.contains("abc-secret"))
        let unknown = #expect(throws: PostgresDecodingError.self) { try row.decode("p", as: Date.self) }
        #expect(unknown?.postgresType == "OID 600")
        #expect(unknown?.description.contains("Date") == true)
    }

    @Test("NULL in a non-optional decode is reported as such")
    func unexpectedNull() throws {
        let connection = try database.connect()
        let row = try #require(try connection.query("SELECT NULL::int4 AS score").first)
        let error = #expect(throws: PostgresDecodingError.self) { try row.decode("score", as: Int.self) }
        #expect(error?.problem == .unexpectedNull)
        #expect(error?.postgresType == "int4")
        #expect(error?.description.contains("\"score\"") == true)
        #expect(error?.description.contains("NULL") == true)
        let byIndex = #expect(throws: PostgresDecodingError.self) { try row.decode(0, as: Int.self) }
        #expect(byIndex?.column == "score")
    }

    @Test("a missing column or index is reported, not a crash")
    func missingColumn() throws {
        let connection = try database.connect()
        let row = try #require(try connection.query("SELECT 1 AS one").first)
        let error = #expect(throws: PostgresDecodingError.self) { try row.decode("two", as: Int.self) }
        #expect(error?.problem == .missingColumn)
        #expect(error?.description.contains("\"two\"") == true)
        let index = #expect(throws: PostgresDecodingError.self) { try row.decode(5, as: Int?.self) }
        #expect(index?.problem == .missingColumn)
    }

    @Test("JSON that does not match the Codable type names the path, not the content")
    func jsonMismatch() throws {
        struct Shape: Codable, Sendable { var sides: Int }
        let connection = try database.connect()
        let row = try #require(try connection.query(#"SELECT '{"sides": "many-secret"}'::jsonb AS doc"#).first)
        let error = #expect(throws: PostgresDecodingError.self) { try row.decodeJSON("doc", as: Shape.self) }
        #expect(error?.postgresType == "jsonb")
        #expect(error?.description.contains("sides") == true)
        #expect(error?.description.contains("many-secret") == false)
        #expect(throws: PostgresDecodingError.self) { try row.decode("doc", as: PostgresJSON<Shape>.self) }
    }

    @Test("the result exposes columns, count and rows affected")
    func resultShape() throws {
        let connection = try database.connect()
        try connection.executeScript(unsafeSQL: "CREATE TABLE t (a int, b text)")
        let inserted = try connection.execute("INSERT INTO t SELECT i, i::text FROM generate_series(1, 3) AS i")
        #expect(inserted == 3)
        let result = try connection.query("UPDATE t SET b = 'x' WHERE a > \(1) RETURNING a, b")
        #expect(result.columns == ["a", "b"])
        #expect(result.rowsAffected == 2)
        #expect(result.count == 2)
        #expect(result.commandTag == "UPDATE 2")
    }
}
