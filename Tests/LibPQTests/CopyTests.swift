import Foundation
import LibPQ
import Testing

@Suite("Streaming through binary COPY")
struct CopyTests {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase()
    }

    struct Stop: Error {}

    /// Every column both ways: text through `stream`, binary through `streamCopy`, decoded as the same types.
    @Test("binary rows decode to exactly what the same query's text rows decode to")
    func sameValuesAsText() throws {
        let connection = try database.connect()
        let query: Query = """
            SELECT i, i::int2 AS small, (i * 1000003)::int8 * 1000003 AS big, -i::int4 AS negative,
                   CASE WHEN i % 3 = 0 THEN NULL ELSE repeat('é✓', i % 5) || i END AS label,
                   '' AS empty,
                   (date '2000-01-01' + (i * 1597 - 700000)) AS day,
                   (timestamptz '2000-01-01 00:00:00+00' + (i * 1597 - 700000) * interval '1 day'
                       + (i * 104729 % 86400000000) * interval '1 microsecond') AS at,
                   CASE i WHEN 1 THEN timestamptz 'infinity' WHEN 2 THEN timestamptz '-infinity' END AS edge,
                   CASE i WHEN 1 THEN date 'infinity' WHEN 2 THEN date '-infinity' END AS edge_day
            FROM generate_series(1, 2000) AS i
            """
        typealias Values = (
            Int, Int16, Int64, Int32, String?, String, PostgresDate, Date, Date?, PostgresDate?, Date
        )
        func values(_ row: some RowReading) throws -> Values {
            (
                try row.decode(0, as: Int.self), try row.decode(1, as: Int16.self), try row.decode(2, as: Int64.self),
                try row.decode(3, as: Int32.self), try row.decode(4, as: String?.self),
                try row.decode(5, as: String.self), try row.decode(6, as: PostgresDate.self),
                try row.decode(7, as: Date.self), try row.decode(8, as: Date?.self),
                try row.decode(9, as: PostgresDate?.self), try row.decode(6, as: Date.self)
            )
        }
        var text: [Values] = []
        try connection.stream(query) { text.append(try values($0)) }
        var binary: [Values] = []
        try connection.streamCopy(
            query,
            columns: ["i", "small", "big", "negative", "label", "empty", "day", "at", "edge", "edge_day"]
        ) { binary.append(try values($0)) }

        #expect(text.count == 2000)
        #expect(binary.count == text.count)
        for (a, b) in zip(text, binary) {
            #expect(a.0 == b.0 && a.1 == b.1 && a.2 == b.2 && a.3 == b.3 && a.4 == b.4 && a.5 == b.5)
            #expect(a.6 == b.6)
            // The same instant to the bit, not merely within a microsecond.
            #expect(a.7.timeIntervalSince1970.bitPattern == b.7.timeIntervalSince1970.bitPattern)
            #expect(a.8 == b.8)
            #expect(a.9 == b.9)
            #expect(a.10 == b.10)
        }
        #expect(binary.first?.8 == .distantFuture)
        #expect(binary.dropFirst().first?.8 == .distantPast)
        #expect(binary.first?.9?.civil == nil)
        #expect(binary.contains { $0.6.civil.map { $0.year < 2000 } == true })
        #expect(binary.contains { $0.6.civil.map { $0.year > 2000 } == true })
        #expect(connection.statementCount == 2)
    }

    @Test("a date's calendar day is PostgreSQL's own, from year 1 to 9999")
    func calendarDays() throws {
        let connection = try database.connect()
        var checked = 0
        // Every 97th day, and every day around the century and leap-year edges.
        let query: Query = """
            SELECT d, to_char(d, 'YYYY-MM-DD') AS iso FROM (
                SELECT date '0001-01-01' + n AS d FROM generate_series(0, 3652058, 97) AS n
                UNION ALL
                SELECT date '1899-12-25' + n FROM generate_series(0, 10) AS n
                UNION ALL
                SELECT date '1999-12-25' + n FROM generate_series(0, 80) AS n
                UNION ALL
                SELECT date '2100-02-25' + n FROM generate_series(0, 10) AS n
                UNION ALL SELECT date '9999-12-31') x
            """
        try connection.streamCopy(query, columns: ["d", "iso"]) { row in
            let date = try row.decode(0, as: PostgresDate.self)
            let iso = try row.decode(1, as: String.self)
            let civil = try #require(date.civil)
            #expect(String(format: "%04d-%02d-%02d", civil.year, civil.month, civil.day) == iso)
            #expect(try PostgresDate.decode(postgresText: iso, typeOID: 1082) == date)
            checked += 1
        }
        #expect(checked > 37_000)
        #expect(throws: PostgresDecodingError.self) { try PostgresDate.decode(postgresText: "2026-02-30", typeOID: 0) }
        #expect(throws: PostgresDecodingError.self) { try PostgresDate.decode(postgresText: "2026-1-30", typeOID: 0) }
        #expect(throws: PostgresDecodingError.self) { try PostgresDate.decode(postgresText: "２026-01-30", typeOID: 0) }
    }

    @Test("a throwing body cancels the copy and leaves the connection usable")
    func bodyThrows() throws {
        let connection = try database.connect()
        var seen = 0
        let started = Date()
        #expect(throws: Stop.self) {
            try connection.streamCopy("SELECT generate_series(1, 1000000000) AS i", columns: ["i"]) { _ in
                seen += 1
                if seen == 10 { throw Stop() }
            }
        }
        #expect(seen == 10)
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(connection.isInTransaction == false)
        #expect(try connection.query("SELECT 41 + 1 AS n").first?.decode("n", as: Int.self) == 42)
    }

    @Test("a server error mid-copy is thrown after the rows that did arrive")
    func serverErrorMidCopy() throws {
        let connection = try database.connect()
        var values: [Int] = []
        let error = #expect(throws: PostgresError.self) {
            try connection.streamCopy("SELECT 10 / (5 - i) AS v FROM generate_series(1, 10) AS i", columns: ["v"]) {
                values.append(try $0.decode(0, as: Int.self))
            }
        }
        #expect(error?.sqlState == .divisionByZero)
        #expect(values == [2, 3, 5, 10])
        #expect(try connection.query("SELECT 1").count == 1)
    }

    @Test("what COPY cannot do is refused before anything runs, with the connection still usable")
    func refusals() throws {
        let connection = try database.connect()
        var calls = 0
        let binds = #expect(throws: PostgresError.self) {
            try connection.streamCopy("SELECT i FROM generate_series(1, \(3)) AS i", columns: ["i"]) { _ in
                calls += 1
            }
        }
        #expect(binds?.message.contains("bind") == true)
        #expect(connection.statementCount == 0)

        let shape = #expect(throws: PostgresError.self) {
            try connection.streamCopy("SELECT 1 AS a, 2 AS b", columns: ["a"]) { _ in calls += 1 }
        }
        #expect(shape?.message.contains("2 columns; 1 were expected") == true)
        #expect(calls == 0)

        let syntax = #expect(throws: PostgresError.self) {
            try connection.streamCopy("SELEC 1", columns: ["a"]) { _ in calls += 1 }
        }
        #expect(syntax?.sqlState == .syntaxError)

        // A type without a binary reading says so and names the column.
        let decoding = #expect(throws: PostgresDecodingError.self) {
            try connection.streamCopy("SELECT 1.5::float8 AS ratio", columns: ["ratio"]) { row in
                _ = try row.decode(0, as: Double.self)
            }
        }
        #expect(decoding?.column == "ratio")
        #expect(try connection.query("SELECT 2 AS n").first?.decode("n", as: Int.self) == 2)
    }

    @Test("a query ending in a line comment is copied whole")
    func trailingComment() throws {
        let connection = try database.connect()
        var values: [Int] = []
        try connection.streamCopy("SELECT i FROM generate_series(1, 3) AS i -- the last line", columns: ["i"]) {
            values.append(try $0.decode(0, as: Int.self))
        }
        #expect(values == [1, 2, 3])
    }

    @Test("a session ended mid-copy fails with connectionLost after the rows that arrived, never as a short result")
    func terminatedMidCopy() throws {
        let connection = try database.connect()
        let killer = try database.connect()
        let pid = connection.backendPID
        var seen = 0
        let error = try #require(throws: PostgresError.self) {
            try connection.streamCopy(
                "SELECT i, pg_sleep(CASE WHEN i > 5 THEN 0.01 ELSE 0 END) FROM generate_series(1, 100000) AS i",
                columns: ["i", "slept"]
            ) { row in
                seen += 1
                if seen == 5 { _ = try killer.query("SELECT pg_terminate_backend(\(pid), 10000)") }
            }
        }
        #expect(error.connectionLost, "\(error)")
        #expect(seen >= 5 && seen < 100_000)
    }

    @Test("an empty result calls the body zero times; a large one streams in order")
    func emptyAndLarge() throws {
        let connection = try database.connect()
        var calls = 0
        try connection.streamCopy("SELECT i FROM generate_series(1, 0) AS i", columns: ["i"]) { _ in calls += 1 }
        #expect(calls == 0)
        var count = 0
        var ordered = true
        try connection.streamCopy(
            "SELECT i, repeat('x', 100) AS payload FROM generate_series(1, 200000) AS i", columns: ["i", "payload"]
        ) { row in
            count += 1
            let i = try row.decode(0, as: Int.self)
            let payload = try row.decode(1, as: String.self)
            ordered = ordered && i == count && payload.utf8.count == 100
        }
        #expect(count == 200_000)
        #expect(ordered)
    }
}
