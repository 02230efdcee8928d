import ClaimDeskDomain

/// A rendered site whose manifest is not yet written: the caller writes it last, after removing stale files, so a
/// work folder with a manifest always holds exactly what the manifest lists.
struct RenderedSite: Sendable {
    let manifest: SiteManifest
    let manifestData: [UInt8]
    /// Tool pages in the site.
    let tools: Int
    /// Tool pages rendered (rather than carried over), in slug order.
    let rendered: [ToolSlug]

    func report(mode: ExportReport.Mode, removed: [ToolSlug], stats: OutputStats) -> ExportReport {
        ExportReport(
            mode: mode, seq: manifest.seq, tools: tools, rendered: rendered, removed: removed,
            filesWritten: stats.written, filesReused: stats.linked + stats.kept, bytesWritten: stats.bytesWritten,
            totalFiles: manifest.files.count + 1,
            totalBytes: manifest.files.reduce(Int64(manifestData.count)) { $0 + $1.size })
    }
}
