/// Escapes text for XML content and attribute values, dropping characters XML 1.0 cannot carry at all (C0 controls
/// other than tab, newline and carriage return, U+FFFE and U+FFFF), which would otherwise make the whole feed
/// unreadable. Works on the UTF-8 bytes: only ASCII bytes and whole three-byte sequences are replaced or dropped, so
/// the result is valid UTF-8 whenever the input is.
enum XMLText {
    static func escape(_ text: String) -> String {
        text.withUTF8Bytes { bytes -> String? in
            var out: [UInt8] = []
            guard append(bytes, to: &out, onlyIfChanged: true) else { return nil }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// Appends `text` escaped to `out`, with no string in between (each tool's feed is written this way).
    static func append(_ text: String, to out: inout [UInt8]) {
        text.withUTF8Bytes { _ = append($0, to: &out, onlyIfChanged: false) }
    }

    /// Appends `bytes` escaped to `out` and returns whether anything was replaced or dropped. With `onlyIfChanged`,
    /// nothing is appended when nothing needs replacing (so `escape` can return its argument).
    private static func append(
        _ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], onlyIfChanged: Bool
    ) -> Bool {
        var copied = 0
        var index = 0
        var changed = false
        func replace(_ length: Int, with replacement: StaticString?, _ out: inout [UInt8]) {
            if !changed, onlyIfChanged { out.reserveCapacity(out.count + bytes.count + 16) }
            changed = true
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
            if let replacement {
                out.append(
                    contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            }
            index += length
            copied = index
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x26: replace(1, with: "&amp;", &out)
            case 0x3C: replace(1, with: "&lt;", &out)
            case 0x3E: replace(1, with: "&gt;", &out)
            case 0x22: replace(1, with: "&quot;", &out)
            case 0x27: replace(1, with: "&apos;", &out)
            case 0x09, 0x0A, 0x0D: index += 1
            case 0x00..<0x20: replace(1, with: nil, &out)
            case 0xEF
            where index + 2 < bytes.count && bytes[index + 1] == 0xBF
                && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                replace(3, with: nil, &out)
            default: index += 1
            }
        }
        if changed || !onlyIfChanged { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...])) }
        return changed
    }
}
