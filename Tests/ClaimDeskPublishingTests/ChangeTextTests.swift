import ClaimDeskDomain
import Testing

@testable import ClaimDeskPublishing

/// The sentence for each kind of change, with and without its optional parts, as the page, the feeds and mail say it.
@Suite("Change sentences")
struct ChangeTextTests {
    static func sentence(
        _ kind: ToolChange.Kind, oldLabel: String? = nil, newLabel: String? = nil, oldHeadline: String? = nil,
        newHeadline: String? = nil, note: String? = nil
    ) -> String {
        ChangeText.sentence(
            kind: kind, oldLabel: oldLabel, newLabel: newLabel, oldHeadline: oldHeadline, newHeadline: newHeadline,
            note: note)
    }

    @Test("every kind, with all parts and with none")
    func everyKind() {
        #expect(
            Self.sentence(.new, newLabel: "Opt-in only", newHeadline: "No.") == "New answer. Verdict: Opt-in only. No.")
        #expect(Self.sentence(.new) == "New answer.")
        #expect(
            Self.sentence(.verdict, oldLabel: "Trains", newLabel: "Opt-in", newHeadline: "Now no.")
                == "Verdict changed: Trains → Opt-in. Now: Now no.")
        #expect(Self.sentence(.verdict) == "Verdict changed: none → none.")
        #expect(
            Self.sentence(.headline, newLabel: "Opt-in", newHeadline: "Reworded.")
                == "Answer reworded. Verdict unchanged: Opt-in. Now: Reworded.")
        #expect(Self.sentence(.headline) == "Answer reworded.")
        #expect(Self.sentence(.reverified, newLabel: "ignored") == "Re-verified; the answer did not change.")
        #expect(
            Self.sentence(.retracted, oldLabel: "Trains", oldHeadline: "Yes.", note: "Wrong source.")
                == "Correction: we withdrew this answer (Trains). It said: Yes. Why: Wrong source.")
        #expect(Self.sentence(.retracted) == "Correction: we withdrew this answer.")
    }
}
