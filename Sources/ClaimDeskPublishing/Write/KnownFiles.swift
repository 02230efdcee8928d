/// What a work folder holds for certain, by path, and the same paths in order.
///
/// An incremental export's spare is the generation before the live one, and the two differ in the few files the last
/// export changed. Kept as the live manifest's files plus those differences, the spare's content costs a comparison
/// of two files' bytes instead of a second 30,000-entry parse and dictionary at 10,000 tools (`SpareDifference`).
struct KnownFiles: Sendable {
    private let base: [String: SiteManifest.File]
    /// True when `base` is the live export's files this was compared with (`SpareDifference`).
    private let relativeToLive: Bool
    /// Where the folder differs from `base`: the file it holds, or nil when it holds none at that path.
    private let overrides: [String: SiteManifest.File?]
    /// Every path the folder holds, sorted.
    let paths: [String]

    /// A folder that holds exactly `files` (sorted by path).
    init(files: [SiteManifest.File], byPath: [String: SiteManifest.File]) {
        self.base = byPath
        self.relativeToLive = false
        self.overrides = [:]
        self.paths = files.map(\.path)
    }

    /// A folder that holds the live export's files `live` apart from `overrides`; `paths` are the paths it holds,
    /// sorted.
    init(live: [String: SiteManifest.File], overrides: [String: SiteManifest.File?], paths: [String]) {
        self.base = live
        self.relativeToLive = true
        self.overrides = overrides
        self.paths = paths
    }

    static let nothing = KnownFiles(files: [], byPath: [:])

    subscript(path: String) -> SiteManifest.File? {
        if !overrides.isEmpty, let override = overrides[path] { return override }
        return base[path]
    }

    /// Whether the folder holds `file`, an entry of the live export's manifest. When this was compared with that
    /// manifest, only the few differences need looking up: carrying 10,000 pages over asks this 30,000 times.
    func holds(live file: SiteManifest.File) -> Bool {
        guard relativeToLive else { return self[file.path] == file }
        return overrides.isEmpty || overrides[file.path] == nil
    }
}
