/// A claim's live and open revisions side by side: what `claim show` and `claim diff` need.
public struct ClaimStatus: Hashable, Sendable, Codable {
    public var ref: ClaimRef
    public var live: Revision?
    public var open: Revision?

    public init(ref: ClaimRef, live: Revision?, open: Revision?) {
        self.ref = ref
        self.live = live
        self.open = open
    }
}
