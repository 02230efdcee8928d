import Foundation

/// Decodes the JSON the database builds (`jsonb` timestamps carry microseconds and an offset).
enum DatabaseJSON {
    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = parseTimestamp(text) else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "\"\(text)\" is not a timestamp"))
            }
            return date
        }
        return decoder
    }

    /// Parses `2026-06-01T10:00:00.123456+00:00` (and without fraction); keeps microseconds.
    static func parseTimestamp(_ text: String) -> Date? {
        var main = text
        var fraction = 0.0
        if let dot = text.firstIndex(of: ".") {
            let rest = text[text.index(after: dot)...]
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            fraction = Double("0." + digits) ?? 0
            main = String(text[..<dot]) + String(rest.dropFirst(digits.count))
        }
        if main.hasSuffix("+00") { main += ":00" }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let base = formatter.date(from: main) else { return nil }
        return base.addingTimeInterval(fraction)
    }
}
