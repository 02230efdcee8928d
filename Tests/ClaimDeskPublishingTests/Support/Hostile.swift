import ClaimDeskDomain
import Foundation

@testable import ClaimDeskPublishing

/// A catalogue whose every editable text tries to run script in the reader's browser. Each payload, if it ever ran,
/// would set the document's title to `PWNED` or mark `<html>` with `data-pwned`.
enum Hostile {
    static let script =
        "<script>document.title='PWNED';document.documentElement.setAttribute('data-pwned','1')</script>"
    static let breakout =
        "\"><img src=x onerror=\"document.title='PWNED';document.documentElement.setAttribute('data-pwned','2')\">"
    static let javascriptURL = "javascript:document.title='PWNED'"
    static let closeScript = "</script><script>document.title='PWNED'</script>"

    static var catalog: PublishedCatalog {
        var catalog = Fixtures.catalog
        guard let index = catalog.tools.firstIndex(where: { $0.tool.slug.rawValue == "deepseek" }) else {
            return catalog
        }
        var tool = catalog.tools[index]
        tool.tool.name = "DeepSeek \(script)"
        tool.tool.category = "AI chat \(breakout)"
        tool.tool.officialURL = javascriptURL
        tool.tiers[0].name = "Consumer \(breakout)"
        tool.claims[0].headline = "Yes \(script)"
        tool.claims[0].body = "Body \(breakout)\n\nSecond paragraph \(closeScript)"
        tool.claims[0].citations[0].url = javascriptURL
        tool.claims[0].citations[0].supports = "Supports \(script)"
        tool.claims[0].citations[0].title = "Title \(breakout)"
        tool.claims[0].citations[1].archivedURL = "javascript:alert(1)"
        tool.claims[1].citations[0].url = "\(Fixtures.termsOfUse)\" onmouseover=\"document.title='PWNED'"
        tool.claims[3].body = "Editorial \(closeScript) and \(javascriptURL)"
        tool.claims[6].headline = "PHI \(closeScript)"
        catalog.tools[index] = tool
        return catalog
    }
}
