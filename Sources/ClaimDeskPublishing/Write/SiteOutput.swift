import Foundation

/// Where rendered files go: the work folder when exporting, a comparison with the files on disk when checking.
protocol SiteOutput: Sendable {
    /// Takes a rendered file and returns its manifest entry.
    func emit(_ data: Data, path: String) throws -> SiteManifest.File
    /// Carries an unchanged file over from the live export (incremental exports only).
    func reuse(_ file: SiteManifest.File, from live: URL) throws
}
