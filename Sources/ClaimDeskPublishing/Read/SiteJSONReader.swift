#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A strict pull reader for the JSON documents the export writes itself (`manifest.json`, `api/v1/tools.json`).
///
/// An incremental export reads about 20 MB of them at 10,000 tools; Foundation's `JSONDecoder` spent 0.6 s on that,
/// this reads it in a fraction. It answers nil for anything it is not sure of — the caller then asks `JSONDecoder`,
/// which has the last word and the error message — so it must never accept what `JSONDecoder` would refuse.
struct SiteJSONReader {
    private let bytes: UnsafeRawBufferPointer
    /// Where the reader is in its input; `PreviousToolIndex` notes where each tool's summary begins and ends.
    private(set) var offset = 0
    /// Unknown members are skipped; nesting deeper than this in them is refused rather than followed.
    private static let maximumDepth = 64

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// A reader that starts at `offset`, for a part of a document another reader leaves out (`seek(to:)`).
    init(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
        self.bytes = bytes
        self.offset = min(max(offset, 0), bytes.count)
    }

    /// Continues at `offset`, past a part of the document another reader has read.
    mutating func seek(to offset: Int) {
        self.offset = min(max(offset, 0), bytes.count)
    }

    /// Reads one document with `read`, which must consume the whole input apart from trailing white space.
    static func read<Value>(_ bytes: UnsafeRawBufferPointer, _ read: (inout SiteJSONReader) -> Value?) -> Value? {
        var reader = SiteJSONReader(bytes)
        guard let value = read(&reader) else { return nil }
        reader.skipSpace()
        return reader.offset == bytes.count ? value : nil
    }

    /// An object's members in order: `member` is called with each key and must read that member's value.
    mutating func object(_ member: (inout SiteJSONReader, String) -> Bool) -> Bool {
        members(key: { $0.string() }, member)
    }

    /// `object(_:)` with each key as its bytes: matching a key against the few a reader expects costs less than making
    /// a string of it, and the previous index and manifests hold about 700,000 keys at 10,000 tools. A key with an
    /// escape or a byte outside ASCII answers false (`JSONDecoder` then decides).
    mutating func members(_ member: (inout SiteJSONReader, JSONKey) -> Bool) -> Bool {
        members(key: { $0.plainKey() }, member)
    }

    private mutating func members<Key>(
        key readKey: (inout SiteJSONReader) -> Key?, _ member: (inout SiteJSONReader, Key) -> Bool
    ) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        if take(UInt8(ascii: "}")) { return true }
        repeat {
            guard let key = readKey(&self), take(UInt8(ascii: ":")), member(&self, key) else { return false }
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}"))
    }

    /// A key's bytes when it is plain ASCII without escapes.
    private mutating func plainKey() -> JSONKey? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                offset += 1
                return JSONKey(bytes: UnsafeRawBufferPointer(rebasing: bytes[start..<(offset - 1)]))
            }
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { return nil }
            offset += 1
        }
        return nil
    }

    /// An array's elements in order: `element` is called once per element and must read it.
    mutating func array(_ element: (inout SiteJSONReader) -> Bool) -> Bool {
        guard take(UInt8(ascii: "[")) else { return false }
        if take(UInt8(ascii: "]")) { return true }
        repeat {
            guard element(&self) else { return false }
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]"))
    }

    /// An array whose elements `element` reads; nil when any of them (or the array) is unreadable.
    mutating func list<Element>(_ element: (inout SiteJSONReader) -> Element?) -> [Element]? {
        var elements: [Element] = []
        let read = array { reader in
            guard let value = element(&reader) else { return false }
            elements.append(value)
            return true
        }
        return read ? elements : nil
    }

    /// A string; nil for anything else, for a control character, a bad escape or invalid UTF-8.
    mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = offset
        var ascii = true
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let text = Self.text(UnsafeRawBufferPointer(rebasing: bytes[start..<offset]), ascii: ascii)
                offset += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return escapedString(from: start) }
            if byte < 0x20 { return nil }
            if byte >= 0x80 { ascii = false }
            offset += 1
        }
        return nil
    }

    /// ASCII needs no validation, and most of the export's strings (paths, digests, slugs) are ASCII.
    private static func text(_ raw: UnsafeRawBufferPointer, ascii: Bool) -> String? {
        let utf8 = raw.assumingMemoryBound(to: UInt8.self)
        return ascii ? String(decoding: utf8, as: UTF8.self) : String(validating: utf8, as: UTF8.self)
    }

    /// Passes over a string without making it, checking it as `string()` does.
    private mutating func skipString() -> Bool {
        guard take(UInt8(ascii: "\"")) else { return false }
        let start = offset
        var ascii = true
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                offset += 1
                if ascii { return true }
                let utf8 = UnsafeRawBufferPointer(rebasing: bytes[start..<(offset - 1)]).assumingMemoryBound(
                    to: UInt8.self)
                return String(validating: utf8, as: UTF8.self) != nil
            }
            if byte == UInt8(ascii: "\\") {
                offset = start - 1
                return string() != nil
            }
            if byte < 0x20 { return false }
            if byte >= 0x80 { ascii = false }
            offset += 1
        }
        return false
    }

    /// A whole number without fraction or exponent that fits `Int64`; nil otherwise (`JSONDecoder` then decides).
    mutating func int64() -> Int64? {
        skipSpace()
        var negative = false
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "-") {
            negative = true
            offset += 1
        }
        let start = offset
        var value: Int64 = 0
        while offset < bytes.count, let digit = Self.digit(bytes[offset]) {
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = shifted.addingReportingOverflow(digit)
            guard !overflow, !carry else { return nil }
            value = sum
            offset += 1
        }
        let count = offset - start
        guard count > 0, count == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
        if offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): return nil
            default: break
            }
        }
        return negative ? -value : value
    }

    mutating func int() -> Int? {
        int64().flatMap { Int(exactly: $0) }
    }

    mutating func bool() -> Bool? {
        if literal("true") { return true }
        if literal("false") { return false }
        return nil
    }

    /// Skips a value of any kind, for members a newer writer may add.
    mutating func skipValue() -> Bool {
        skipValue(depth: 0)
    }

    private mutating func skipValue(depth: Int) -> Bool {
        guard depth < Self.maximumDepth else { return false }
        skipSpace()
        guard offset < bytes.count else { return false }
        switch bytes[offset] {
        case UInt8(ascii: "\""): return skipString()
        case UInt8(ascii: "{"): return object { reader, _ in reader.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["): return array { reader in reader.skipValue(depth: depth + 1) }
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return bool() != nil
        case UInt8(ascii: "n"): return literal("null")
        default: return int64() != nil
        }
    }

    /// Skips white space, then consumes `byte` if it is next.
    mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard offset < bytes.count, bytes[offset] == byte else { return false }
        offset += 1
        return true
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        skipSpace()
        let count = word.utf8CodeUnitCount
        guard bytes.count - offset >= count else { return false }
        for index in 0..<count where bytes[offset + index] != word.utf8Start[index] { return false }
        offset += count
        return true
    }

    mutating func skipSpace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    /// The rest of a string that holds an escape, from its first byte at `start`.
    private mutating func escapedString(from start: Int) -> String? {
        var text = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<offset]))
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            switch byte {
            case UInt8(ascii: "\""):
                return text.withUnsafeBytes { Self.text($0, ascii: false) }
            case UInt8(ascii: "\\"):
                guard offset < bytes.count else { return nil }
                let escape = bytes[offset]
                offset += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = unicodeEscape() else { return nil }
                    text.append(contentsOf: String(Character(scalar)).utf8)
                default: return nil
                }
            default:
                guard byte >= 0x20 else { return nil }
                text.append(byte)
            }
        }
        return nil
    }

    /// The scalar of a `\u` escape whose `\u` was just read, joining a surrogate pair; nil for a lone surrogate.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let high = hex4() else { return nil }
        if (0xD800...0xDBFF).contains(high) {
            guard bytes.count - offset >= 2, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u")
            else { return nil }
            offset += 2
            guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        }
        return Unicode.Scalar(high)
    }

    private mutating func hex4() -> UInt32? {
        guard bytes.count - offset >= 4 else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let nibble: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value << 4 | nibble
            offset += 1
        }
        return value
    }

    private static func digit(_ byte: UInt8) -> Int64? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int64(byte - UInt8(ascii: "0")) : nil
    }
}

/// An object key as `SiteJSONReader.members(_:)` reads it: its bytes, matched in `switch` against string literals.
struct JSONKey {
    let bytes: UnsafeRawBufferPointer

    static func ~= (pattern: StaticString, key: JSONKey) -> Bool {
        let count = pattern.utf8CodeUnitCount
        guard key.bytes.count == count, let base = key.bytes.baseAddress else { return count == 0 && key.bytes.isEmpty }
        return memcmp(base, pattern.utf8Start, count) == 0
    }
}
