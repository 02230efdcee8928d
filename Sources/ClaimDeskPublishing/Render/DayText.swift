import ClaimDeskDomain

/// `YYYY-MM-DD` without `String(format:)`, which showed up in profiles of large exports.
enum DayText {
    static func string(_ day: Day) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        append(day, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Put together on the stack: an array literal here was an allocation for every date written.
    static func append(_ day: Day, to bytes: inout [UInt8]) {
        guard (0...9999).contains(day.year) else {
            bytes.append(contentsOf: day.description.utf8)
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { buffer in
            let digit = { (value: Int) in UInt8(ascii: "0") + UInt8(value % 10) }
            buffer[0] = digit(day.year / 1000)
            buffer[1] = digit(day.year / 100)
            buffer[2] = digit(day.year / 10)
            buffer[3] = digit(day.year)
            buffer[4] = UInt8(ascii: "-")
            buffer[5] = digit(day.month / 10)
            buffer[6] = digit(day.month)
            buffer[7] = UInt8(ascii: "-")
            buffer[8] = digit(day.day / 10)
            buffer[9] = digit(day.day)
            bytes.append(contentsOf: UnsafeBufferPointer(buffer))
        }
    }
}
