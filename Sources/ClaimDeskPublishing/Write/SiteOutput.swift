import Foundation

/// Where rendered files go: the work folder when exporting, a comparison with the files on disk when checking.
protocol SiteOutput: Sendable {
    /// Takes a rendered file's bytes and returns its manifest entry.
    func emit(raw bytes: UnsafeRawBufferPointer, path: String) throws -> SiteManifest.File
    /// Carries an unchanged file over from the live export (incremental exports only); `file` is the live manifest's
    /// entry for it.
    func reuse(_ file: SiteManifest.File, from live: URL) throws
}

extension SiteOutput {
    func emit(_ data: Data, path: String) throws -> SiteManifest.File {
        try data.withUnsafeBytes { try emit(raw: $0, path: path) }
    }

    /// Rendered pages are byte arrays; taking them as they are spares a copy of every page (1.5 GB at 10,000 tools).
    func emit(_ bytes: [UInt8], path: String) throws -> SiteManifest.File {
        try bytes.withUnsafeBytes { try emit(raw: $0, path: path) }
    }
}
