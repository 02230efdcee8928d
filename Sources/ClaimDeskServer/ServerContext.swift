import Hummingbird
import NIOCore

/// The request context of `claimdesk serve`: the peer's address, for per-client rate limits.
public struct ServerContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connecting peer's IP address ("" when unknown, e.g. in-process tests).
    public let peer: String

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.peer = source.channel.remoteAddress?.ipAddress ?? ""
    }

    /// Form posts are tiny; anything bigger is refused before it is read.
    public var maxUploadSize: Int { ServerSettings.maxBodyBytes }
}
