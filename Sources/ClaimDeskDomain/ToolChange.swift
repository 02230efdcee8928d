/// One change to a tool's public page, as recorded in the database in the publish (or retraction) transaction: every
/// claim of the tool that transaction touched, with what a reader cares about.
///
/// A change is material when a verdict or headline changed, a claim is new or one was retracted; a re-verification
/// alone (new date, confidence or citations) is recorded but sends no mail.
public struct ToolChange: Hashable, Sendable, Codable {
    /// What happened to one claim.
    public enum Kind: String, Hashable, Sendable, Codable {
        case new, verdict, headline, reverified, retracted
    }

    /// One claim of the change.
    public struct Item: Hashable, Sendable, Codable {
        public var ref: ClaimRef
        public var kind: Kind
        /// The public verdict labels before and after (nil where there was none, or the topic has no verdicts).
        public var oldLabel: String?
        public var newLabel: String?
        public var oldHeadline: String?
        public var newHeadline: String?
        /// The retraction's note: why it was taken down.
        public var note: String?

        public init(
            ref: ClaimRef, kind: Kind, oldLabel: String? = nil, newLabel: String? = nil, oldHeadline: String? = nil,
            newHeadline: String? = nil, note: String? = nil
        ) {
            self.ref = ref
            self.kind = kind
            self.oldLabel = oldLabel
            self.newLabel = newLabel
            self.oldHeadline = oldHeadline
            self.newHeadline = newHeadline
            self.note = note
        }

        public var isMaterial: Bool { kind != .reverified }
    }

    /// The first publish sequence of the change.
    public var seq: Int64
    /// The day (UTC) it went live.
    public var day: Day
    public var items: [Item]

    public init(seq: Int64, day: Day, items: [Item]) {
        self.seq = seq
        self.day = day
        self.items = items
    }

    public var isMaterial: Bool { items.contains(where: \.isMaterial) }
}
