import Foundation
import Testing

@testable import ClaimDeskStore

@Suite("Timestamps from the database")
struct DatabaseJSONTests {
    @Test("parses PostgreSQL's ISO timestamps with microseconds, offsets and Z")
    func parses() throws {
        let base = 1_780_272_000.0  // 2026-06-01T00:00:00Z
        #expect(DatabaseJSON.parseTimestamp("2026-06-01T00:00:00+00:00")?.timeIntervalSince1970 == base)
        #expect(DatabaseJSON.parseTimestamp("2026-06-01T00:00:00Z")?.timeIntervalSince1970 == base)
        #expect(DatabaseJSON.parseTimestamp("2026-06-01T02:00:00+02")?.timeIntervalSince1970 == base)
        #expect(DatabaseJSON.parseTimestamp("2026-05-31T19:30:00-04:30")?.timeIntervalSince1970 == base)
        let micro = try #require(DatabaseJSON.parseTimestamp("2026-06-01T00:00:00.123456+00:00"))
        #expect(abs(micro.timeIntervalSince1970 - base - 0.123456) < 0.000_001)
        for bad in ["2026-06-01", "2026-02-30T00:00:00Z", "2026-06-01T25:00:00Z", "2026-06-01T00:00:00+0x", "garbage"] {
            #expect(DatabaseJSON.parseTimestamp(bad) == nil, "\(bad)")
        }
    }
}
