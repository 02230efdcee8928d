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
        var text = ""
        pieces(
            kind: kind, oldLabel: oldLabel, newLabel: newLabel, oldHeadline: oldHeadline, newHeadline: newHeadline,
            note: note
        ) { text += $0 }
        return text
    }

    /// The sentence of `item` in pieces, in order: a tool's Atom feed escapes them straight into its bytes instead of
    /// building the sentence first.
    static func pieces(of item: PageChange.Item, _ body: (String) -> Void) {
        pieces(
            kind: item.kind, oldLabel: item.oldLabel, newLabel: item.newLabel, oldHeadline: item.oldHeadline,
            newHeadline: item.newHeadline, note: item.note, body)
    }

    private static func pieces(
        kind: ToolChange.Kind, oldLabel: String?, newLabel: String?, oldHeadline: String?, newHeadline: String?,
        note: String?, _ body: (String) -> Void
    ) {
        /// `before`, `value` and `after` when there is a value; nothing when there is none.
        func part(_ before: String, _ value: String?, _ after: String = "") {
            guard let value else { return }
            body(before)
            body(value)
            if !after.isEmpty { body(after) }
        }
        switch kind {
        case .new:
            body("New answer.")
            part(" Verdict: ", newLabel, ".")
            part(" ", newHeadline)
        case .verdict:
            body("Verdict changed: ")
            body(oldLabel ?? "none")
            body(" → ")
            body(newLabel ?? "none")
            body(".")
            part(" Now: ", newHeadline)
        case .headline:
            body("Answer reworded.")
            part(" Verdict unchanged: ", newLabel, ".")
            part(" Now: ", newHeadline)
        case .reverified:
            body("Re-verified; the answer did not change.")
        case .retracted:
            body("Correction: we withdrew this answer")
            part(" (", oldLabel, ")")
            body(".")
            part(" It said: ", oldHeadline)
            part(" Why: ", note)
        }
    }
}
