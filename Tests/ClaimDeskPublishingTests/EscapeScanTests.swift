import Testing

@testable import ClaimDeskPublishing

@Suite("Finding the bytes to escape, eight at a time")
struct EscapeScanTests {
    static func naive(_ bytes: [UInt8], from start: Int, _ isMember: (UInt8) -> Bool) -> Int {
        var index = start
        while index < bytes.count, !isMember(bytes[index]) { index += 1 }
        return index
    }

    static let sets: [(String, EscapeScan, @Sendable (UInt8) -> Bool)] = [
        ("json", .json, { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }),
        ("html", .html, { [0x26, 0x3C, 0x3E, 0x22, 0x27].contains($0) }),
        ("newlines", .newlines, { $0 == 0x0A || $0 == 0x0D }),
    ]

    @Test("every position, every byte value, every length up to 24: the same answer as testing byte by byte")
    func agreesWithByteByByte() {
        for (name, scan, isMember) in Self.sets {
            for length in 0...24 {
                for position in 0..<max(length, 1) {
                    for value in 0...255 {
                        // A run of ordinary bytes (with multi-byte UTF-8 in it) and one candidate byte.
                        var bytes = Array(Array("aé€😀 plain text, no specials".utf8).prefix(length))
                        while bytes.count < length { bytes.append(UInt8(ascii: "x")) }
                        if position < length { bytes[position] = UInt8(value) }
                        for start in [0, position, max(0, position - 3)] {
                            let fast = bytes.withUnsafeBufferPointer { scan.next(in: $0, from: start) }
                            let slow = Self.naive(bytes, from: start, isMember)
                            if fast != slow {
                                Issue.record("\(name): \(bytes) from \(start): \(fast) instead of \(slow)")
                                return
                            }
                        }
                    }
                }
            }
        }
    }

    @Test("several matches in one word are found in order, and nothing past the end is read")
    func severalInOneWord() {
        let bytes = Array("a<b&c>d\"e'f".utf8)
        var found: [Int] = []
        bytes.withUnsafeBufferPointer { buffer in
            var index = EscapeScan.html.next(in: buffer, from: 0)
            while index < buffer.count {
                found.append(index)
                index = EscapeScan.html.next(in: buffer, from: index + 1)
            }
            // A view that ends before the match: the scan stops at its end.
            #expect(EscapeScan.html.next(in: UnsafeBufferPointer(rebasing: buffer[0..<1]), from: 0) == 1)
        }
        #expect(found == [1, 3, 5, 7, 9])
        #expect([UInt8]().withUnsafeBufferPointer { EscapeScan.json.next(in: $0, from: 0) } == 0)
    }
}

@Suite("JSON-LD made safe inside a script element")
struct ScriptSafeTests {
    @Test("< > & and U+2028/2029 are escaped wherever they are; every other byte, other E2 sequences included, is kept")
    func escapesOnlyWhatItMust() {
        let input = "a<b>c&d\u{2028}e\u{2029}f€g—h</script>&amp;\u{2028}"
        let expected = "a\\u003cb\\u003ec\\u0026d\\u2028e\\u2029f€g—h\\u003c/script\\u003e\\u0026amp;\\u2028"
        #expect(FAQPageJSONLD.scriptSafe(Array(input.utf8)) == expected)
        #expect(
            FAQPageJSONLD.scriptSafe(Array("plain text, long enough for several words".utf8))
                == "plain text, long enough for several words")
        #expect(FAQPageJSONLD.scriptSafe([]) == "")
        #expect(FAQPageJSONLD.scriptSafe([0xE2]) == String(decoding: [0xE2], as: UTF8.self))
        #expect(FAQPageJSONLD.scriptSafe([0xE2, 0x80]) == String(decoding: [0xE2, 0x80], as: UTF8.self))
    }
}
