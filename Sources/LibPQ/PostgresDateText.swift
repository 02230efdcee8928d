import Foundation

/// Formats and parses the ISO text PostgreSQL uses for `date`, `timestamp` and `timestamptz`
/// (with DateStyle=ISO). Hand-written because DateFormatter is slow, locale-sensitive and
/// cannot express microseconds, years beyond 9999, or BC.
enum PostgresDateText {
    /// `2024-01-02T03:04:05.123456Z`: microsecond precision, the resolution of timestamptz.
    static func format(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        guard interval.isFinite else { return interval > 0 ? "infinity" : "-infinity" }
        var seconds = interval.rounded(.down)
        var micros = ((interval - seconds) * 1_000_000).rounded()
        if micros >= 1_000_000 {
            seconds += 1
            micros = 0
        }
        let whole = Int64(seconds)
        let days = floorDiv(whole, 86_400)
        let secondOfDay = whole - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        let bc = year <= 0
        var text = pad(bc ? 1 - year : year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        text += "T" + pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
        text += "." + pad(Int64(micros), 6) + "Z"
        if bc { text += " BC" }
        return text
    }

    /// Accepts `YYYY-MM-DD`, optionally followed by ` ` or `T` and `HH:MM[:SS[.ffffff]]`, an optional
    /// zone (`Z`, `+HH`, `+HH:MM`, `+HH:MM:SS`; none means UTC) and an optional ` BC`; also `±infinity`.
    static func parse(_ text: String) -> Date? {
        if text == "infinity" { return .distantFuture }
        if text == "-infinity" { return .distantPast }
        var scanner = Scanner(Array(text.utf8))
        guard var year = scanner.number(minDigits: 4, maxDigits: 9), scanner.take(UInt8(ascii: "-")),
            let month = scanner.number(minDigits: 2, maxDigits: 2), scanner.take(UInt8(ascii: "-")),
            let day = scanner.number(minDigits: 2, maxDigits: 2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var secondOfDay: Int64 = 0
        var fraction = 0.0
        var offset: Int64 = 0
        if scanner.take(UInt8(ascii: " ")) || scanner.take(UInt8(ascii: "T")) {
            if scanner.peek == UInt8(ascii: "B") {
                scanner.index -= 1  // "2024-01-01 BC": the space belongs to the era
            } else {
                guard let hour = scanner.number(minDigits: 2, maxDigits: 2), scanner.take(UInt8(ascii: ":")),
                    let minute = scanner.number(minDigits: 2, maxDigits: 2), hour <= 24, minute < 60
                else { return nil }
                var second: Int64 = 0
                if scanner.take(UInt8(ascii: ":")) {
                    guard let value = scanner.number(minDigits: 2, maxDigits: 2), value <= 60 else { return nil }
                    second = value
                    if scanner.take(UInt8(ascii: ".")) {
                        guard let digits = scanner.digits(), !digits.isEmpty else { return nil }
                        fraction = Double("0." + String(decoding: digits, as: UTF8.self)) ?? 0
                    }
                }
                secondOfDay = hour * 3600 + minute * 60 + second
                if scanner.take(UInt8(ascii: "Z")) {
                    offset = 0
                } else if let sign = scanner.peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                    scanner.index += 1
                    guard let hours = scanner.number(minDigits: 2, maxDigits: 2) else { return nil }
                    var total = hours * 3600
                    if scanner.take(UInt8(ascii: ":")) {
                        guard let minutes = scanner.number(minDigits: 2, maxDigits: 2) else { return nil }
                        total += minutes * 60
                        if scanner.take(UInt8(ascii: ":")) {
                            guard let seconds = scanner.number(minDigits: 2, maxDigits: 2) else { return nil }
                            total += seconds
                        }
                    }
                    offset = sign == UInt8(ascii: "+") ? total : -total
                }
            }
        }
        if scanner.take(UInt8(ascii: " ")) {
            guard scanner.take(UInt8(ascii: "B")), scanner.take(UInt8(ascii: "C")) else { return nil }
            year = 1 - year
        }
        guard scanner.atEnd else { return nil }
        let days = days(fromCivil: year, month, day)
        let seconds = days * 86_400 + secondOfDay - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// The year, month and day of exactly `YYYY-MM-DD` (a `date` in ISO DateStyle, years 1 to 9999), unchecked
    /// against the calendar; nil for anything else.
    static func isoDay(_ text: String) -> (year: Int64, month: Int64, day: Int64)? {
        var scanner = Scanner(Array(text.utf8))
        guard let year = scanner.number(minDigits: 4, maxDigits: 4), scanner.take(UInt8(ascii: "-")),
            let month = scanner.number(minDigits: 2, maxDigits: 2), scanner.take(UInt8(ascii: "-")),
            let day = scanner.number(minDigits: 2, maxDigits: 2), scanner.atEnd
        else { return nil }
        return (year, month, day)
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
        var atEnd: Bool { index == bytes.count }
        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }
        mutating func take(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            index += 1
            return true
        }
        mutating func digits() -> ArraySlice<UInt8>? {
            let start = index
            while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
            return bytes[start..<index]
        }
        mutating func number(minDigits: Int, maxDigits: Int) -> Int64? {
            guard let run = digits(), run.count >= minDigits, run.count <= maxDigits else { return nil }
            return run.reduce(0) { $0 * 10 + Int64($1 - UInt8(ascii: "0")) }
        }
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : (a - b + 1) / b
    }

    // Howard Hinnant's civil-from-days / days-from-civil (proleptic Gregorian, astronomical years).
    static func civil(fromDays z: Int64) -> (Int64, Int64, Int64) {
        let z = z + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
