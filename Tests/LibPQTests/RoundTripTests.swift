import Foundation
import LibPQ
import Testing

@Suite("Round trips through a real server")
struct RoundTripTests {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase()
    }

    struct Profile: Codable, Equatable, Sendable {
        var name: String
        var tags: [String]
        var score: Double?
        var seen: Date
    }

    static let texts = [
        "", " ", "plain", "emoji 👩‍👩‍👧‍👦🎉", "CJK 漢字かなカナ한국어", "RTL مرحبا بالعالم שלום", "e\u{301} combining",
        "'); DROP TABLE items; --", "O'Reilly \"quoted\"", #"back\slash \\ \x41 \n"#, "$1 $2 ?", "line\nbreak\ttab",
        "NULL",
    ]

    @Test("text round-trips verbatim, including empty, non-ASCII and injection attempts", arguments: texts)
    func text(_ value: String) throws {
        let connection = try database.connect()
        try connection.executeScript(unsafeSQL: "CREATE TABLE items (id int PRIMARY KEY, value text)")
        try connection.execute("INSERT INTO items VALUES (\(1), \(value))")
        let row = try #require(try connection.query("SELECT value, length(value) AS n FROM items WHERE id = 1").first)
        #expect(try row.decode("value", as: String.self) == value)
        #expect(row.isNull("value") == false)
        #expect(try row.decode("n", as: Int.self) == value.unicodeScalars.count)
        let matched = try connection.query("SELECT id FROM items WHERE value = \(value)")
        #expect(matched.count == 1)
        #expect(try connection.query("SELECT count(*) AS n FROM items").first?.decode("n", as: Int.self) == 1)
    }

    @Test("NULL binds and NULL columns decode as nil, and an empty string is not NULL")
    func nulls() throws {
        let connection = try database.connect()
        try connection.executeScript(unsafeSQL: "CREATE TABLE items (id int, value text, n int8, at timestamptz)")
        let none: String? = nil
        let noNumber: Int? = nil
        let noDate: Date? = nil
        try connection.execute("INSERT INTO items VALUES (1, \(none), \(noNumber), \(noDate))")
        try connection.execute("INSERT INTO items VALUES (2, \(""), \(Int?.some(0)), \(Date?.some(Date())))")
        let rows = try connection.query("SELECT value, n, at FROM items ORDER BY id")
        #expect(try rows[0].decode("value", as: String?.self) == nil)
        #expect(try rows[0].decode("n", as: Int?.self) == nil)
        #expect(try rows[0].decode("at", as: Date?.self) == nil)
        #expect(rows[0].isNull("value"))
        #expect(try rows[1].decode("value", as: String?.self) == "")
        #expect(try rows[1].decode("n", as: Int?.self) == 0)
        #expect(rows[1].isNull("value") == false)
        #expect(try rows[0].decode(0, as: String?.self) == nil)
        #expect(try rows[1].decode(0, as: String.self) == "")
    }

    @Test("integers, booleans and doubles round-trip at their limits")
    func numbers() throws {
        let connection = try database.connect()
        try connection.executeScript(
            unsafeSQL: "CREATE TABLE n (id serial, i8 int8, i4 int4, i2 int2, b bool, f8 float8, num numeric)")
        let cases: [(Int64, Int32, Int16, Bool, Double)] = [
            (.max, .max, .max, true, 0.1), (.min, .min, .min, false, -1.5e300), (0, 0, 0, true, .infinity),
            (-1, -1, -1, false, -.infinity), (42, 42, 42, true, .nan), (7, 7, 7, false, .leastNonzeroMagnitude),
        ]
        for (i8, i4, i2, b, f8) in cases {
            try connection.execute(
                "INSERT INTO n (i8, i4, i2, b, f8, num) VALUES (\(i8), \(i4), \(i2), \(b), \(f8), \(Int(i8)))")
        }
        let rows = try connection.query("SELECT * FROM n ORDER BY id")
        #expect(rows.count == cases.count)
        for (row, expected) in zip(rows, cases) {
            #expect(try row.decode("i8", as: Int64.self) == expected.0)
            #expect(try row.decode("num", as: Int.self) == Int(expected.0))
            #expect(try row.decode("i4", as: Int32.self) == expected.1)
            #expect(try row.decode("i2", as: Int16.self) == expected.2)
            #expect(try row.decode("b", as: Bool.self) == expected.3)
            let double = try row.decode("f8", as: Double.self)
            #expect(double == expected.4 || (double.isNaN && expected.4.isNaN))
        }
    }

    @Test("Date round-trips through date and timestamptz, with microseconds and historic years")
    func dates() throws {
        let connection = try database.connect()
        try connection.executeScript(unsafeSQL: "CREATE TABLE d (id serial, day date, at timestamptz, local timestamp)")
        let leapDay = Date(timeIntervalSince1970: 1_709_164_800)  // 2024-02-29T00:00:00Z
        let instants = [
            Date(timeIntervalSince1970: 1_700_000_000.123456), Date(timeIntervalSince1970: -2_208_988_800),  // 1900
            Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 253_402_300_799),  // 9999-12-31T23:59:59
            Date(timeIntervalSince1970: -62_135_596_800 - 86_400 * 366),  // 1 BC (0000-01-01 proleptic)
        ]
        for at in instants {
            try connection.execute("INSERT INTO d (day, at, local) VALUES (\(leapDay), \(at), \(at))")
        }
        let rows = try connection.query("SELECT day, at, local, day::text AS day_text FROM d ORDER BY id")
        #expect(rows.count == instants.count)
        for (row, expected) in zip(rows, instants) {
            #expect(try row.decode("day", as: Date.self) == leapDay)
            #expect(try row.decode("day_text", as: String.self) == "2024-02-29")
            let at = try row.decode("at", as: Date.self)
            #expect(abs(at.timeIntervalSince(expected)) < 0.000_001)
            let local = try row.decode("local", as: Date.self)
            #expect(abs(local.timeIntervalSince(expected)) < 0.000_001)
        }
        // The server's own clock, read back through timestamptz text, is "now".
        let now = try #require(try connection.query("SELECT now() AS now, current_date AS today").first)
        #expect(abs(try now.decode("now", as: Date.self).timeIntervalSinceNow) < 300)
        #expect(abs(try now.decode("today", as: Date.self).timeIntervalSinceNow) < 2 * 86_400)
        let special = try #require(
            try connection.query("SELECT 'infinity'::timestamptz AS a, '2024-01-02 03:04:05+05:30'::timestamptz AS b")
                .first)
        #expect(try special.decode("a", as: Date.self) == .distantFuture)
        #expect(try special.decode("b", as: Date.self) == Date(timeIntervalSince1970: 1_704_144_845))
    }

    @Test("UUID, bytea and arrays round-trip")
    func uuidsBytesArrays() throws {
        let connection = try database.connect()
        try connection.executeScript(
            unsafeSQL: "CREATE TABLE x (id uuid PRIMARY KEY, blob bytea, tags text[], ns int[])")
        let id = UUID()
        let blob = Data((0...255).map { UInt8($0) })
        let tags = ["a", "b,c", "d\"e", "f\\g", "", "NULL", "漢字 🎉"]
        try connection.execute("INSERT INTO x VALUES (\(id), \(blob), \(tags), \([3, 1, 2]))")
        let row = try #require(try connection.query("SELECT * FROM x WHERE id = \(id)").first)
        #expect(try row.decode("id", as: UUID.self) == id)
        #expect(try row.decode("blob", as: Data.self) == blob)
        #expect(try row.decode("tags", as: [String].self) == tags)
        #expect(try row.decode("ns", as: [Int].self) == [3, 1, 2])
        let matched = try connection.query("SELECT id FROM x WHERE id = ANY(\([id, UUID()]))")
        #expect(matched.count == 1)
        let empty = try #require(try connection.query("SELECT '{}'::text[] AS e").first)
        #expect(try empty.decode("e", as: [String].self) == [])
    }

    @Test("Codable values round-trip through json and jsonb")
    func json() throws {
        let connection = try database.connect()
        try connection.executeScript(unsafeSQL: "CREATE TABLE j (id int, doc jsonb, raw json)")
        let profile = Profile(
            name: "Zoë \"Z\" 🎉 '); DROP TABLE j; --", tags: ["a", "漢字"], score: nil,
            seen: Date(timeIntervalSince1970: 1_700_000_000.5))
        try connection.execute("INSERT INTO j VALUES (1, \(PostgresJSON(profile)), \(PostgresJSON(profile)))")
        let row = try #require(try connection.query("SELECT doc, raw, doc->>'name' AS name FROM j").first)
        #expect(try row.decode("doc", as: PostgresJSON<Profile>.self).value == profile)
        #expect(try row.decode("raw", as: PostgresJSON<Profile>.self).value == profile)
        #expect(try row.decodeJSON("doc", as: Profile.self) == profile)
        #expect(try row.decode("name", as: String.self) == profile.name)
        let nullDoc = try #require(try connection.query("SELECT NULL::jsonb AS doc").first)
        #expect(try nullDoc.decodeJSON("doc", as: Profile?.self) == nil)
        #expect(try nullDoc.decode("doc", as: PostgresJSON<Profile>?.self) == nil)
    }

    @Test("a value JSONEncoder rejects fails the query before anything is sent")
    func unencodableJSON() throws {
        let connection = try database.connect()
        let error = #expect(throws: PostgresError.self) {
            try connection.query("SELECT \(PostgresJSON([Double.nan]))::jsonb")
        }
        #expect(error?.sqlState == nil)
        #expect(error?.message.contains("$1") == true)
        #expect(connection.statementCount == 0)
    }

    @Test("a bind containing NUL is refused before it is sent, not silently truncated")
    func nulCharacter() throws {
        let connection = try database.connect()
        let error = #expect(throws: PostgresError.self) {
            try connection.query("SELECT \("before\u{0}after")::text")
        }
        #expect(error?.sqlState == nil)
        #expect(connection.statementCount == 0)
    }
}
