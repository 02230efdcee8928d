/// A claim's live and open revisions side by side: what `claim show` and `claim diff` need.
public struct ClaimStatus: Hashable, Sendable, Codable {
    public var ref: ClaimRef
    public var live: Revision?
    public var open: Revision?
    /// Citations of the live revision whose source needs an editor (changed, quote missing, unreachable).
    public var liveSourceFlags: [SourceFlag] = []
    /// The same for the open revision.
    public var openSourceFlags: [SourceFlag] = []

    public init(ref: ClaimRef, live: Revision?, open: Revision?) {
        self.ref = ref
        self.live = live
        self.open = open
    }
}
