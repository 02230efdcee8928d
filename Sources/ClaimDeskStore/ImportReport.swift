import ClaimDeskDomain

/// What an import did, item by item: which tools, tiers and claims it created, which it changed, which already
/// said the same — and what it noticed but left alone.
public struct ImportReport: Hashable, Sendable, Codable {
    public enum Outcome: String, Hashable, Sendable, Codable {
        /// A tool or tier was added, or a claim got its first open revision.
        case created
        /// A claim's open revision was changed, or a new draft was started from its live or reviewed revision.
        case updated
        /// The database already said exactly this; nothing was written.
        case unchanged
    }

    /// A tool (`deepseek`) or tier (`deepseek/consumer`).
    public struct Item: Hashable, Sendable, Codable {
        public var name: String
        public var outcome: Outcome

        public init(name: String, outcome: Outcome) {
            self.name = name
            self.outcome = outcome
        }
    }

    public struct ClaimResult: Hashable, Sendable, Codable {
        public var ref: ClaimRef
        public var outcome: Outcome
        /// The revision that now says what the file says: a draft when created or updated.
        public var number: Int
        public var state: RevisionState

        public init(ref: ClaimRef, outcome: Outcome, number: Int, state: RevisionState) {
            self.ref = ref
            self.outcome = outcome
            self.number = number
            self.state = state
        }
    }

    public var tools: [Item]
    public var tiers: [Item]
    public var claims: [ClaimResult]
    /// Differences the import did not apply, e.g. a tool whose name in the file differs from the database's.
    public var warnings: [String]

    public init(tools: [Item] = [], tiers: [Item] = [], claims: [ClaimResult] = [], warnings: [String] = []) {
        self.tools = tools
        self.tiers = tiers
        self.claims = claims
        self.warnings = warnings
    }

    /// How many claims ended in each outcome.
    public func count(_ outcome: Outcome) -> Int { claims.filter { $0.outcome == outcome }.count }
}
