import ClaimDeskDomain
import Foundation

extension SiteExporter {
    /// A full export fed one tool at a time, so a catalogue of any size is exported in bounded memory: pages are
    /// rendered in batches as tools arrive and only each tool's small summary is kept.
    ///
    /// `source` must call `sink.begin(topics:tools:)` once — with the vocabulary and every tool that has a live claim,
    /// which the "check another AI tool" links need up front — then `sink.add(_:)` for each published tool, and return
    /// the change feed and the sequence the data is complete up to. Gives the same bytes as `export(catalog:…)`.
    public func exportStreaming(
        config: SiteConfig, to dir: URL, batchSize: Int = 64,
        source: (_ sink: StreamingSink) throws -> (changes: [ChangeEvent], seq: Int64)
    ) throws -> ExportReport {
        try config.validate()
        let folder = AtomicSiteFolder(dir, allowExchange: hooks.allowExchange)
        return try folder.withLock {
            let work = try folder.prepare()
            let output = WorkFolderOutput(
                root: work.url, fresh: !work.isSpare, known: work.known ?? .nothing, keepUnchanged: false,
                beforeWrite: hooks.beforeWrite)
            let sink = StreamingSink(templates: templates, config: config, output: output, batchSize: max(1, batchSize))
            do {
                let (changes, seq) = try source(sink)
                let (outcomes, renderer, topics) = try sink.finish()
                let site = try renderTail(
                    outcomes: outcomes, changes: changes, topics: topics, seq: seq, config: config, renderer: renderer,
                    output: output, live: nil, previousIndex: nil, watchSeq: sink.watchSeq)
                try finish(site, in: work, of: folder, output: output, thorough: true)
                return site.report(mode: .full, removed: [], stats: output.stats.withLock { $0 })
            } catch {
                sink.drain()
                folder.abandon(work)
                throw error
            }
        }
    }
}

/// Receives the published catalogue tool by tool during `SiteExporter.exportStreaming`.
///
/// Full batches are rendered on a background queue while the caller keeps reading the next tools from the database,
/// so reading and rendering overlap; at most two batches wait, which keeps memory bounded.
public final class StreamingSink {
    private let templates: SiteTemplates
    private let config: SiteConfig
    private let output: WorkFolderOutput
    private let batchSize: Int
    private var renderer: SiteRenderer?
    private var topics: [Topic] = []
    private var links = OtherToolLinks(tools: [], limit: 0)
    private var expected: Set<ToolSlug> = []
    private var seen: Set<ToolSlug> = []
    private var batch: [PublishedTool] = []
    private let outcomes = Locked<[ToolOutcome]>([])
    private let failure = Locked<(any Error)?>(nil)
    /// The source watch position the streamed data is complete up to; the source sets it before returning.
    public var watchSeq: Int64 = 0
    private let queue = DispatchQueue(label: "claimdesk.export.render")
    private let slots = DispatchSemaphore(value: 2)

    init(templates: SiteTemplates, config: SiteConfig, output: WorkFolderOutput, batchSize: Int) {
        self.templates = templates
        self.config = config
        self.output = output
        self.batchSize = batchSize
    }

    /// The vocabulary, and every tool that has at least one live claim (any order).
    public func begin(topics: [Topic], tools: [Tool]) throws {
        guard renderer == nil else {
            throw ExportError.writeFailed(path: "(export)", reason: "the export was begun twice")
        }
        self.topics = topics
        renderer = SiteRenderer(config: config, templates: templates, topics: topics)
        links = OtherToolLinks(
            tools: tools.map { ToolLink(slug: $0.slug, name: $0.name, url: config.pageURL($0.slug)) },
            limit: config.otherToolLinks)
        expected = Set(tools.map(\.slug))
    }

    /// One published tool; a tool without live claims gets no page.
    public func add(_ tool: PublishedTool) throws {
        guard renderer != nil else {
            throw ExportError.writeFailed(path: "(export)", reason: "tools arrived before the vocabulary")
        }
        if let error = failure.withLock({ $0 }) { throw error }
        guard Slug.isValid(tool.tool.slug.rawValue) else { throw ExportError.invalidSlug(tool.tool.slug.rawValue) }
        guard seen.insert(tool.tool.slug).inserted else { throw ExportError.duplicateTool(tool.tool.slug) }
        guard !tool.claims.isEmpty else { return }
        batch.append(tool)
        if batch.count >= batchSize { flush() }
    }

    /// Hands the current batch to the render queue, waiting while two batches are already queued.
    private func flush() {
        guard let renderer, !batch.isEmpty else { return }
        let links = self.links
        let jobs = batch.map { tool in
            ToolJob.fresh(tool, links: links.index(of: tool.tool.slug).map { links.links(at: $0) } ?? [])
        }
        batch.removeAll(keepingCapacity: true)
        let output = self.output
        let outcomes = self.outcomes
        let failure = self.failure
        let slots = self.slots
        slots.wait()
        queue.async {
            defer { slots.signal() }
            guard failure.withLock({ $0 == nil }) else { return }
            do {
                let rendered = try SiteExporter.renderTools(jobs, renderer: renderer, output: output, live: nil)
                outcomes.withLock { $0 += rendered }
            } catch {
                failure.withLock { if $0 == nil { $0 = error } }
            }
        }
    }

    func finish() throws -> (outcomes: [ToolOutcome], renderer: SiteRenderer, topics: [Topic]) {
        flush()
        queue.sync {}
        if let error = failure.withLock({ $0 }) { throw error }
        guard let renderer else {
            throw ExportError.writeFailed(path: "(export)", reason: "no vocabulary was given")
        }
        let all = outcomes.withLock { $0 }
        let rendered = Set(all.map(\.summary.slug))
        if let missing = expected.subtracting(rendered).sorted().first {
            // A link would point at a page that was never written.
            throw ExportError.writeFailed(
                path: SitePaths.toolHTML(missing), reason: "the tool was listed as live but none of its claims arrived")
        }
        return (all.sorted { $0.summary.slug < $1.summary.slug }, renderer, topics)
    }

    /// Waits for queued rendering to stop before the work folder is abandoned.
    func drain() {
        failure.withLock { if $0 == nil { $0 = ExportError.writeFailed(path: "(export)", reason: "abandoned") } }
        queue.sync {}
    }
}
