import ClaimDeskDomain
import Crypto
import Foundation

/// The digest of everything besides published data and the day that shapes the exported bytes, so an incremental
/// export can tell whether the pages it keeps would still be rendered the same way.
enum SiteFingerprint {
    private struct Input: Encodable {
        let format: Int
        let templates: String
        let baseURL: String
        let notifyURL: String
        let siteTitle: String
        let siteDescription: String
        let language: String
        let otherToolLinks: Int
        let feedTagDate: String
        let copy: SiteCopy
        let topics: [Topic]
    }

    static func compute(config: SiteConfig, templates: SiteTemplates, topics: [Topic]) throws -> String {
        let input = Input(
            format: SiteManifest.currentFormat, templates: templates.fingerprint, baseURL: config.root,
            notifyURL: config.notifyURL, siteTitle: config.siteTitle, siteDescription: config.siteDescription,
            language: config.language, otherToolLinks: config.otherToolLinks, feedTagDate: config.feedTagDate,
            copy: config.copy, topics: topics.sorted { $0.key < $1.key })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return Hex.string(SHA256.hash(data: try encoder.encode(input)))
        } catch {
            throw ExportError.writeFailed(path: SitePaths.manifest, reason: "cannot encode the fingerprint (\(error))")
        }
    }
}
