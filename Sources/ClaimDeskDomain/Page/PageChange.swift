/// One entry of a page's "What changed" section: a recorded change, in the words a reader sees.
public struct PageChange: Hashable, Sendable, Codable {
    /// One claim of the change, with the heading of its topic (and tier) filled in.
    public struct Item: Hashable, Sendable, Codable {
        public var ref: ClaimRef
        public var heading: String
        public var kind: ToolChange.Kind
        public var oldLabel: String?
        public var newLabel: String?
        public var oldHeadline: String?
        public var newHeadline: String?
        public var note: String?

        public init(
            ref: ClaimRef, heading: String, kind: ToolChange.Kind, oldLabel: String?, newLabel: String?,
            oldHeadline: String?, newHeadline: String?, note: String?
        ) {
            self.ref = ref
            self.heading = heading
            self.kind = kind
            self.oldLabel = oldLabel
            self.newLabel = newLabel
            self.oldHeadline = oldHeadline
            self.newHeadline = newHeadline
            self.note = note
        }
    }

    public var seq: Int64
    public var day: Day
    /// False for a re-verification only.
    public var material: Bool
    public var items: [Item]

    public init(seq: Int64, day: Day, material: Bool, items: [Item]) {
        self.seq = seq
        self.day = day
        self.material = material
        self.items = items
    }
}
