/// The outcome of `export --check`: whether the files on disk are the ones the manifest lists, and — when the
/// database's published data is given — the ones a fresh export would write. The CLI exits non-zero unless `isClean`.
public struct CheckReport: Hashable, Sendable, Codable {
    /// The publish sequence recorded in the manifest.
    public var seq: Int64
    /// The publish sequence of the catalogue compared against, if one was given.
    public var catalogSeq: Int64?
    /// Files listed in the manifest (and found or not).
    public var filesChecked: Int
    /// Listed in the manifest but not on disk.
    public var missing: [String]
    /// On disk but not listed in the manifest.
    public var extra: [String]
    /// On disk with a different SHA-256 or size than the manifest says.
    public var modified: [String]
    /// Files a fresh export of the catalogue would write differently (or not at all); nil when no catalogue was given.
    public var drift: [String]?

    public init(
        seq: Int64, catalogSeq: Int64?, filesChecked: Int, missing: [String], extra: [String], modified: [String],
        drift: [String]?
    ) {
        self.seq = seq
        self.catalogSeq = catalogSeq
        self.filesChecked = filesChecked
        self.missing = missing
        self.extra = extra
        self.modified = modified
        self.drift = drift
    }

    public var isClean: Bool { missing.isEmpty && extra.isEmpty && modified.isEmpty && (drift ?? []).isEmpty }

    /// One line per problem, e.g. "modified: tools/deepseek/index.html (does not match manifest.json)".
    public var problems: [String] {
        missing.map { "missing: \($0) (listed in manifest.json, not on disk)" }
            + extra.map { "extra: \($0) (on disk, not in manifest.json)" }
            + modified.map { "modified: \($0) (does not match manifest.json)" }
            + (drift ?? []).map { "drift: \($0) (differs from a fresh export of the published data)" }
    }
}
