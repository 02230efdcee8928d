/// What the watcher last found at a cited URL, judged for one citation (its quote and its revision's verified-on
/// day). Computed by the database from the watch record; nobody sets it by hand.
public enum SourceState: String, Hashable, Sendable, Codable, CaseIterable {
    /// Reachable, its text matches what it said when the claim was verified, and the quote (if any) is there.
    case ok
    /// The text differs from the snapshot current on the revision's verified-on day.
    case changed
    /// The citation's quote no longer appears in the source's latest text.
    case quoteMissing = "quote_missing"
    /// The last two checks both failed (HTTP error, timeout, network error, too many redirects).
    case unreachable
    /// Never fetched with a usable answer.
    case unchecked

    /// True for the states an editor must look at (re-verify the claim).
    public var needsAttention: Bool {
        switch self {
        case .changed, .quoteMissing, .unreachable: true
        case .ok, .unchecked: false
        }
    }
}
