import ClaimDeskDomain
import Foundation

/// Turns what is published about a tool into its page model, applying the page rules (badges from verdicts, oldest
/// verification, lowest confidence, staleness, FAQ from topic templates, deduplicated sources).
///
/// Everything comes from the catalogue's `Topic` values; no topic key is special-cased here.
struct ToolPageBuilder: Sendable {
    let config: SiteConfig
    /// The vocabulary, one entry per key (the last of duplicates), and where each key is in it: pages refer to
    /// topics by position, so building one copies no topic.
    private let topicList: [Topic]
    private let topicIndex: [TopicKey: Int]

    init(topics: [Topic], config: SiteConfig) {
        self.config = config
        var list: [Topic] = []
        var index: [TopicKey: Int] = [:]
        for topic in topics {
            if let at = index[topic.key] {
                list[at] = topic
            } else {
                index[topic.key] = list.count
                list.append(topic)
            }
        }
        self.topicList = list
        self.topicIndex = index
    }

    /// The page of a tool, or nil when nothing about it is live (a tool without live claims gets no page).
    func page(for published: PublishedTool, otherTools: [ToolLink]) throws(ExportError) -> ToolPage? {
        guard !published.claims.isEmpty else { return nil }
        let tool = published.tool
        let name = tool.name
        let claims = published.claims
        let topics = topicList
        // Claims and topics by position in `claims` and `topics`: sorting and filtering these copies no claim.
        var toolLevel: [Placed] = []
        var tierLevel: [Placed] = []
        let tiers = published.tiers
        var tierIndex: [TierSlug: Int] = [:]
        for index in tiers.indices { tierIndex[tiers[index].slug] = index }

        for index in claims.indices {
            let ref = claims[index].ref
            guard let topic = topicIndex[ref.topic] else { throw .unknownTopic(ref) }
            if let verdict = claims[index].verdict, topics[topic].verdict(verdict) == nil {
                throw .unknownVerdict(ref, verdict)
            }
            if let tierSlug = ref.tier {
                guard let tier = tierIndex[tierSlug] else { throw .unknownTier(ref) }
                tierLevel.append(Placed(claim: index, topic: topic, tier: tier))
            } else {
                toolLevel.append(Placed(claim: index, topic: topic, tier: Placed.toolLevel))
            }
        }
        toolLevel.sort { Self.topicOrder(topics[$0.topic], topics[$1.topic]) }
        tierLevel.sort { a, b in
            tiers[a.tier].slug != tiers[b.tier].slug
                ? tiers[a.tier].slug < tiers[b.tier].slug : Self.topicOrder(topics[a.topic], topics[b.topic])
        }
        // A claim twice (same tier and topic) sorts next to itself. A tier slug has one index (`tierIndex`).
        for list in [toolLevel, tierLevel] {
            for index in list.indices.dropFirst()
            where list[index].topic == list[index - 1].topic && list[index].tier == list[index - 1].tier {
                throw .duplicateClaim(claims[list[index].claim].ref)
            }
        }

        let fill = { (template: String) in PlaceholderText.fill(template, ["tool": name]) }
        let make = { (placed: Placed) in pageClaim(claims[placed.claim], topic: topics[placed.topic], toolName: name) }
        let sections = toolLevel.filter { topics[$0.topic].section == .main }.map(make)
        let editorial = toolLevel.filter { topics[$0.topic].section == .editorial }.map(make)
        let hipaaClaims = toolLevel.filter { topics[$0.topic].section == .hipaa }.map(make)
        let tierVerdicts = tierLevel.map { placed in
            TierVerdict(tier: tiers[placed.tier].slug, tierName: tiers[placed.tier].name, claim: make(placed))
        }

        let badges: [Badge] = toolLevel.compactMap { placed in
            let topic = placed.topic
            guard topics[topic].badgePosition != nil, let key = claims[placed.claim].verdict,
                let verdict = topics[topic].verdict(key)
            else {
                return nil
            }
            return Badge(
                topic: topics[topic].key, section: topics[topic].section, verdict: key, label: verdict.label,
                tone: verdict.tone)
        }.sorted { a, b in
            let pa = topicIndex[a.topic].flatMap { topics[$0].badgePosition } ?? 0
            let pb = topicIndex[b.topic].flatMap { topics[$0].badgePosition } ?? 0
            return pa != pb ? pa < pb : a.topic < b.topic
        }

        let hipaa: HIPAASection? =
            hipaaClaims.isEmpty
            ? nil
            : HIPAASection(
                heading: fill(config.copy.hipaaHeading), badges: badges.filter { $0.section == .hipaa },
                claims: hipaaClaims, sources: Self.sources(of: hipaaClaims),
                verifiedOn: hipaaClaims.map(\.verifiedOn).min() ?? config.asOf,
                disclaimer: fill(config.copy.hipaaDisclaimer))

        let faq = self.faq(toolLevel: toolLevel, claims: claims, tierVerdicts: tierVerdicts, toolName: name)

        var page = ToolPage(
            tool: PageTool(
                slug: tool.slug, name: name, category: tool.category, officialURL: tool.officialURL,
                url: config.pageURL(tool.slug), apiURL: config.apiURL(tool.slug)),
            title: fill(config.copy.pageTitle), seq: published.lastSeq, badges: badges, sections: sections,
            editorial: editorial, tierVerdicts: tierVerdicts, hipaa: hipaa, faq: faq, sources: [],
            lastVerified: config.asOf, confidence: .high, stale: false,
            disclaimers: PageDisclaimers(
                termsChange: fill(config.copy.termsChange), general: fill(config.copy.generalDisclaimer)),
            notify: NotifyBlock(
                heading: fill(config.copy.notifyHeading), text: fill(config.copy.notifyText),
                fineprint: fill(config.copy.notifyFineprint),
                action: PlaceholderText.fill(config.notifyURL, ["tool": tool.slug.rawValue])),
            otherTools: otherTools, allToolsURL: config.homeURL)
        // Over the page's claims in page order, in place: concatenating them into one list copied every claim.
        var collector = SourceCollector(capacity: claims.reduce(0) { $0 + $1.citations.count })
        var lastVerified: Day?
        var confidence: Confidence?
        var stale = false
        func visit(_ claim: PageClaim) {
            collector.add(claim.citations)
            let day = claim.verifiedOn
            let level = claim.confidence
            lastVerified = lastVerified.map { min($0, day) } ?? day
            confidence = confidence.map { min($0, level) } ?? level
            stale = stale || claim.stale
        }
        for index in page.sections.indices { visit(page.sections[index]) }
        for index in page.editorial.indices { visit(page.editorial[index]) }
        for index in page.tierVerdicts.indices { visit(page.tierVerdicts[index].claim) }
        if let hipaa = page.hipaa {
            for index in hipaa.claims.indices { visit(hipaa.claims[index]) }
        }
        page.sources = collector.sources
        page.lastVerified = lastVerified ?? config.asOf
        page.confidence = confidence ?? .low
        page.stale = stale
        var tiersBySlug: [TierSlug: PlanTier] = [:]
        for tier in tiers { tiersBySlug[tier.slug] = tier }
        page.changes = changeLog(published, tiers: tiersBySlug)
        return page
    }

    /// A claim of the tool being built, by position: its index in the tool's claims, its topic's in the vocabulary,
    /// and its tier's in the tool's tiers (`toolLevel` for none).
    private struct Placed {
        static let toolLevel = -1
        var claim: Int
        var topic: Int
        var tier: Int
    }

    /// Recomputes every stale flag for this configuration's `asOf`, for pages taken from a previous export.
    func applyingStaleness(to page: ToolPage) -> ToolPage {
        var page = page
        let restale = { (claim: inout PageClaim) in claim.stale = isStale(claim.verifiedOn) }
        for i in page.sections.indices { restale(&page.sections[i]) }
        for i in page.editorial.indices { restale(&page.editorial[i]) }
        for i in page.tierVerdicts.indices { restale(&page.tierVerdicts[i].claim) }
        if var hipaa = page.hipaa {
            for i in hipaa.claims.indices { restale(&hipaa.claims[i]) }
            page.hipaa = hipaa
        }
        page.stale = page.allClaims.contains(where: \.stale)
        return page
    }

    /// The topic of a key, from the catalogue's vocabulary.
    func topic(_ key: TopicKey) -> Topic? { topicIndex[key].map { topicList[$0] } }

    /// Stale means verified more than `stalenessDays` days before `asOf`.
    func isStale(_ verifiedOn: Day) -> Bool {
        config.asOf.ordinal - verifiedOn.ordinal > config.stalenessDays
    }

    private func pageClaim(_ claim: PublishedClaim, topic: Topic, toolName: String) -> PageClaim {
        PageClaim(
            ref: claim.ref, topic: topic.key, heading: PlaceholderText.fill(topic.heading, ["tool": toolName]),
            question: PlaceholderText.fill(topic.question, ["tool": toolName]),
            verdict: claim.verdict.flatMap { topic.verdict($0) }.map(PageVerdict.init), headline: claim.headline,
            body: claim.body, confidence: claim.confidence, verifiedOn: claim.verifiedOn,
            stale: isStale(claim.verifiedOn),
            // Every exported citation says what the source watch found; never checked is "unchecked".
            // The export's citations all carry a state already: then the list is shared, not copied citation by
            // citation (a dozen retains each).
            citations: claim.citations.allSatisfy { $0.sourceState != nil }
                ? claim.citations
                : claim.citations.map { citation in
                    var citation = citation
                    if citation.sourceState == nil { citation.sourceState = .unchecked }
                    return citation
                })
    }

    /// FAQ in page order: main-section topics, then the derived plan-tier question, then HIPAA, then editorial.
    private func faq(toolLevel: [Placed], claims: [PublishedClaim], tierVerdicts: [TierVerdict], toolName: String)
        -> [FAQEntry]
    {
        let topics = topicList
        func entry(_ placed: Placed) -> FAQEntry? {
            entry(topics[placed.topic], claims[placed.claim])
        }
        func entry(_ topic: Topic, _ claim: PublishedClaim) -> FAQEntry? {
            guard let question = topic.faqQuestion, let answer = topic.faqAnswer else { return nil }
            let label = claim.verdict.flatMap { topic.verdict($0) }?.label
            var template = answer
            if label == nil {
                template = template.replacingOccurrences(of: "{label}. ", with: "")
                    .replacingOccurrences(of: "{label}", with: "")
            }
            let filled = PlaceholderText.fill(
                template,
                ["tool": toolName, "label": label ?? "", "headline": claim.headline, "body": claim.body])
            return FAQEntry(
                question: PlaceholderText.fill(question, ["tool": toolName]), answer: Self.tidy(filled))
        }
        var result: [FAQEntry] = toolLevel.filter { topics[$0.topic].section == .main }.compactMap(entry)
        let mainTiers = tierVerdicts.filter { topicIndex[$0.claim.topic].map { topics[$0].section } == .main }
        if !mainTiers.isEmpty {
            var parts = [config.copy.tierFAQIntro]
            var index = 0
            while index < mainTiers.count {
                let tier = mainTiers[index].tier
                var answers: [String] = []
                while index < mainTiers.count, mainTiers[index].tier == tier {
                    answers.append(Self.tierAnswer(mainTiers[index].claim))
                    index += 1
                }
                let tierName = mainTiers[index - 1].tierName
                parts.append("On \(tierName): \(answers.joined(separator: " "))")
            }
            parts.append(config.copy.tierFAQOutro)
            result.append(
                FAQEntry(
                    question: PlaceholderText.fill(config.copy.tierFAQQuestion, ["tool": toolName]),
                    answer: Self.tidy(PlaceholderText.fill(parts.joined(separator: " "), ["tool": toolName]))))
        }
        result += toolLevel.filter { topics[$0.topic].section == .hipaa }.compactMap(entry)
        result += toolLevel.filter { topics[$0.topic].section == .editorial }.compactMap(entry)
        return result
    }

    /// One plan tier's answer to "is it safe with confidential data?": the verdict's label says what the tier does
    /// ("Does not train on your data."), and the headline adds detail only when it says more than a bare yes or no —
    /// out of its question, "No." would answer nothing ("Quillmate Teams: No.").
    static func tierAnswer(_ claim: PageClaim) -> String {
        let headline = Self.trimmed(claim.headline)
        guard let label = claim.verdict?.label else { return Self.sentence(headline) }
        return Self.wordCount(headline) < 4
            ? Self.sentence(label) : "\(Self.sentence(label)) \(Self.sentence(headline))"
    }

    /// `text` without surrounding whitespace; a text that starts and ends with visible ASCII, as nearly all do, is
    /// returned as it is instead of going through NSString.
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        if let first = utf8.first, let last = utf8.last, (0x21..<0x7F).contains(first), (0x21..<0x7F).contains(last) {
            return text
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The number of space-separated words, as `split(whereSeparator: { $0 == " " })` counts them. Splitting
    /// into characters cost more than the rest of the answer; in ASCII a space is always a character of its own.
    static func wordCount(_ text: String) -> Int {
        let words = text.withUTF8Bytes { utf8 -> Int? in
            var words = 0
            var inWord = false
            for index in 0..<utf8.count {
                let byte = utf8[index]
                if byte >= 0x80 { return nil }
                if byte == 0x20 {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    words += 1
                }
            }
            return words
        }
        return words ?? text.split(whereSeparator: { $0 == " " }).count
    }

    /// `text` ending with a full stop (or the question or exclamation mark it has).
    static func sentence(_ text: String) -> String {
        // Two ASCII bytes at the end, not CR LF: the last character is the last byte (no cluster spans them).
        let utf8 = text.utf8
        if utf8.count >= 2, let last = utf8.last, last < 0x80, last != 0x0A,
            utf8[utf8.index(utf8.endIndex, offsetBy: -2)] < 0x80
        {
            return last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
                || last == UInt8(ascii: "\"") || last == UInt8(ascii: ")") ? text : text + "."
        }
        guard let last = text.last else { return text }
        return ".!?…\"”)".contains(last) ? text : text + "."
    }

    /// Trims and collapses the runs of spaces an empty `{body}` or `{headline}` leaves behind.
    static func tidy(_ text: String) -> String {
        // On the bytes in place: iterating the string's UTF-8 view three times cost more than the rest of the FAQ.
        let tidied = text.withUTF8Bytes { utf8 -> Tidied in
            var previousSpace = true
            var clean = true
            var ascii = true
            for index in 0..<utf8.count {
                let byte = utf8[index]
                let space = byte == 0x20
                if space && previousSpace { clean = false }
                previousSpace = space
                if byte >= 0x80 { ascii = false }
            }
            if clean && !previousSpace && !(utf8.first.map(isWhitespace) ?? false)
                && !(utf8.last.map(isWhitespace) ?? false)
            {
                return .unchanged
            }
            guard ascii else { return .needsCharacters }
            // ASCII: the same result as the character loop below, on bytes. Trimmed are the ASCII members of
            // `.whitespacesAndNewlines` (tab, LF, VT, FF, CR, space).
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count)
            var lastWasSpace = false
            for index in 0..<utf8.count {
                let byte = utf8[index]
                if byte == 0x20 {
                    if !lastWasSpace { bytes.append(byte) }
                    lastWasSpace = true
                } else {
                    bytes.append(byte)
                    lastWasSpace = false
                }
            }
            let trimmed = { (byte: UInt8) in byte == 0x20 || (0x09...0x0D).contains(byte) }
            let start = bytes.firstIndex(where: { !trimmed($0) }) ?? bytes.endIndex
            let end = bytes.lastIndex(where: { !trimmed($0) }).map { $0 + 1 } ?? start
            return .tidied(String(decoding: bytes[start..<max(start, end)], as: UTF8.self))
        }
        switch tidied {
        case .unchanged: return text
        case .tidied(let result): return result
        case .needsCharacters: return tidyByCharacters(text)
        }
    }

    /// `tidy` by characters: the definition the byte path must agree with, and what non-ASCII text gets.
    static func tidyByCharacters(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var lastWasSpace = false
        for character in text {
            if character == " " {
                if !lastWasSpace { result.append(character) }
                lastWasSpace = true
            } else {
                result.append(character)
                lastWasSpace = false
            }
        }
        return result.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private enum Tidied {
        case unchanged
        case tidied(String)
        case needsCharacters
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// The deduplicated union of the claims' citations by URL: first appearance decides the order, every distinct
    /// "supports" sentence is kept, the latest date wins.
    static func sources(of claims: [PageClaim]) -> [PageSource] {
        var collector = SourceCollector(capacity: claims.reduce(0) { $0 + $1.citations.count })
        for index in claims.indices { collector.add(claims[index].citations) }
        return collector.sources
    }

    /// `sources(of:)` one claim's citations at a time.
    struct SourceCollector {
        private(set) var sources: [PageSource] = []
        private var indexByURL: [String: Int] = [:]

        /// Sized for every citation up front: growing it rehashed every URL already in it.
        init(capacity: Int) {
            indexByURL.reserveCapacity(capacity)
        }

        // Merged in place by index: copying a source out of a dictionary and back hashed its URL twice and copied
        // its lists on every citation. Citations are read through their buffer: copying each cost a dozen retains.
        mutating func add(_ citations: [Citation]) {
            citations.withUnsafeBufferPointer { citations in
                for at in citations.indices {
                    if let index = indexByURL[citations[at].url] {
                        if !sources[index].supports.contains(citations[at].supports) {
                            sources[index].supports.append(citations[at].supports)
                        }
                        if citations[at].dated > sources[index].dated { sources[index].dated = citations[at].dated }
                        if sources[index].title == nil { sources[index].title = citations[at].title }
                        if sources[index].archivedURL == nil { sources[index].archivedURL = citations[at].archivedURL }
                        if let quote = citations[at].quote, !sources[index].quotes.contains(quote) {
                            sources[index].quotes.append(quote)
                        }
                    } else {
                        indexByURL[citations[at].url] = sources.count
                        var source = PageSource(
                            url: citations[at].url, supports: [citations[at].supports], dated: citations[at].dated,
                            title: citations[at].title, archivedURL: citations[at].archivedURL)
                        if let quote = citations[at].quote { source.quotes = [quote] }
                        sources.append(source)
                    }
                }
            }
        }
    }

    /// Section first (main, HIPAA, editorial), then the topic's position, then its key so ties are still stable.
    private static func topicOrder(_ a: Topic, _ b: Topic) -> Bool {
        let sa = sectionRank(a.section)
        let sb = sectionRank(b.section)
        if sa != sb { return sa < sb }
        if a.position != b.position { return a.position < b.position }
        return a.key < b.key
    }

    private static func sectionRank(_ section: TopicSection) -> Int {
        switch section {
        case .main: 0
        case .hipaa: 1
        case .editorial: 2
        }
    }
}
