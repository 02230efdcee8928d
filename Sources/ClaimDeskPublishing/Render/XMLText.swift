/// Escapes text for XML content and attribute values, dropping characters XML 1.0 cannot carry at all (C0 controls
/// other than tab, newline and carriage return, U+FFFE and U+FFFF), which would otherwise make the whole feed
/// unreadable. Works on the UTF-8 bytes: only ASCII bytes and whole three-byte sequences are replaced or dropped, so
/// the result is valid UTF-8 whenever the input is.
enum XMLText {
    static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` escaped to `out`, with no string in between (each tool's feed is written this way).
    static func append(_ text: String, to out: inout [UInt8]) {
        text.withUTF8Bytes { bytes in
            var copied = 0
            var index = 0
            func replace(_ length: Int, with replacement: StaticString?, _ out: inout [UInt8]) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                if let replacement {
                    out.append(
                        contentsOf: UnsafeBufferPointer(
                            start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
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
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        }
    }
}
