import ClaimDeskDomain
import Foundation

/// Turns the published catalogue into the public site's files — JSON API, HTML pages, Atom feed, sitemap and
/// manifest — deterministically (same data and configuration, same bytes) and atomically (the export folder is
/// replaced as a whole).
///
/// Create one per process: it compiles the templates once. All methods are synchronous and safe to call from any
/// thread; rendering runs on every core.
public struct SiteExporter: Sendable {
    let templates: SiteTemplates
    /// Test hooks; empty in production.
    var hooks = Hooks()

    struct Hooks: Sendable {
        /// Called with each path before it is written into the work folder.
        var beforeWrite: (@Sendable (String) throws -> Void)?
        /// Called after the new site is complete, before it is swapped in.
        var beforeCommit: (@Sendable () throws -> Void)?
        /// False forces the two-rename swap used where `RENAME_EXCHANGE` is missing.
        var allowExchange = true
    }

    /// Loads the templates shipped with ClaimDesk, or those of `templatesDirectory` (every `*.mustache` file in it;
    /// `tool.mustache` and `index.mustache` are required) so a designer can work without rebuilding.
    public init(templatesDirectory: URL? = nil) throws {
        _ = MallocPolicy.applied
        self.templates = try SiteTemplates.load(from: templatesDirectory)
    }

    /// Exports the whole catalogue to `dir`, replacing what is there as a whole.
    ///
    /// `dir` may be missing, empty, or a previous export (it must contain `manifest.json`); anything else is refused
    /// rather than deleted. Only tools with at least one live claim get a page.
    public func export(catalog: PublishedCatalog, config: SiteConfig, to dir: URL) throws -> ExportReport {
        try config.validate()
        let jobs = try Self.fullPlan(catalog.tools, config: config)
        let folder = AtomicSiteFolder(dir, allowExchange: hooks.allowExchange)
        return try folder.withLock {
            let work = try folder.prepare()
            let output = WorkFolderOutput(
                root: work.url, fresh: !work.isSpare, known: work.known ?? .nothing, keepUnchanged: false,
                beforeWrite: hooks.beforeWrite)
            do {
                let site = try render(
                    jobs: jobs, changes: catalog.changes, topics: catalog.topics, seq: catalog.seq, config: config,
                    output: output, live: nil, watchSeq: catalog.watchSeq)
                try finish(site, in: work, of: folder, output: output, thorough: true)
                return site.report(mode: .full, removed: [], stats: output.stats.withLock { $0 })
            } catch {
                folder.abandon(work)
                throw error
            }
        }
    }

    /// Removes stale files from the work folder, writes the manifest last, and swaps the work folder in.
    func finish(
        _ site: RenderedSite, in work: WorkFolder, of folder: AtomicSiteFolder, output: WorkFolderOutput,
        thorough: Bool
    ) throws {
        let removed = folder.removeExtras(from: work, keeping: site.manifest.files, thorough: thorough)
        _ = try output.emit(Data(site.manifestData), path: SitePaths.manifest)
        try hooks.beforeCommit?()
        try folder.commit(work, touched: output.stats.withLock { $0.touched } + removed)
    }

    /// The manifest of the export at `dir`, or nil when there is none; the CLI reads `seq` from it to ask the
    /// database for the tools published or retracted since.
    public static func manifest(in dir: URL) throws -> SiteManifest? {
        let path = dir.appendingPathComponent(SitePaths.manifest).path
        guard let data = FileManager.default.contents(atPath: path) else {
            if POSIXFile.exists(path) {
                throw ExportError.unreadableExport(path: path, reason: "it cannot be read")
            }
            return nil
        }
        return try SiteJSON.decode(SiteManifest.self, from: data, path: path)
    }

    /// Where the export at `dir` is complete up to (its manifest's `seq` and `watchSeq`): what an incremental export
    /// asks the database about.
    public static func position(in dir: URL) throws -> (seq: Int64, watchSeq: Int64)? {
        try manifest(in: dir).map { ($0.seq, $0.watchSeq) }
    }

    /// Every tool with a live claim, sorted by slug, each to be rendered from the catalogue.
    static func fullPlan(_ tools: [PublishedTool], config: SiteConfig) throws -> [ToolJob] {
        let live = try validated(tools).filter { !$0.claims.isEmpty }
        let links = OtherToolLinks(
            tools: live.map { ToolLink(slug: $0.tool.slug, name: $0.tool.name, url: config.pageURL($0.tool.slug)) },
            limit: config.otherToolLinks)
        return live.enumerated().map { index, tool in .fresh(tool, links: links.links(at: index)) }
    }

    /// The tools sorted by slug, after checking each slug is a safe file name and appears once.
    static func validated(_ tools: [PublishedTool]) throws -> [PublishedTool] {
        let sorted = tools.sorted { $0.tool.slug < $1.tool.slug }
        for (index, tool) in sorted.enumerated() {
            guard Slug.isValid(tool.tool.slug.rawValue) else { throw ExportError.invalidSlug(tool.tool.slug.rawValue) }
            if index > 0, sorted[index - 1].tool.slug == tool.tool.slug {
                throw ExportError.duplicateTool(tool.tool.slug)
            }
        }
        return sorted
    }
}
