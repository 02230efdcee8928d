import Crypto
import Foundation

/// The form of a source's text that is hashed to decide whether it changed: the extracted text with what changes
/// without changing what the page says masked — the copyright year of a footer line, tracking parameters in
/// addresses written out in the text. Whitespace and markup are already gone by extraction.
public enum ComparableText {
    /// Query parameters that identify a campaign or a click, not a page.
    static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "mc_cid", "mc_eid", "_ga", "_gl",
        "igshid", "ref_src", "_hsenc", "_hsmi", "mkt_tok", "oly_enc_id", "oly_anon_id", "vero_id", "si",
    ]

    /// The SHA-256 (lowercase hex) of the comparable form of `text`.
    public static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(form(text).utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The text with footer copyright years and tracking parameters masked.
    public static func form(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = String(line)
            if line.contains("://") { line = withoutTrackingInURLs(line) }
            if isCopyrightLine(line) { line = collapsingYearRanges(maskingYears(line)) }
            return line
        }.joined(separator: "\n")
    }

    /// A short line that states a copyright: a footer, whose year moves every January.
    static func isCopyrightLine(_ line: String) -> Bool {
        guard line.count <= 300 else { return false }
        let lower = line.lowercased()
        return lower.contains("©") || lower.contains("(c)") || lower.contains("copyright")
            || lower.contains("all rights reserved")
    }

    /// Every run of exactly four digits that reads as a year (1900–2099) becomes "YEAR".
    static func maskingYears(_ line: String) -> String {
        var result = ""
        var digits = ""
        func flush() {
            if digits.count == 4, digits.hasPrefix("19") || digits.hasPrefix("20") {
                result += "YEAR"
            } else {
                result += digits
            }
            digits = ""
        }
        for character in line {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }

    /// "YEAR-YEAR" (any dash, spaced or not) becomes "YEAR": a footer that grows a range has not changed either.
    static func collapsingYearRanges(_ line: String) -> String {
        var line = line
        for dash in ["-", "\u{2013}", "\u{2014}"] {
            for separator in [dash, " \(dash) "] {
                while line.contains("YEAR\(separator)YEAR") {
                    line = line.replacingOccurrences(of: "YEAR\(separator)YEAR", with: "YEAR")
                }
            }
        }
        return line
    }

    /// Rewrites each http(s) address in a line without its tracking parameters.
    static func withoutTrackingInURLs(_ line: String) -> String {
        line.split(separator: " ", omittingEmptySubsequences: false).map { word in
            guard word.hasPrefix("http://") || word.hasPrefix("https://") else { return String(word) }
            return withoutTracking(String(word))
        }.joined(separator: " ")
    }

    /// The address without tracking parameters (`utm_*`, click identifiers); unchanged when it has none.
    public static func withoutTracking(_ url: String) -> String {
        guard url.contains("?"), var components = URLComponents(string: url), let items = components.queryItems
        else { return url }
        let kept = items.filter { item in
            let name = item.name.lowercased()
            return !name.hasPrefix("utm_") && !trackingParameters.contains(name)
        }
        guard kept.count != items.count else { return url }
        components.queryItems = kept.isEmpty ? nil : kept
        return components.string ?? url
    }
}
