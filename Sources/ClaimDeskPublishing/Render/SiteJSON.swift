import Foundation

/// The one way the export writes JSON: sorted keys, pretty-printed, unescaped slashes, a trailing newline — so files
/// are byte-stable and diff well.
enum SiteJSON {
    /// A new encoder; callers keep one per thread and reuse it, since building one per file is wasted work.
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func encode<Value: Encodable>(_ value: Value, with encoder: JSONEncoder, path: String) throws(ExportError)
        -> Data
    {
        do {
            var data = try encoder.encode(value)
            data.append(0x0A)
            return data
        } catch {
            throw .writeFailed(path: path, reason: "cannot encode JSON (\(error))")
        }
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from data: Data, path: String) throws(ExportError)
        -> Value
    {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw .unreadableExport(path: path, reason: "it is not valid JSON of the expected shape (\(error))")
        }
    }
}
