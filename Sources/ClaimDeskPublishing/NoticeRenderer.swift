import Foundation

/// Renders the notification service's pages with the shipped templates (compiled once).
public struct NoticeRenderer: Sendable {
    let templates: SiteTemplates
    public let siteTitle: String
    public let language: String

    public init(
        siteTitle: String = "Does this AI train on your data?", language: String = "en", templatesDirectory: URL? = nil
    ) throws {
        self.templates = try SiteTemplates.load(from: templatesDirectory)
        self.siteTitle = siteTitle
        self.language = language
    }

    public func render(_ notice: Notice) throws -> String {
        try templates.render(NoticeView(notice: notice, siteTitle: siteTitle, language: language), template: "notice")
    }
}
