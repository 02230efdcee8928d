/// Escapes text for XML content and attribute values, dropping characters XML 1.0 cannot carry at all (C0 controls
/// other than tab, newline and carriage return, U+FFFE and U+FFFF), which would otherwise make the whole feed
/// unreadable. Works on the UTF-8 bytes: only ASCII bytes and whole three-byte sequences are replaced or dropped, so
/// the result is valid UTF-8 whenever the input is.
enum XMLText {
    static func escape(_ text: String) -> String {
        return text.withUTF8Bytes { bytes -> String? in
            var out: [UInt8] = []
            var copied = 0
            var index = 0
            func replace(_ length: Int, with replacement: StaticString?) {
                if out.isEmpty { out.reserveCapacity(bytes.count + 16) }
                out.append(contentsOf: bytes[copied..<index])
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
                case 0x26: replace(1, with: "&amp;")
                case 0x3C: replace(1, with: "&lt;")
                case 0x3E: replace(1, with: "&gt;")
                case 0x22: replace(1, with: "&quot;")
                case 0x27: replace(1, with: "&apos;")
                case 0x09, 0x0A, 0x0D: index += 1
                case 0x00..<0x20: replace(1, with: nil)
                case 0xEF
                where index + 2 < bytes.count && bytes[index + 1] == 0xBF
                    && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                    replace(3, with: nil)
                default: index += 1
                }
            }
            guard copied > 0 || !out.isEmpty else { return nil }
            out.append(contentsOf: bytes[copied...])
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }
}
