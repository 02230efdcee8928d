import Foundation

/// One result row, copied out of libpq so it outlives the PGresult and can cross threads.
/// Values are text (the text protocol); nil means SQL NULL (an empty string is not NULL).
public struct Row: Sendable {
    let rowDescription: RowDescription
    let values: [String?]

    init(rowDescription: RowDescription, values: [String?]) {
        self.rowDescription = rowDescription
        self.values = values
    }

    public var columns: [String] { rowDescription.names }

    /// The raw text of a column, nil when NULL or missing.
    public subscript(column: String) -> String? {
        rowDescription.indexByName[column].flatMap { values[$0] }
    }

    public func isNull(_ column: String) -> Bool {
        guard let index = rowDescription.indexByName[column] else { return true }
        return values[index] == nil
    }

    public func isNull(_ index: Int) -> Bool {
        !values.indices.contains(index) || values[index] == nil
    }

    public func decode<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws(PostgresDecodingError)
        -> T
    {
        let index = try self.index(of: column, swiftType: T.self)
        guard let value = try decodeOptional(at: index, name: column, as: T.self) else {
            throw PostgresDecodingError(problem: .unexpectedNull)
                .located(column: column, swiftType: T.self, oid: rowDescription.typeOIDs[index])
        }
        return value
    }

    /// NULL becomes nil; any other value must decode.
    public func decode<T: PostgresDecodable>(_ column: String, as type: T?.Type) throws(PostgresDecodingError) -> T? {
        let index = try self.index(of: column, swiftType: T.self)
        return try decodeOptional(at: index, name: column, as: T.self)
    }

    public func decode<T: PostgresDecodable>(_ index: Int, as type: T.Type = T.self) throws(PostgresDecodingError) -> T
    {
        let name = try self.name(at: index, swiftType: T.self)
        guard let value = try decodeOptional(at: index, name: name, as: T.self) else {
            throw PostgresDecodingError(problem: .unexpectedNull)
                .located(column: name, swiftType: T.self, oid: rowDescription.typeOIDs[index])
        }
        return value
    }

    public func decode<T: PostgresDecodable>(_ index: Int, as type: T?.Type) throws(PostgresDecodingError) -> T? {
        let name = try self.name(at: index, swiftType: T.self)
        return try decodeOptional(at: index, name: name, as: T.self)
    }

    /// Decodes a json/jsonb column straight into a Decodable type.
    public func decodeJSON<T: Decodable>(_ column: String, as type: T.Type) throws(PostgresDecodingError) -> T {
        let index = try self.index(of: column, swiftType: T.self)
        let oid = rowDescription.typeOIDs[index]
        guard let text = values[index] else {
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

    private func index(of column: String, swiftType: Any.Type) throws(PostgresDecodingError) -> Int {
        guard let index = rowDescription.indexByName[column] else {
            throw PostgresDecodingError(problem: .missingColumn).located(column: column, swiftType: swiftType, oid: nil)
        }
        return index
    }

    private func name(at index: Int, swiftType: Any.Type) throws(PostgresDecodingError) -> String {
        guard values.indices.contains(index) else {
            throw PostgresDecodingError(problem: .missingColumn).located(
                column: "#\(index)", swiftType: swiftType, oid: nil)
        }
        return rowDescription.names[index]
    }

    private func decodeOptional<T: PostgresDecodable>(at index: Int, name: String, as type: T.Type)
        throws(PostgresDecodingError) -> T?
    {
        guard let text = values[index] else { return nil }
        let oid = rowDescription.typeOIDs[index]
        do {
            return try T.decode(postgresText: text, typeOID: oid)
        } catch {
            throw error.located(column: name, swiftType: T.self, oid: oid)
        }
    }
}
