import Foundation

/// Turns a fetched body into comparable text, or says why it cannot: HTML through libxml2's parser, plain text as
/// it is; anything else (PDF, images, JSON, …) is "not comparable".
enum SourceDocument {
    enum Extraction: Equatable {
        case text(String, note: String?)
        case notComparable(String)
    }

    static func extract(_ body: [UInt8], contentType: String?) -> Extraction {
        let (media, charset) = parse(contentType)
        let isHTML =
            media == "text/html" || media == "application/xhtml+xml"
            || (media == nil && body.first(where: { $0 > 0x20 }) == UInt8(ascii: "<"))
        guard isHTML || media == "text/plain" else {
            return .notComparable("content type \(String((media ?? "unknown").prefix(80))) is not HTML or plain text")
        }
        let utf8 = charset == nil || charset == "utf-8" || charset == "utf8"
        var bytes = body
        var note: String?
        if utf8 {
            let repaired = Array(String(decoding: body, as: UTF8.self).utf8)
            if repaired != body {
                note = "invalid UTF-8 replaced"
                if charset != nil || !isHTML { bytes = repaired }
            }
        }
        let text: String
        if isHTML {
            let encoding = utf8 ? (note == nil || charset != nil ? "UTF-8" : nil) : charset
            text = HTMLText.extract(bytes, encoding: encoding)
        } else {
            text = TextLines.normalise(String(decoding: bytes, as: UTF8.self))
        }
        guard !text.isEmpty else { return .notComparable("the page has no text") }
        return .text(text, note: note)
    }

    /// `text/html; charset=UTF-8` → ("text/html", "utf-8").
    static func parse(_ contentType: String?) -> (media: String?, charset: String?) {
        guard let contentType else { return (nil, nil) }
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let media = parts.first.flatMap { $0.isEmpty ? nil : $0 }
        var charset: String?
        for part in parts.dropFirst() where part.hasPrefix("charset=") {
            charset = String(part.dropFirst("charset=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        }
        return (media, charset)
    }
}
