/// The outcome of a subscribe request: the confirmation token to mail, or none when the address is already confirmed
/// (the reader is shown the same page either way, so nobody can probe who subscribed).
public struct Subscription: Hashable, Sendable, Codable {
    public var tool: ToolSlug
    public var toolName: String
    public var confirmToken: String?

    public init(tool: ToolSlug, toolName: String, confirmToken: String?) {
        self.tool = tool
        self.toolName = toolName
        self.confirmToken = confirmToken
    }
}
