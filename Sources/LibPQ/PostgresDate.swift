/// A `date` column as PostgreSQL counts it, days since 2000-01-01, with its calendar day: read from the binary form
/// without going through text, or from the ISO text form (`YYYY-MM-DD`). `infinity` is `Int32.max` days, `-infinity`
/// `Int32.min`, and neither has a calendar day.
public struct PostgresDate: PostgresDecodable, Hashable, Sendable {
    public let daysSince2000: Int32

    /// 2000-01-01, PostgreSQL's epoch, in days and in seconds since 1970-01-01.
    static let unixDaysAt2000: Int64 = 10_957
    static let unixSecondsAt2000: Int64 = 946_684_800

    public init(daysSince2000: Int32) {
        self.daysSince2000 = daysSince2000
    }

    /// The proleptic Gregorian day (year, month, day); nil for the infinities.
    public var civil: (year: Int, month: Int, day: Int)? {
        guard daysSince2000 != .max, daysSince2000 != .min else { return nil }
        let (year, month, day) = PostgresDateText.civil(fromDays: Int64(daysSince2000) + Self.unixDaysAt2000)
        return (Int(year), Int(month), Int(day))
    }

    public static func decode(postgresText: String, typeOID: UInt32) throws(PostgresDecodingError) -> PostgresDate {
        if postgresText == "infinity" { return PostgresDate(daysSince2000: .max) }
        if postgresText == "-infinity" { return PostgresDate(daysSince2000: .min) }
        guard let iso = PostgresDateText.isoDay(postgresText) else {
            throw .invalidText("the text is not an ISO date (YYYY-MM-DD)")
        }
        // Four-digit years are well inside Int32's days.
        let date = PostgresDate(
            daysSince2000: Int32(PostgresDateText.days(fromCivil: iso.year, iso.month, iso.day) - Self.unixDaysAt2000))
        guard let civil = date.civil, civil == (Int(iso.year), Int(iso.month), Int(iso.day)) else {
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
}
