import ClaimDeskDomain
import Foundation
import Testing

@testable import ClaimDeskPublishing

/// An incremental export learns what the spare holds by comparing its manifest's bytes with the live files instead of
/// parsing it; what it learns must be exactly what parsing the spare's manifest says, and any manifest it cannot be
/// sure of must be left to the parser.
@Suite("Comparing the spare's manifest with the live one")
struct SpareDifferenceTests {
    static func file(_ path: String, _ digest: Character = "a", size: Int64 = 10) -> SiteManifest.File {
        SiteManifest.File(path: path, sha256: String(repeating: digest, count: 64), size: size)
    }

    static let live: [SiteManifest.File] =
        [file("api/v1/tools.json", size: 9_590_039)] + (0..<40).map { file("tools/t-\($0 + 10)/index.html") }
        + [file("z.css", size: 0)]

    static func manifest(_ files: [SiteManifest.File]) -> SiteManifest {
        SiteManifest(
            seq: 7, asOf: Fixtures.day("2026-12-01"), stalenessDays: 180, fingerprint: "f", files: files)
    }

    static func known(spare: [UInt8], live: [SiteManifest.File] = live) -> KnownFiles? {
        let byPath = Dictionary(live.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return spare.withUnsafeBytes { SpareDifference.known(spare: $0, live: live, liveByPath: byPath) }
    }

    /// What the comparison says must be what the parsed spare says, for every path either side has.
    static func expectSame(
        _ known: KnownFiles?, spare: [SiteManifest.File], live: [SiteManifest.File] = live,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let known else {
            Issue.record("the spare was not compared: \(spare.map(\.path))", sourceLocation: sourceLocation)
            return
        }
        #expect(known.paths == spare.map(\.path), sourceLocation: sourceLocation)
        let spareByPath = Dictionary(uniqueKeysWithValues: spare.map { ($0.path, $0) })
        for path in Set(spare.map(\.path)).union(live.map(\.path)) {
            #expect(known[path] == spareByPath[path], "\(path)", sourceLocation: sourceLocation)
        }
        for file in live {
            #expect(
                known.holds(live: file) == (spareByPath[file.path] == file), "\(file.path)",
                sourceLocation: sourceLocation)
        }
    }

    @Test(
        "a spare equal to the live files, or differing in digests, sizes, added and missing files, is described exactly"
    )
    func describes() {
        var changed = Self.live
        changed[3].sha256 = String(repeating: "b", count: 64)
        changed[7].size = 11
        changed.remove(at: 20)
        changed.remove(at: 0)
        let added = Self.file("tools/t-20a/index.html", "c")
        changed.insert(added, at: changed.firstIndex { $0.path > added.path } ?? changed.endIndex)
        changed.append(Self.file("zz/after-everything.xml"))
        changed.insert(Self.file("a/before-everything.json"), at: 0)
        #expect(zip(changed, changed.dropFirst()).allSatisfy { $0.path < $1.path })
        for spare in [Self.live, changed, [], [Self.file("only/one")], Array(Self.live.prefix(1))] {
            let known = Self.known(spare: JSONWriter.document(Self.manifest(spare)))
            // An empty `files` array is not in the layout the comparison reads; the parser then decides.
            if spare.isEmpty {
                #expect(known == nil)
            } else {
                Self.expectSame(known, spare: spare)
            }
        }
        // A live export with no files at all: everything the spare holds is a difference.
        let fromNothing = Self.known(spare: JSONWriter.document(Self.manifest(changed)), live: [])
        Self.expectSame(fromNothing, spare: changed, live: [])
    }

    @Test("entries with escaped text, or laid out by another encoder, are read rather than matched")
    func readsWhatItCannotMatch() throws {
        var odd = Self.live
        odd[5] = Self.file("tools/t-15/\"quoted\"\\back.html")
        let known = Self.known(spare: JSONWriter.document(Self.manifest(odd)), live: odd)
        Self.expectSame(known, spare: odd, live: odd)
        // The same files written compactly: no framing to find, so the caller must parse.
        let compact = try JSONEncoder().encode(Self.manifest(Self.live))
        #expect(Self.known(spare: Array(compact)) == nil)
    }

    @Test("a damaged, truncated or unsorted spare manifest is not compared")
    func refusesDamage() {
        let bytes = JSONWriter.document(Self.manifest(Self.live))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(Self.known(spare: Array(bytes.prefix(bytes.count / 2))) == nil)
        #expect(Self.known(spare: Array(text.replacingOccurrences(of: "},\n    {", with: "}\n    {").utf8)) == nil)
        #expect(
            Self.known(spare: Array(text.replacingOccurrences(of: "\"size\" : 10\n", with: "\"size\" : \"10\"\n").utf8))
                == nil)
        var unsorted = Self.live
        unsorted.swapAt(4, 9)
        #expect(Self.known(spare: JSONWriter.document(Self.manifest(unsorted))) == nil)
        #expect(Self.known(spare: JSONWriter.document(Self.manifest(Self.live)), live: unsorted) == nil)
    }
}
