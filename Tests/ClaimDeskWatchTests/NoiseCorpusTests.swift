import Foundation
import Testing

@testable import ClaimDeskWatch

/// The before/after corpus (Tests/ClaimDeskWatchTests/Corpus): cosmetic differences must not raise "changed",
/// substantive ones must, and a removed or reworded quote must be noticed. Prints the false-alarm and miss rates.
@Suite("Noise corpus")
struct NoiseCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    struct Judged {
        var name: String
        var changed: Bool
        var quoteBefore: Bool
        var quoteAfter: Bool
    }

    /// The watcher's judgement of one pair: its text hashes (changed?) and the quote test the database applies
    /// (case, curly quotes and whitespace ignored).
    static func judge(_ name: String) throws -> Judged {
        let folder = corpus.appendingPathComponent(name)
        func text(_ file: String) throws -> String {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(file)))
            guard case .text(let text, _) = SourceDocument.extract(bytes, contentType: "text/html; charset=utf-8")
            else { return "" }
            return text
        }
        let before = try text("before.html")
        let after = try text("after.html")
        let quote = try String(contentsOf: folder.appendingPathComponent("quote.txt"), encoding: .utf8)
        func form(_ s: String) -> String {
            s.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        return Judged(
            name: name, changed: ComparableText.sha256(before) != ComparableText.sha256(after),
            quoteBefore: form(before).contains(form(quote)), quoteAfter: form(after).contains(form(quote)))
    }

    @Test("0 false alarms on cosmetic pairs, 0 misses on substantive pairs and quote removals")
    func rates() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path)
            .filter { $0.hasPrefix("cosmetic-") || $0.hasPrefix("substantive-") }.sorted()
        let judged = try names.map(Self.judge)
        let cosmetic = judged.filter { $0.name.hasPrefix("cosmetic-") }
        let substantive = judged.filter { $0.name.hasPrefix("substantive-") }
        let quoteGone = substantive.filter { $0.name.contains("-quote-") }
        #expect(cosmetic.count >= 10)
        #expect(substantive.count >= 8)
        let falseAlarms = cosmetic.filter { $0.changed || !$0.quoteAfter }
        let misses = substantive.filter { !$0.changed } + quoteGone.filter { $0.quoteAfter }
        print(
            "noise corpus: false alarms \(falseAlarms.count)/\(cosmetic.count), "
                + "misses \(misses.count)/\(substantive.count + quoteGone.count) "
                + "(\(substantive.count) substantive pairs, \(quoteGone.count) quote removals)")
        #expect(falseAlarms.map(\.name) == [])
        #expect(misses.map(\.name) == [])
        #expect(judged.allSatisfy { $0.quoteBefore })
    }
}
