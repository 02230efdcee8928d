import Foundation

/// A type that can be built from a column's text-format value. Conformers throw
/// `PostgresDecodingError.invalidText(_:)`; `Row` adds the column and type names.
public protocol PostgresDecodable {
    static func decode(postgresText: String, typeOID: UInt32) throws(PostgresDecodingError) -> Self
    /// The value from PostgreSQL's binary form (what `Connection.streamCopy` receives), which carries no type: the
    /// width tells the types a conformer accepts apart. Types without a binary reading throw.
    static func decode(postgresBinary: UnsafeRawBufferPointer) throws(PostgresDecodingError) -> Self
}

extension PostgresDecodable {
    public static func decode(postgresBinary: UnsafeRawBufferPointer) throws(PostgresDecodingError) -> Self {
        throw .invalidText("\(Self.self) is not read from PostgreSQL's binary format; select it as text")
    }
}

/// Big-endian integers of PostgreSQL's binary format.
enum PostgresBinary {
    /// An `int2`, `int4` or `int8`, told apart by width.
    static func integer(_ bytes: UnsafeRawBufferPointer) throws(PostgresDecodingError) -> Int64 {
        switch bytes.count {
        case 2: Int64(bytes.loadUnaligned(as: Int16.self).bigEndian)
        case 4: Int64(bytes.loadUnaligned(as: Int32.self).bigEndian)
        case 8: bytes.loadUnaligned(as: Int64.self).bigEndian
        default: throw .invalidText("a binary integer has 2, 4 or 8 bytes, not \(bytes.count)")
        }
    }

    static func integer<T: FixedWidthInteger>(_ bytes: UnsafeRawBufferPointer, as type: T.Type)
        throws(PostgresDecodingError) -> T
    {
        guard let value = T(exactly: try integer(bytes)) else { throw .invalidText("the integer is out of range") }
        return value
    }
}

extension String: PostgresDecodable {
    public static func decode(postgresText: String, typeOID: UInt32) throws(PostgresDecodingError) -> String {
        postgresText
    }

    /// Text types (`text`, `varchar`, `name`, enums) are sent as their UTF-8 bytes.
    public static func decode(postgresBinary: UnsafeRawBufferPointer) throws(PostgresDecodingError) -> String {
        String(decoding: postgresBinary, as: UTF8.self)
    }
}

extension Int: PostgresDecodable {
    public static func decode(postgresText: String, typeOID: UInt32) throws(PostgresDecodingError) -> Int {
        guard let value = Int(postgresText) else { throw .invalidText("the text is not an integer in range") }
        return value
    }

    public static func decode(postgresBinary: UnsafeRawBufferPointer) throws(PostgresDecodingError) -> Int {
        try PostgresBinary.integer(postgresBinary, as: Int.self)
    }
}

extension Int64: PostgresDecodable {
    public static func decode(postgresText: String, typeOID: UInt32) throws(PostgresDecodingError) -> Int64 {
        guard let value = Int64(postgresText) else { throw .invalidText("the text is not an integer in range") }
        return value
    }

    public static func decode(postgresBinary: UnsafeRawBufferPointer) throws(PostgresDecodingError) -> Int64 {
        try PostgresBinary.integer(postgresBinary, as: Int64.self)
    }
}

extension Int32: PostgresDecodable {
    public static func decode(postgresText: String, typeOID: UInt32) throws(PostgresDecodingError) -> Int32 {
        guard let value = Int32(postgresText) else { throw .invalidText("the text is not an integer in range") }
        return value
    }

    public static func decode(postgresBinary: UnsafeRawBufferPointer) throws(PostgresDecodingError) -> Int32 {
        try PostgresBinary.integer(postgresBinary, as: Int32.self)
    }
}

extension Int16: PostgresDecodable {
    public static func decode(postgresText: String, typeOID: UInt32) throws(PostgresDecodingError) -> Int16 {
        guard let value = Int16(postgresText) else { throw .invalidText("the text is not an integer in range") }
        return value
    }

    public static func decode(postgresBinary: UnsafeRawBufferPointer) throws(PostgresDecodingError) -> Int16 {
        try PostgresBinary.integer(postgresBinary, as: Int16.self)
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

    /// `timestamptz` and `timestamp` (microseconds since 2000-01-01 UTC), `date` (days since then, midnight UTC);
    /// the same instants, to the bit, as their text forms give.
    public static func decode(postgresBinary: UnsafeRawBufferPointer) throws(PostgresDecodingError) -> Date {
        switch postgresBinary.count {
        case 8:
            let micros = postgresBinary.loadUnaligned(as: Int64.self).bigEndian
            if micros == .max { return .distantFuture }
            if micros == .min { return .distantPast }
            let (seconds, remainder) = micros.quotientAndRemainder(dividingBy: 1_000_000)
            // Whole seconds, then the fraction as the text reader adds it (a fraction never negative).
            let whole = remainder < 0 ? seconds - 1 : seconds
            let fraction = remainder < 0 ? remainder + 1_000_000 : remainder
            return Date(
                timeIntervalSince1970: Double(whole + PostgresDate.unixSecondsAt2000) + Double(fraction) / 1_000_000)
        case 4:
            let date = try PostgresDate.decode(postgresBinary: postgresBinary)
            if date.daysSince2000 == .max { return .distantFuture }
            if date.daysSince2000 == .min { return .distantPast }
            return Date(
                timeIntervalSince1970: Double((Int64(date.daysSince2000) + PostgresDate.unixDaysAt2000) * 86_400))
        default:
            throw .invalidText("a binary timestamp has 8 bytes and a date 4, not \(postgresBinary.count)")
        }
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
