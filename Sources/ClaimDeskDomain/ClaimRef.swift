/// Names a claim: `deepseek:training` (the tool) or `deepseek/consumer:training` (one plan tier).
public struct ClaimRef: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, LosslessStringConvertible {
    public var tool: ToolSlug
    public var tier: TierSlug?
    public var topic: TopicKey

    public init(tool: ToolSlug, tier: TierSlug? = nil, topic: TopicKey) {
        self.tool = tool
        self.tier = tier
        self.topic = topic
    }

    /// Parses `tool[/tier]:topic`; nil when the text does not have that shape.
    public init?(_ text: String) {
        guard let ref = try? ClaimRef.parse(text) else { return nil }
        self = ref
    }

    /// Parses `tool[/tier]:topic`, saying what is wrong with a malformed reference.
    public static func parse(_ text: String) throws(ValidationError) -> ClaimRef {
        if let ref = wellFormed(text) { return ref }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw ValidationError(
                item: text, problem: "is not a claim reference",
                fix: "write TOOL:TOPIC or TOOL/TIER:TOPIC, e.g. deepseek:training or deepseek/consumer:training")
        }
        let owner = parts[0].split(separator: "/", omittingEmptySubsequences: false)
        guard owner.count <= 2 else {
            throw ValidationError(
                item: text, problem: "has more than one '/'",
                fix: "write TOOL:TOPIC or TOOL/TIER:TOPIC, e.g. deepseek/consumer:training")
        }
        let tool = String(owner[0])
        let tier = owner.count == 2 ? String(owner[1]) : nil
        let topic = String(parts[1])
        try Slug.check(tool, kind: "tool slug", in: text)
        if let tier { try Slug.check(tier, kind: "tier slug", in: text) }
        try Slug.check(topic, kind: "topic", in: text, allowUnderscore: true)
        return ClaimRef(tool: ToolSlug(tool), tier: tier.map { TierSlug($0) }, topic: TopicKey(topic))
    }

    /// The reference when `text` is well formed, read from its bytes without splitting; nil sends it to `parse`,
    /// which says what is wrong.
    private static func wellFormed(_ text: String) -> ClaimRef? {
        var text = text
        return text.withUTF8 { bytes -> ClaimRef? in
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let owner = UnsafeBufferPointer(rebasing: bytes[..<colon])
            let topic = UnsafeBufferPointer(rebasing: bytes[(colon + 1)...])
            guard Slug.isValid(topic, allowUnderscore: true) else { return nil }
            let tool: UnsafeBufferPointer<UInt8>
            var tier: TierSlug?
            if let slash = owner.firstIndex(of: UInt8(ascii: "/")) {
                tool = UnsafeBufferPointer(rebasing: owner[..<slash])
                let tierBytes = UnsafeBufferPointer(rebasing: owner[(slash + 1)...])
                guard Slug.isValid(tierBytes, allowUnderscore: false) else { return nil }
                tier = TierSlug(String(decoding: tierBytes, as: UTF8.self))
            } else {
                tool = owner
            }
            guard Slug.isValid(tool, allowUnderscore: false) else { return nil }
            return ClaimRef(
                tool: ToolSlug(String(decoding: tool, as: UTF8.self)), tier: tier,
                topic: TopicKey(String(decoding: topic, as: UTF8.self)))
        }
    }

    /// `deepseek` or `deepseek/consumer`.
    public var owner: String { tier.map { "\(tool.rawValue)/\($0.rawValue)" } ?? tool.rawValue }

    public var description: String { "\(owner):\(topic.rawValue)" }

    public static func < (a: ClaimRef, b: ClaimRef) -> Bool {
        (a.tool.rawValue, a.tier?.rawValue ?? "", a.topic.rawValue) < (
            b.tool.rawValue, b.tier?.rawValue ?? "", b.topic.rawValue
        )
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try ClaimRef.parse(text)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
