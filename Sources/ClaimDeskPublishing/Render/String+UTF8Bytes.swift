extension String {
    /// The string's UTF-8 bytes in place, without the mutable copy `withUTF8` needs: copying a string retains its
    /// storage, and the export reads a few million strings this way (two atomic reference counts each, on both
    /// rendering cores). Strings not stored as contiguous UTF-8 (bridged or lazily decoded) take `withUTF8`'s path.
    @inline(__always)
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}
