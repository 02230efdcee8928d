import Foundation
import LibPQ
import Testing

@Suite("Query interpolation")
struct QueryTests {
    @Test("interpolated values become numbered binds, never SQL text")
    func placeholders() {
        let name = "x'); DROP TABLE t; --"
        let missing: Int? = nil
        let query: Query = "SELECT * FROM t WHERE a = \(name) AND b = \(missing) AND c = \(7)"
        #expect(query.sql == "SELECT * FROM t WHERE a = $1 AND b = $2 AND c = $3")
        #expect(query.binds == [name, nil, "7"])
    }

    @Test("unescaped fragments are spliced verbatim and take no bind")
    func unescaped() {
        let order = "created_at DESC"
        let id = UUID(
            uuid: (0xE6, 0x21, 0xE1, 0xF8, 0xC3, 0x6C, 0x49, 0x5A, 0x93, 0xFC, 0x0C, 0x24, 0x7A, 0x3E, 0x6E, 0x5F))
        let query: Query = "SELECT 1 FROM t WHERE id = \(id)"
        #expect(query.binds == ["e621e1f8-c36c-495a-93fc-0c247a3e6e5f"])
        let ordered: Query = "SELECT 1 ORDER BY \(unescaped: order) LIMIT \(5)"
        #expect(ordered.sql == "SELECT 1 ORDER BY created_at DESC LIMIT $1")
        #expect(ordered.binds == ["5"])
    }

    @Test("a plain literal has no binds and unsafeSQL keeps given binds")
    func literals() {
        let plain: Query = "SELECT 1"
        #expect(plain.sql == "SELECT 1")
        #expect(plain.binds.isEmpty)
        let raw = Query(unsafeSQL: "SELECT $1::int", binds: ["3"])
        #expect(raw.binds == ["3"])
    }

    @Test("arrays encode as quoted one-dimensional literals")
    func arrays() {
        #expect(["a", "b,c", "d\"e", "f\\g", ""].postgresText == #"{"a","b,c","d\"e","f\\g",""}"#)
        #expect([Int]().postgresText == "{}")
    }

    @Test("doubles use PostgreSQL spellings for special values")
    func doubles() {
        #expect(Double.infinity.postgresText == "Infinity")
        #expect((-Double.infinity).postgresText == "-Infinity")
        #expect(Double.nan.postgresText == "NaN")
        #expect(1.5.postgresText == "1.5")
    }

    @Test("dates encode as UTC ISO 8601 with microseconds")
    func dates() {
        #expect(Date(timeIntervalSince1970: 0).postgresText == "1970-01-01T00:00:00.000000Z")
        #expect(Date(timeIntervalSince1970: 1_709_164_800.25).postgresText == "2024-02-29T00:00:00.250000Z")
        #expect(Date(timeIntervalSince1970: -1).postgresText == "1969-12-31T23:59:59.000000Z")
    }
}
