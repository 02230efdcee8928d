import ClaimDeskDomain
import Foundation

/// The schema.org `FAQPage` JSON-LD of a tool page, escaped so it can sit inside `<script>` without any text in it
/// being able to close the element.
enum FAQPageJSONLD {
    private struct Document: JSONWritable {
        let url: String
        let faq: [FAQEntry]

        func write(to json: inout JSONWriter) {
            json.beginObject()
            json.key("@context")
            json.string("https://schema.org")
            json.key("@type")
            json.string("FAQPage")
            json.key("mainEntity")
            json.beginArray()
            for entry in faq {
                json.element()
                json.beginObject()
                json.key("@type")
                json.string("Question")
                json.key("acceptedAnswer")
                json.beginObject()
                json.key("@type")
                json.string("Answer")
                json.key("text")
                json.string(entry.answer)
                json.endObject()
                json.key("name")
                json.string(entry.question)
                json.endObject()
            }
            json.endArray()
            json.key("url")
            json.string(url)
            json.endObject()
        }
    }

    /// Nil when the page has no FAQ (an empty FAQPage is invalid structured data).
    static func render(_ page: ToolPage) -> String? {
        guard !page.faq.isEmpty else { return nil }
        let json = JSONWriter.document(
            Document(url: page.tool.url, faq: page.faq), capacity: 8 * 1024, pretty: false)
        return scriptSafe(json)
    }

    /// `<`, `>` and `&` become `\u003c`, `\u003e`, `\u0026` (valid JSON, inert HTML), and U+2028/2029 are escaped
    /// for old JavaScript parsers.
    static func scriptSafe(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        bytes.withUnsafeBufferPointer { bytes in
            var copied = 0
            var index = Self.special.next(in: bytes, from: 0)
            while index < bytes.count {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                copied = index + 1
                switch bytes[index] {
                case UInt8(ascii: "<"): out.append(contentsOf: Array("\\u003c".utf8))
                case UInt8(ascii: ">"): out.append(contentsOf: Array("\\u003e".utf8))
                case UInt8(ascii: "&"): out.append(contentsOf: Array("\\u0026".utf8))
                default:
                    if index + 2 < bytes.count && bytes[index + 1] == 0x80
                        && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
                    {
                        out.append(contentsOf: Array((bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8))
                        copied = index + 3
                    } else {
                        out.append(bytes[index])
                    }
                }
                index = Self.special.next(in: bytes, from: copied)
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `<`, `>`, `&` and the first byte of U+2028/2029.
    private static let special = EscapeScan([UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0xE2])
}
