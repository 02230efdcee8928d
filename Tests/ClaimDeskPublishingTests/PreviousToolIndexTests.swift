import ClaimDeskDomain
import Foundation
import Testing

@testable import ClaimDeskPublishing

/// An incremental export copies carried-over tools' summaries from the previous `tools.json` instead of encoding them
/// again; the result must be the bytes an encoding gives, and anything it cannot be sure of must be encoded.
@Suite("Copying the previous tool index")
struct PreviousToolIndexTests {
    static let previous = ToolIndex(
        seq: 41,
        tools: (0..<25).map {
            SiteJSONReaderTests.summary("tool-\($0 + 10)", name: $0 == 3 ? SiteJSONReaderTests.odd : "T\($0)")
        })

    static func read(_ bytes: [UInt8]) throws -> PreviousToolIndex {
        try PreviousToolIndex.read(Data(bytes), path: "tools.json")
    }

    /// Every tool carried over except those in `rendered`, which get a new name.
    static func outcomes(rendered: Set<Int> = []) -> [ToolOutcome] {
        previous.tools.enumerated().map { index, summary in
            guard rendered.contains(index) else { return ToolOutcome(summary: summary, files: [], rendered: false) }
            var changed = summary
            changed.name = "Renamed \(index) \u{1}\"</script>"
            return ToolOutcome(summary: changed, files: [], rendered: true)
        }
    }

    static func encoded(seq: Int64, _ outcomes: [ToolOutcome]) -> [UInt8] {
        JSONWriter.document(ToolIndex(seq: seq, tools: outcomes.map(\.summary)))
    }

    @Test("the index this exporter wrote is copied where tools were carried over, and equals a fresh encoding")
    func copies() throws {
        let index = try Self.read(JSONWriter.document(Self.previous))
        let read = index.index == Self.previous
        #expect(read)
        #expect(index.layout != nil)
        for rendered in [Set<Int>(), [0], [3, 24], Set(0..<25)] {
            let outcomes = Self.outcomes(rendered: rendered)
            let same = index.json(seq: 42, outcomes: outcomes) == Self.encoded(seq: 42, outcomes)
            #expect(same, "rendered: \(rendered.sorted())")
        }
        // Tools gone and tools added (slugs the previous index does not have) are encoded in their place.
        var outcomes = Array(Self.outcomes().dropFirst(2).dropLast(3))
        var added = SiteJSONReaderTests.summary("tool-20a", name: "Added")
        added.category = "New"
        outcomes.insert(ToolOutcome(summary: added, files: [], rendered: true), at: 9)
        #expect(outcomes[8].summary.slug < added.slug && added.slug < outcomes[10].summary.slug)
        let same = index.json(seq: 43, outcomes: outcomes) == Self.encoded(seq: 43, outcomes)
        #expect(same)
    }

    @Test("an index in another layout is not copied: compact, re-indented, unsorted, or a summary laid out anew")
    func refuses() throws {
        let pretty = JSONWriter.document(Self.previous)
        let text = String(decoding: pretty, as: UTF8.self)
        var unsorted = Self.previous
        unsorted.tools.swapAt(4, 5)
        #expect(unsorted.tools[4].slug > unsorted.tools[5].slug)
        for (name, bytes) in [
            ("compact", JSONWriter.document(Self.previous, pretty: false)),
            ("tabs", Array(text.replacingOccurrences(of: "    {", with: "\t{").utf8)),
            ("no final newline", Array(pretty.dropLast())),
            ("unsorted", JSONWriter.document(unsorted)),
        ] {
            let index = try Self.read(bytes)
            #expect(index.index.tools.count == 25, "\(name)")
            #expect(index.layout == nil, "\(name)")
            let copied = index.json(seq: 42, outcomes: Self.outcomes()) != nil
            #expect(!copied, "\(name)")
        }
        // Inside a summary the layout differs (an escaped slash JSONWriter does not write): the first copied summary
        // is checked against its encoding, and nothing is copied.
        let escaped = Array(text.replacingOccurrences(of: "https://", with: "https:\\/\\/").utf8)
        let index = try Self.read(escaped)
        let escapedIndex = index.index == Self.previous
        #expect(escapedIndex)
        let copied = index.json(seq: 42, outcomes: Self.outcomes()) != nil
        #expect(!copied)
    }

    @Test("a large index is read on two threads with the same summaries and places as one reader finds")
    func readsLargeIndexInHalves() throws {
        // About 2 MB: large enough to be split.
        let large = ToolIndex(
            seq: 77,
            tools: (0..<3000).map {
                SiteJSONReaderTests.summary(
                    String(format: "tool-%05d", $0), name: $0 == 1500 ? SiteJSONReaderTests.odd : "T\($0)")
            })
        let bytes = JSONWriter.document(large)
        #expect(bytes.count > 1 << 20)
        let halves = try #require(PreviousToolIndex.readInHalves(Data(bytes)), "the index was not split")
        let halvesSame = halves.0 == large
        #expect(halvesSame)
        let read = try Self.read(bytes)
        let same = read.index == large
        #expect(same)
        #expect(read.layout?.elements == halves.1)
        let layout = try #require(read.layout)
        #expect(layout.elements.count == large.tools.count)
        // Each recorded place holds exactly that summary, on both sides of the split.
        for position in [0, 1, 1499, 1500, 1501, 2999] {
            let element = Data(bytes[layout.elements[position]])
            let summary = try SiteJSON.decode(ToolSummary.self, from: element, path: "element")
            #expect(summary == large.tools[position], "\(position)")
        }
        let outcomes = large.tools.map { ToolOutcome(summary: $0, files: [], rendered: false) }
        let copied =
            read.json(seq: 78, outcomes: outcomes) == JSONWriter.document(ToolIndex(seq: 78, tools: large.tools))
        #expect(copied)
        // Laid out otherwise (no line holds only an element's opening brace at that depth), or damaged after the middle:
        // read by one reader, or refused, never half read.
        let text = String(decoding: bytes, as: UTF8.self)
        let shifted = try Self.read(Array(text.replacingOccurrences(of: "\n    {", with: "\n     {").utf8))
        let shiftedSame = shifted.index == large
        #expect(shiftedSame)
        #expect(shifted.layout == nil)
        #expect(
            PreviousToolIndex.readInHalves(Data(text.replacingOccurrences(of: "\n    {", with: "\n     {").utf8)) == nil
        )
        var damaged = bytes
        let tail = try #require(text.range(of: "tool-02999"))
        damaged[text.utf8.distance(from: text.startIndex, to: tail.lowerBound)] = UInt8(ascii: "\"")
        #expect(throws: ExportError.self) { try Self.read(damaged) }
    }
}
