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

    /// The rule as first written (split on "-", ASCII numbers of 4, 2 and 2 characters), to compare the byte reader with.
    static func reference(_ text: String) -> Day? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        return Day(year: y, month: m, day: d)
    }

    @Test("reads exactly what the split-and-check rule read, over every edge and 20,000 random near-dates")
    func sameAsReference() {
        var edges = [
            "0000-01-01", "0001-01-01", "9999-12-31", "2026-1-011", "2026--1-01", "-2026-01-0", "2026-01-01\n",
            "2026-0１-01", "2026-01-0\u{301}", "2026/01/01", "+026-01-01", " 026-01-01", "2026-01-01 ", "2026-01-1",
            "2026-01-0:", "202:-01-01",
        ]
        edges += ["1900-02-29", "2000-02-29", "2100-02-29", "2026-04-31", "2026-12-32"]
        for text in edges { #expect(Day(text) == Self.reference(text), "\(text)") }
        let alphabet = Array("0123456789-0123456789x/: ٣١\u{301}")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            var text = String((0..<10).map { _ in alphabet.randomElement(using: &generator) ?? "0" })
            if Bool.random(using: &generator) {
                let y = Int.random(in: 0...9999, using: &generator)
                let m = Int.random(in: 0...13, using: &generator)
                let d = Int.random(in: 0...32, using: &generator)
                text = String(format: "%04d-%02d-%02d", y, m, d)
            }
            #expect(Day(text) == Self.reference(text), "\(text)")
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
