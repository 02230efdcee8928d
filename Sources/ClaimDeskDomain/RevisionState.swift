/// Where a revision stands in the editorial workflow.
public enum RevisionState: String, CaseIterable, Sendable, Codable {
    case draft, reviewed, published, superseded, discarded, retracted

    /// Draft and reviewed revisions are "open": at most one per claim.
    public var isOpen: Bool { self == .draft || self == .reviewed }
}
