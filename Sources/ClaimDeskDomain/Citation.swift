/// A source that supports a claim: what it says, and as of when.
public struct Citation: Hashable, Sendable, Codable {
    public var url: String
    public var supports: String
    public var dated: Day
    public var title: String?
    public var archivedURL: String?
    /// The exact sentence(s) of the source that support the claim; the watcher looks for them at every check.
    public var quote: String?
    /// The watcher's judgement of this citation's source, in exported citations (nil in editorial reads).
    public var sourceState: SourceState?
    /// When the source was last checked (ISO 8601, UTC, whole seconds), in exported citations; nil when never.
    public var sourceCheckedAt: String?

    public init(
        url: String, supports: String, dated: Day, title: String? = nil, archivedURL: String? = nil,
        quote: String? = nil, sourceState: SourceState? = nil, sourceCheckedAt: String? = nil
    ) {
        self.url = url
        self.supports = supports
        self.dated = dated
        self.title = title
        self.archivedURL = archivedURL
        self.quote = quote
        self.sourceState = sourceState
        self.sourceCheckedAt = sourceCheckedAt
    }

    enum CodingKeys: String, CodingKey {
        case url, supports, dated, title, archivedURL, quote
        case sourceState = "source_state"
        case sourceCheckedAt = "source_checked_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        url = try c.decode(String.self, forKey: .url)
        supports = try c.decode(String.self, forKey: .supports)
        dated = try c.decode(Day.self, forKey: .dated)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        archivedURL = try c.decodeIfPresent(String.self, forKey: .archivedURL)
        quote = try c.decodeIfPresent(String.self, forKey: .quote)
        sourceState = try c.decodeIfPresent(SourceState.self, forKey: .sourceState)
        sourceCheckedAt = try c.decodeIfPresent(String.self, forKey: .sourceCheckedAt)
    }

    /// An exported citation always carries `source_checked_at` next to `source_state` (null when never checked).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(url, forKey: .url)
        try c.encode(supports, forKey: .supports)
        try c.encode(dated, forKey: .dated)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encodeIfPresent(archivedURL, forKey: .archivedURL)
        try c.encodeIfPresent(quote, forKey: .quote)
        if let sourceState {
            try c.encode(sourceState, forKey: .sourceState)
            if let sourceCheckedAt {
                try c.encode(sourceCheckedAt, forKey: .sourceCheckedAt)
            } else {
                try c.encodeNil(forKey: .sourceCheckedAt)
            }
        }
    }

    /// The citation as an editor wrote it, without the watcher's judgement.
    public var editorial: Citation {
        Citation(url: url, supports: supports, dated: dated, title: title, archivedURL: archivedURL, quote: quote)
    }
}
