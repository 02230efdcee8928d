import Foundation

/// What decoding a column needs from a row, whether its values were copied out of libpq (`Row`) or are read in
/// place while a result streams (`StreamedRow`): one set of decoding rules and error messages for both.
public protocol RowReading {
    var rowDescription: RowDescription { get }
    /// The number of columns this row holds.
    var columnCount: Int { get }
    /// The text of a column in range, nil when NULL.
    func text(at index: Int) -> String?
    /// The value of a column in range as `T`, nil when NULL: parsed from `text(at:)`, unless the row holds
    /// PostgreSQL's binary form (`CopyRow`).
    func value<T: PostgresDecodable>(at index: Int, as type: T.Type) throws(PostgresDecodingError) -> T?
}

extension RowReading {
    public var columns: [String] { rowDescription.names }

    @inlinable
    public func value<T: PostgresDecodable>(at index: Int, as type: T.Type) throws(PostgresDecodingError) -> T? {
        guard let text = text(at: index) else { return nil }
        return try T.decode(postgresText: text, typeOID: rowDescription.typeOIDs[index])
    }

    /// The raw text of a column, nil when NULL or missing.
    public subscript(column: String) -> String? {
        rowDescription.indexByName[column].flatMap { text(at: $0) }
    }

    public func isNull(_ column: String) -> Bool {
        guard let index = rowDescription.indexByName[column] else { return true }
        return text(at: index) == nil
    }

    public func isNull(_ index: Int) -> Bool {
        !(0..<columnCount).contains(index) || text(at: index) == nil
    }

    // The decoders are inlinable so the export's million-row loop gets them specialized for its types: called
    // generically across the module boundary, each call looked up `Optional<T>`'s metadata at run time.

    @inlinable
    public func decode<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws(PostgresDecodingError)
        -> T
    {
        let index = try self.index(of: column, swiftType: T.self)
        guard let value = try decodeOptional(at: index, name: column, as: T.self) else {
            throw nullError(at: index, name: column, swiftType: T.self)
        }
        return value
    }

    /// NULL becomes nil; any other value must decode.
    @inlinable
    public func decode<T: PostgresDecodable>(_ column: String, as type: T?.Type) throws(PostgresDecodingError) -> T? {
        let index = try self.index(of: column, swiftType: T.self)
        return try decodeOptional(at: index, name: column, as: T.self)
    }

    @inlinable
    public func decode<T: PostgresDecodable>(_ index: Int, as type: T.Type = T.self) throws(PostgresDecodingError) -> T
    {
        try checkIndex(index, swiftType: T.self)
        guard let value = try decodeOptional(at: index, name: nil, as: T.self) else {
            throw nullError(at: index, name: nil, swiftType: T.self)
        }
        return value
    }

    @inlinable
    public func decode<T: PostgresDecodable>(_ index: Int, as type: T?.Type) throws(PostgresDecodingError) -> T? {
        try checkIndex(index, swiftType: T.self)
        return try decodeOptional(at: index, name: nil, as: T.self)
    }

    /// Decodes a json/jsonb column straight into a Decodable type.
    public func decodeJSON<T: Decodable>(_ column: String, as type: T.Type) throws(PostgresDecodingError) -> T {
        let index = try self.index(of: column, swiftType: T.self)
        let oid = rowDescription.typeOIDs[index]
        guard let text = text(at: index) else {
            throw PostgresDecodingError(problem: .unexpectedNull).located(column: column, swiftType: T.self, oid: oid)
        }
        do {
            return try PostgresJSONCoding.makeDecoder().decode(T.self, from: Data(text.utf8))
        } catch {
            let reason = "the JSON does not match \(T.self) (\(PostgresJSONCoding.summary(of: error)))"
            throw PostgresDecodingError.invalidText(reason).located(column: column, swiftType: T.self, oid: oid)
        }
    }

    /// Decodes a json/jsonb column that may be NULL.
    public func decodeJSON<T: Decodable>(_ column: String, as type: T?.Type) throws(PostgresDecodingError) -> T? {
        if isNull(column) {
            _ = try self.index(of: column, swiftType: T.self)
            return nil
        }
        return try decodeJSON(column, as: T.self)
    }

    @usableFromInline
    func index(of column: String, swiftType: Any.Type) throws(PostgresDecodingError) -> Int {
        guard let index = rowDescription.indexByName[column] else {
            throw PostgresDecodingError(problem: .missingColumn).located(column: column, swiftType: swiftType, oid: nil)
        }
        return index
    }

    @usableFromInline
    func checkIndex(_ index: Int, swiftType: Any.Type) throws(PostgresDecodingError) {
        guard (0..<columnCount).contains(index) else {
            throw PostgresDecodingError(problem: .missingColumn).located(
                column: "#\(index)", swiftType: swiftType, oid: nil)
        }
    }

    @usableFromInline
    func nullError(at index: Int, name: String?, swiftType: Any.Type) -> PostgresDecodingError {
        PostgresDecodingError(problem: .unexpectedNull)
            .located(
                column: name ?? rowDescription.names[index], swiftType: swiftType, oid: rowDescription.typeOIDs[index])
    }

    /// `name` is nil when decoding by index: the column's name is looked up only for an error.
    @inlinable
    func decodeOptional<T: PostgresDecodable>(at index: Int, name: String?, as type: T.Type)
        throws(PostgresDecodingError) -> T?
    {
        do {
            return try value(at: index, as: T.self)
        } catch {
            throw error.located(
                column: name ?? rowDescription.names[index], swiftType: T.self, oid: rowDescription.typeOIDs[index])
        }
    }
}
