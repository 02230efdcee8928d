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
        // Appended piece by piece: building arrays of optional parts and joining them cost an allocation per part.
        var text: String
        switch kind {
        case .new:
            text = "New answer."
            if let newLabel { text += " Verdict: \(newLabel)." }
            if let newHeadline { text += " \(newHeadline)" }
        case .verdict:
            text = "Verdict changed: \(oldLabel ?? "none") → \(newLabel ?? "none")."
            if let newHeadline { text += " Now: \(newHeadline)" }
        case .headline:
            text = "Answer reworded."
            if let newLabel { text += " Verdict unchanged: \(newLabel)." }
            if let newHeadline { text += " Now: \(newHeadline)" }
        case .reverified:
            text = "Re-verified; the answer did not change."
        case .retracted:
            text = "Correction: we withdrew this answer\(oldLabel.map { " (\($0))" } ?? "")."
            if let oldHeadline { text += " It said: \(oldHeadline)" }
            if let note { text += " Why: \(note)" }
        }
        return text
    }
}
