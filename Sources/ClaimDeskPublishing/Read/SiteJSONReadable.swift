import ClaimDeskDomain

/// A document the export writes and reads back often enough that `SiteJSON.decode` reads it with `SiteJSONReader`
/// first; `init?(reading:)` answers nil whenever it is unsure, and `JSONDecoder` then decides.
protocol SiteJSONReadable: Decodable {
    init?(reading reader: inout SiteJSONReader)
}

extension SiteManifest: SiteJSONReadable {
    init?(reading reader: inout SiteJSONReader) {
        var format: Int?
        var seq: Int64?
        var asOf: Day?
        var stalenessDays: Int?
        var fingerprint: String?
        var files: [File]?
        var watchSeq: Int64?
        let read = reader.members { reader, key in
            switch key {
            case "format": return Self.once(&format, reader.int())
            case "seq": return Self.once(&seq, reader.int64())
            case "asOf": return Self.once(&asOf, reader.string().flatMap { Day($0) })
            case "stalenessDays": return Self.once(&stalenessDays, reader.int())
            case "fingerprint": return Self.once(&fingerprint, reader.string())
            case "watchSeq": return Self.once(&watchSeq, reader.int64())
            case "files": return Self.once(&files, reader.list { File(reading: &$0) })
            default: return reader.skipValue()
            }
        }
        guard read, let format, let seq, let asOf, let stalenessDays, let fingerprint, let files else { return nil }
        self.init(
            format: format, seq: seq, asOf: asOf, stalenessDays: stalenessDays, fingerprint: fingerprint, files: files)
        self.watchSeq = watchSeq ?? 0
    }

    /// Sets a member seen for the first time; a repeated member or an unreadable value sends the document to
    /// `JSONDecoder`.
    static func once<Value>(_ slot: inout Value?, _ value: Value?) -> Bool {
        guard slot == nil, let value else { return false }
        slot = value
        return true
    }
}

extension SiteManifest.File {
    init?(reading reader: inout SiteJSONReader) {
        var path: String?
        var sha256: String?
        var size: Int64?
        let read = reader.members { reader, key in
            switch key {
            case "path": return SiteManifest.once(&path, reader.string())
            case "sha256": return SiteManifest.once(&sha256, reader.string())
            case "size": return SiteManifest.once(&size, reader.int64())
            default: return reader.skipValue()
            }
        }
        guard read, let path, let sha256, let size else { return nil }
        self.init(path: path, sha256: sha256, size: size)
    }
}

extension ToolIndex: SiteJSONReadable {
    init?(reading reader: inout SiteJSONReader) {
        self.init(reading: &reader) { _ in }
    }

    /// Also tells `summary` where each tool's summary lies in the input (`PreviousToolIndex` copies those bytes).
    init?(reading reader: inout SiteJSONReader, summary: (Range<Int>) -> Void) {
        var seq: Int64?
        var tools: [ToolSummary]?
        let read = reader.members { reader, key in
            switch key {
            case "seq": return SiteManifest.once(&seq, reader.int64())
            case "tools":
                return SiteManifest.once(
                    &tools,
                    reader.list { reader -> ToolSummary? in
                        reader.skipSpace()
                        let start = reader.offset
                        guard let value = ToolSummary(reading: &reader) else { return nil }
                        summary(start..<reader.offset)
                        return value
                    })
            default: return reader.skipValue()
            }
        }
        guard read, let seq, let tools else { return nil }
        self.init(seq: seq, tools: tools)
    }
}

extension ToolSummary {
    init?(reading reader: inout SiteJSONReader) {
        var slug: String?
        var name: String?
        var category: String?
        var badges: [Badge]?
        var lastVerified: Day?
        var confidence: Confidence?
        var stale: Bool?
        var url: String?
        var apiURL: String?
        let read = reader.members { reader, key in
            switch key {
            case "slug": return SiteManifest.once(&slug, reader.string())
            case "name": return SiteManifest.once(&name, reader.string())
            case "category": return SiteManifest.once(&category, reader.string())
            case "lastVerified": return SiteManifest.once(&lastVerified, reader.string().flatMap { Day($0) })
            case "confidence":
                return SiteManifest.once(&confidence, reader.string().flatMap(Confidence.init(rawValue:)))
            case "stale": return SiteManifest.once(&stale, reader.bool())
            case "url": return SiteManifest.once(&url, reader.string())
            case "apiURL": return SiteManifest.once(&apiURL, reader.string())
            case "badges": return SiteManifest.once(&badges, reader.list { Badge(reading: &$0) })
            default: return reader.skipValue()
            }
        }
        guard read, let slug, let name, let category, let badges, let lastVerified, let confidence, let stale, let url,
            let apiURL
        else { return nil }
        self.init(
            slug: ToolSlug(slug), name: name, category: category, badges: badges, lastVerified: lastVerified,
            confidence: confidence, stale: stale, url: url, apiURL: apiURL)
    }
}

extension Badge {
    init?(reading reader: inout SiteJSONReader) {
        var topic: String?
        var section: TopicSection?
        var verdict: String?
        var label: String?
        var tone: Tone?
        let read = reader.members { reader, key in
            switch key {
            case "topic": return SiteManifest.once(&topic, reader.string())
            case "section": return SiteManifest.once(&section, reader.string().flatMap(TopicSection.init(rawValue:)))
            case "verdict": return SiteManifest.once(&verdict, reader.string())
            case "label": return SiteManifest.once(&label, reader.string())
            case "tone": return SiteManifest.once(&tone, reader.string().flatMap(Tone.init(rawValue:)))
            default: return reader.skipValue()
            }
        }
        guard read, let topic, let section, let verdict, let label, let tone else { return nil }
        self.init(topic: TopicKey(topic), section: section, verdict: VerdictKey(verdict), label: label, tone: tone)
    }
}
