import ClaimDeskDomain
import Mustache

/// A claim in a template: `{{anchor}}`, `{{topic}}`, `{{heading}}`, `{{question}}`, `{{#verdict}}…{{/verdict}}` (a
/// BadgeView), `{{headline}}`, `{{#paragraphs}}{{.}}{{/paragraphs}}` (the body split at blank lines),
/// `{{confidence}}`, `{{verifiedOn}}`, `{{stale}}`, `{{#sourceRefs}}…{{/sourceRefs}}`, and for plan-tier claims
/// `{{tierName}}` and `{{topicHeading}}` (present when the tier list spans several topics).
final class ClaimView: TemplateObject {
    let claim: PageClaim
    let sourceRefs: [TemplateObject]
    let tierName: String?
    let topicHeading: String?

    init(_ claim: PageClaim, sourceNumbers: SourceNumbering, tierName: String? = nil, topicHeading: String? = nil) {
        self.claim = claim
        // A claim cites a handful of sources: a list beats a set here.
        var numbers: [Int] = []
        numbers.reserveCapacity(claim.citations.count)
        for index in claim.citations.indices {
            if let number = sourceNumbers.number(of: claim.citations[index].url), !numbers.contains(number) {
                numbers.append(number)
            }
        }
        self.sourceRefs = numbers.map { sourceNumbers.ref($0) }
        self.tierName = tierName
        self.topicHeading = topicHeading
    }

    override func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .anchor:
            if let tier = claim.ref.tier {
                .text("tier-\(tier.rawValue)-\(claim.topic.rawValue)")
            } else {
                .text(claim.topic.rawValue)
            }
        case .topic: .text(claim.topic.rawValue)
        case .heading: .text(claim.heading)
        case .question: .text(claim.question)
        case .verdict: claim.verdict.map { .object(BadgeView($0, topic: claim.topic)) } ?? .absent
        case .headline: .nonEmpty(claim.headline)
        case .paragraphs: .texts(Self.paragraphs(claim.body))
        case .confidence: .text(claim.confidence.rawValue)
        case .verifiedOn: .text(DayText.string(claim.verifiedOn))
        case .stale: .bool(claim.stale)
        // A cited quote is gone from its source: readers are told plainly, without waiting for an editor.
        case .quoteMissing:
            .bool(claim.citations.indices.contains { claim.citations[$0].sourceState == .quoteMissing })
        case .sourceRefs: .list(sourceRefs)
        case .tierName: .nonEmpty(tierName)
        case .topicHeading: .nonEmpty(topicHeading)
        default: .missing
        }
    }

    /// A body's paragraphs: split at blank lines, single line breaks kept as spaces.
    static func paragraphs(_ body: String) -> [String] {
        if !body.withUTF8Bytes({ EscapeScan.newlines.any(in: $0) }) {
            return body.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) ? [] : [body]
        }
        var result: [String] = []
        var current: [Substring] = []
        for line in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { result.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { result.append(current.joined(separator: " ")) }
        return result
    }
}
