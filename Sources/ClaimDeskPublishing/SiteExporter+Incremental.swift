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
    ///
    /// `previous` is the export at `dir` as read in the background since the caller started it (see
    /// `PreviousExport`); without it the reading starts here.
    public func exportIncremental(
        changed: PublishedCatalog, config: SiteConfig, to dir: URL, previous: PreviousExport? = nil
    ) throws -> ExportReport {
        try config.validate()
        let folder = AtomicSiteFolder(dir, allowExchange: hooks.allowExchange)
        let previous = previous ?? PreviousExport(at: dir)
        return try folder.withLock {
            let (liveRead, indexRead, spareRead) = try previous.current()
            guard let live = liveRead else { throw ExportError.noPreviousExport(path: folder.target.path) }
            let old = live.manifest
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

            let work = try folder.prepare(spare: .some(spareRead))
            let output = WorkFolderOutput(
                root: work.url, fresh: !work.isSpare, known: work.known ?? .nothing, keepUnchanged: true,
                beforeWrite: hooks.beforeWrite)
            do {
                let liveFiles = live.byPath
                let site = try render(
                    jobs: jobs, changes: changed.changes, topics: changed.topics, seq: changed.seq, config: config,
                    output: output, live: (folder.target, liveFiles), previousIndex: oldIndex,
                    watchSeq: changed.watchSeq)
                try finish(site, in: work, of: folder, output: output, thorough: false)
                let report = site.report(mode: .incremental, removed: removed, stats: output.stats.withLock { $0 })
                ReleaseLater.hand((live, oldIndex, spareRead, output, site, jobs))
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
        // tools.json lists its tools in slug order; sorting here (a no-op then) lets the previous summaries be found
        // by position in the previous links instead of through a dictionary of 10,000 copies.
        let previous =
            previous.indices.dropFirst().contains { previous[$0 - 1].slug >= previous[$0].slug }
            ? previous.sorted { $0.slug < $1.slug } : previous
        let live = changedTools.filter { !$0.claims.isEmpty }
        let liveSlugs = Set(live.map(\.tool.slug))
        // By index, not `for summary in previous`: copying each summary (a dozen references) was a third of this plan's
        // time in a profile at 10,000 tools.
        let oldLinks = OtherToolLinks(
            tools: previous.indices.map {
                ToolLink(slug: previous[$0].slug, name: previous[$0].name, url: previous[$0].url)
            },
            limit: config.otherToolLinks, sortKeys: false)
        let removed = changedTools.map(\.tool.slug).filter { !liveSlugs.contains($0) && oldLinks.index(of: $0) != nil }
        var newTools: [ToolLink] = []
        newTools.reserveCapacity(previous.count + live.count)
        for index in previous.indices where changedBySlug[previous[index].slug] == nil {
            newTools.append(ToolLink(slug: previous[index].slug, name: previous[index].name, url: previous[index].url))
        }
        for tool in live {
            newTools.append(ToolLink(slug: tool.tool.slug, name: tool.tool.name, url: config.pageURL(tool.tool.slug)))
        }
        let newLinks = OtherToolLinks(tools: newTools, limit: config.otherToolLinks, sortKeys: false)

        // Claims verified before asOf - stalenessDays are stale; if that cut-off moved, a kept page can only change when
        // its oldest claim is older than the later of the two cut-offs.
        let oldCutoff = old.asOf.adding(days: -old.stalenessDays)
        let newCutoff = config.asOf.adding(days: -config.stalenessDays)
        let staleWindowEnd = max(oldCutoff, newCutoff)

        var jobs: [ToolJob] = []
        jobs.reserveCapacity(newLinks.tools.count)
        for (index, link) in newLinks.tools.enumerated() {
            if let tool = changedBySlug[link.slug] {
                jobs.append(.fresh(tool, links: newLinks.links(at: index)))
            } else if let oldIndex = oldLinks.index(of: link.slug) {
                let staleMayChange = oldCutoff != newCutoff && previous[oldIndex].lastVerified < staleWindowEnd
                if staleMayChange || !newLinks.sameLinks(at: index, as: oldLinks, at: oldIndex) {
                    jobs.append(.rerender(previous[oldIndex], links: newLinks.links(at: index)))
                } else {
                    jobs.append(.reuse(previous[oldIndex]))
                }
            }
        }
        return (jobs, removed)
    }
}
