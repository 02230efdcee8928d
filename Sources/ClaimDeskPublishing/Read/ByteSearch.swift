#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the writer's framing bytes in the export's own JSON files (`SpareDifference`, `PreviousToolIndex`): no JSON
/// string holds a raw line break, so a pattern that starts with one can only be structure.
enum ByteSearch {
    /// Whether `part` is in `bytes` at `start`.
    static func has(_ part: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start >= 0, bytes.count - start >= part.count else { return false }
        guard let base = bytes.baseAddress, let expected = part.baseAddress else { return part.isEmpty }
        return memcmp(base + start, expected, part.count) == 0
    }

    static func has(_ part: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        part.withUnsafeBufferPointer { has($0, in: bytes, at: start) }
    }

    /// Where the first `part` at or after `from` begins.
    static func find(_ part: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        guard let first = part.first else { return from }
        var index = max(from, 0)
        while index + part.count <= bytes.count {
            if bytes[index] == first, has(part, in: bytes, at: index) { return index }
            index += 1
        }
        return nil
    }
}
