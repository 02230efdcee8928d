import Foundation
import LibPQ
import Testing

#if canImport(Glibc)
    import CMalloc
#endif

@Suite("Streaming large results")
struct StreamTests {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase()
    }

    struct Stop: Error {}

    /// Heap bytes in use, in every arena and in mapped blocks: what streaming holds on to. Not the resident set: the
    /// exporter raises glibc's trim threshold for the whole process (`MallocPolicy`), so in a test process the resident
    /// set also holds memory that tests running alongside have freed.
    static func heapBytesInUse() throws -> Int {
        #if canImport(Glibc)
            let info = mallinfo2()
            return Int(info.uordblks) + Int(info.hblkhd)
        #else
            let statm = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8)
            let fields = statm.split(separator: " ")
            let pages = try #require(fields.count > 1 ? Int(fields[1]) : nil)
            return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        #endif
    }

    @Test("a million rows stream in constant memory and all arrive in order")
    func millionRows() throws {
        let connection = try database.connect()
        let before = try Self.heapBytesInUse()
        var peak = before
        var count = 0
        var sum = 0
        var ordered = true
        try connection.stream(
            "SELECT i, repeat('x', 100) AS payload FROM generate_series(1, \(1_000_000)) AS i"
        ) { row in
            count += 1
            let i = try row.decode("i", as: Int.self)
            ordered = ordered && i == count
            sum += i
            if count % 50_000 == 0 { peak = max(peak, try Self.heapBytesInUse()) }
        }
        #expect(count == 1_000_000)
        #expect(sum == 500_000_500_000)
        #expect(ordered)
        let growth = peak - before
        #expect(growth < 50 * 1024 * 1024, "heap memory in use grew by \(growth / 1024 / 1024) MB while streaming")
        #expect(connection.statementCount == 1)
    }

    @Test("a throwing body cancels the query and leaves the connection usable")
    func bodyThrows() throws {
        let connection = try database.connect()
        var seen = 0
        let started = Date()
        #expect(throws: Stop.self) {
            try connection.stream("SELECT generate_series(1, 1000000000) AS i") { _ in
                seen += 1
                if seen == 10 { throw Stop() }
            }
        }
        #expect(seen == 10)
        #expect(Date().timeIntervalSince(started) < 30)  // cancelled, not run to the end
        #expect(connection.isInTransaction == false)
        #expect(try connection.query("SELECT 41 + 1 AS n").first?.decode("n", as: Int.self) == 42)
    }

    @Test("a server error mid-stream is thrown after the rows that did arrive")
    func serverErrorMidStream() throws {
        let connection = try database.connect()
        var values: [Int] = []
        let error = #expect(throws: PostgresError.self) {
            try connection.stream("SELECT 10 / (5 - i) AS v FROM generate_series(1, 10) AS i") { row in
                values.append(try row.decode("v", as: Int.self))
            }
        }
        #expect(error?.sqlState == .divisionByZero)
        #expect(values == [2, 3, 5, 10])
        #expect(try connection.query("SELECT 1").count == 1)
    }

    @Test("streaming with binds and an empty result calls the body zero times")
    func emptyResult() throws {
        let connection = try database.connect()
        var calls = 0
        try connection.stream("SELECT i FROM generate_series(1, \(0)) AS i WHERE i > \(5)") { _ in calls += 1 }
        #expect(calls == 0)
    }

    @Test("a streamed row decodes in place, names the column in errors, and can be kept as a copy")
    func rowsReadInPlace() throws {
        let connection = try database.connect()
        var kept: [Row] = []
        var nullError: PostgresDecodingError?
        var rangeError: PostgresDecodingError?
        try connection.stream(
            "SELECT i AS number, CASE WHEN i = 2 THEN NULL ELSE 'é' || i END AS label FROM generate_series(1, 3) AS i"
        ) { (row: StreamedRow) throws in
            #expect(row.columnCount == 2)
            #expect(try row.decode(0, as: Int64.self) == Int64(kept.count + 1))
            if row.isNull(1) {
                #expect(try row.decode(1, as: String?.self) == nil)
                nullError = #expect(throws: PostgresDecodingError.self) { try row.decode(1, as: String.self) }
            } else {
                #expect(try row.decode("label", as: String.self) == "é\(kept.count + 1)")
            }
            rangeError = #expect(throws: PostgresDecodingError.self) { try row.decode(2, as: Int.self) }
            kept.append(row.copied())
        }
        #expect(kept.map { $0["label"] } == ["é1", nil, "é3"])
        #expect(try kept.map { try $0.decode("number", as: Int.self) } == [1, 2, 3])
        #expect(nullError?.problem == .unexpectedNull)
        #expect(nullError?.column == "label")
        #expect(rangeError?.problem == .missingColumn)
        #expect(rangeError?.column == "#2")
    }
}
