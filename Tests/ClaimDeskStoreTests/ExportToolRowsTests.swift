import ClaimDeskDomain
import Foundation
import Testing

@testable import ClaimDeskStore

/// The full export's query no longer sorts within a tool; these rows come in any order and must leave in the one
/// the query's ORDER BY gave before.
@Suite("One tool's export rows in any order")
struct ExportToolRowsTests {
    private static let slug = ToolSlug("acme")
    private static let day = Day(year: 2026, month: 3, day: 1) ?? Day.today()

    /// (tier, topic) of the claims, in the expected order: tool-level first, then by tier slug, then topic.
    private static let claimKeys: [(String?, String)] = [
        (nil, "a-topic"), (nil, "b"), (nil, "b-x"), (nil, "training"), ("enterprise", "a"), ("enterprise", "z"),
        ("free", "retention"), ("free-plus", "retention"), ("pro", "training"),
    ]

    private enum Input {
        case claim(Int)
        case citation(claim: Int, position: Int)
        case change(seq: Int64, id: Int64, item: Int64)
    }

    private static func claim(_ index: Int) -> PublishedClaim {
        let (tier, topic) = claimKeys[index]
        return PublishedClaim(
            ref: ClaimRef(tool: slug, tier: tier.map { TierSlug($0) }, topic: TopicKey(topic)), verdict: nil,
            headline: "Claim \(index).", body: "Body \(index).", confidence: .high, verifiedOn: day,
            publishSeq: Int64(index), publishedAt: Date(timeIntervalSince1970: 0), citations: [])
    }

    private static func citation(claim: Int, position: Int) -> Citation {
        // URLs sort against the positions, as the citations index would return them.
        Citation(url: "https://example.com/\(claim)/\(9 - position)", supports: "Position \(position).", dated: day)
    }

    private static func change(seq: Int64, id: Int64, item: Int64) -> (ToolChange, ToolChange.Item) {
        (
            ToolChange(seq: seq, day: day, items: []),
            ToolChange.Item(
                ref: ClaimRef(tool: slug, topic: TopicKey("t\(item)")), kind: .headline, newHeadline: "\(id)/\(item)")
        )
    }

    private static let expected: PublishedTool = {
        var tool = PublishedTool(
            tool: Tool(slug: slug, name: "Acme", category: "Chat", officialURL: "https://acme.example"), tiers: [],
            claims: [], lastSeq: 9)
        for index in claimKeys.indices {
            var claim = claim(index)
            claim.citations = (0..<(index % 4)).map { citation(claim: index, position: $0) }
            tool.claims.append(claim)
        }
        // Newest change first; a change's items in their order.
        for (seq, id, items) in [(Int64(30), Int64(7), 3), (20, 5, 1), (20, 6, 2), (10, 2, 2)] {
            var change = ToolChange(seq: seq, day: day, items: [])
            change.items = (0..<items).map { Self.change(seq: seq, id: id, item: Int64($0)).1 }
            tool.changes.append(change)
        }
        return tool
    }()

    private static var inputs: [Input] {
        var inputs: [Input] = []
        for (index, claim) in expected.claims.enumerated() {
            inputs.append(.claim(index))
            for position in claim.citations.indices { inputs.append(.citation(claim: index, position: position)) }
        }
        for change in expected.changes {
            let id = Int64(change.items[0].newHeadline?.split(separator: "/").first ?? "") ?? 0
            for item in change.items.indices { inputs.append(.change(seq: change.seq, id: id, item: Int64(item))) }
        }
        return inputs
    }

    /// Feeds the inputs as the stream would: a claim's first row creates it, later rows of it only add citations.
    private static func assemble(_ inputs: [Input]) -> PublishedTool {
        var rows = ExportToolRows(
            PublishedTool(tool: expected.tool, tiers: [], claims: [], lastSeq: expected.lastSeq))
        for input in inputs {
            switch input {
            case .claim(let index):
                if !rows.hasClaim(revision: Int64(index)) { rows.addClaim(claim(index), revision: Int64(index)) }
            case .citation(let index, let position):
                if !rows.hasClaim(revision: Int64(index)) { rows.addClaim(claim(index), revision: Int64(index)) }
                rows.addCitation(
                    citation(claim: index, position: position), position: position, revision: Int64(index))
            case .change(let seq, let id, let item):
                let (change, entry) = change(seq: seq, id: id, item: item)
                rows.addChangeItem(entry, of: change, id: id, itemSeq: item)
            }
        }
        return rows.finished()
    }

    @Test("rows in the expected order come out unchanged")
    func inOrder() {
        #expect(Self.assemble(Self.inputs) == Self.expected)
    }

    @Test("reversed and 200 shuffles of the rows all give the same tool")
    func shuffled() {
        #expect(Self.assemble(Self.inputs.reversed()) == Self.expected)
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<200 {
            let result = Self.assemble(Self.inputs.shuffled(using: &generator))
            #expect(result == Self.expected)
            if result != Self.expected { return }
        }
    }

    @Test("a claim that arrives with citations keeps them first; citations added later follow in position order")
    func claimWithCitations() {
        var rows = ExportToolRows(
            PublishedTool(tool: Self.expected.tool, tiers: [], claims: [], lastSeq: Self.expected.lastSeq))
        var first = Self.claim(0)
        first.citations = [Self.citation(claim: 0, position: 7)]
        rows.addClaim(first, revision: 0)
        for position in [5, 2, 4] {
            rows.addCitation(Self.citation(claim: 0, position: position), position: position, revision: 0)
        }
        let cited = rows.finished().claims.first?.citations.map(\.url) ?? []
        #expect(cited == [7, 2, 4, 5].map { Self.citation(claim: 0, position: $0).url })
    }
}

/// A small deterministic generator (SplitMix64), so a failing order can be reproduced.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
