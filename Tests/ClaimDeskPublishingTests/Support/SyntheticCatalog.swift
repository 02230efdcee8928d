import ClaimDeskDomain
import Foundation

/// A large, clearly fictional catalogue for timing exports: `tools` tools, each with a claim on every topic for the
/// tool and for each of `tiers` plan tiers, two citations per claim.
enum SyntheticCatalog {
    static func make(tools count: Int, tiers tierCount: Int = 3, seq: Int64 = 1) -> PublishedCatalog {
        var topics = Fixtures.topics
        for extra in 0..<max(0, 10 - topics.count) {
            topics.append(
                Topic(
                    key: TopicKey("extra_\(extra)"), heading: "Synthetic question \(extra) about {tool}?",
                    question: "Synthetic question \(extra) about {tool}?", faqQuestion: nil, faqAnswer: nil,
                    section: .main, position: 50 + extra, badgePosition: nil,
                    verdicts: [Verdict(key: VerdictKey("unclear"), label: "Unclear", tone: .neutral)]))
        }
        let verified = Fixtures.day("2026-05-01")
        let at = Fixtures.time("2026-05-02T00:00:00Z")
        var tools: [PublishedTool] = []
        tools.reserveCapacity(count)
        for index in 0..<count {
            let slug = ToolSlug(String(format: "fictional-tool-%05d", index))
            let name = "Fictional Tool \(index)"
            let tiers = (0..<tierCount).map {
                PlanTier(tool: slug, slug: TierSlug("tier-\($0)"), name: "\(name) plan \($0)")
            }
            var claims: [PublishedClaim] = []
            for owner in [nil] + tiers.map(\.slug) as [TierSlug?] {
                for topic in topics {
                    let ref = ClaimRef(tool: slug, tier: owner, topic: topic.key)
                    claims.append(
                        PublishedClaim(
                            ref: ref, verdict: topic.verdicts.first?.key,
                            headline: "\(name) synthetic headline for \(topic.key.rawValue).",
                            body:
                                "Synthetic body text for \(ref): a couple of sentences of realistic length so the rendered page has the size of a real one. Nothing here is about a real product.",
                            confidence: .medium, verifiedOn: verified, publishSeq: seq, publishedAt: at,
                            citations: [
                                Citation(
                                    url: "https://\(slug.rawValue).example/privacy",
                                    supports: "The privacy notice says so for \(topic.key.rawValue).", dated: verified),
                                Citation(
                                    url: "https://\(slug.rawValue).example/terms",
                                    supports: "The terms say so for \(topic.key.rawValue).", dated: verified),
                            ]))
                }
            }
            tools.append(
                PublishedTool(
                    tool: Tool(
                        slug: slug, name: name, category: "Fictional AI tool",
                        officialURL: "https://\(slug.rawValue).example/"),
                    tiers: tiers, claims: claims, lastSeq: seq))
        }
        return PublishedCatalog(topics: topics, tools: tools, changes: [], seq: seq)
    }
}
