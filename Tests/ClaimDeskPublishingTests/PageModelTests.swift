import ClaimDeskDomain
import Foundation
import Testing

@testable import ClaimDeskPublishing

@Suite("Page model")
struct PageModelTests {
    let builder = ToolPageBuilder(topics: Fixtures.topics, config: Fixtures.config)

    func page(_ tool: PublishedTool = Fixtures.deepseek) throws -> ToolPage {
        try #require(try builder.page(for: tool, otherTools: []))
    }

    @Test("badges come from the verdicts of tool-level claims, ordered by badge position, with HIPAA ones marked")
    func badgesFromVerdicts() throws {
        let page = try page()
        #expect(
            page.badges.map(\.label) == [
                "Trains by default", "No zero-retention option", "Opt-out available", "No BAA", "No PHI",
            ])
        #expect(page.badges.map(\.section) == [.main, .main, .main, .hipaa, .hipaa])
        #expect(page.hipaa?.badges.map(\.label) == ["No BAA", "No PHI"])
        // A badge can never disagree with its claim: it is the claim's verdict, looked up in the vocabulary.
        for badge in page.badges {
            let claim = try #require(page.allClaims.first { $0.topic == badge.topic && $0.ref.tier == nil })
            #expect(claim.verdict?.key == badge.verdict)
            #expect(claim.verdict?.label == badge.label)
            #expect(claim.verdict?.tone == badge.tone)
        }
    }

    @Test("a changed verdict changes the badge with it")
    func badgeFollowsVerdict() throws {
        var tool = Fixtures.deepseek
        tool.claims[0].verdict = VerdictKey("does_not_train")
        let page = try page(tool)
        #expect(page.badges.first?.label == "Does not train on your data")
        #expect(page.badges.first?.tone == .good)
        #expect(page.sections.first?.verdict?.label == "Does not train on your data")
    }

    @Test("sections follow topic order and fill {tool}; editorial, tier and HIPAA claims go to their own parts")
    func sections() throws {
        let page = try page()
        #expect(page.title == "Does DeepSeek train on your data?")
        #expect(
            page.sections.map(\.heading) == [
                "Does DeepSeek train its models on your data?", "Can you opt out?", "Zero retention / DPA",
            ])
        #expect(page.editorial.map(\.heading) == ["What the listicles get wrong"])
        #expect(page.editorial.first?.verdict == nil)
        #expect(page.tierVerdicts.map(\.tierName) == ["DeepSeek consumer app / web"])
        #expect(page.tierVerdicts.first?.claim.verdict?.label == "Trains unless you opt out")
        #expect(
            page.hipaa?.claims.map(\.heading) == ["HIPAA Business Associate Agreement", "Can you put PHI in DeepSeek?"])
        #expect(page.hipaa?.heading == "Is DeepSeek HIPAA compliant? Does it sign a BAA?")
        #expect(page.tool.url == "https://example.org/tools/deepseek/")
        #expect(page.notify.action == "https://example.org/notify?tool=deepseek")
    }

    @Test("last verified is the oldest verification and confidence the lowest, tier claims included")
    func oldestAndLowest() throws {
        var tool = Fixtures.deepseek
        tool.claims[4].verifiedOn = Fixtures.day("2026-03-01")  // the consumer-tier claim
        tool.claims[4].confidence = .low
        tool.claims[6].verifiedOn = Fixtures.day("2026-02-01")  // PHI
        let page = try page(tool)
        #expect(page.lastVerified == Fixtures.day("2026-02-01"))
        #expect(page.confidence == .low)
        #expect(page.hipaa?.verifiedOn == Fixtures.day("2026-02-01"))
        #expect(ToolSummary(page).lastVerified == Fixtures.day("2026-02-01"))
    }

    @Test("a claim is stale only when verified more than the staleness policy's days before asOf")
    func staleness() throws {
        var config = Fixtures.config
        config.asOf = Fixtures.day("2026-06-01").adding(days: 180)
        let atLimit = try #require(
            try ToolPageBuilder(topics: Fixtures.topics, config: config).page(for: Fixtures.deepseek, otherTools: []))
        #expect(atLimit.allClaims.allSatisfy { !$0.stale })
        #expect(!atLimit.stale)

        config.asOf = config.asOf.adding(days: 1)
        let past = try #require(
            try ToolPageBuilder(topics: Fixtures.topics, config: config).page(for: Fixtures.deepseek, otherTools: []))
        #expect(past.allClaims.allSatisfy { $0.stale })
        #expect(past.stale)
        #expect(ToolSummary(past).stale)

        let northwind = try page(Fixtures.northwind)
        #expect(northwind.sections.map(\.stale) == [false, true])
        #expect(northwind.stale)
    }

    @Test("FAQ comes from the topics' templates in page order, with the derived plan-tier question")
    func faq() throws {
        let page = try page()
        #expect(
            page.faq.map(\.question) == [
                "Does DeepSeek train its AI models on my data?",
                "Can I opt out of DeepSeek training on my data?",
                "Does DeepSeek offer zero data retention (ZDR) or a DPA?",
                "Is DeepSeek safe to use with confidential or proprietary data?",
                "Is DeepSeek HIPAA compliant? Does it sign a BAA?",
                "Can I put PHI (protected health information) in DeepSeek?",
            ])
        let claims = Fixtures.deepseek.claims
        #expect(page.faq[0].answer == "\(claims[0].headline) \(claims[0].body)")
        #expect(page.faq[1].answer == claims[1].body)
        #expect(
            page.faq[3].answer
                == "It depends on your plan tier. On DeepSeek consumer app / web: Trains unless you opt out. \(claims[4].headline) Always confirm current terms with DeepSeek before sending confidential data — this is cited public information, not legal advice."
        )
        #expect(
            page.faq[4].answer
                == "No BAA. \(claims[5].body) Confirm a current BAA directly with DeepSeek before sending PHI — this is cited public information, not legal or compliance advice."
        )
        #expect(page.faq[5].answer == "No PHI. \(claims[6].headline)")
    }

    @Test("no tier question without tier claims, and no FAQ entry for topics without FAQ templates")
    func faqWithoutTiers() throws {
        var tool = Fixtures.deepseek
        tool.claims.removeAll { $0.ref.tier != nil }
        let page = try page(tool)
        #expect(!page.faq.contains { $0.question.contains("confidential") })
        #expect(!page.faq.contains { $0.question.contains("listicles") })
    }

    @Test("sources are the union of citations by URL: every distinct supports sentence, the latest date, page order")
    func sources() throws {
        var tool = Fixtures.deepseek
        tool.claims[2].citations[0].dated = Fixtures.day("2026-06-05")
        let page = try page(tool)
        #expect(page.sources.map(\.url) == [Fixtures.privacyPolicy, Fixtures.termsOfUse, Fixtures.hathr])
        let policy = page.sources[0]
        #expect(policy.supports.count == 3)
        #expect(Set(policy.supports).count == policy.supports.count)
        #expect(policy.dated == Fixtures.day("2026-06-05"))
        #expect(page.sources[1].supports.count == 1)
        #expect(page.hipaa?.sources.map(\.url) == [Fixtures.privacyPolicy, Fixtures.hathr])
    }

    @Test("a tool without live claims gets no page")
    func noClaimsNoPage() throws {
        var tool = Fixtures.deepseek
        tool.claims = []
        #expect(try builder.page(for: tool, otherTools: []) == nil)
    }

    @Test("claims the vocabulary does not know are refused rather than published half-right")
    func unknownVocabulary() throws {
        var tool = Fixtures.deepseek
        tool.claims[0].verdict = VerdictKey("made_up")
        #expect(throws: ExportError.unknownVerdict(tool.claims[0].ref, VerdictKey("made_up"))) {
            try builder.page(for: tool, otherTools: [])
        }
        tool = Fixtures.deepseek
        tool.claims[0].ref = Fixtures.ref("deepseek:no_such_topic")
        #expect(throws: ExportError.unknownTopic(tool.claims[0].ref)) {
            try builder.page(for: tool, otherTools: [])
        }
        tool = Fixtures.deepseek
        tool.tiers = []
        #expect(throws: ExportError.unknownTier(Fixtures.ref("deepseek/consumer:training"))) {
            try builder.page(for: tool, otherTools: [])
        }
    }

    @Test("a claim listed twice is refused, whether tool-level or per tier, wherever the copies are in the list")
    func duplicateClaims() throws {
        let tierClaim = try #require(Fixtures.deepseek.claims.firstIndex { $0.ref.tier != nil })
        let toolClaim = try #require(Fixtures.deepseek.claims.firstIndex { $0.ref.tier == nil })
        for copied in [tierClaim, toolClaim] {
            for position in [0, Fixtures.deepseek.claims.count] {
                var tool = Fixtures.deepseek
                var copy = tool.claims[copied]
                copy.headline = "Another answer to the same question."
                tool.claims.insert(copy, at: position)
                #expect(throws: ExportError.duplicateClaim(copy.ref), "\(copy.ref) at \(position)") {
                    try builder.page(for: tool, otherTools: [])
                }
            }
        }
        // The same topic on another tier is another claim.
        var tool = Fixtures.deepseek
        tool.tiers.append(PlanTier(tool: ToolSlug("deepseek"), slug: TierSlug("enterprise"), name: "Enterprise"))
        var other = tool.claims[tierClaim]
        other.ref = ClaimRef(tool: other.ref.tool, tier: TierSlug("enterprise"), topic: other.ref.topic)
        tool.claims.append(other)
        let page = try #require(try builder.page(for: tool, otherTools: []))
        #expect(page.tierVerdicts.map(\.tier) == [TierSlug("consumer"), TierSlug("enterprise")])
    }

    @Test("placeholders are filled once, so text containing {label} or {tool} is never expanded again")
    func placeholdersOnce() {
        #expect(PlaceholderText.fill("{label}. {body}", ["label": "{body}", "body": "B"]) == "{body}. B")
        #expect(PlaceholderText.fill("Does {tool} {unknown} {", ["tool": "X{tool}"]) == "Does X{tool} {unknown} {")
        #expect(PlaceholderText.fill("no placeholders", ["tool": "X"]) == "no placeholders")
    }

    @Test("every other tool is linked when they fit the limit; beyond it each page links the next tools in slug order")
    func otherToolLinks() {
        let links = (0..<6).map {
            ToolLink(slug: ToolSlug("t\($0)"), name: "Tool \(5 - $0)", url: "https://example.org/tools/t\($0)/")
        }
        let all = OtherToolLinks(tools: links, limit: 10)
        #expect(all.links(at: 0).map(\.slug.rawValue) == ["t5", "t4", "t3", "t2", "t1"])
        let windowed = OtherToolLinks(tools: links, limit: 2)
        #expect(Set(windowed.links(at: 4).map(\.slug.rawValue)) == ["t5", "t0"])
        var linkedFrom: [String: Int] = [:]
        for index in 0..<6 { for link in windowed.links(at: index) { linkedFrom[link.slug.rawValue, default: 0] += 1 } }
        #expect(linkedFrom.count == 6)
        #expect(linkedFrom.values.allSatisfy { $0 == 2 })
        #expect(OtherToolLinks(tools: Array(links.prefix(1)), limit: 5).links(at: 0).isEmpty)
    }

    @Test("body text becomes paragraphs at blank lines")
    func paragraphs() {
        #expect(ClaimView.paragraphs("") == [])
        #expect(ClaimView.paragraphs("One.") == ["One."])
        #expect(ClaimView.paragraphs("One\nline.\n\n\nTwo.\r\n") == ["One line.", "Two."])
    }
}
