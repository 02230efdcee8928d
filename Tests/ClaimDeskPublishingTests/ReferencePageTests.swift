import ClaimDeskDomain
import Foundation
import Testing

@testable import ClaimDeskPublishing

/// The reference page (../shared/reference/deepseek-page.txt) is the acceptance test for content: every element on
/// it must come out of the export of published data.
@Suite("Reference page")
struct ReferencePageTests {
    @Test("the exported DeepSeek page shows every element of the reference page, in the reference page's order")
    func everyElementInOrder() throws {
        let site = try SiteAssertions.export()
        let html = try TestSupport.text(site, "tools/deepseek/index.html")
        let text = SiteAssertions.normalized(SiteAssertions.visibleText(html))
        let claims = Fixtures.deepseek.claims
        SiteAssertions.expectInOrder(
            [
                "Does DeepSeek train on your data?",
                "DeepSeek·AI chat assistant·official site ↗",
                "Trains by default", "No zero-retention option", "Opt-out available",
                "Does DeepSeek train its models on your data?", claims[0].headline, claims[0].body,
                "Can you opt out?", claims[1].body,
                "Zero retention / DPA", claims[2].body,
                "What the listicles get wrong", claims[3].body,
                "Verdict by plan tier", "DeepSeek consumer app / web", "Trains unless you opt out", claims[4].headline,
                "Is DeepSeek HIPAA compliant? Does it sign a BAA?", "No BAA", "No PHI",
                "HIPAA Business Associate Agreement", "No BAA", claims[5].body,
                "Can you put PHI in DeepSeek?", claims[6].headline,
                Fixtures.privacyPolicy, "Supports: \(claims[5].citations[0].supports)", "dated: 2026-06-01",
                Fixtures.hathr, "Supports: \(claims[5].citations[1].supports)", "dated: 2026-06-01",
                "BAA verdict verified 2026-06-01·HIPAA terms and plan tiers change — confirm a current BAA directly with DeepSeek before sending PHI. This is not legal or compliance advice.",
                "Last verified 2026-06-01·confidence: medium·Terms change — confirm directly with DeepSeek before sending confidential data.",
                "Get notified when this changes",
                "We track DeepSeek's data-training and retention policy. Leave your email and we'll send one note if it changes.",
                "One email per change. No newsletter, no selling your address.",
                "Frequently asked questions",
                "Does DeepSeek train its AI models on my data?", "\(claims[0].headline) \(claims[0].body)",
                "Can I opt out of DeepSeek training on my data?", claims[1].body,
                "Does DeepSeek offer zero data retention (ZDR) or a DPA?", claims[2].body,
                "Is DeepSeek safe to use with confidential or proprietary data?",
                "It depends on your plan tier. On DeepSeek consumer app / web: Trains unless you opt out. \(claims[4].headline) Always confirm current terms with DeepSeek before sending confidential data — this is cited public information, not legal advice.",
                "Is DeepSeek HIPAA compliant? Does it sign a BAA?",
                "No BAA. \(claims[5].body) Confirm a current BAA directly with DeepSeek before sending PHI — this is cited public information, not legal or compliance advice.",
                "Can I put PHI (protected health information) in DeepSeek?", "No PHI. \(claims[6].headline)",
                "Sources",
                Fixtures.privacyPolicy, "Supports:", claims[0].citations[0].supports, "dated: 2026-06-01",
                Fixtures.termsOfUse, "Supports: \(claims[0].citations[1].supports)", "dated: 2026-06-01",
                "This page is cited public information, not legal or compliance advice. Whether DeepSeek trains on your data, and any zero-retention or DPA option, can depend on your specific plan, region and contract. Always confirm current terms with DeepSeek before sending confidential or proprietary data.",
                "Check another AI tool", "Northwind Assistant",
            ], in: text)
    }

    @Test("the Sources list has one entry per source, each with one \"Supports:\" and every sentence it supports")
    func oneEntryPerSource() throws {
        let site = try SiteAssertions.export()
        let html = try TestSupport.text(site, "tools/deepseek/index.html")
        let start = try #require(html.range(of: #"<ol class="sources">"#))
        let end = try #require(html.range(of: "</ol>", range: start.upperBound..<html.endIndex))
        let list = html[start.upperBound..<end.lowerBound]
        let entries = list.components(separatedBy: "<li id=\"source-").dropFirst()
        let urls = Set(Fixtures.deepseek.claims.flatMap(\.citations).map(\.url))
        #expect(entries.count == urls.count)
        for entry in entries {
            #expect(entry.components(separatedBy: "Supports:").count == 2, "\(entry)")
        }
        let privacy = try #require(entries.first { $0.contains(Fixtures.privacyPolicy) })
        let sentences = Set(
            Fixtures.deepseek.claims.flatMap(\.citations).filter { $0.url == Fixtures.privacyPolicy }.map(\.supports))
        #expect(sentences.count > 1)
        for sentence in sentences {
            #expect(privacy.contains("<li>\(HTMLEscaping.escape(sentence))</li>"))
        }
    }

    @Test("the page links what it should: official site, every http(s) source, the notify form, the other tool")
    func links() throws {
        let site = try SiteAssertions.export()
        let html = try TestSupport.text(site, "tools/deepseek/index.html")
        #expect(
            html.contains(
                #"<a href="https://www.deepseek.com/" rel="nofollow noopener noreferrer">official site ↗</a>"#))
        for url in [Fixtures.privacyPolicy, Fixtures.termsOfUse, Fixtures.hathr] {
            #expect(html.contains(#"href="\#(url)""#))
        }
        #expect(html.contains(#"<form method="post" action="https://example.org/notify?tool=deepseek">"#))
        #expect(html.contains(#"<a href="https://example.org/tools/northwind-assistant/">Northwind Assistant</a>"#))
        #expect(html.contains(#"<link rel="canonical" href="https://example.org/tools/deepseek/">"#))
    }

    @Test("the page is accessible: language, one h1, landmarks, labelled sections and form field")
    func accessible() throws {
        let site = try SiteAssertions.export()
        let html = try TestSupport.text(site, "tools/deepseek/index.html")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.components(separatedBy: "<h1").count == 2)
        for landmark in ["<header", "<main", "<nav", "<footer", "<article"] { #expect(html.contains(landmark)) }
        #expect(html.contains(#"<label for="notify-email">"#))
        #expect(html.contains(#"<meta name="viewport""#))
        #expect(html.contains(#"class="badge tone-bad""#))
        #expect(html.contains(#"class="badge tone-good""#))
    }

    @Test("the page carries schema.org FAQPage JSON-LD with every FAQ entry")
    func jsonLD() throws {
        let site = try SiteAssertions.export()
        let html = try TestSupport.text(site, "tools/deepseek/index.html")
        let start = try #require(html.range(of: #"<script type="application/ld+json">"#))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8))
                as? [String: Any])
        #expect(json["@context"] as? String == "https://schema.org")
        #expect(json["@type"] as? String == "FAQPage")
        let entities = try #require(json["mainEntity"] as? [[String: Any]])
        #expect(entities.count == 6)
        #expect(entities.first?["name"] as? String == "Does DeepSeek train its AI models on my data?")
        let answer = entities.last?["acceptedAnswer"] as? [String: Any]
        #expect(answer?["text"] as? String == "No PHI. \(Fixtures.deepseek.claims[6].headline)")
    }

    @Test("stale claims are flagged on the page")
    func staleFlag() throws {
        let site = try SiteAssertions.export()
        let html = try TestSupport.text(site, "tools/northwind-assistant/index.html")
        #expect(html.contains("Needs re-verification"))
        let deepseek = try TestSupport.text(site, "tools/deepseek/index.html")
        #expect(!deepseek.contains("Needs re-verification"))
    }

    @Test("the index lists every tool with its badges and links to each page")
    func index() throws {
        let site = try SiteAssertions.export()
        let html = try TestSupport.text(site, "index.html")
        let text = SiteAssertions.visibleText(html)
        SiteAssertions.expectInOrder(
            [
                "Every AI tool we check", "DeepSeek", "AI chat assistant", "Trains by default", "No PHI",
                "Northwind Assistant", "Only if you opt in", "BAA on enterprise plans only",
            ], in: text)
        #expect(html.contains(#"href="https://example.org/tools/deepseek/""#))
        #expect(html.contains(#"href="https://example.org/tools/northwind-assistant/""#))
    }
}
