import CLibPQ

/// One row of a streamed result, read in place from libpq's buffer: a column costs something only when it is
/// decoded. The export's rows repeat their tool's and claim's columns beside every citation, and copying all 36 of
/// them into strings for each of 900,000 rows was most of the time spent reading rows.
///
/// Valid only inside the `stream` body that receives it (libpq frees the buffer after); `copied()` keeps one.
public struct StreamedRow: RowReading {
    public let rowDescription: RowDescription
    let result: OpaquePointer
    let row: Int32

    public var columnCount: Int { rowDescription.names.count }

    public func text(at index: Int) -> String? {
        let column = Int32(index)
        guard PQgetisnull(result, row, column) == 0, let pointer = PQgetvalue(result, row, column) else { return nil }
        let length = Int(PQgetlength(result, row, column))
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    /// The row with every value copied, to keep after the body returns.
    public func copied() -> Row { Connection.row(of: result, at: row, description: rowDescription) }
}
