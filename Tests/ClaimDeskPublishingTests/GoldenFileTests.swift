import ClaimDeskDomain
import Foundation
import Testing

@testable import ClaimDeskPublishing

/// The exported site of the fixture catalogue, byte for byte.
///
/// After an intended change to the output, regenerate the golden files deliberately and review the diff:
///
///     CLAIMDESK_REGENERATE_GOLDEN=1 swift test --filter ClaimDeskPublishingTests.GoldenFileTests
///
/// Without that variable the test never writes them.
@Suite("Golden files")
struct GoldenFileTests {
    static let golden = TestSupport.fixturesFolder.appendingPathComponent("golden-site")
    static let regenerate = ProcessInfo.processInfo.environment["CLAIMDESK_REGENERATE_GOLDEN"] == "1"

    @Test("a full export of the fixture catalogue matches the golden files byte for byte")
    func matchesGolden() throws {
        let site = try SiteAssertions.export()
        if Self.regenerate {
            try? FileManager.default.removeItem(at: Self.golden)
            try FileManager.default.createDirectory(
                at: Self.golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: site, to: Self.golden)
            Issue.record(
                "Regenerated the golden files in \(Self.golden.path); review the diff and run again without CLAIMDESK_REGENERATE_GOLDEN."
            )
            return
        }
        let expected = try TestSupport.files(in: Self.golden)
        let actual = try TestSupport.files(in: site)
        #expect(!expected.isEmpty, "no golden files; generate them with CLAIMDESK_REGENERATE_GOLDEN=1")
        #expect(Set(actual.keys) == Set(expected.keys))
        for (path, data) in actual.sorted(by: { $0.key < $1.key }) {
            #expect(expected[path] == data, "\(path) differs from the golden file")
        }
    }
}
