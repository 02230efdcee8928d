/// How sure the desk is of a claim; ordered so that a page's confidence is the lowest of its claims.
public enum Confidence: String, CaseIterable, Comparable, Sendable, Codable {
    case low, medium, high

    private var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        }
    }

    public static func < (a: Confidence, b: Confidence) -> Bool { a.rank < b.rank }
}
