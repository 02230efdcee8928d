import Foundation

/// Writes an export into the work folder — the previous generation kept beside the live export, or a fresh folder —
/// never into the live export itself.
///
/// When the work folder's content is known (its manifest from the generation it holds) and `keepUnchanged` is set,
/// files that already have the right bytes are left alone: that is what makes an incremental export cost what
/// changed rather than what exists. A file hard-linked from the live export is replaced by unlink and create, never
/// written through (`POSIXFile.replace`), so the live export can never be changed through the work folder.
struct WorkFolderOutput: SiteOutput {
    let root: URL
    /// The work folder was created empty by this export: no file is there to compare with or replace.
    let fresh: Bool
    /// What the work folder holds for certain, by path.
    let known: KnownFiles
    let keepUnchanged: Bool
    /// Test hook: called before each file is written; throwing simulates a failure midway through an export.
    let beforeWrite: (@Sendable (String) throws -> Void)?
    let stats = Locked(OutputStats())

    func emit(raw data: UnsafeRawBufferPointer, path: String) throws -> SiteManifest.File {
        let entry = FileDigest.entry(for: data, path: path)
        if keepUnchanged, known[path] == entry {
            stats.withLock { $0.kept += 1 }
            return entry
        }
        let full = root.appendingPathComponent(path).path
        if fresh {
            try beforeWrite?(path)
            try POSIXFile.createNew(full, with: data)
        } else {
            // A full export does not trust the work folder's manifest (the folder may have been tampered with), but a
            // file that already holds exactly these bytes needs no rewrite: most pages of a re-export are unchanged,
            // and reading a file back costs far less than replacing it and flushing it to disk.
            if known[path].map({ $0 == entry }) ?? true, POSIXFile.hasContents(full, data) {
                stats.withLock { $0.kept += 1 }
                return entry
            }
            try beforeWrite?(path)
            try POSIXFile.replace(full, with: data)
        }
        stats.withLock {
            $0.written += 1
            $0.bytesWritten += entry.size
            $0.touched.append(path)
        }
        return entry
    }

    func reuse(_ file: SiteManifest.File, from live: URL) throws {
        if known.holds(live: file) {
            stats.withLock { $0.kept += 1 }
            return
        }
        try beforeWrite?(file.path)
        try POSIXFile.replaceWithLink(
            from: live.appendingPathComponent(file.path).path, to: root.appendingPathComponent(file.path).path)
        stats.withLock {
            $0.linked += 1
            $0.touched.append(file.path)
        }
    }
}
