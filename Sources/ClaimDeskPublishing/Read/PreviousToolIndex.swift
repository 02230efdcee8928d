import ClaimDeskDomain
import Foundation

/// The previous export's `api/v1/tools.json`: its summaries, and — when the file is laid out exactly as this exporter
/// writes it — its bytes with each summary's place in them.
///
/// An incremental export writes the new index with a carried-over tool's summary copied from those bytes instead of
/// encoded again (about 25 ms of CPU, 5 % of the export, at 10,000 tools). A carried-over summary is the previous one
/// by definition, and a previous file in this exporter's layout holds the bytes an encoding gives — the assumption
/// that already lets an incremental export carry pages over unchanged. `json(seq:outcomes:)` also re-encodes the first
/// copied summary and leaves every one to the encoder when that differs. The file's bytes stay in memory until the
/// export ends (9.6 MB at 10,000 tools).
struct PreviousToolIndex: Sendable {
    let index: ToolIndex
    /// The file's bytes and each summary's range in them, in `index.tools` order; nil when the layout is not the
    /// one this exporter writes (the summaries are then encoded).
    let layout: (bytes: Data, elements: [Range<Int>])?

    var tools: [ToolSummary] { index.tools }

    /// Reads `data` (the file at `path`).
    static func read(_ data: Data, path: String) throws(ExportError) -> PreviousToolIndex {
        let fast =
            readInHalves(data)
            ?? data.withUnsafeBytes { bytes -> (ToolIndex, [Range<Int>])? in
                var elements: [Range<Int>] = []
                let index = SiteJSONReader.read(bytes) { reader in
                    ToolIndex(reading: &reader) { elements.append($0) }
                }
                return index.map { ($0, elements) }
            }
        guard let (index, elements) = fast else {
            return PreviousToolIndex(index: try SiteJSON.decode(ToolIndex.self, from: data, path: path), layout: nil)
        }
        // Strictly in slug order, so a carried-over tool's summary is found by walking both lists in step.
        let laidOut =
            !index.tools.indices.dropFirst().contains { index.tools[$0 - 1].slug >= index.tools[$0].slug }
            && data.withUnsafeBytes { Self.isWriterLayout($0, seq: index.seq, elements: elements) }
        return PreviousToolIndex(index: index, layout: laidOut ? (data, elements) : nil)
    }

    /// The summaries after `start` (the first byte of one of them), read by another thread.
    private struct Rest: Sendable {
        let tools: [ToolSummary]
        let elements: [Range<Int>]
        /// Just after the array's closing bracket.
        let end: Int
    }

    /// Reads the index on two threads: this one up to a summary near the middle, another from there. Parsing the
    /// previous index was the longest step before an incremental export could start its plan (about 100 ms at 10,000
    /// tools). Nil when the file is small or not laid out as the writer lays it out; the caller then reads it whole.
    ///
    /// The split is a line holding only `{` at the depth of the tools array's elements. That is only a guess, but a
    /// wrong one cannot pass: this thread must reach it exactly, after a comma between two summaries, and the other
    /// must read summaries from it to the array's end.
    static func readInHalves(_ data: Data) -> (ToolIndex, [Range<Int>])? {
        let opening = Array("\n    {".utf8)
        let split: Int? = data.withUnsafeBytes { raw in
            guard raw.count >= 1 << 20 else { return nil }
            return ByteSearch.find(opening, in: raw.bindMemory(to: UInt8.self), from: raw.count / 2).map {
                $0 + opening.count - 1
            }
        }
        guard let split else { return nil }
        let rest = Pending(ownThread: true) { () -> Rest? in
            data.withUnsafeBytes { bytes in
                var reader = SiteJSONReader(bytes, at: split)
                var tools: [ToolSummary] = []
                var elements: [Range<Int>] = []
                repeat {
                    reader.skipSpace()
                    let start = reader.offset
                    guard let summary = ToolSummary(reading: &reader) else { return nil }
                    tools.append(summary)
                    elements.append(start..<reader.offset)
                } while reader.take(UInt8(ascii: ","))
                guard reader.take(UInt8(ascii: "]")) else { return nil }
                return Rest(tools: tools, elements: elements, end: reader.offset)
            }
        }
        return data.withUnsafeBytes { bytes -> (ToolIndex, [Range<Int>])? in
            var elements: [Range<Int>] = []
            var seq: Int64?
            var tools: [ToolSummary]?
            let read = SiteJSONReader.read(bytes) { reader -> Bool? in
                let read = reader.members { reader, key in
                    switch key {
                    case "seq": return SiteManifest.once(&seq, reader.int64())
                    case "tools":
                        guard tools == nil, reader.take(UInt8(ascii: "[")) else { return false }
                        var list: [ToolSummary] = []
                        while true {
                            reader.skipSpace()
                            let start = reader.offset
                            if start == split {
                                guard let rest = rest.value() else { return false }
                                tools = list + rest.tools
                                elements += rest.elements
                                reader.seek(to: rest.end)
                                return true
                            }
                            guard start < split, let summary = ToolSummary(reading: &reader) else { return false }
                            list.append(summary)
                            elements.append(start..<reader.offset)
                            guard reader.take(UInt8(ascii: ",")) else { return false }
                        }
                    default: return reader.skipValue()
                    }
                }
                return read ? true : nil
            }
            guard read != nil, let seq, let tools else { return nil }
            return (ToolIndex(seq: seq, tools: tools), elements)
        }
    }

    /// The new `tools.json` for `outcomes` (in slug order): carried-over tools' summaries copied from the previous
    /// file, the others encoded. Nil when the previous file's layout is unknown, or when the first copied summary
    /// differs from its encoding (a layout this exporter no longer writes); the caller then encodes every summary.
    func json(seq: Int64, outcomes: [ToolOutcome]) -> [UInt8]? {
        guard let layout else { return nil }
        let tools = index.tools
        return layout.bytes.withUnsafeBytes { raw -> [UInt8]? in
            let base = raw.bindMemory(to: UInt8.self)
            var writer = JSONWriter(capacity: raw.count + 64 * 1024)
            writer.beginObject()
            writer.key("seq")
            writer.int(seq)
            writer.key("tools")
            writer.beginArray()
            var position = 0
            var verified = false
            for index in outcomes.indices {
                writer.element()
                let slug = outcomes[index].summary.slug
                while position < tools.count, tools[position].slug < slug { position += 1 }
                guard !outcomes[index].rendered, position < tools.count, tools[position].slug == slug else {
                    outcomes[index].summary.write(to: &writer)
                    continue
                }
                let range = layout.elements[position]
                let previous = UnsafeBufferPointer(rebasing: base[range])
                if !verified {
                    let start = writer.bytes.count
                    outcomes[index].summary.write(to: &writer)
                    guard writer.bytes[start...].elementsEqual(previous) else { return nil }
                    verified = true
                    continue
                }
                writer.written(previous)
            }
            writer.endArray()
            writer.endObject()
            return writer.finish()
        }
    }

    /// Whether everything around the summaries — the document's opening, the separators between summaries and its
    /// end — is byte for byte what `JSONWriter` writes for an index of this `seq`.
    private static func isWriterLayout(_ bytes: UnsafeRawBufferPointer, seq: Int64, elements: [Range<Int>]) -> Bool {
        guard let first = elements.first, let last = elements.last else { return false }
        var writer = JSONWriter(capacity: 128)
        writer.beginObject()
        writer.key("seq")
        writer.int(seq)
        writer.key("tools")
        writer.beginArray()
        writer.element()
        let opening = writer.bytes
        writer.element()
        let separator = writer.bytes[opening.count...]
        let beforeEnd = writer.bytes.count
        writer.endArray()
        writer.endObject()
        let ending = writer.finish()[beforeEnd...]

        func holds(_ range: Range<Int>, _ expected: some Collection<UInt8>) -> Bool {
            range.lowerBound >= 0 && range.upperBound <= bytes.count && range.count == expected.count
                && zip(bytes[range], expected).allSatisfy { $0 == $1 }
        }
        guard holds(0..<first.lowerBound, opening), holds(last.upperBound..<bytes.count, ending) else { return false }
        for index in elements.indices.dropFirst()
        where !holds(elements[index - 1].upperBound..<elements[index].lowerBound, separator) {
            return false
        }
        return true
    }
}
