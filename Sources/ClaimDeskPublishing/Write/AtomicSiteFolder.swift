import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces an export folder as a whole: the new site is completed in a work folder beside `DIR`, flushed to disk and
/// swapped in by rename, so readers (and a crash) only ever see the old export or the new one — never a mix, never a
/// partly written file.
///
/// The swap is double-buffered. After a swap the previous generation is kept as `.DIR.spare` instead of being
/// deleted, and the next export brings that spare up to date — writing only files whose bytes differ from what its
/// manifest lists — and swaps it in again. An incremental export therefore costs what changed, not what exists, and
/// no export spends time deleting the old site. The price is disk space for two copies.
///
/// Names beside `DIR`: `.DIR.lock` (one export at a time), `.DIR.spare` (the previous generation; while it is being
/// updated its `manifest.json` is removed, so an interrupted update is recognised and the spare rewritten in full),
/// `.DIR.tmp-PID` (a fresh work folder when there is no spare) and `.DIR.old-PID` (the live export during a
/// two-rename swap on systems without `RENAME_EXCHANGE`). Leftovers of a dead process are cleaned up — or, for an
/// interrupted two-rename swap, moved back to `DIR` — by the next run.
struct AtomicSiteFolder {
    let target: URL
    let parent: URL
    let name: String
    let pid: Int32
    /// False to force the two-rename swap (tests of the fallback path).
    let allowExchange: Bool

    init(_ target: URL, pid: Int32 = getpid(), allowExchange: Bool = true) {
        self.target = target.standardizedFileURL
        var name = self.target.lastPathComponent
        if name.isEmpty || name == "/" { name = "site" }
        self.name = name
        self.parent = self.target.deletingLastPathComponent()
        self.pid = pid
        self.allowExchange = allowExchange
    }

    var spareURL: URL { parent.appendingPathComponent(".\(name).spare") }
    var freshURL: URL { parent.appendingPathComponent(".\(name).tmp-\(pid)") }
    var backupURL: URL { parent.appendingPathComponent(".\(name).old-\(pid)") }
    var lockURL: URL { parent.appendingPathComponent(".\(name).lock") }

    /// Runs `body` holding the export lock of `DIR`, after repairing what a crashed run left behind.
    func withLock<Result>(_ body: () throws -> Result) throws -> Result {
        guard POSIXFile.isDirectory(parent.path) else {
            throw ExportError.parentNotWritable(path: target.path, reason: "\(parent.path) is not a folder")
        }
        guard access(parent.path, W_OK | X_OK) == 0 else {
            throw ExportError.parentNotWritable(path: target.path, reason: POSIXFile.reason())
        }
        let fd = open(lockURL.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ExportError.parentNotWritable(path: target.path, reason: POSIXFile.reason()) }
        defer { close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { throw ExportError.exportRunning(path: target.path) }
        defer { _ = flock(fd, LOCK_UN) }
        recover()
        return try body()
    }

    /// Picks and prepares the work folder: the spare when there is one (its manifest is read, then removed so an
    /// interrupted update is recognisable), else a new empty folder. `spare` is the spare's manifest when the caller
    /// already read it (nil inside: it had none or it was unreadable).
    func prepare(spare: KnownFiles?? = .none) throws -> WorkFolder {
        if POSIXFile.exists(target.path) {
            guard POSIXFile.isDirectory(target.path) else { throw ExportError.notAnExport(path: target.path) }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? []
            if !entries.isEmpty, !entries.contains(SitePaths.manifest) {
                throw ExportError.notAnExport(path: target.path)
            }
        }
        if POSIXFile.isDirectory(spareURL.path) {
            let manifestPath = spareURL.appendingPathComponent(SitePaths.manifest).path
            let known = spare ?? (try? SiteExporter.manifest(in: spareURL)).flatMap { $0 }.map(Self.known)
            if POSIXFile.exists(manifestPath) {
                guard unlink(manifestPath) == 0 else {
                    throw ExportError.writeFailed(path: manifestPath, reason: POSIXFile.reason())
                }
                POSIXFile.sync(spareURL.path)
            }
            return WorkFolder(url: spareURL, isSpare: true, known: known)
        }
        if POSIXFile.exists(spareURL.path) { try? FileManager.default.removeItem(at: spareURL) }
        try? FileManager.default.removeItem(at: freshURL)
        guard mkdir(freshURL.path, 0o755) == 0 else {
            throw ExportError.parentNotWritable(path: target.path, reason: POSIXFile.reason())
        }
        POSIXFile.markTopOfHierarchy(freshURL.path)
        Self.placePerToolFolders(in: freshURL)
        return WorkFolder(url: freshURL, isSpare: false, known: .nothing)
    }

    /// Creates the folders that get an entry per tool, each under a random name first, then renamed. In a folder
    /// marked as the top of a hierarchy, ext4 starts its search for a block group at a hash of the new folder's name:
    /// under its constant name, `tools` went back to where the previous site had just been deleted, whose freed inodes
    /// ext4 without a journal skips one by one for each new file (13-21 s of system time to create a site's 40,000
    /// inodes there, 0.5-0.7 s in a block group of their own). A folder that cannot be placed is made later, as before.
    private static func placePerToolFolders(in work: URL) {
        for name in SitePaths.perToolFolders {
            let final = work.appendingPathComponent(name).path
            let placing = work.appendingPathComponent(
                ".\(name).place-\(String(UInt64.random(in: 0...UInt64.max), radix: 16))"
            ).path
            guard mkdir(placing, 0o755) == 0 else { continue }
            if rename(placing, final) != 0 { _ = rmdir(placing) }
        }
    }

    private static func known(_ manifest: SiteManifest) -> KnownFiles {
        PreviousExport.indexed(manifest).known
    }

    /// Deletes what the work folder holds beyond the new export's files (removed tools, or anything stray) and returns
    /// the deleted paths. `thorough` lists the folder instead of trusting its manifest, as a full export does so it
    /// also repairs a spare that was tampered with. A fresh work folder was created empty by this export, under the
    /// lock, and holds only what the export put there: listing it (40,000 entries at 10,000 tools) would find nothing.
    func removeExtras(from work: WorkFolder, keeping files: [SiteManifest.File], thorough: Bool) -> [String] {
        guard work.isSpare else { return [] }
        var present: [String]
        if let known = work.known, !thorough {
            present = known.paths
        } else {
            present = Self.listFiles(work.url)
        }
        // Both lists sorted, walked side by side: at 10,000 tools, hashing 30,000 paths twice cost more than this.
        if zip(present, present.dropFirst()).contains(where: { $0.0 > $0.1 }) { present.sort() }
        let keeping =
            files.indices.dropFirst().contains(where: { files[$0 - 1].path > files[$0].path })
            ? files.sorted { $0.path < $1.path } : files
        var removed: [String] = []
        var next = 0
        for path in present where path != SitePaths.manifest {
            while next < keeping.count, keeping[next].path < path { next += 1 }
            if next < keeping.count, keeping[next].path == path { continue }
            POSIXFile.removeFile(work.url.appendingPathComponent(path).path)
            removed.append(path)
        }
        return removed
    }

    /// After a failed export: a fresh work folder is removed; a spare stays (without manifest) to be rewritten next
    /// time. The live export was never touched.
    func abandon(_ work: WorkFolder) {
        if !work.isSpare { try? FileManager.default.removeItem(at: work.url) }
    }

    /// Flushes the work folder to disk (`touched`: the paths written, linked or removed), swaps it into place, and
    /// keeps the previous export as the spare.
    func commit(_ work: WorkFolder, touched: [String]) throws {
        if !work.isSpare {
            // A catalogue without tools leaves `tools` as created up front: empty, and not part of the site.
            for name in SitePaths.perToolFolders { _ = rmdir(work.url.appendingPathComponent(name).path) }
        }
        flush(work.url, touched: touched)
        guard POSIXFile.exists(target.path) else {
            guard rename(work.url.path, target.path) == 0 else {
                throw ExportError.swapFailed(path: target.path, reason: POSIXFile.reason())
            }
            POSIXFile.sync(parent.path)
            return
        }
        if allowExchange, Self.exchange(work.url.path, target.path) {
            // The work folder's name now holds the previous export.
            if !work.isSpare { _ = rename(work.url.path, spareURL.path) }
            POSIXFile.sync(parent.path)
            return
        }
        guard rename(target.path, backupURL.path) == 0 else {
            throw ExportError.swapFailed(path: target.path, reason: POSIXFile.reason())
        }
        guard rename(work.url.path, target.path) == 0 else {
            let reason = POSIXFile.reason()
            _ = rename(backupURL.path, target.path)
            throw ExportError.swapFailed(path: target.path, reason: reason)
        }
        if POSIXFile.exists(spareURL.path) { try? FileManager.default.removeItem(at: spareURL) }
        _ = rename(backupURL.path, spareURL.path)
        POSIXFile.sync(parent.path)
    }

    /// Repairs what a crashed run left: a live export moved aside by an interrupted two-rename swap goes back to
    /// `DIR` (or becomes the spare when `DIR` is whole), and fresh work folders of dead runs are deleted.
    func recover() {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for entry in entries.sorted() {
            for (marker, isBackup) in [(".\(name).old-", true), (".\(name).tmp-", false)] {
                guard entry.hasPrefix(marker), let owner = Int32(entry.dropFirst(marker.count)) else { continue }
                guard owner == pid || !POSIXFile.isAlive(owner) else { continue }
                let url = parent.appendingPathComponent(entry)
                if isBackup {
                    if !POSIXFile.exists(target.path), rename(url.path, target.path) == 0 { continue }
                    if !POSIXFile.exists(spareURL.path), rename(url.path, spareURL.path) == 0 { continue }
                }
                try? FileManager.default.removeItem(at: url)
            }
        }
    }

    /// Makes the work folder durable before it becomes visible: `fsync` of each touched file and its folder when they
    /// are few, else one `syncfs` on Linux (or `fsync` of everything elsewhere).
    private func flush(_ root: URL, touched: [String]) {
        if touched.count <= 512 {
            var folders = Set<String>()
            for path in touched {
                let full = root.appendingPathComponent(path).path
                POSIXFile.sync(full)
                // A removed tool's folder may be gone too; its parent then holds the change.
                var folder = (full as NSString).deletingLastPathComponent
                if !POSIXFile.exists(folder) { folder = (folder as NSString).deletingLastPathComponent }
                folders.insert(folder)
            }
            for folder in folders.sorted() { POSIXFile.sync(folder) }
            POSIXFile.sync(root.path)
            return
        }
        #if os(Linux)
            if let syncfs = Self.syncfs {
                let fd = open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                if fd >= 0 {
                    defer { close(fd) }
                    if syncfs(fd) == 0 { return }
                }
            }
        #endif
        for path in Self.listFiles(root, includingFolders: true) {
            POSIXFile.sync(root.appendingPathComponent(path).path)
        }
        POSIXFile.sync(root.path)
    }

    /// Relative paths of the files (and optionally folders) under `root`.
    static func listFiles(_ root: URL, includingFolders: Bool = false) -> [String] {
        (POSIXFile.walk(root.path) ?? []).filter { includingFolders || !$0.isFolder }.map(\.path)
    }

    #if os(Linux)
        private typealias RenameAt2 =
            @convention(c) (
                Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32
            ) -> Int32
        private typealias SyncFS = @convention(c) (Int32) -> Int32

        /// glibc's `renameat2` and `syncfs`, looked up at run time because Swift's Glibc module does not export them.
        private static let renameat2: RenameAt2? = dlsym(dlopen(nil, RTLD_NOW), "renameat2").map {
            unsafeBitCast($0, to: RenameAt2.self)
        }
        private static let syncfs: SyncFS? = dlsym(dlopen(nil, RTLD_NOW), "syncfs").map {
            unsafeBitCast($0, to: SyncFS.self)
        }
    #endif

    /// Atomically exchanges two paths (`RENAME_EXCHANGE`); false when the system or file system cannot.
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
            guard let renameat2 else { return false }
            let renameExchange: UInt32 = 1 << 1
            return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
            return false
        #endif
    }
}
