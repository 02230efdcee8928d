import ClaimDeskDomain
import Foundation

/// The schema.org `FAQPage` JSON-LD of a tool page, escaped so it can sit inside `<script>` without any text in it
/// being able to close the element.
enum FAQPageJSONLD {
    private struct Document: Encodable {
        let context = "https://schema.org"
        let type = "FAQPage"
        let url: String
        let mainEntity: [Question]

        enum CodingKeys: String, CodingKey {
            case context = "@context"
            case type = "@type"
            case url, mainEntity
        }
    }

    private struct Question: Encodable {
        let type = "Question"
        let name: String
        let acceptedAnswer: Answer

        enum CodingKeys: String, CodingKey {
            case type = "@type"
            case name, acceptedAnswer
        }
    }

    private struct Answer: Encodable {
        let type = "Answer"
        let text: String

        enum CodingKeys: String, CodingKey {
            case type = "@type"
            case text
        }
    }

    /// Nil when the page has no FAQ (an empty FAQPage is invalid structured data).
    static func render(_ page: ToolPage, encoder: JSONEncoder) throws(ExportError) -> String? {
        guard !page.faq.isEmpty else { return nil }
        let document = Document(
            url: page.tool.url,
            mainEntity: page.faq.map {
                Question(name: $0.question, acceptedAnswer: Answer(text: $0.answer))
            })
        let data = try SiteJSON.encode(document, with: encoder, path: "tools/\(page.tool.slug)/index.html")
        return scriptSafe(String(decoding: data, as: UTF8.self))
    }

    /// `<`, `>` and `&` become `\u003c`, `\u003e`, `\u0026` (valid JSON, inert HTML), and U+2028/2029 are escaped
    /// for old JavaScript parsers.
    static func scriptSafe(_ json: String) -> String {
        var bytes = Array(json.utf8)
        if bytes.last == 0x0A { bytes.removeLast() }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "<"): out.append(contentsOf: Array("\\u003c".utf8))
            case UInt8(ascii: ">"): out.append(contentsOf: Array("\\u003e".utf8))
            case UInt8(ascii: "&"): out.append(contentsOf: Array("\\u0026".utf8))
            case 0xE2
            where index + 2 < bytes.count && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                out.append(contentsOf: Array((bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8))
                index += 2
            default: out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
