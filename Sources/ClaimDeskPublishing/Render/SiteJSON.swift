import Foundation

/// The export's JSON conventions: sorted keys, pretty-printed, unescaped slashes, a trailing newline — so files are
/// byte-stable and diff well. `JSONWriter` writes them; this reads them back and defines the reference encoder the
/// writer is tested against.
enum SiteJSON {
    /// The encoder whose output `JSONWriter` reproduces byte for byte.
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from data: Data, path: String) throws(ExportError)
        -> Value
    {
        try foundationDecode(type, from: data, path: path)
    }

    private static func foundationDecode<Value: Decodable>(_ type: Value.Type, from data: Data, path: String)
        throws(ExportError) -> Value
    {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw .unreadableExport(path: path, reason: "it is not valid JSON of the expected shape (\(error))")
        }
    }

    /// The export's own large documents: read with `SiteJSONReader`, and only what it is unsure of by `JSONDecoder`
    /// (which then has the last word and the error message).
    static func decode<Value: SiteJSONReadable>(_ type: Value.Type, from data: Data, path: String) throws(ExportError)
        -> Value
    {
        let fast = data.withUnsafeBytes { bytes in SiteJSONReader.read(bytes) { Value(reading: &$0) } }
        if let fast { return fast }
        return try foundationDecode(type, from: data, path: path)
    }
}
