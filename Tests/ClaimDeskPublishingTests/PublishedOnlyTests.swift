import ClaimDeskDomain
import Foundation
import Testing

@testable import ClaimDeskPublishing

/// The exporter's only input is the published catalogue, so drafts, reviewed-but-unpublished and retracted revisions
/// cannot reach the site; these tests prove that nothing else leaks into it either.
@Suite("Only published content")
struct PublishedOnlyTests {
    /// All exported bytes as one string.
    func everything(_ site: URL) throws -> String {
        try TestSupport.files(in: site).values.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
    }

    @Test("a claim that is not in the published catalogue leaves no trace: no text, no badge, no FAQ, no source")
    func missingClaimLeavesNoTrace() throws {
        var catalog = Fixtures.catalog
        let index = try #require(catalog.tools.firstIndex { $0.tool.slug.rawValue == "deepseek" })
        let phi = try #require(catalog.tools[index].claims.first { $0.ref.topic.rawValue == "phi" })
        catalog.tools[index].claims.removeAll { $0.ref == phi.ref }
        catalog.changes.removeAll { $0.ref == phi.ref }
        catalog.tools[index].changes.removeAll { $0.items.contains { $0.ref == phi.ref } }
        let site = try SiteAssertions.export(catalog)
        let all = try everything(site)
        #expect(!all.contains(phi.headline))
        #expect(!all.contains("No PHI"))
        #expect(!all.contains("Can I put PHI"))
        #expect(!all.contains("deepseek:phi"))
        let withIt = try everything(try SiteAssertions.export(label: "with"))
        #expect(withIt.contains(phi.headline))
    }

    @Test("a tool with nothing published gets no page, no index entry, no sitemap entry and no links")
    func toolWithoutClaims() throws {
        var catalog = Fixtures.catalog
        catalog.tools.append(Fixtures.extraTool("draft-only-tool", name: "Draftonly Bot", seq: 0, claims: false))
        let site = try SiteAssertions.export(catalog)
        let files = try TestSupport.files(in: site)
        #expect(!files.keys.contains { $0.contains("draft-only-tool") })
        #expect(!(try everything(site)).contains("Draftonly"))
        #expect(try SiteAssertions.differences(site, try SiteAssertions.export(label: "without")).isEmpty)
    }
}
