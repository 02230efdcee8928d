/// The "get notified when this changes" block; the subscription endpoint comes from the site's configuration.
public struct NotifyBlock: Hashable, Sendable, Codable {
    public var heading: String
    public var text: String
    public var fineprint: String
    /// Where the subscription form posts to.
    public var action: String

    public init(heading: String, text: String, fineprint: String, action: String) {
        self.heading = heading
        self.text = text
        self.fineprint = fineprint
        self.action = action
    }
}
