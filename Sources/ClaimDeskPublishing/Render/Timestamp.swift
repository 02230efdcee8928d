import ClaimDeskDomain
import Foundation

/// ISO 8601 UTC timestamps to the second (`2026-06-01T09:30:00Z`), computed without formatters or locales so they
/// are the same on every machine.
enum Timestamp {
    static func iso8601(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        let day = Day(year: 1970, month: 1, day: 1).map { $0.adding(days: Int(days)) }
        let hour = rest / 3600
        let minute = (rest % 3600) / 60
        let second = rest % 60
        return "\(day?.description ?? "1970-01-01")T\(two(hour)):\(two(minute)):\(two(second))Z"
    }

    private static func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
