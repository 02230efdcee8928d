import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few file-system calls the exporter needs, with errno turned into readable reasons.
enum POSIXFile {
    /// Puts `data` at `path`, creating missing parent folders. A file that shares its inode with another name (a hard
    /// link from the live export) is never written through: it is replaced by a new file.
    static func replace(_ path: String, with data: Data) throws {
        try data.withUnsafeBytes { try replace(path, with: $0) }
    }

    static func replace(_ path: String, with data: UnsafeRawBufferPointer) throws {
        if rewrite(path, with: data) { return }
        if unlink(path) != 0, errno != ENOENT { throw ExportError.writeFailed(path: path, reason: reason()) }
        var code = create(path, data: data)
        if code == ENOENT {
            try makeParents(of: path)
            code = create(path, data: data)
        }
        if code != 0 { throw ExportError.writeFailed(path: path, reason: reason(code)) }
    }

    /// Creates the file at `path` in a folder this export made empty: there is nothing to read back, rewrite or unlink
    /// first, which cost a first export of 10,000 tools 90,000 failing system calls. Something unexpectedly there is
    /// still replaced.
    static func createNew(_ path: String, with data: UnsafeRawBufferPointer) throws {
        var code = create(path, data: data)
        if code == ENOENT {
            try makeParents(of: path)
            code = create(path, data: data)
        }
        if code == EEXIST { return try replace(path, with: data) }
        if code != 0 { throw ExportError.writeFailed(path: path, reason: reason(code)) }
    }

    /// Puts a hard link to `source` (a copy when the file system refuses links) at `destination`, replacing what is
    /// there.
    static func replaceWithLink(from source: String, to destination: String) throws {
        if unlink(destination) != 0, errno != ENOENT {
            throw ExportError.writeFailed(path: destination, reason: reason())
        }
        if link(source, destination) == 0 { return }
        if errno == ENOENT, exists(source) {
            try makeParents(of: destination)
            if link(source, destination) == 0 { return }
        }
        let linkError = errno
        guard linkError == EXDEV || linkError == EPERM || linkError == EMLINK || linkError == ENOTSUP else {
            throw ExportError.unreadableExport(path: source, reason: reason(linkError))
        }
        guard let data = FileManager.default.contents(atPath: source) else {
            throw ExportError.unreadableExport(path: source, reason: "it cannot be read")
        }
        try replace(destination, with: data)
    }

    /// Whether the regular file at `path` holds exactly `data` (false when it is missing or unreadable).
    static func hasContents(_ path: String, _ data: Data) -> Bool {
        data.withUnsafeBytes { hasContents(path, $0) }
    }

    /// Compared 64 KiB at a time, so checking a large file costs no copy of it in memory. Opened without blocking:
    /// a FIFO left in the work folder would otherwise stop the export until something wrote to it.
    static func hasContents(_ path: String, _ expected: UnsafeRawBufferPointer) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == expected.count else {
            return false
        }
        guard let base = expected.baseAddress, expected.count > 0 else { return true }
        let chunk = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        var done = 0
        while done < expected.count {
            let got = read(fd, buffer, min(chunk, expected.count - done))
            if got < 0, errno == EINTR { continue }
            guard got > 0, memcmp(buffer, base + done, got) == 0 else { return false }
            done += got
        }
        // One more byte would mean the file grew since fstat.
        var extra: UInt8 = 0
        return read(fd, &extra, 1) == 0
    }

    /// Overwrites the file at `path` in place when it is a regular file of ours, mode 644, that no other name shares;
    /// false, having changed nothing or only that file, when it must be replaced instead. A re-render of every page
    /// (a template fix) otherwise made 30,000 new files at 10,000 tools, and a new inode cost this machine's file
    /// system 100–200 µs of kernel time each; an existing one also keeps its blocks and cached pages.
    private static func rewrite(_ path: String, with buffer: UnsafeRawBufferPointer) -> Bool {
        func isOurs(_ info: stat) -> Bool {
            (info.st_mode & S_IFMT) == S_IFREG && info.st_nlink == 1 && info.st_mode & 0o7777 == 0o644
                && info.st_uid == geteuid()
        }
        // Looked at before opening, so a FIFO or device someone left in the folder is never opened.
        var before = stat()
        guard lstat(path, &before) == 0, isOurs(before) else { return false }
        let fd = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return false }
        var info = stat()
        guard fstat(fd, &info) == 0, isOurs(info), info.st_ino == before.st_ino, info.st_dev == before.st_dev else {
            close(fd)
            return false
        }
        var written = 0
        while written < buffer.count, let base = buffer.baseAddress {
            let count = pwrite(fd, base + written, buffer.count - written, off_t(written))
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                close(fd)
                return false
            }
            written += count
        }
        guard ftruncate(fd, off_t(buffer.count)) == 0 else {
            close(fd)
            return false
        }
        startWriteback(fd)
        return close(fd) == 0
    }

    /// Creates `path` (which must not exist) with all of `data`; returns 0 or the errno of the failure.
    private static func create(_ path: String, data buffer: UnsafeRawBufferPointer) -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return errno }
        var failure: Int32 = 0
        if var pointer = buffer.baseAddress {
            var remaining = buffer.count
            while remaining > 0 {
                let written = write(fd, pointer, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                remaining -= written
                pointer += written
            }
        }
        if failure == 0 { startWriteback(fd) }
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure != 0 { _ = unlink(path) }
        return failure
    }

    /// Asks the kernel to start writing the file to disk now, without waiting. The export flushes everything before
    /// its swap; a full export writes 1.5 GB at 10,000 tools, and flushing it all at the end left both cores idle for
    /// more than a second while the disk caught up. Started per file, the writing overlaps rendering instead.
    private static func startWriteback(_ fd: Int32) {
        #if os(Linux)
            let write: UInt32 = 2  // SYNC_FILE_RANGE_WRITE
            _ = syncFileRange?(fd, 0, 0, write)
        #endif
    }

    #if os(Linux)
        private typealias SyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32
        /// Looked up at run time because Swift's Glibc module does not export it.
        private static let syncFileRange: SyncFileRange? = dlsym(dlopen(nil, RTLD_NOW), "sync_file_range").map {
            unsafeBitCast($0, to: SyncFileRange.self)
        }
    #endif

    /// `mkdir -p` of the folder holding `path`.
    static func makeParents(of path: String) throws {
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty, !isDirectory(parent) else { return }
        try makeParents(of: parent)
        if mkdir(parent, 0o755) != 0, errno != EEXIST {
            throw ExportError.writeFailed(path: parent, reason: reason())
        }
    }

    /// Removes a file, then its folder if that became empty (a removed tool's `tools/SLUG`).
    static func removeFile(_ path: String) {
        guard unlink(path) == 0 || errno == ENOENT else { return }
        _ = rmdir((path as NSString).deletingLastPathComponent)
    }

    /// Marks a new export folder as the top of a folder hierarchy (ext4's `T` attribute, as `chattr +T` sets), so ext4
    /// puts its folders in block groups it picks afresh instead of next to the parent's. There, a site deleted minutes
    /// before leaves thousands of free inodes that ext4 without a journal checks and skips one by one for every new
    /// file: a first export of 10,000 tools spent 15 s of system time on it. A hint only; other file systems refuse it.
    static func markTopOfHierarchy(_ path: String) { _ = topOfHierarchy(path, mark: true) }

    /// Whether `path` carries the mark `markTopOfHierarchy` sets; nil when its file system keeps no such flags.
    static func isTopOfHierarchy(_ path: String) -> Bool? { topOfHierarchy(path, mark: false) }

    private static func topOfHierarchy(_ path: String, mark: Bool) -> Bool? {
        #if os(Linux)
            let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            var flags: CInt = 0
            guard ioctl(fd, fileSystemGetFlags, &flags) == 0 else { return nil }
            if mark, flags & topOfHierarchyFlag == 0 {
                flags |= topOfHierarchyFlag
                return ioctl(fd, fileSystemSetFlags, &flags) == 0
            }
            return flags & topOfHierarchyFlag != 0
        #else
            return nil
        #endif
    }

    #if os(Linux)
        /// `FS_IOC_GETFLAGS`, `FS_IOC_SETFLAGS` and `FS_TOPDIR_FL` from <linux/fs.h>, which Glibc does not export.
        private static let fileSystemGetFlags: UInt = 0x8008_6601
        private static let fileSystemSetFlags: UInt = 0x4008_6602
        private static let topOfHierarchyFlag: CInt = 0x0002_0000
    #endif

    /// `fsync` of one file or folder (a folder's entries become durable only once the folder itself is synced).
    static func sync(_ path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// Relative paths under `root`, depth first, with whether each is a folder (symbolic links are not followed and
    /// count as files). `nil` when `root` cannot be listed. readdir's entry types answer without a `stat` per file:
    /// FileManager's enumerator also looked up each file's owner and group in /etc/passwd and /etc/group, which
    /// cost an export of 3,000 files about 1.8 s.
    static func walk(_ root: String) -> [(path: String, isFolder: Bool)]? {
        var result: [(path: String, isFolder: Bool)] = []
        func visit(_ folder: String, prefix: String) -> Bool {
            guard let handle = opendir(folder) else { return false }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let full = folder + "/" + name
                var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
                if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                    var info = stat()
                    isFolder = lstat(full, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
                }
                let relative = prefix + name
                result.append((relative, isFolder))
                if isFolder { _ = visit(full, prefix: relative + "/") }
            }
            return true
        }
        return visit(root, prefix: "") ? result : nil
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Whether the process `pid` still runs (so its staging folder is not stale).
    static func isAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    static func reason(_ code: Int32 = errno) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
