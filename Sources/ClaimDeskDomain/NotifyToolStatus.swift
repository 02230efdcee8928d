/// Subscriber and message counts for one tool (`claimdesk notify status`): counts only, never an address.
public struct NotifyToolStatus: Hashable, Sendable, Codable {
    public var tool: ToolSlug
    public var confirmed: Int
    public var pending: Int
    /// Waiting for delivery, including messages being sent right now.
    public var queued: Int
    public var sent: Int
    public var failed: Int

    public init(tool: ToolSlug, confirmed: Int, pending: Int, queued: Int, sent: Int, failed: Int) {
        self.tool = tool
        self.confirmed = confirmed
        self.pending = pending
        self.queued = queued
        self.sent = sent
        self.failed = failed
    }
}
