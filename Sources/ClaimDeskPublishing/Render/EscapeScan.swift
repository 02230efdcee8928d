/// Finds the next byte a writer must treat specially, sixteen bytes at a time (then eight, then one): every page's text
/// is scanned for the bytes JSON or HTML must escape, and testing one byte at a time was most of what writing text cost.
///
/// A set is up to five byte values plus, optionally, every byte below a bound (≤ 0x80).
struct EscapeScan: Sendable {
    private let below: UInt8
    private let targets: (UInt8, UInt8, UInt8, UInt8, UInt8)
    private let words: (UInt64, UInt64, UInt64, UInt64, UInt64)
    private let vectors: (SIMD16<UInt8>, SIMD16<UInt8>, SIMD16<UInt8>, SIMD16<UInt8>, SIMD16<UInt8>)
    private let belowVector: SIMD16<UInt8>

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// `bytes` must hold one to five values; `below` 0 means no bound.
    init(below: UInt8 = 0, _ bytes: [UInt8]) {
        precondition((1...5).contains(bytes.count) && below <= 0x80, "EscapeScan takes 1 to 5 bytes and a bound ≤ 0x80")
        let padded = bytes + Array(repeating: bytes[0], count: 5 - bytes.count)
        self.below = below
        targets = (padded[0], padded[1], padded[2], padded[3], padded[4])
        words = (
            Self.ones &* UInt64(padded[0]), Self.ones &* UInt64(padded[1]), Self.ones &* UInt64(padded[2]),
            Self.ones &* UInt64(padded[3]), Self.ones &* UInt64(padded[4])
        )
        vectors = (
            SIMD16(repeating: padded[0]), SIMD16(repeating: padded[1]), SIMD16(repeating: padded[2]),
            SIMD16(repeating: padded[3]), SIMD16(repeating: padded[4])
        )
        belowVector = SIMD16(repeating: below)
    }

    /// `"`, `\` and the control bytes: what `JSONWriter` escapes.
    static let json = EscapeScan(below: 0x20, [UInt8(ascii: "\""), UInt8(ascii: "\\")])
    /// `& < > " '`: what `HTMLEscaping` escapes.
    static let html = EscapeScan([
        UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"),
    ])
    /// Line breaks.
    static let newlines = EscapeScan([0x0A, 0x0D])

    @inline(__always)
    func matches(_ byte: UInt8) -> Bool {
        byte < below || byte == targets.0 || byte == targets.1 || byte == targets.2 || byte == targets.3
            || byte == targets.4
    }

    /// Whether any byte of the word is in the set (the classic "has zero byte" test, exact for existence).
    @inline(__always)
    private func hit(_ word: UInt64) -> Bool {
        @inline(__always) func zeroByte(_ x: UInt64) -> UInt64 { (x &- Self.ones) & ~x & Self.highs }
        var found = zeroByte(word ^ words.0) | zeroByte(word ^ words.1) | zeroByte(word ^ words.2)
        found |= zeroByte(word ^ words.3) | zeroByte(word ^ words.4)
        if below > 0 { found |= (word &- Self.ones &* UInt64(below)) & ~word & Self.highs }
        return found != 0
    }

    /// Whether any of the sixteen bytes is in the set.
    @inline(__always)
    private func hit(_ vector: SIMD16<UInt8>) -> Bool {
        var found = (vector .== vectors.0) .| (vector .== vectors.1) .| (vector .== vectors.2)
        found = found .| (vector .== vectors.3) .| (vector .== vectors.4)
        if below > 0 { found = found .| (vector .< belowVector) }
        return Swift.any(found)
    }

    /// The index of the first byte in the set at or after `start`, or `bytes.count` when there is none.
    func next(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        let count = bytes.count
        var index = max(start, 0)
        let raw = UnsafeRawPointer(base)
        while index + 16 <= count, !hit(raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)) {
            index += 16
        }
        while index + 8 <= count, !hit(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
            index += 8
        }
        while index < count {
            if matches(base[index]) { return index }
            index += 1
        }
        return count
    }

    /// Whether `bytes` holds any byte in the set.
    func any(in bytes: UnsafeBufferPointer<UInt8>) -> Bool { next(in: bytes, from: 0) < bytes.count }
}
