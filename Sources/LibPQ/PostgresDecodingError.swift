import Foundation

/// A column value could not become the requested Swift type. Names the column, the Swift type and
/// the PostgreSQL type so the mismatch is obvious; never includes the value itself.
public struct PostgresDecodingError: Error, LocalizedError, CustomStringConvertible, Sendable {
    public enum Problem: Sendable, Hashable {
        /// The column is NULL but a non-optional type was requested.
        case unexpectedNull
        /// The text is not valid for the Swift type; the reason never quotes the value.
        case invalidText(reason: String)
        /// No column with that name (or index) in the result.
        case missingColumn
    }

    public var problem: Problem
    /// Column name, or "#3" when decoding by index from an unnamed column.
    public var column: String
    public var swiftType: String
    /// The PostgreSQL type name ("int4") or "OID 12345" for types not known here.
    public var postgresType: String
    public var postgresTypeOID: UInt32?

    public init(
        problem: Problem, column: String = "", swiftType: String = "", postgresTypeOID: UInt32? = nil
    ) {
        self.problem = problem
        self.column = column
        self.swiftType = swiftType
        self.postgresTypeOID = postgresTypeOID
        self.postgresType = postgresTypeOID.map(PostgresTypeName.name(forOID:)) ?? "unknown"
    }

    /// For `PostgresDecodable` conformers: Row fills in column and type names.
    public static func invalidText(_ reason: String) -> PostgresDecodingError {
        PostgresDecodingError(problem: .invalidText(reason: reason))
    }

    public var description: String {
        let subject = "column \"\(column)\" (PostgreSQL \(postgresType)) as Swift \(swiftType)"
        switch problem {
        case .unexpectedNull:
            return "Cannot decode \(subject): the value is NULL; decode it as an Optional if NULL is allowed."
        case .invalidText(let reason):
            return "Cannot decode \(subject): \(reason)."
        case .missingColumn:
            return "Cannot decode column \"\(column)\" as Swift \(swiftType): the result has no such column."
        }
    }

    public var errorDescription: String? { description }

    /// Context filled in by Row once the conformer has said what was wrong.
    @usableFromInline
    func located(column: String, swiftType: Any.Type, oid: UInt32?) -> PostgresDecodingError {
        var copy = self
        copy.column = column
        copy.swiftType = String(describing: swiftType)
        copy.postgresTypeOID = oid
        copy.postgresType = oid.map(PostgresTypeName.name(forOID:)) ?? "unknown"
        return copy
    }
}

/// Names for the built-in type OIDs that show up in everyday errors (pg_type.h values are stable).
enum PostgresTypeName {
    static func name(forOID oid: UInt32) -> String {
        names[oid] ?? "OID \(oid)"
    }

    static let names: [UInt32: String] = [
        16: "bool", 17: "bytea", 18: "char", 19: "name", 20: "int8", 21: "int2", 23: "int4", 25: "text",
        26: "oid", 114: "json", 142: "xml", 700: "float4", 701: "float8", 705: "unknown", 1000: "bool[]",
        1005: "int2[]", 1007: "int4[]", 1009: "text[]", 1015: "varchar[]", 1016: "int8[]", 1021: "float4[]",
        1022: "float8[]", 1042: "bpchar", 1043: "varchar", 1082: "date", 1083: "time", 1114: "timestamp",
        1115: "timestamp[]", 1182: "date[]", 1184: "timestamptz", 1185: "timestamptz[]", 1186: "interval",
        1231: "numeric[]", 1266: "timetz", 1700: "numeric", 2249: "record", 2278: "void", 2950: "uuid",
        2951: "uuid[]", 3802: "jsonb", 3807: "jsonb[]", 199: "json[]", 869: "inet", 650: "cidr",
    ]

    /// Element type for the array OIDs above, so array elements decode with a meaningful OID.
    static func elementOID(ofArray oid: UInt32) -> UInt32 {
        let elements: [UInt32: UInt32] = [
            1000: 16, 1005: 21, 1007: 23, 1009: 25, 1015: 1043, 1016: 20, 1021: 700, 1022: 701, 1115: 1114,
            1182: 1082, 1185: 1184, 1231: 1700, 2951: 2950, 3807: 3802, 199: 114,
        ]
        return elements[oid] ?? 0
    }
}
