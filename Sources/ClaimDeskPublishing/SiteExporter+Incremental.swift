import ClaimDeskDomain
import Foundation

extension SiteExporter {
    /// Re-exports only what changed since the export at `dir` and gives the same bytes as a full export would.
    ///
    /// `changed.tools` holds the tools whose `lastSeq` is above the existing manifest's `seq` (a tool without live
    /// claims left loses its page); `changed.topics` the whole vocabulary; `changed.changes` the latest change events
    /// for the feed; `changed.seq` the sequence the data is complete up to. Pages of other tools are carried over from
    /// the previous export — re-rendered from their JSON when their "check another AI tool" links or stale flags
    /// change. Throws `ExportError.incompatibleExport` when the templates, vocabulary or settings changed since: then
    /// only a full export is correct.
    public func exportIncremental(changed: PublishedCatalog, config: SiteConfig, to dir: URL) throws -> ExportReport {
        try config.validate()
        let folder = AtomicSiteFolder(dir, allowExchange: hooks.allowExchange)
        return try folder.withLock {
            // The manifests of the live export and of the spare, and the tool index, are the incremental export's
            // largest reads (JSON of every file and every tool); they are decoded side by side.
            let indexPath = folder.target.appendingPathComponent(SitePaths.toolsIndex).path
            let target = folder.target
            let spare = folder.spareURL
            let reads = try Parallel.map(count: 3) { part -> PreviousExport in
                if part == 0 { return .manifest(Result { try Self.manifest(in: target) }) }
                if part == 2 {
                    return .spare(POSIXFile.isDirectory(spare.path) ? (try? Self.manifest(in: spare)) : nil)
                }
                return .index(
                    Result {
                        guard let indexData = FileManager.default.contents(atPath: indexPath) else {
                            throw ExportError.unreadableExport(path: indexPath, reason: "it is missing")
                        }
                        return try SiteJSON.decode(ToolIndex.self, from: indexData, path: indexPath)
                    })
            }
            guard case .manifest(let manifestRead) = reads[0], case .index(let indexRead) = reads[1],
                case .spare(let spareManifest) = reads[2], let old = try manifestRead.get()
            else {
                throw ExportError.noPreviousExport(path: folder.target.path)
            }
            let fingerprint = try SiteFingerprint.compute(config: config, templates: templates, topics: changed.topics)
            guard old.format == SiteManifest.currentFormat, old.fingerprint == fingerprint else {
                throw ExportError.incompatibleExport(
                    path: folder.target.path, reason: "different templates, topic vocabulary or site settings")
            }
            guard changed.seq >= old.seq else {
                throw ExportError.sequenceWentBackwards(path: folder.target.path, exported: old.seq, given: changed.seq)
            }
            let oldIndex = try indexRead.get()
            let (jobs, removed) = try Self.incrementalPlan(
                changed: changed.tools, previous: oldIndex.tools, old: old, config: config)

            let work = try folder.prepare(spareManifest: .some(spareManifest))
            let output = WorkFolderOutput(
                root: work.url, known: work.known ?? [:], keepUnchanged: true, beforeWrite: hooks.beforeWrite)
            do {
                var liveFiles: [String: SiteManifest.File] = [:]
                for file in old.files { liveFiles[file.path] = file }
                let site = try render(
                    jobs: jobs, changes: changed.changes, topics: changed.topics, seq: changed.seq, config: config,
                    output: output, live: (folder.target, liveFiles), liveSummaries: oldIndex.tools,
                    watchSeq: changed.watchSeq)
                try finish(site, in: work, of: folder, output: output, thorough: false)
                let report = site.report(mode: .incremental, removed: removed, stats: output.stats.withLock { $0 })
                ReleaseLater.hand((old, oldIndex, liveFiles, output, site, jobs))
                return report
            } catch {
                folder.abandon(work)
                throw error
            }
        }
    }

    /// Decides, per tool of the new site, whether to render it from the catalogue, re-render it from its previous
    /// JSON, or carry its files over; returns the jobs in slug order and the previous pages that are dropped.
    static func incrementalPlan(
        changed: [PublishedTool], previous: [ToolSummary], old: SiteManifest, config: SiteConfig
    ) throws -> (jobs: [ToolJob], removed: [ToolSlug]) {
        let changedTools = try validated(changed)
        var changedBySlug: [ToolSlug: PublishedTool] = [:]
        for tool in changedTools { changedBySlug[tool.tool.slug] = tool }
        let kept = previous.filter { changedBySlug[$0.slug] == nil }
        let live = changedTools.filter { !$0.claims.isEmpty }
        let previousSlugs = Set(previous.map(\.slug))
        let liveSlugs = Set(live.map(\.tool.slug))
        let removed = previous.map(\.slug).filter {
            previousSlugs.contains($0) && changedBySlug[$0] != nil && !liveSlugs.contains($0)
        }

        let oldLinks = OtherToolLinks(
            tools: previous.map { ToolLink(slug: $0.slug, name: $0.name, url: $0.url) }, limit: config.otherToolLinks)
        let newLinks = OtherToolLinks(
            tools: kept.map { ToolLink(slug: $0.slug, name: $0.name, url: $0.url) }
                + live.map { ToolLink(slug: $0.tool.slug, name: $0.tool.name, url: config.pageURL($0.tool.slug)) },
            limit: config.otherToolLinks)

        // Claims verified before asOf - stalenessDays are stale; if that cut-off moved, a kept page can only change when
        // its oldest claim is older than the later of the two cut-offs.
        let oldCutoff = old.asOf.adding(days: -old.stalenessDays)
        let newCutoff = config.asOf.adding(days: -config.stalenessDays)
        let staleWindowEnd = max(oldCutoff, newCutoff)

        var keptBySlug: [ToolSlug: ToolSummary] = [:]
        for summary in kept { keptBySlug[summary.slug] = summary }
        var jobs: [ToolJob] = []
        jobs.reserveCapacity(newLinks.tools.count)
        for (index, link) in newLinks.tools.enumerated() {
            if let tool = changedBySlug[link.slug] {
                jobs.append(.fresh(tool, links: newLinks.links(at: index)))
            } else if let summary = keptBySlug[link.slug] {
                let staleMayChange = oldCutoff != newCutoff && summary.lastVerified < staleWindowEnd
                if staleMayChange || !newLinks.sameLinks(at: index, as: oldLinks, for: link.slug) {
                    jobs.append(.rerender(summary, links: newLinks.links(at: index)))
                } else {
                    jobs.append(.reuse(summary))
                }
            }
        }
        return (jobs, removed)
    }
}

/// One of the previous export's two large reads, decoded in parallel by `exportIncremental`.
private enum PreviousExport: Sendable {
    case manifest(Result<SiteManifest?, any Error>)
    case index(Result<ToolIndex, any Error>)
    /// The spare's manifest; nil when there is no spare or it has none (an interrupted update).
    case spare(SiteManifest?)
}
