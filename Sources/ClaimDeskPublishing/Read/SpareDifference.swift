/// Compares the spare's `manifest.json` with the live export's files without parsing the parts they share.
///
/// Both manifests are written by `JSONWriter` and sorted by path, and the spare is the generation before the live
/// export: nearly every entry is byte for byte the one the live file would be written as. Those entries are matched
/// in place; any other entry is read with `SiteJSONReader` and merged in by path. The spare's members other than
/// `files` are not used, so they are not read. Anything unexpected answers nil, and the caller reads the spare's
/// manifest in full instead.
enum SpareDifference {
    /// What the spare holds, as the live files plus differences; nil when `spare` is not in the writer's layout.
    static func known(
        spare: UnsafeRawBufferPointer, live: [SiteManifest.File], liveByPath: [String: SiteManifest.File]
    ) -> KnownFiles? {
        guard !live.indices.dropFirst().contains(where: { live[$0 - 1].path >= live[$0].path }) else { return nil }
        let bytes = spare.bindMemory(to: UInt8.self)
        guard var cursor = ByteSearch.find(filesOpening, in: bytes).map({ $0 + filesOpening.count }) else {
            return nil
        }
        var overrides: [String: SiteManifest.File?] = [:]
        var paths: [String] = []
        paths.reserveCapacity(live.count + 16)
        var next = 0
        var previousPath: String?
        while true {
            if next < live.count, let end = matchEntry(live[next], in: bytes, at: cursor) {
                if let previousPath, previousPath >= live[next].path { return nil }
                previousPath = live[next].path
                paths.append(live[next].path)
                next += 1
                cursor = end
            } else {
                guard let end = ByteSearch.find(entryEnd, in: bytes, from: cursor).map({ $0 + entryEnd.count }) else {
                    return nil
                }
                let entry = UnsafeRawBufferPointer(rebasing: spare[cursor..<end])
                guard let file = SiteJSONReader.read(entry, { SiteManifest.File(reading: &$0) }) else { return nil }
                if let previousPath, previousPath >= file.path { return nil }
                previousPath = file.path
                while next < live.count, live[next].path < file.path {
                    overrides[live[next].path] = .some(nil)
                    next += 1
                }
                if next < live.count, live[next].path == file.path {
                    if live[next] != file { overrides[file.path] = file }
                    next += 1
                } else {
                    overrides[file.path] = file
                }
                paths.append(file.path)
                cursor = end
            }
            if ByteSearch.has(separator, in: bytes, at: cursor) {
                cursor += separator.count
            } else if ByteSearch.has(filesClosing, in: bytes, at: cursor) {
                break
            } else {
                return nil
            }
        }
        while next < live.count {
            overrides[live[next].path] = .some(nil)
            next += 1
        }
        return KnownFiles(live: liveByPath, overrides: overrides, paths: paths)
    }

    // The writer's framing of `files`: no JSON string holds a raw line break, so these can only be structure.
    private static let filesOpening = Array("\n  \"files\" : [\n    ".utf8)
    private static let separator = Array(",\n    ".utf8)
    private static let filesClosing = Array("\n  ]".utf8)
    private static let entryEnd = Array("\n    }".utf8)
    private static let pathOpening = Array("{\n      \"path\" : \"".utf8)
    private static let digestOpening = Array("\",\n      \"sha256\" : \"".utf8)
    private static let sizeOpening = Array("\",\n      \"size\" : ".utf8)

    /// The end of `file`'s entry when the bytes at `start` are exactly what the writer writes for it.
    private static func matchEntry(_ file: SiteManifest.File, in bytes: UnsafeBufferPointer<UInt8>, at start: Int)
        -> Int?
    {
        var cursor = start
        func take(_ part: UnsafeBufferPointer<UInt8>) -> Bool {
            guard ByteSearch.has(part, in: bytes, at: cursor) else { return false }
            cursor += part.count
            return true
        }
        func take(text: String) -> Bool {
            var text = text
            return text.withUTF8 { !$0.contains(where: needsEscape) && take($0) }
        }
        guard file.size >= 0, pathOpening.withUnsafeBufferPointer(take), take(text: file.path),
            digestOpening.withUnsafeBufferPointer(take), take(text: file.sha256),
            sizeOpening.withUnsafeBufferPointer(take)
        else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits -> Int? in
            var size = file.size
            var first = digits.count
            repeat {
                first -= 1
                digits[first] = UInt8(ascii: "0") + UInt8(size % 10)
                size /= 10
            } while size > 0 && first > 0
            guard take(UnsafeBufferPointer(rebasing: digits[first...])), entryEnd.withUnsafeBufferPointer(take) else {
                return nil
            }
            return cursor
        }
    }

    /// Bytes the writer would escape: such an entry is read instead of matched.
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte >= 0x80
    }
}
