import ClaimDeskDomain
import Foundation
import Testing

@Suite("Claim references and validation")
struct ClaimRefTests {
    @Test("parses tool and tier references")
    func parses() throws {
        let ref = try ClaimRef.parse("deepseek/consumer:training")
        #expect(ref.tool.rawValue == "deepseek" && ref.tier?.rawValue == "consumer" && ref.topic.rawValue == "training")
        #expect(try ClaimRef.parse("deepseek:opt_out").description == "deepseek:opt_out")
    }

    @Test("refuses malformed references with a message that says what to write")
    func refuses() {
        for bad in [
            "deepseek", "deepseek:", ":training", "a/b/c:training", "DeepSeek:training", "deep seek:training",
            "deepseek:train:ing", "deepseek/:training", "-x:training",
        ] {
            do {
                _ = try ClaimRef.parse(bad)
                Issue.record("\(bad) was accepted")
            } catch {
                #expect(error.description.hasPrefix(bad + ":"))
                #expect(error.description.contains("deepseek"))
            }
        }
    }

    @Test("slugs and references are judged exactly as the database's CHECK constraints judge them")
    func matchesDatabaseRule() throws {
        let slug = try NSRegularExpression(pattern: "^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$")
        let topic = try NSRegularExpression(pattern: "^[a-z0-9]([a-z0-9_-]{0,62}[a-z0-9])?$")
        func matches(_ rule: NSRegularExpression, _ text: String) -> Bool {
            rule.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        let alphabet: [String] = ["a", "z", "0", "9", "-", "_", "A", "é", " ", ":", "/", "\u{0}", "\u{301}"]
        var samples = ["", String(repeating: "a", count: 64), String(repeating: "a", count: 65), "a_", "_a", "a-"]
        for a in alphabet {
            samples.append(a)
            for b in alphabet {
                samples.append(a + b)
                for c in alphabet { samples.append(a + b + c) }
            }
        }
        for text in samples {
            #expect(Slug.isValid(text) == matches(slug, text), "\(text.debugDescription)")
            #expect(Slug.isValid(text, allowUnderscore: true) == matches(topic, text), "\(text.debugDescription)")
        }
        for tool in ["acme", "a-", "é", ""] {
            for tier in [nil, "pro", "pro_", "p/q"] {
                for key in ["training", "opt_out", "x_", "a:b", ""] {
                    let text = tool + (tier.map { "/" + $0 } ?? "") + ":" + key
                    let valid =
                        matches(slug, tool) && tier.map { matches(slug, $0) } ?? true && matches(topic, key)
                    #expect((ClaimRef(text) != nil) == valid, "\(text)")
                    if valid { #expect(ClaimRef(text)?.description == text) }
                }
            }
        }
    }

    @Test("only http(s) URLs with a host are accepted")
    func urls() {
        for good in ["https://cdn.deepseek.com/policies/en-US/deepseek-privacy-policy.html", "http://example.org"] {
            #expect(throws: Never.self) { try Validation.checkURL(good, item: "x") }
        }
        for bad in [
            "javascript:alert(1)", "ftp://example.org", "https://", "example.org", "https://exa mple.org",
            "data:text/html,<script>",
        ] {
            #expect(throws: ValidationError.self, "\(bad)") { try Validation.checkURL(bad, item: "x") }
        }
    }

    @Test("future and impossible dates are refused; today is accepted")
    func dates() throws {
        let today = Day.today()
        #expect(try Validation.parseDay(today.description, item: "x", today: today) == today)
        #expect(throws: ValidationError.self) {
            try Validation.parseDay(today.adding(days: 1).description, item: "x", today: today)
        }
        #expect(throws: ValidationError.self) { try Validation.parseDay("2026-02-30", item: "x", today: today) }
    }

    @Test("the diff lists changed fields and citations, nothing else")
    func diff() throws {
        let day = try #require(Day("2026-06-01"))
        let ref = try ClaimRef.parse("deepseek:training")
        func revision(_ headline: String, _ citations: [Citation]) -> Revision {
            Revision(
                id: RevisionID(rawValue: 1), ref: ref, number: 1, version: 1, state: .published,
                verdict: VerdictKey("trains_by_default"), headline: headline, body: "b", confidence: .medium,
                verifiedOn: day, verifiedBy: nil, author: "ed", editors: ["ed"], reviewer: "rita", note: nil,
                changesRequested: false, basedOn: nil, createdAt: Date(timeIntervalSince1970: 0),
                updatedAt: Date(timeIntervalSince1970: 0), reviewedAt: nil, publishedAt: nil, closedAt: nil,
                publishSeq: nil, citations: citations)
        }
        let a = Citation(url: "https://a.example", supports: "A", dated: day)
        let b = Citation(url: "https://b.example", supports: "B", dated: day)
        let diff = RevisionDiff(ref: ref, live: revision("Old", [a]), open: revision("New", [a, b]))
        #expect(diff.changes.map(\.field) == ["headline", "citation https://b.example"])
        #expect(RevisionDiff(ref: ref, live: revision("Same", [a]), open: revision("Same", [a])).changes.isEmpty)
    }
}
