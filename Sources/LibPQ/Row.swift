/// One result row, copied out of libpq so it outlives the PGresult and can cross threads.
/// Values are text (the text protocol); nil means SQL NULL (an empty string is not NULL).
public struct Row: RowReading, Sendable {
    public let rowDescription: RowDescription
    let values: [String?]

    init(rowDescription: RowDescription, values: [String?]) {
        self.rowDescription = rowDescription
        self.values = values
    }

    public var columnCount: Int { values.count }

    public func text(at index: Int) -> String? { values[index] }
}
