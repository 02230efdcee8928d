import ClaimDeskDomain
import Foundation
import Testing

@testable import ClaimDeskPublishing

@Suite("Smoke")
struct SmokeTests {
    @Test("exports the fixture catalogue")
    func exportsFixture() throws {
        let folder = URL(fileURLWithPath: "/tmp/claimdesk-smoke")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let report = try SiteExporter().export(
            catalog: Fixtures.catalog, config: Fixtures.config, to: folder.appendingPathComponent("site"))
        print(report)
    }
}
