import Foundation

/// Wraps a Codable value stored in a `json`/`jsonb` column, so the bind and the decode both go
/// through JSON rather than the value's own text form.
public struct PostgresJSON<Value: Codable & Sendable>: PostgresEncodable, PostgresDecodable, Sendable {
    public var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    public func encodePostgresText() throws -> String {
        String(decoding: try PostgresJSONCoding.makeEncoder().encode(value), as: UTF8.self)
    }

    /// Non-throwing form required by the protocol. A value that cannot be encoded becomes text the
    /// server rejects; `Query` interpolation uses `encodePostgresText()` and reports the real error.
    public var postgresText: String {
        (try? encodePostgresText()) ?? "\u{0}unencodable JSON"
    }

    public static func decode(postgresText: String, typeOID: UInt32) throws(PostgresDecodingError) -> Self {
        do {
            return PostgresJSON(try PostgresJSONCoding.makeDecoder().decode(Value.self, from: Data(postgresText.utf8)))
        } catch {
            throw .invalidText("the JSON does not match \(Value.self) (\(PostgresJSONCoding.summary(of: error)))")
        }
    }
}

extension PostgresJSON: Equatable where Value: Equatable {}
extension PostgresJSON: Hashable where Value: Hashable {}

/// One JSON configuration for binds and decodes: sorted keys (deterministic bytes) and dates as
/// ISO 8601 with fractional seconds, which survives a jsonb round trip.
enum PostgresJSONCoding {
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(PostgresDateText.format(date))
        }
        return encoder
    }

    static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = PostgresDateText.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "Expected an ISO 8601 date or timestamp.")
            }
            return date
        }
        return decoder
    }

    /// Where decoding failed (the coding path), without echoing the JSON values.
    static func summary(of error: any Error) -> String {
        guard let error = error as? DecodingError else { return "invalid JSON" }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "at the top level" : "at " + keys.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing key \(key.stringValue) \(path(context))"
        case .typeMismatch(let type, let context): return "expected \(type) \(path(context))"
        case .valueNotFound(let type, let context): return "null where \(type) is required \(path(context))"
        case .dataCorrupted(let context): return "invalid data \(path(context))"
        @unknown default: return "invalid JSON"
        }
    }
}
