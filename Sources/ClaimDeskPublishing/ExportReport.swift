import ClaimDeskDomain

/// What an export did, for the CLI to print (`--json` prints it as is).
public struct ExportReport: Hashable, Sendable, Codable {
    public enum Mode: String, Hashable, Sendable, Codable { case full, incremental }

    public var mode: Mode
    /// The publish sequence the export is complete up to.
    public var seq: Int64
    /// Tool pages in the export.
    public var tools: Int
    /// Tool pages rendered by this run (all of them for a full export).
    public var toolsRendered: Int
    /// Tool pages an incremental export dropped because nothing about the tool is live any more.
    public var toolsRemoved: Int
    /// The slugs of the tool pages rendered by this run, in slug order.
    public var rendered: [ToolSlug]
    /// The slugs of the tool pages this run removed, in slug order.
    public var removed: [ToolSlug]
    /// Files rendered and written by this run, including the index, feed, sitemap and manifest.
    public var filesWritten: Int
    /// Unchanged files an incremental export carried over from the previous export.
    public var filesReused: Int
    public var bytesWritten: Int64
    /// Files in the export, including `manifest.json`.
    public var totalFiles: Int
    public var totalBytes: Int64

    public init(
        mode: Mode, seq: Int64, tools: Int, rendered: [ToolSlug], removed: [ToolSlug], filesWritten: Int,
        filesReused: Int, bytesWritten: Int64, totalFiles: Int, totalBytes: Int64
    ) {
        self.mode = mode
        self.seq = seq
        self.tools = tools
        self.toolsRendered = rendered.count
        self.toolsRemoved = removed.count
        self.rendered = rendered
        self.removed = removed.sorted()
        self.filesWritten = filesWritten
        self.filesReused = filesReused
        self.bytesWritten = bytesWritten
        self.totalFiles = totalFiles
        self.totalBytes = totalBytes
    }
}
