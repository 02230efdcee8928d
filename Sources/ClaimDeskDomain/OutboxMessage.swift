/// One reader's note about one change, leased from the outbox for delivery. It carries the reader's address, so it
/// exists only in the notifier's process, never in logs.
public struct OutboxMessage: Hashable, Sendable, Codable {
    public var id: Int64
    public var email: String
    public var tool: ToolSlug
    public var toolName: String
    /// 1 for the first delivery attempt.
    public var attempt: Int
    /// Unsubscribes the reader when posted back; the database keeps only its hash.
    public var unsubscribeToken: String
    public var change: ToolChange

    public init(
        id: Int64, email: String, tool: ToolSlug, toolName: String, attempt: Int, unsubscribeToken: String,
        change: ToolChange
    ) {
        self.id = id
        self.email = email
        self.tool = tool
        self.toolName = toolName
        self.attempt = attempt
        self.unsubscribeToken = unsubscribeToken
        self.change = change
    }
}
