import Foundation

/// A value that can be sent as a text-format bind parameter. The server infers the parameter's
/// type from context, so the text only has to be valid input for that type.
public protocol PostgresEncodable: Sendable {
    /// The PostgreSQL text input form of the value.
    var postgresText: String { get }

    /// Like `postgresText`, but may fail (JSON encoding can); `Query` interpolation calls this
    /// and turns a failure into an error at execution time instead of sending garbage.
    func encodePostgresText() throws -> String
}

extension PostgresEncodable {
    public func encodePostgresText() throws -> String { postgresText }
}

extension String: PostgresEncodable {
    public var postgresText: String { self }
}

extension Substring: PostgresEncodable {
    public var postgresText: String { String(self) }
}

extension Int: PostgresEncodable {
    public var postgresText: String { String(self) }
}

extension Int64: PostgresEncodable {
    public var postgresText: String { String(self) }
}

extension Int32: PostgresEncodable {
    public var postgresText: String { String(self) }
}

extension Int16: PostgresEncodable {
    public var postgresText: String { String(self) }
}

extension Bool: PostgresEncodable {
    public var postgresText: String { self ? "true" : "false" }
}

extension Double: PostgresEncodable {
    /// Swift spells these "inf" and "nan"; PostgreSQL's spellings work for float and numeric alike.
    public var postgresText: String {
        if isNaN { return "NaN" }
        if isInfinite { return self > 0 ? "Infinity" : "-Infinity" }
        return description
    }
}

extension Float: PostgresEncodable {
    public var postgresText: String { Double(self).postgresText }
}

extension Date: PostgresEncodable {
    /// ISO 8601 in UTC with microseconds: exact for timestamptz, and `date` input ignores the time.
    public var postgresText: String { PostgresDateText.format(self) }
}

extension UUID: PostgresEncodable {
    public var postgresText: String { uuidString.lowercased() }
}

extension Data: PostgresEncodable {
    /// bytea hex format (`\x0a1b…`).
    public var postgresText: String {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "x")]
        bytes.reserveCapacity(2 + count * 2)
        for byte in self {
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0x0f)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Array: PostgresEncodable where Element: PostgresEncodable {
    /// A one-dimensional array literal with every element quoted, for `= ANY($1)` and array columns.
    public var postgresText: String {
        "{" + map { PostgresArrayText.quote($0.postgresText) }.joined(separator: ",") + "}"
    }

    public func encodePostgresText() throws -> String {
        "{" + (try map { PostgresArrayText.quote(try $0.encodePostgresText()) }).joined(separator: ",") + "}"
    }
}
