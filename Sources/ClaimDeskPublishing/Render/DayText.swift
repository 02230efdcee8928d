import ClaimDeskDomain

/// `YYYY-MM-DD` without `String(format:)`, which showed up in profiles of large exports.
enum DayText {
    static func string(_ day: Day) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        append(day, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func append(_ day: Day, to bytes: inout [UInt8]) {
        guard (0...9999).contains(day.year) else {
            bytes.append(contentsOf: day.description.utf8)
            return
        }
        let digit = { (value: Int) in UInt8(ascii: "0") + UInt8(value % 10) }
        bytes.append(contentsOf: [
            digit(day.year / 1000), digit(day.year / 100), digit(day.year / 10), digit(day.year), UInt8(ascii: "-"),
            digit(day.month / 10), digit(day.month), UInt8(ascii: "-"), digit(day.day / 10), digit(day.day),
        ])
    }
}
