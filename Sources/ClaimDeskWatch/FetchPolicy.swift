import Foundation

/// How politely and how far the watcher fetches: who it says it is, how long it waits, how many redirects it
/// follows and how much it reads.
public struct FetchPolicy: Sendable {
    /// Names the site and a contact address, so a vendor's operator knows who is reading and how to reach us.
    public var userAgent: String
    /// Seconds for the whole request, redirects included.
    public var timeout: Double
    public var maxRedirects: Int
    public var maxBytes: Int
    /// Seconds between two requests to the same host.
    public var hostDelay: Double
    /// Off by default: loopback, private and link-local addresses are not fetched (see AddressGuard).
    public var allowPrivateAddresses: Bool

    public init(
        userAgent: String, timeout: Double = 20, maxRedirects: Int = 5, maxBytes: Int = 5_000_000,
        hostDelay: Double = 2, allowPrivateAddresses: Bool = false
    ) {
        self.allowPrivateAddresses = allowPrivateAddresses
        self.userAgent = userAgent
        self.timeout = timeout
        self.maxRedirects = maxRedirects
        self.maxBytes = maxBytes
        self.hostDelay = hostDelay
    }

    /// `ClaimDesk-SourceWatch/1 (+SITE; contact: CONTACT)`.
    public static func userAgent(site: String, contact: String) -> String {
        "ClaimDesk-SourceWatch/1 (+\(site); contact: \(contact))"
    }
}
