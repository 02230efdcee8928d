import ClaimDeskDomain
import Foundation

extension SiteExporter {
    /// Renders a whole site into `output`: every tool page (in parallel), then the index, feed and sitemap; returns
    /// the manifest for the caller to write last.
    ///
    /// Full exports, incremental exports and `--check` all go through here, which is what makes an incremental
    /// export byte-identical to a full one and lets `--check` compare against exactly what an export would write.
    func render(
        jobs: [ToolJob], changes: [ChangeEvent], topics: [Topic], seq: Int64, config: SiteConfig,
        output: any SiteOutput, live: (folder: URL, files: [String: SiteManifest.File])?,
        previousIndex: PreviousToolIndex? = nil, watchSeq: Int64 = 0
    ) throws -> RenderedSite {
        let renderer = SiteRenderer(config: config, templates: templates, topics: topics)
        let outcomes = try Self.renderTools(jobs, renderer: renderer, output: output, live: live)
        return try renderTail(
            outcomes: outcomes, changes: changes, topics: topics, seq: seq, config: config, renderer: renderer,
            output: output, live: live, previousIndex: previousIndex, watchSeq: watchSeq)
    }

    /// Renders (or carries over) the pages of `jobs`, on every core.
    static func renderTools(
        _ jobs: [ToolJob], renderer: SiteRenderer, output: any SiteOutput,
        live: (folder: URL, files: [String: SiteManifest.File])?
    ) throws -> [ToolOutcome] {
        try Parallel.map(count: jobs.count) { index in
            // A carried-over page needs no renderer: fetching this thread's copy of it (a lock, a lookup and a dozen
            // retains) was a fifth of carrying 10,000 pages over.
            if case .reuse(let summary) = jobs[index] { return try reuseTool(summary, output: output, live: live) }
            return try renderTool(jobs[index], renderer: renderer.forThisThread, output: output, live: live)
        }
    }

    /// Renders what depends on every tool — index, sitemap, tools.json, feed — once the tool pages are done, and
    /// returns the manifest. `outcomes` must be in slug order.
    func renderTail(
        outcomes: [ToolOutcome], changes: [ChangeEvent], topics: [Topic], seq: Int64, config: SiteConfig,
        renderer: SiteRenderer, output: any SiteOutput, live: (folder: URL, files: [String: SiteManifest.File])?,
        previousIndex: PreviousToolIndex?, watchSeq: Int64 = 0
    ) throws -> RenderedSite {
        // Copied out only where a whole list is written: an incremental export that carries the index over needs none.
        let summaries: @Sendable () -> [ToolSummary] = { outcomes.map(\.summary) }
        let slugs = outcomes.indices.map { outcomes[$0].summary.slug }
        let exported = Set(slugs)
        // The index page and sitemap are functions of the summaries alone: when those did not change, the live files
        // are already right and rendering them again (costly for a large index) would give the same bytes.
        let reusable: [SiteManifest.File]? =
            if let live, let previousIndex, Self.sameSummaries(previousIndex.tools, as: outcomes),
                let index = live.files[SitePaths.indexHTML], let sitemap = live.files[SitePaths.sitemap]
            {
                [index, sitemap]
            } else {
                nil
            }
        // tools.json copies carried-over tools' summaries from the previous one when it can (`PreviousToolIndex`), or
        // writes them on every core; the other site-wide files (megabytes each at 10,000 tools) are independent and
        // written side by side.
        let toolsIndex = try output.emit(
            previousIndex?.json(seq: seq, outcomes: outcomes)
                ?? renderer.indexJSON(ToolIndex(seq: seq, tools: summaries())), path: SitePaths.toolsIndex)
        let tail = try Parallel.map(count: 3) { part -> [SiteManifest.File] in
            switch part {
            case 0:
                if let reusable, let live {
                    for file in reusable { try output.reuse(file, from: live.folder) }
                    return reusable
                }
                return [try output.emit(try renderer.indexHTML(summaries()), path: SitePaths.indexHTML)]
            case 1:
                if reusable != nil { return [] }
                return [try output.emit(renderer.sitemapXML(slugs), path: SitePaths.sitemap)]
            default:
                let stylesheet = renderer.stylesheet
                return [
                    try output.emit(renderer.feedXML(changes, exported: exported), path: SitePaths.feed),
                    try output.emit(Data(stylesheet.bytes), path: stylesheet.path),
                ]
            }
        }
        var files: [SiteManifest.File] = []
        files.reserveCapacity(outcomes.count * 3 + 8)
        // Each kind of tool file in slug order is (nearly) in path order: appended kind by kind, the sort below merges a
        // few long runs instead of sorting 30,000 paths from scratch.
        for kind in 0..<3 {
            for index in outcomes.indices where kind < outcomes[index].files.count {
                files.append(outcomes[index].files[kind])
            }
        }
        files.append(toolsIndex)
        for part in tail { files += part }
        files.sort { $0.path < $1.path }

        var manifest = SiteManifest(
            seq: seq, asOf: config.asOf, stalenessDays: config.stalenessDays,
            fingerprint: try SiteFingerprint.compute(config: config, templates: templates, topics: topics), files: files
        )
        manifest.watchSeq = watchSeq
        return RenderedSite(
            manifest: manifest, manifestData: JSONWriter.document(manifest, capacity: 256 + files.count * 160),
            tools: outcomes.count, rendered: outcomes.filter(\.rendered).map(\.summary.slug).sorted())
    }

    /// Whether the previous export's summaries equal the new ones. A carried-over page's summary is the previous one
    /// of its slug, so only rendered pages' summaries need comparing in full: 10,000 deep comparisons cost an
    /// incremental export more than its one changed page.
    static func sameSummaries(_ previous: [ToolSummary], as outcomes: [ToolOutcome]) -> Bool {
        guard previous.count == outcomes.count else { return false }
        // By index: iterating copied each summary (a dozen references), which was most of this check's time.
        for index in outcomes.indices {
            let same =
                outcomes[index].rendered
                ? previous[index] == outcomes[index].summary : previous[index].slug == outcomes[index].summary.slug
            guard same else { return false }
        }
        return true
    }

    /// Carries a page's three files over from the live export.
    private static func reuseTool(
        _ summary: ToolSummary, output: any SiteOutput, live: (folder: URL, files: [String: SiteManifest.File])?
    ) throws -> ToolOutcome {
        let slug = summary.slug
        var files: [SiteManifest.File] = []
        files.reserveCapacity(3)
        for path in [SitePaths.toolJSON(slug), SitePaths.toolHTML(slug), SitePaths.toolFeed(slug)] {
            guard let live, let file = live.files[path] else {
                throw ExportError.unreadableExport(path: path, reason: "the previous manifest does not list it")
            }
            try output.reuse(file, from: live.folder)
            files.append(file)
        }
        return ToolOutcome(summary: summary, files: files, rendered: false)
    }

    private static func renderTool(
        _ job: ToolJob, renderer: SiteRenderer, output: any SiteOutput,
        live: (folder: URL, files: [String: SiteManifest.File])?
    ) throws -> ToolOutcome {
        let slug = job.slug
        let page: ToolPage
        switch job {
        case .fresh(let tool, let links):
            guard let built = try renderer.builder.page(for: tool, otherTools: links) else {
                throw ExportError.writeFailed(path: SitePaths.toolJSON(slug), reason: "the tool has no live claim")
            }
            page = built
        case .rerender(_, let links):
            let path = SitePaths.toolJSON(slug)
            guard let folder = live?.folder,
                let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
            else {
                throw ExportError.unreadableExport(path: path, reason: "the previous export has no such file")
            }
            var old = try SiteJSON.decode(ToolPage.self, from: data, path: folder.appendingPathComponent(path).path)
            old.otherTools = links
            page = renderer.builder.applyingStaleness(to: old)
        case .reuse(let summary):
            return try reuseTool(summary, output: output, live: live)
        }
        let files = try renderer.withToolFiles(page) { json, html, feed in
            [
                try output.emit(raw: json, path: SitePaths.toolJSON(slug)),
                try output.emit(raw: html, path: SitePaths.toolHTML(slug)),
                try output.emit(raw: feed, path: SitePaths.toolFeed(slug)),
            ]
        }
        return ToolOutcome(summary: ToolSummary(page), files: files, rendered: true)
    }
}
