import ClaimDeskDomain
import Foundation
import Testing

@testable import ClaimDeskPublishing

@Suite("Configuration and errors")
struct ConfigurationTests {
    @Test("settings that would make broken or unsafe links are refused before anything is written")
    func invalidSettings() throws {
        var config = Fixtures.config
        config.baseURL = "javascript:alert(1)"
        #expect(throws: ExportError.self) { try config.validate() }
        config = Fixtures.config
        config.notifyURL = "mailto:someone@example.org"
        #expect(throws: ExportError.self) { try config.validate() }
        config = Fixtures.config
        config.stalenessDays = 0
        #expect(throws: ExportError.self) { try config.validate() }
        config = Fixtures.config
        config.feedTagDate = "26"
        #expect(throws: ExportError.self) { try config.validate() }
        config = Fixtures.config
        config.baseURL = "https://example.org/"
        try config.validate()
        #expect(config.pageURL(ToolSlug("x")) == "https://example.org/tools/x/")
    }

    @Test("a slug that is not a safe file name is refused, whatever the database holds")
    func unsafeSlug() throws {
        var catalog = Fixtures.catalog
        catalog.tools[0].tool.slug = ToolSlug("../../etc")
        let site = try TestSupport.scratch().appendingPathComponent("site")
        #expect(throws: ExportError.invalidSlug("../../etc")) {
            try SiteExporter().export(catalog: catalog, config: Fixtures.config, to: site)
        }
        #expect(!FileManager.default.fileExists(atPath: site.path))
    }

    @Test("every error message is one line saying what, which and what to do")
    func messages() {
        let errors: [ExportError] = [
            .invalidConfig(setting: "baseURL", value: "x", fix: "give an https URL"), .invalidSlug("a/b"),
            .duplicateTool(ToolSlug("a")), .duplicateClaim(Fixtures.ref("a:training")),
            .unknownTopic(Fixtures.ref("a:x")), .unknownVerdict(Fixtures.ref("a:training"), VerdictKey("v")),
            .unknownTier(Fixtures.ref("a/t:training")),
            .parentNotWritable(path: "/p/site", reason: "permission denied"),
            .notAnExport(path: "/p/site"), .exportRunning(path: "/p/site"),
            .writeFailed(path: "/p/f", reason: "no space left on device"),
            .swapFailed(path: "/p/site", reason: "busy"), .noPreviousExport(path: "/p/site"),
            .unreadableExport(path: "/p/site/x", reason: "bad"), .incompatibleExport(path: "/p/site", reason: "r"),
            .sequenceWentBackwards(path: "/p/site", exported: 5, given: 3), .exportReplaced(path: "/p/site"),
            .templateInvalid(name: "tool.mustache", reason: "r"), .templatesMissing(path: "/t"),
            .renderFailed(template: "tool"),
        ]
        for error in errors {
            let message = error.localizedDescription
            #expect(!message.contains("\n"))
            #expect(message.hasSuffix("."))
            #expect(message.contains(";"), "\(message) should say what to do after a semicolon")
        }
    }

    @Test("the same tool twice in the catalogue is refused")
    func duplicateTool() throws {
        var catalog = Fixtures.catalog
        catalog.tools.append(Fixtures.deepseek)
        #expect(throws: ExportError.duplicateTool(ToolSlug("deepseek"))) {
            try SiteExporter().export(
                catalog: catalog, config: Fixtures.config, to: try TestSupport.scratch().appendingPathComponent("site"))
        }
    }
}
