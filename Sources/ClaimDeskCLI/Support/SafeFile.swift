import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file the way a careful tool run as root must: never through a symbolic link, never over a device,
/// pipe or socket, and atomically (a temporary file in the same folder, flushed, then renamed over the target),
/// so a reader sees the old file or the new one, never half of one.
enum SafeFile {
    /// Replaces (or creates) the regular file at `path` with `data`; `item` names the flag in messages.
    static func write(_ data: Data, to path: String, item: String) throws(CLIError) {
        func refuse(_ problem: String, _ fix: String) -> CLIError {
            CLIError(.invalid, "\(item) \(clip(path)) \(problem); \(fix).")
        }
        var info = stat()
        if lstat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFLNK:
                throw refuse(
                    "is a symbolic link, which claimdesk does not write through",
                    "give the path of the file itself, or remove the link")
            case S_IFDIR:
                throw refuse("is a directory", "give a file name inside it, e.g. \(clip(path))/dump.yaml")
            default:
                throw refuse(
                    "is not a regular file (a device, named pipe or socket)", "give the path of a regular file")
            }
        } else if errno != ENOENT {
            throw refuse("cannot be checked (\(String(cString: strerror(errno))))", "check the path and permissions")
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var folderInfo = stat()
        guard stat(folder, &folderInfo) == 0, folderInfo.st_mode & S_IFMT == S_IFDIR else {
            throw refuse("cannot be written: its folder \(clip(folder)) does not exist", "create the folder first")
        }
        var template = Array((folder + "/." + url.lastPathComponent + ".claimdesk-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else {
            throw refuse(
                "cannot be written (\(String(cString: strerror(errno))))",
                "check that the folder exists and that you may write to it")
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = 0
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            while written < buffer.count {
                let n = writeBytes(fd, buffer.baseAddress.map { $0 + written }, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += n
            }
        }
        // Readable like a file made with the usual umask; the rename keeps the target's own mode otherwise.
        let mode = (info.st_mode & S_IFMT == S_IFREG) ? info.st_mode & 0o777 : 0o644
        if failure == 0, fchmod(fd, mode) != 0 { failure = errno }
        if failure == 0, fsync(fd) != 0 { failure = errno }
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw refuse(
                "cannot be written (\(String(cString: strerror(failure))))",
                "check the folder's permissions and free space")
        }
    }

    /// Paths are echoed in messages, but never more than ~200 characters of them.
    static func clip(_ text: String) -> String {
        text.count > 200 ? String(text.prefix(199)) + "…" : text
    }
}

/// `write(2)`, spelled apart from the method names it would otherwise collide with.
private func writeBytes(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
    #elseif canImport(Musl)
        Musl.write(fd, buffer, count)
    #else
        Darwin.write(fd, buffer, count)
    #endif
}
