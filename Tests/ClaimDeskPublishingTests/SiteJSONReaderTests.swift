import ClaimDeskDomain
import Foundation
import Testing

@testable import ClaimDeskPublishing

/// The incremental export reads its previous manifest and tool index with `SiteJSONReader` instead of `JSONDecoder`.
/// It may pass a document on to `JSONDecoder`, but it must never accept one that `JSONDecoder` refuses or read a
/// value differently.
@Suite("Site JSON reader")
struct SiteJSONReaderTests {
    static let odd = "tab\there \"quoted\" back\\slash /slash \u{1}\u{1f}\u{7f} é 😀 \u{2028} </script>\r\n"

    static func summary(_ slug: String, name: String = odd) -> ToolSummary {
        ToolSummary(
            slug: ToolSlug(slug), name: name, category: "Chat",
            badges: [
                Badge(
                    topic: TopicKey("training"), section: .main, verdict: VerdictKey("trains_by_default"), label: name,
                    tone: .bad),
                Badge(
                    topic: TopicKey("baa"), section: .hipaa, verdict: VerdictKey("baa_available"), label: "BAA",
                    tone: .good),
            ], lastVerified: Day(year: 2026, month: 2, day: 28) ?? Day.today(), confidence: .medium, stale: true,
            url: "https://example.org/tools/\(slug)/", apiURL: "https://example.org/api/v1/tools/\(slug).json")
    }

    static var index: ToolIndex {
        ToolIndex(seq: 42, tools: (0..<25).map { summary("tool-\($0)", name: $0 == 3 ? odd : "Tool \($0)") })
    }

    static var manifest: SiteManifest {
        var manifest = SiteManifest(
            seq: 9_007_199_254_740_993, asOf: Day(year: 2026, month: 12, day: 1) ?? Day.today(), stalenessDays: 180,
            fingerprint: "f00d",
            files: (0..<30).map {
                SiteManifest.File(path: "tools/t-\($0)/index.html", sha256: String(repeating: "ab", count: 32), size: 1)
            } + [SiteManifest.File(path: odd, sha256: "", size: Int64.max)])
        manifest.watchSeq = 7
        return manifest
    }

    func fast<Value: SiteJSONReadable>(_ type: Value.Type, _ bytes: [UInt8]) -> Value? {
        bytes.withUnsafeBytes { raw in SiteJSONReader.read(raw) { Value(reading: &$0) } }
    }

    func foundation<Value: Decodable>(_ type: Value.Type, _ bytes: [UInt8]) -> Value? {
        try? JSONDecoder().decode(type, from: Data(bytes))
    }

    @Test("what the export writes reads back exactly, odd text included")
    func roundTrip() throws {
        let index = Self.index
        let manifest = Self.manifest
        #expect(fast(ToolIndex.self, JSONWriter.document(index)) == index)
        #expect(fast(SiteManifest.self, JSONWriter.document(manifest)) == manifest)
        #expect(fast(ToolIndex.self, JSONWriter.document(index, pretty: false)) == index)
        let encoded = Array(try SiteJSON.makeEncoder().encode(manifest))
        #expect(fast(SiteManifest.self, encoded) == manifest)
    }

    @Test("escapes, surrogate pairs and unknown members are read as JSONDecoder reads them")
    func escapes() throws {
        let text =
            #"{"seq": 1, "extra": {"a": [1, true, null, "x\u00e9", {"b": []}]}, "tools": [{"slug": "a\/b", "#
            + #""name": "\ud83d\ude00 \"q\" \\ \n\t\b\f\r\u0041", "category": "", "badges": [], "#
            + #""lastVerified": "2026-01-31", "confidence": "high", "stale": false, "url": "u", "apiURL": "v", "z": -0}]}"#
        let bytes = Array(text.utf8)
        let read = try #require(fast(ToolIndex.self, bytes))
        #expect(read == foundation(ToolIndex.self, bytes))
        #expect(read.tools.first?.name == "😀 \"q\" \\ \n\t\u{8}\u{c}\rA")
        #expect(read.tools.first?.slug == ToolSlug("a/b"))

        // A key written with an escape is the same key to JSONDecoder; the fast reader, which matches keys as bytes,
        // leaves such a document to it instead of reading it differently.
        let escapedKey = Array(text.replacingOccurrences(of: #""category""#, with: #""c\u0061tegory""#).utf8)
        #expect(fast(ToolIndex.self, escapedKey) == nil)
        let decoded = try SiteJSON.decode(ToolIndex.self, from: Data(escapedKey), path: "tools.json")
        #expect(decoded == read)
    }

    @Test(
        "documents it is unsure of are left to JSONDecoder",
        arguments: [
            #"{"seq": 1.0, "tools": []}"#,
            #"{"seq": 01, "tools": []}"#,
            #"{"seq": 1e3, "tools": []}"#,
            #"{"seq": 99999999999999999999, "tools": []}"#,
            #"{"seq": 1, "seq": 2, "tools": []}"#,
            #"{"seq": 1, "tools": [], }"#,
            #"{"seq": 1, "tools": []} x"#,
            #"{"seq": 1}"#,
            #"{"seq": 1, "tools": [], "x": "\ud800"}"#,
            #"{"seq": 1, "tools": [], "x": "\q"}"#,
            #"{"seq": 1, "tools": [], "x": "a"#,
            "{\"seq\": 1, \"tools\": [], \"x\": \"\t\"}",
            #"{"seq": 1, "tools": [], "x": "#,
            #"[]"#,
            "",
        ])
    func unsure(_ text: String) {
        #expect(fast(ToolIndex.self, Array(text.utf8)) == nil)
    }

    @Test("invalid UTF-8 and deep nesting are refused, not crashed on")
    func hostileBytes() {
        var bytes = Array(
            #"{"asOf": "2026-01-01", "files": [], "fingerprint": "ab", "format": 1, "seq": 1, "stalenessDays": 1}"#.utf8
        )
        let valid = bytes
        bytes.insert(0xFF, at: 53)
        #expect(fast(SiteManifest.self, valid) != nil)
        #expect(fast(SiteManifest.self, bytes) == nil)
        #expect(foundation(SiteManifest.self, bytes) == nil)
        // In a member it skips, JSONDecoder lets invalid UTF-8 pass; this reader leaves the document to it.
        var skipped = Array(#"{"seq": 1, "tools": [], "x": "ab"}"#.utf8)
        skipped.insert(0xFF, at: skipped.count - 3)
        #expect(fast(ToolIndex.self, skipped) == nil)
        let deep =
            #"{"seq": 1, "tools": [], "x": "# + String(repeating: "[", count: 100_000)
            + String(repeating: "]", count: 100_000) + "}"
        #expect(fast(ToolIndex.self, Array(deep.utf8)) == nil)
    }

    @Test("mutated documents: whatever it accepts, JSONDecoder accepts and reads the same")
    func mutations() {
        let seeds: [[UInt8]] = [
            JSONWriter.document(ToolIndex(seq: 3, tools: [Self.summary("a"), Self.summary("b", name: "B")])),
            JSONWriter.document(
                SiteManifest(
                    seq: 5, asOf: Day(year: 2026, month: 1, day: 2) ?? Day.today(), stalenessDays: 90,
                    fingerprint: "é", files: [SiteManifest.File(path: "a\"b", sha256: "00", size: 12)])),
        ]
        let alphabet = Array(#"{}[],:"\ u0123456789aeflnrstu-.E"#.utf8) + [0x00, 0x0A, 0x80, 0xC3, 0xA9, 0xFF]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var accepted = 0
        var disagreements: [String] = []
        for round in 0..<4_000 {
            var bytes = seeds[round % 2]
            for _ in 0...next(3) {
                let at = next(bytes.count)
                switch next(3) {
                case 0: bytes[at] = alphabet[next(alphabet.count)]
                case 1: bytes.remove(at: at)
                default: bytes.insert(alphabet[next(alphabet.count)], at: at)
                }
            }
            if round % 2 == 0 {
                guard let read = fast(ToolIndex.self, bytes) else { continue }
                accepted += 1
                if foundation(ToolIndex.self, bytes) != read {
                    disagreements.append(String(decoding: bytes, as: UTF8.self))
                }
            } else {
                guard let read = fast(SiteManifest.self, bytes) else { continue }
                accepted += 1
                if foundation(SiteManifest.self, bytes) != read {
                    disagreements.append(String(decoding: bytes, as: UTF8.self))
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(3))")
        // Many mutations only touch white space or string contents; the test is worthless if none are accepted.
        #expect(accepted > 200)
    }

    @Test("the chunked array writer gives the bytes of the plain one", arguments: [0, 1, 7, 8, 9, 31])
    func chunkedArrays(_ count: Int) throws {
        let tools = (0..<count).map { Self.summary("tool-\($0)", name: "T\($0)") }
        for pretty in [true, false] {
            var chunked = JSONWriter(pretty: pretty)
            chunked.beginObject()
            chunked.key("tools")
            chunked.array(tools, chunk: 8, bytesPerElement: 64)
            chunked.endObject()
            var plain = JSONWriter(pretty: pretty)
            plain.beginObject()
            plain.key("tools")
            plain.array(tools)
            plain.endObject()
            #expect(chunked.finish() == plain.finish())
        }
        let index = ToolIndex(seq: 1, tools: (0..<2_500).map { Self.summary("t-\($0)", name: "N\($0)") })
        var encoded = try SiteJSON.makeEncoder().encode(index)
        encoded.append(0x0A)
        #expect(JSONWriter.document(index) == Array(encoded))
    }
}
