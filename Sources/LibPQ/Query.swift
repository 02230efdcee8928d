/// SQL text plus its bind values. String interpolation turns every `\(value)` into a `$n`
/// placeholder, so values never become SQL; raw text needs the explicit `unsafeSQL:` or
/// `\(unescaped:)` spelling.
public struct Query: ExpressibleByStringInterpolation, Sendable, Hashable, CustomDebugStringConvertible {
    public var sql: String
    /// Text-format bind values for `$1`, `$2`, …; nil is SQL NULL.
    public var binds: [String?]
    /// Set when an interpolated value could not be encoded (JSON); execution throws instead of sending.
    var encodingFailure: String?

    public init(unsafeSQL: String, binds: [String?] = []) {
        self.sql = unsafeSQL
        self.binds = binds
    }

    public init(stringLiteral value: String) {
        self.sql = value
        self.binds = []
    }

    public init(stringInterpolation: StringInterpolation) {
        self.sql = stringInterpolation.sql
        self.binds = stringInterpolation.binds
        self.encodingFailure = stringInterpolation.encodingFailure
    }

    /// Shows SQL and binds: for debugging only, never for logs that others read.
    public var debugDescription: String {
        "Query(sql: \(sql.debugDescription), binds: \(binds.map { $0.map(\.debugDescription) ?? "NULL" }))"
    }

    public struct StringInterpolation: StringInterpolationProtocol, Sendable {
        var sql: String
        var binds: [String?]
        var encodingFailure: String?

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql = ""
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
            binds = []
            binds.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        /// A bind parameter: becomes `$n`.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value) {
            appendBind(value)
        }

        /// A bind parameter that may be NULL.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value?) {
            if let value {
                appendBind(value)
            } else {
                binds.append(nil)
                sql += "$\(binds.count)"
            }
        }

        /// Trusted SQL text (a fragment built in code, or an identifier from
        /// `Connection.escapeIdentifier`); never user input.
        public mutating func appendInterpolation(unescaped fragment: String) {
            sql += fragment
        }

        private mutating func appendBind(_ value: some PostgresEncodable) {
            do {
                binds.append(try value.encodePostgresText())
            } catch {
                binds.append(nil)
                if encodingFailure == nil {
                    encodingFailure = "Could not encode bind $\(binds.count) (\(type(of: value))): \(error)"
                }
            }
            sql += "$\(binds.count)"
        }
    }
}
