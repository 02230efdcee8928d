import ClaimDeskDomain

/// Public labels of verdicts, looked up from the vocabulary so text output shows `key — Label`.
struct VerdictLabels {
    private var labels: [TopicKey: [VerdictKey: String]] = [:]

    init(_ topics: [ClaimDeskDomain.Topic] = []) {
        for topic in topics {
            labels[topic.key] = Dictionary(topic.verdicts.map { ($0.key, $0.label) }, uniquingKeysWith: { a, _ in a })
        }
    }

    func describe(_ verdict: VerdictKey?, topic: TopicKey) -> String {
        guard let verdict else { return "— (prose only)" }
        guard let label = labels[topic]?[verdict] else { return verdict.rawValue }
        return "\(verdict.rawValue) — \(label)"
    }
}
