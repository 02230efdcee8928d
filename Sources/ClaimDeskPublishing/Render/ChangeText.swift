import ClaimDeskDomain

/// A recorded change in plain words, the same on the page, in the feeds and in readers' mail.
public enum ChangeText {
    /// One claim's change, without its heading: "Trains by default → Opt-in only. New answer: …".
    public static func sentence(_ item: PageChange.Item) -> String {
        sentence(
            kind: item.kind, oldLabel: item.oldLabel, newLabel: item.newLabel, oldHeadline: item.oldHeadline,
            newHeadline: item.newHeadline, note: item.note)
    }

    public static func sentence(
        kind: ToolChange.Kind, oldLabel: String?, newLabel: String?, oldHeadline: String?, newHeadline: String?,
        note: String?
    ) -> String {
        switch kind {
        case .new:
            return ["New answer.", newLabel.map { "Verdict: \($0)." }, newHeadline].compactMap { $0 }.joined(
                separator: " ")
        case .verdict:
            return [
                "Verdict changed: \(oldLabel ?? "none") → \(newLabel ?? "none").",
                newHeadline.map { "Now: \($0)" },
            ].compactMap { $0 }.joined(separator: " ")
        case .headline:
            return ["Answer reworded.", newLabel.map { "Verdict unchanged: \($0)." }, newHeadline.map { "Now: \($0)" }]
                .compactMap { $0 }.joined(separator: " ")
        case .reverified:
            return "Re-verified; the answer did not change."
        case .retracted:
            return [
                "Correction: we withdrew this answer\(oldLabel.map { " (\($0))" } ?? "").",
                oldHeadline.map { "It said: \($0)" }, note.map { "Why: \($0)" },
            ].compactMap { $0 }.joined(separator: " ")
        }
    }
}
