/// A tool with its tiers and the state of each of its claims, for `tool show`.
public struct ToolDetail: Hashable, Sendable, Codable {
    public struct ClaimSummary: Hashable, Sendable, Codable {
        public var ref: ClaimRef
        public var liveNumber: Int?
        public var liveVerdict: VerdictKey?
        public var verifiedOn: Day?
        public var openNumber: Int?
        public var openState: RevisionState?

        public init(
            ref: ClaimRef, liveNumber: Int?, liveVerdict: VerdictKey?, verifiedOn: Day?, openNumber: Int?,
            openState: RevisionState?
        ) {
            self.ref = ref
            self.liveNumber = liveNumber
            self.liveVerdict = liveVerdict
            self.verifiedOn = verifiedOn
            self.openNumber = openNumber
            self.openState = openState
        }
    }

    public var tool: Tool
    public var tiers: [PlanTier]
    public var claims: [ClaimSummary]

    public init(tool: Tool, tiers: [PlanTier], claims: [ClaimSummary]) {
        self.tool = tool
        self.tiers = tiers
        self.claims = claims
    }
}
