import ClaimDeskDomain
import Foundation
import Testing

@testable import ClaimDeskPublishing

/// Helpers that read exported sites the way a reader or a reviewer would.
enum SiteAssertions {
    /// Paths that differ between two folders (content, or present in only one), sorted.
    static func differences(_ a: URL, _ b: URL) throws -> [String] {
        let left = try TestSupport.files(in: a)
        let right = try TestSupport.files(in: b)
        return Set(left.keys).union(right.keys).filter { left[$0] != right[$0] }.sorted()
    }

    /// The visible text of an HTML page: tags removed (and `<head>` dropped), entities decoded, whitespace collapsed.
    static func visibleText(_ html: String) -> String {
        var body = html
        if let start = html.range(of: "<body"), let end = html.range(of: "</body>") {
            body = String(html[start.lowerBound..<end.upperBound])
        }
        var text = ""
        var inTag = false
        for character in body {
            if character == "<" {
                inTag = true
                text.append(" ")
            } else if character == ">" {
                inTag = false
            } else if !inTag {
                text.append(character)
            }
        }
        let decoded = text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
        return decoded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Visible text with spaces around punctuation that tags introduced removed, for comparing with the reference
    /// page's text, which was copied from a browser.
    static func normalized(_ text: String) -> String {
        text.replacingOccurrences(of: " · ", with: "·").replacingOccurrences(of: "· ", with: "·")
            .replacingOccurrences(of: " ·", with: "·").split(whereSeparator: { $0.isWhitespace })
            .joined(separator: " ")
    }

    /// The index of each needle in order; records an issue for the first missing or out-of-order one.
    static func expectInOrder(
        _ needles: [String], in haystack: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var cursor = haystack.startIndex
        for needle in needles {
            guard let range = haystack.range(of: needle, range: cursor..<haystack.endIndex) else {
                let anywhere = haystack.contains(needle)
                Issue.record(
                    "\(anywhere ? "out of order" : "missing"): \(needle)", sourceLocation: sourceLocation)
                return
            }
            cursor = range.upperBound
        }
    }

    /// Exports `catalog` into a new scratch folder and returns the site folder.
    static func export(
        _ catalog: PublishedCatalog = Fixtures.catalog, config: SiteConfig = Fixtures.config,
        label: String = #function
    ) throws -> URL {
        let site = try TestSupport.scratch(label).appendingPathComponent("site")
        _ = try SiteExporter().export(catalog: catalog, config: config, to: site)
        return site
    }
}
