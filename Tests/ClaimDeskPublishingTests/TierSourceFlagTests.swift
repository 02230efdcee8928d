import ClaimDeskDomain
import Foundation
import Testing

@testable import ClaimDeskPublishing

/// A plan-tier verdict whose cited quote is gone from its source is flagged in the tier list too, as a main answer
/// is: readers of the tier list must not see it as sound.
@Suite("Source flags in the plan-tier list")
struct TierSourceFlagTests {
    static let flag =
        "<p class=\"source-flag\" role=\"note\">A source we cite no longer says this; we are re-checking it.</p>"

    /// The `<li class="tier" …>` items of the page's tier list.
    static func tierItems(_ html: String) -> [String] {
        html.components(separatedBy: "<li class=\"tier\"").dropFirst().map { $0.components(separatedBy: "</li>")[0] }
    }

    @Test("only the tier item whose citation lost its quote carries the flag")
    func flaggedTier() throws {
        var tool = Fixtures.northwind
        let index = try #require(tool.claims.firstIndex { $0.ref.tier != nil && !$0.citations.isEmpty })
        let before = try SiteAssertions.export(
            PublishedCatalog(topics: Fixtures.topics, tools: [tool], changes: [], seq: 13))
        let clean = try TestSupport.text(before, "tools/\(tool.tool.slug.rawValue)/index.html")
        #expect(!clean.contains(Self.flag))

        tool.claims[index].citations[0].sourceState = .quoteMissing
        let after = try SiteAssertions.export(
            PublishedCatalog(topics: Fixtures.topics, tools: [tool], changes: [], seq: 13))
        let html = try TestSupport.text(after, "tools/\(tool.tool.slug.rawValue)/index.html")
        let items = Self.tierItems(html)
        let anchor =
            "id=\"tier-\(tool.claims[index].ref.tier?.rawValue ?? "")-\(tool.claims[index].ref.topic.rawValue)\""
        let flagged = items.filter { $0.contains(Self.flag) }
        #expect(flagged.count == 1, "\(items.count) tier items")
        #expect(flagged.first?.contains(anchor) == true)
    }
}
