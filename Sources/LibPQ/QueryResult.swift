/// All rows of a completed query, already copied out of libpq (the PGresult is cleared).
public struct QueryResult: RandomAccessCollection, Sendable {
    public let columns: [String]
    /// Rows inserted/updated/deleted/selected as reported by the command tag; 0 when it has none.
    public let rowsAffected: Int
    /// The command tag, e.g. "INSERT 0 1".
    public let commandTag: String
    let rows: [Row]

    init(columns: [String], rowsAffected: Int, commandTag: String, rows: [Row]) {
        self.columns = columns
        self.rowsAffected = rowsAffected
        self.commandTag = commandTag
        self.rows = rows
    }

    public var startIndex: Int { rows.startIndex }
    public var endIndex: Int { rows.endIndex }
    public subscript(position: Int) -> Row { rows[position] }
}
