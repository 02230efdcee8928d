import ClaimDeskDomain

/// Writes JSON byte for byte as `JSONEncoder` does with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`
/// (or, compact, without `.prettyPrinted`), several times faster, because large exports spend much of their time
/// encoding page models.
///
/// Callers emit keys in sorted order themselves; `JSONWriterTests` proves the output equals `JSONEncoder`'s for every
/// exported type, so the files stay decodable and a forgotten field or misordered key fails a test.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether each open container has an element yet, one bit per level (an array here cost a uniqueness and a
    /// bounds check per member, a third of writing a key); levels beyond the 64th, never reached by the site's
    /// documents, are kept in `deeper`.
    private var depth = 0
    private var filled: UInt64 = 0
    private var deeper: [Bool] = []
    private let pretty: Bool

    init(capacity: Int = 4096, pretty: Bool = true) {
        bytes.reserveCapacity(capacity)
        self.pretty = pretty
    }

    /// Writes into `buffer`'s storage, emptied first: a caller writing many documents keeps one buffer.
    init(reusing buffer: consuming [UInt8], pretty: Bool = true) {
        buffer.removeAll(keepingCapacity: true)
        bytes = buffer
        self.pretty = pretty
    }

    /// Writes the elements of the array open at nesting `depth`, after `hasElements` earlier ones.
    private init(elementsAt depth: Int, hasElements: Bool, pretty: Bool, capacity: Int) {
        bytes.reserveCapacity(capacity)
        self.pretty = pretty
        for _ in 0..<depth { push(filled: true) }
        setTopFilled(hasElements)
    }

    /// The same bytes as `array(_:)`, with the elements written in chunks on every core and joined: the site-wide
    /// documents (every tool, every file) are megabytes each.
    mutating func array<Element: JSONWritable & Sendable>(
        _ elements: [Element], chunk: Int, bytesPerElement: Int
    ) {
        let chunk = max(1, chunk)
        guard elements.count > chunk else {
            array(elements)
            return
        }
        beginArray()
        let depth = self.depth
        let pretty = self.pretty
        let chunks = (elements.count + chunk - 1) / chunk
        let parts = try? Parallel.map(count: chunks) { part in
            let range = (part * chunk)..<min(elements.count, (part + 1) * chunk)
            var writer = JSONWriter(
                elementsAt: depth, hasElements: part > 0, pretty: pretty, capacity: range.count * bytesPerElement)
            for index in range {
                writer.element()
                elements[index].write(to: &writer)
            }
            return writer.bytes
        }
        if var parts {
            // Each part is freed as soon as it is copied, so the document is not held twice.
            for index in parts.indices {
                bytes += parts[index]
                parts[index] = []
            }
        } else {
            for element in elements {
                self.element()
                element.write(to: &self)
            }
        }
        setTopFilled(true)
        endArray()
    }

    mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        push(filled: false)
    }

    mutating func endObject() { close(UInt8(ascii: "}")) }

    mutating func beginArray() {
        bytes.append(UInt8(ascii: "["))
        push(filled: false)
    }

    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts a member: the separator, the indentation and `"key" : `.
    mutating func key(_ key: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        // Byte by byte: a literal here cost an allocation per key, and a static array a retain and release.
        bytes.append(UInt8(ascii: "\""))
        if pretty { bytes.append(UInt8(ascii: " ")) }
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
    }

    /// Starts an array element.
    mutating func element() { separate() }

    /// A value already written by this writer at the same place in an earlier document, copied as it is.
    mutating func written(_ value: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: value)
    }

    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        value.withUTF8Bytes { utf8 in
            var start = 0
            var index = EscapeScan.json.next(in: utf8, from: 0)
            while index < utf8.count {
                let byte = utf8[index]
                if start < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index])) }
                start = index + 1
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                default:
                    let hex = Self.hexDigits
                    bytes.append(contentsOf: [
                        0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)],
                        hex[Int(byte & 0x0F)],
                    ])
                }
                index = EscapeScan.json.next(in: utf8, from: start)
            }
            if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func int<Integer: BinaryInteger>(_ value: Integer) {
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func null() {
        bytes.append(contentsOf: Self.nullBytes)
    }

    private static let nullBytes = Array("null".utf8)

    mutating func bool(_ value: Bool) {
        bytes.append(contentsOf: value ? Self.trueBytes : Self.falseBytes)
    }

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A day as `"YYYY-MM-DD"`.
    mutating func day(_ value: Day) {
        bytes.append(UInt8(ascii: "\""))
        DayText.append(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// The finished document; pretty documents end with a newline, as every exported JSON file does.
    mutating func finish() -> [UInt8] {
        if pretty { bytes.append(0x0A) }
        return bytes
    }

    private mutating func separate() {
        if depth > 0 {
            if topFilled { bytes.append(UInt8(ascii: ",")) }
            setTopFilled(true)
        }
        if pretty { newline(depth: depth) }
    }

    private mutating func close(_ bracket: UInt8) {
        let hadElements = depth > 0 ? pop() : false
        if pretty {
            if !hadElements { bytes.append(0x0A) }
            newline(depth: depth)
        }
        bytes.append(bracket)
    }

    private mutating func newline(depth: Int) {
        bytes.append(0x0A)
        // Byte by byte: the site's documents nest a few levels deep, and appending a sequence cost more.
        for _ in 0..<(depth * 2) { bytes.append(0x20) }
    }

    private mutating func push(filled isFilled: Bool) {
        if depth < 64 {
            let bit: UInt64 = 1 << UInt64(depth)
            filled = isFilled ? filled | bit : filled & ~bit
        } else {
            deeper.append(isFilled)
        }
        depth += 1
    }

    private mutating func pop() -> Bool {
        let wasFilled = topFilled
        depth -= 1
        if depth >= 64 { deeper.removeLast() }
        return wasFilled
    }

    private var topFilled: Bool {
        let level = depth - 1
        return level < 64 ? filled & (1 << UInt64(level)) != 0 : deeper[level - 64]
    }

    private mutating func setTopFilled(_ isFilled: Bool) {
        let level = depth - 1
        if level < 64 {
            let bit: UInt64 = 1 << UInt64(level)
            filled = isFilled ? filled | bit : filled & ~bit
        } else {
            deeper[level - 64] = isFilled
        }
    }
}
