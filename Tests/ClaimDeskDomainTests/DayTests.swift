import ClaimDeskDomain
import Foundation
import Testing

@Suite("Day")
struct DayTests {
    @Test("parses real dates and refuses impossible or malformed ones")
    func parsing() {
        #expect(Day("2026-06-01")?.description == "2026-06-01")
        #expect(Day("2024-02-29") != nil)
        for bad in [
            "2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-6-1", "20260601", "", "2026-06-01x",
            "２０２６-06-01", "2026-06-١٢",
        ] {
            #expect(Day(bad) == nil, "\(bad) was accepted")
        }
    }

    @Test("ordinal arithmetic round-trips across months, leap years and centuries")
    func arithmetic() throws {
        let start = try #require(Day("1999-12-31"))
        var day = start
        for _ in 0..<(366 * 30) {
            let next = day.adding(days: 1)
            #expect(next.ordinal == day.ordinal + 1)
            #expect(Day(next.description) == next)
            day = next
        }
        #expect(try #require(Day("1970-01-01")).ordinal == 0)
        #expect(start.adding(days: 60).description == "2000-02-29")
    }

    @Test("the latest day on Earth is UTC+14: ahead of UTC from 10:00 UTC, the same day before")
    func latestOnEarth() throws {
        let morning = Date(timeIntervalSince1970: 1_780_272_000 + 9 * 3600)  // 2026-06-01T09:00Z
        let evening = Date(timeIntervalSince1970: 1_780_272_000 + 11 * 3600)  // 2026-06-01T11:00Z
        #expect(Day.latestOnEarth(now: morning).description == "2026-06-01")
        #expect(Day.latestOnEarth(now: evening).description == "2026-06-02")
        #expect(Day.today(now: evening).description == "2026-06-01")
    }

    @Test("encodes as a YYYY-MM-DD string and refuses others when decoding")
    func coding() throws {
        let data = try JSONEncoder().encode([Day("2026-06-01")])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2026-06-01\"]")
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Day].self, from: Data("[\"2026-02-30\"]".utf8))
        }
    }
}
