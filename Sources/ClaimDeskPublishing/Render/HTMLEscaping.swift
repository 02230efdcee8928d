import Mustache

/// The HTML escaping of the templates: the same five characters as swift-mustache's built-in `HTML` content type
/// (`& < > " '`), done on UTF-8 bytes instead of one `Character` at a time, which dominated the rendering of large
/// exports.
///
/// Templates opt in with `{{% CONTENT_TYPE: CLAIMDESK_HTML }}` on their first line. A template without it is still
/// escaped — by the slower built-in type — so forgetting the line costs speed, never safety.
struct HTMLEscaping: MustacheContentType {
    static let name = "CLAIMDESK_HTML"

    /// Makes the content type known to the template parser; call before parsing templates (repeating is harmless).
    static func register() {
        MustacheContentTypes.register(HTMLEscaping(), named: name)
    }

    func escapeText(_ text: String) -> String { Self.escape(text) }

    static func escape(_ text: String) -> String {
        return text.withUTF8Bytes { utf8 -> String? in
            let firstSpecial = EscapeScan.html.next(in: utf8, from: 0)
            guard firstSpecial < utf8.count else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(utf8.count + 32)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[0..<firstSpecial]))
            for index in firstSpecial..<utf8.count {
                let byte = utf8[index]
                switch byte {
                case UInt8(ascii: "&"): out.append(contentsOf: Self.amp)
                case UInt8(ascii: "<"): out.append(contentsOf: Self.lt)
                case UInt8(ascii: ">"): out.append(contentsOf: Self.gt)
                case UInt8(ascii: "\""): out.append(contentsOf: Self.quot)
                case UInt8(ascii: "'"): out.append(contentsOf: Self.apos)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// Appends `text` escaped to `out`: the same bytes as `escape(text)`, without an intermediate string.
    static func append(_ text: String, to out: inout [UInt8]) {
        text.withUTF8Bytes { utf8 in
            var start = 0
            var index = EscapeScan.html.next(in: utf8, from: 0)
            while index < utf8.count {
                if index > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index])) }
                switch utf8[index] {
                case UInt8(ascii: "&"): out.append(contentsOf: amp)
                case UInt8(ascii: "<"): out.append(contentsOf: lt)
                case UInt8(ascii: ">"): out.append(contentsOf: gt)
                case UInt8(ascii: "\""): out.append(contentsOf: quot)
                default: out.append(contentsOf: apos)
                }
                start = index + 1
                index = EscapeScan.html.next(in: utf8, from: start)
            }
            if start < utf8.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count])) }
        }
    }

    private static let amp = Array("&amp;".utf8)
    private static let lt = Array("&lt;".utf8)
    private static let gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8)
    private static let apos = Array("&#39;".utf8)
}
