import Foundation

/// Where readers' mail comes from and where its links point: the same for `serve` and `notify send`.
public struct MailSettings: Sendable, Hashable {
    /// The notification service's public root (`claimdesk serve --public-url`): confirm and unsubscribe links.
    public var publicURL: String
    /// The public site's root (as `export --base-url`): links to tool pages.
    public var siteURL: String
    /// The From address, e.g. `notify@example.org`.
    public var from: String

    public init(publicURL: String, siteURL: String, from: String? = nil) throws(NotifyError) {
        self.publicURL = try Self.root(publicURL, setting: "--public-url")
        self.siteURL = try Self.root(siteURL, setting: "--base-url")
        let host = URLComponents(string: self.publicURL)?.host ?? "localhost"
        let sender = from ?? "notify@\(host)"
        guard MailText.isAddress(sender) else {
            throw .invalidSetting(setting: "--from", value: sender, fix: "give one address like notify@example.org")
        }
        self.from = sender
    }

    static func root(_ text: String, setting: String) throws(NotifyError) -> String {
        var root = text
        while root.hasSuffix("/") { root.removeLast() }
        guard let url = URLComponents(string: root), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
            url.host?.isEmpty == false, url.query == nil, url.fragment == nil,
            !root.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == " " })
        else {
            throw .invalidSetting(
                setting: setting, value: text, fix: "give an http(s) root such as https://example.org")
        }
        return root
    }

    public func confirmURL(_ token: String) -> String { "\(publicURL)/confirm?token=\(token)" }
    public func unsubscribeURL(_ token: String) -> String { "\(publicURL)/unsubscribe?token=\(token)" }
    public func pageURL(_ tool: String) -> String { "\(siteURL)/tools/\(tool)/" }
}
