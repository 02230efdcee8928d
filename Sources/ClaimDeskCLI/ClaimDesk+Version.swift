import ClaimDeskStore

extension ClaimDesk {
    /// This build's version. The schema it expects is its newest embedded migration, which `status` compares with
    /// the database's.
    static let version = "0.1.0"

    struct VersionInfo: Encodable {
        var version: String
        var schema: String?
    }

    static var versionInfo: VersionInfo {
        VersionInfo(version: version, schema: Migration.newestEmbeddedName)
    }

    /// `claimdesk 0.1.0 (schema 0010_text_hygiene.sql)`.
    static var versionText: String {
        "claimdesk \(version)" + (versionInfo.schema.map { " (schema \($0))" } ?? "")
    }
}
