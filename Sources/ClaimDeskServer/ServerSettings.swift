import ClaimDeskNotify
import Foundation

/// How `claimdesk serve` runs.
public struct ServerSettings: Sendable {
    /// Form bodies larger than this are refused (413) unread.
    public static let maxBodyBytes = 4096

    public var host: String
    public var port: Int
    public var mail: MailSettings
    public var sendmail: Sendmail
    /// Use the last `X-Forwarded-For` address as the client (only behind a reverse proxy you run).
    public var trustForwardedFor: Bool
    /// How often the background delivery looks at the outbox; 0 turns it off.
    public var deliveryInterval: TimeInterval
    /// Database connections kept for requests.
    public var poolSize: Int

    public init(
        host: String = "127.0.0.1", port: Int = 8080, mail: MailSettings, sendmail: Sendmail,
        trustForwardedFor: Bool = false, deliveryInterval: TimeInterval = 30, poolSize: Int = 8
    ) {
        self.host = host
        self.port = port
        self.mail = mail
        self.sendmail = sendmail
        self.trustForwardedFor = trustForwardedFor
        self.deliveryInterval = deliveryInterval
        self.poolSize = poolSize
    }

    /// Parses `HOST:PORT` (`[::1]:8080` for IPv6).
    public static func listen(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port),
            host.unicodeScalars.allSatisfy({
                $0.isASCII
                    && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".:-".unicodeScalars.contains($0))
            })
        else { return nil }
        return (host, port)
    }
}
