import ClaimDeskDomain

/// `manifest.json`: every other file of the export with its SHA-256 and size, and what the export was made from.
///
/// `--check` verifies a site against it; an incremental export reads `seq` to know what changed since, and refuses to
/// continue when `fingerprint` (templates, vocabulary and settings other than the day) differs.
public struct SiteManifest: Hashable, Sendable, Codable {
    public struct File: Hashable, Sendable, Codable {
        /// Relative to the export folder, with `/` separators.
        public var path: String
        public var sha256: String
        public var size: Int64

        public init(path: String, sha256: String, size: Int64) {
            self.path = path
            self.sha256 = sha256
            self.size = size
        }
    }

    /// The manifest's own format version.
    public var format: Int
    /// The publish sequence the export is complete up to.
    public var seq: Int64
    /// The day stale flags were computed for.
    public var asOf: Day
    public var stalenessDays: Int
    /// A digest of the templates, the topic vocabulary and the settings.
    public var fingerprint: String
    /// Sorted by path.
    public var files: [File]
    /// The source watch position the export is complete up to; an incremental export re-renders the tools whose
    /// sources were checked since. 0 in manifests written before the source watch.
    public var watchSeq: Int64 = 0

    public static let currentFormat = 1

    public init(
        format: Int = SiteManifest.currentFormat, seq: Int64, asOf: Day, stalenessDays: Int, fingerprint: String,
        files: [File]
    ) {
        self.format = format
        self.seq = seq
        self.asOf = asOf
        self.stalenessDays = stalenessDays
        self.fingerprint = fingerprint
        self.files = files
    }

    enum CodingKeys: String, CodingKey {
        case format, seq, asOf, stalenessDays, fingerprint, files, watchSeq
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(Int.self, forKey: .format)
        seq = try c.decode(Int64.self, forKey: .seq)
        asOf = try c.decode(Day.self, forKey: .asOf)
        stalenessDays = try c.decode(Int.self, forKey: .stalenessDays)
        fingerprint = try c.decode(String.self, forKey: .fingerprint)
        files = try c.decode([File].self, forKey: .files)
        watchSeq = try c.decodeIfPresent(Int64.self, forKey: .watchSeq) ?? 0
    }
}
