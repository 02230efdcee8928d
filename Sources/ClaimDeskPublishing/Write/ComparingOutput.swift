import Foundation

/// Compares freshly rendered files with the ones on disk instead of writing them, for `--check` against the database.
struct ComparingOutput: SiteOutput {
    /// What is on disk, by path, as `--check` measured it.
    let onDisk: [String: SiteManifest.File]
    /// Paths whose fresh render differs from the file on disk, or is not on disk at all.
    let drift = Locked<[String]>([])
    /// Paths the fresh render produced.
    let produced = Locked<Set<String>>([])

    func emit(raw bytes: UnsafeRawBufferPointer, path: String) throws -> SiteManifest.File {
        let entry = FileDigest.entry(for: bytes, path: path)
        produced.withLock { _ = $0.insert(path) }
        if onDisk[path] != entry { drift.withLock { $0.append(path) } }
        return entry
    }

    func reuse(_ file: SiteManifest.File, from live: URL) throws {
        produced.withLock { _ = $0.insert(file.path) }
        if onDisk[file.path] != file { drift.withLock { $0.append(file.path) } }
    }
}
