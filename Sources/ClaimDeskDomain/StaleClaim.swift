/// A live claim whose verification is older than the staleness policy.
public struct StaleClaim: Hashable, Sendable, Codable {
    public var ref: ClaimRef
    public var verifiedOn: Day
    public var ageDays: Int
    public var headline: String
    /// Citations whose source changed, lost its quote or is unreachable.
    public var sourceFlags: [SourceFlag] = []

    public init(ref: ClaimRef, verifiedOn: Day, ageDays: Int, headline: String) {
        self.ref = ref
        self.verifiedOn = verifiedOn
        self.ageDays = ageDays
        self.headline = headline
    }
}
