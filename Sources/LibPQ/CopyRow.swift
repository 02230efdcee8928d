/// One row of `Connection.streamCopy`, read in place from libpq's buffer in PostgreSQL's binary form: `decode`
/// reads each type's binary value (`PostgresDecodable.decode(postgresBinary:)`), which costs no text formatting on
/// the server and no parsing here. `text(at:)` gives a column's bytes as text, which is its value only for text
/// types.
///
/// Valid only inside the body that receives it: the buffer is freed after.
public struct CopyRow: RowReading {
    /// COPY names no column types; errors say "unknown".
    static let unknownOID: UInt32 = 705

    public let rowDescription: RowDescription
    @usableFromInline let base: UnsafePointer<UInt8>
    @usableFromInline let fields: UnsafeBufferPointer<(offset: Int32, length: Int32)>

    init(
        rowDescription: RowDescription, base: UnsafePointer<UInt8>,
        fields: UnsafeBufferPointer<(offset: Int32, length: Int32)>
    ) {
        self.rowDescription = rowDescription
        self.base = base
        self.fields = fields
    }

    public var columnCount: Int { fields.count }

    public func text(at index: Int) -> String? {
        guard let bytes = bytes(at: index) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    @inlinable
    public func value<T: PostgresDecodable>(at index: Int, as type: T.Type) throws(PostgresDecodingError) -> T? {
        guard let bytes = bytes(at: index) else { return nil }
        return try T.decode(postgresBinary: bytes)
    }

    /// A column's bytes, nil when NULL or out of range.
    @inlinable
    func bytes(at index: Int) -> UnsafeRawBufferPointer? {
        guard fields.indices.contains(index) else { return nil }
        let field = fields[index]
        guard field.length >= 0 else { return nil }
        return UnsafeRawBufferPointer(start: base + Int(field.offset), count: Int(field.length))
    }
}
