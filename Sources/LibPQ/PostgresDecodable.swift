import Foundation

/// A type that can be built from a column's text-format value. Conformers throw
/// `PostgresDecodingError.invalidText(_:)`; `Row` adds the column and type names.
public protocol PostgresDecodable {
    static func decode(postgresText: String, typeOID: UInt32) throws(PostgresDecodingError) -> Self
}

extension String: PostgresDecodable {
    public static func decode(postgresText: String, typeOID: UInt32) throws(PostgresDecodingError) -> String {
        postgresText
    }
}

extension Int: PostgresDecodable {
    public static func decode(postgresText: String, typeOID: UInt32) throws(PostgresDecodingError) -> Int {
        guard let value = Int(postgresText) else { throw .invalidText("the text is not an integer in range") }
        return value
    }
}

extension Int64: PostgresDecodable {
    public static func decode(postgresText: String, typeOID: UInt32) throws(PostgresDecodingError) -> Int64 {
        guard let value = Int64(postgresText) else { throw .invalidText("the text is not an integer in range") }
        return value
    }
}

extension Int32: PostgresDecodable {
    public static func decode(postgresText: String, typeOID: UInt32) throws(PostgresDecodingError) -> Int32 {
        guard let value = Int32(postgresText) else { throw .invalidText("the text is not an integer in range") }
        return value
    }
}

extension Int16: PostgresDecodable {
    public static func decode(postgresText: String, typeOID: UInt32) throws(PostgresDecodingError) -> Int16 {
        guard let value = Int16(postgresText) else { throw .invalidText("the text is not an integer in range") }
        return value
    }
}

extension Bool: PostgresDecodable {
    public static func decode(postgresText: String, typeOID: UInt32) throws(PostgresDecodingError) -> Bool {
        switch postgresText {
        case "t", "true": return true
        case "f", "false": return false
        default: throw .invalidText("the text is not a boolean (t/f)")
        }
    }
}

extension Double: PostgresDecodable {
    public static func decode(postgresText: String, typeOID: UInt32) throws(PostgresDecodingError) -> Double {
        guard let value = Double(postgresText) else { throw .invalidText("the text is not a number") }
        return value
    }
}

extension Float: PostgresDecodable {
    public static func decode(postgresText: String, typeOID: UInt32) throws(PostgresDecodingError) -> Float {
        guard let value = Float(postgresText) else { throw .invalidText("the text is not a number") }
        return value
    }
}

extension Date: PostgresDecodable {
    /// Reads `date` (midnight UTC), `timestamptz` and `timestamp` (taken as UTC) in ISO DateStyle.
    public static func decode(postgresText: String, typeOID: UInt32) throws(PostgresDecodingError) -> Date {
        guard let value = PostgresDateText.parse(postgresText) else {
            throw .invalidText("the text is not an ISO date or timestamp")
        }
        return value
    }
}

extension UUID: PostgresDecodable {
    public static func decode(postgresText: String, typeOID: UInt32) throws(PostgresDecodingError) -> UUID {
        guard let value = UUID(uuidString: postgresText) else { throw .invalidText("the text is not a UUID") }
        return value
    }
}

extension Data: PostgresDecodable {
    /// bytea in hex output format (the default since PostgreSQL 9.0).
    public static func decode(postgresText: String, typeOID: UInt32) throws(PostgresDecodingError) -> Data {
        let bytes = Array(postgresText.utf8)
        guard bytes.count % 2 == 0, bytes.starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "x")]) else {
            throw .invalidText("the text is not bytea hex output")
        }
        var data = Data(capacity: bytes.count / 2 - 1)
        var index = 2
        while index < bytes.count {
            guard let high = hexValue(bytes[index]), let low = hexValue(bytes[index + 1]) else {
                throw .invalidText("the text is not bytea hex output")
            }
            data.append(high << 4 | low)
            index += 2
        }
        return data
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

extension Array: PostgresDecodable where Element: PostgresDecodable {
    /// One-dimensional arrays without NULL elements.
    public static func decode(postgresText: String, typeOID: UInt32) throws(PostgresDecodingError) -> [Element] {
        guard let elements = PostgresArrayText.parse(postgresText) else {
            throw .invalidText("the text is not a one-dimensional array")
        }
        let elementOID = PostgresTypeName.elementOID(ofArray: typeOID)
        var result: [Element] = []
        result.reserveCapacity(elements.count)
        for element in elements {
            guard let element else { throw .invalidText("the array contains NULL") }
            result.append(try Element.decode(postgresText: element, typeOID: elementOID))
        }
        return result
    }
}
