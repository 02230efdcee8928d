/// A `date` column as PostgreSQL counts it, days since 2000-01-01, with its calendar day: read from the binary form
/// without going through text, or from the ISO text form (`YYYY-MM-DD`). `infinity` is `Int32.max` days, `-infinity`
/// `Int32.min`, and neither has a calendar day.
public struct PostgresDate: PostgresDecodable, Hashable, Sendable {
    public let daysSince2000: Int32

    /// 2000-01-01T00:00:00Z in seconds since 1970.
    static let unixSecondsAt2000: Int64 = 946_684_800

    public init(daysSince2000: Int32) {
        self.daysSince2000 = daysSince2000
    }

    /// The proleptic Gregorian day (year, month, day); nil for the infinities.
    public var civil: (year: Int, month: Int, day: Int)? {
        guard daysSince2000 != .max, daysSince2000 != .min else { return nil }
        // Days since 0000-03-01, then eras of 400 years (Howard Hinnant's civil_from_days).
        let z = Int(daysSince2000) + 10_957 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public static func decode(postgresText: String, typeOID: UInt32) throws(PostgresDecodingError) -> PostgresDate {
        if postgresText == "infinity" { return PostgresDate(daysSince2000: .max) }
        if postgresText == "-infinity" { return PostgresDate(daysSince2000: .min) }
        let bytes = Array(postgresText.utf8)
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            (1...12).contains(month), (1...31).contains(day)
        else { throw .invalidText("the text is not an ISO date (YYYY-MM-DD)") }
        let date = PostgresDate(daysSince2000: Int32(Self.days(year: year, month: month, day: day) - 10_957))
        guard let civil = date.civil, civil == (year, month, day) else {
            throw .invalidText("the text is not a day of the calendar")
        }
        return date
    }

    public static func decode(postgresBinary: UnsafeRawBufferPointer) throws(PostgresDecodingError) -> PostgresDate {
        guard postgresBinary.count == 4 else {
            throw .invalidText("a binary date has 4 bytes, not \(postgresBinary.count)")
        }
        return PostgresDate(daysSince2000: postgresBinary.loadUnaligned(as: Int32.self).bigEndian)
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
