import ClaimDeskDomain
import Crypto
import Foundation

extension SiteExporter {
    /// Verifies the export at `dir`: every file against `manifest.json` (missing, extra, modified), and — when
    /// `catalog` is given — against a fresh render of it (drift). Reads only; throws when there is no readable
    /// manifest, otherwise reports. The CLI should exit non-zero unless `isClean`.
    public func check(dir: URL, against catalog: PublishedCatalog?, config: SiteConfig) throws -> CheckReport {
        let root = dir.standardizedFileURL
        guard let manifest = try Self.manifest(in: root) else { throw ExportError.noPreviousExport(path: root.path) }
        let onDisk = try Self.measure(root)

        var listed: [String: SiteManifest.File] = [:]
        for file in manifest.files { listed[file.path] = file }
        let missing = manifest.files.map(\.path).filter { onDisk[$0] == nil }
        let extra = onDisk.keys.filter { $0 != SitePaths.manifest && listed[$0] == nil }.sorted()
        let modified = manifest.files.filter { file in onDisk[file.path].map { $0 != file } ?? false }.map(\.path)

        var drift: [String]?
        if let catalog {
            try config.validate()
            let output = ComparingOutput(onDisk: onDisk)
            let site = try render(
                jobs: try Self.fullPlan(catalog.tools, config: config), changes: catalog.changes,
                topics: catalog.topics, seq: catalog.seq, config: config, output: output, live: nil,
                watchSeq: catalog.watchSeq)
            _ = try output.emit(Data(site.manifestData), path: SitePaths.manifest)
            let produced = output.produced.withLock { $0 }
            let notProduced = onDisk.keys.filter { !produced.contains($0) }
            drift = Array(Set(output.drift.withLock { $0 } + notProduced)).sorted()
        }
        return CheckReport(
            seq: manifest.seq, catalogSeq: catalog?.seq, filesChecked: manifest.files.count, missing: missing,
            extra: extra, modified: modified, drift: drift)
    }

    /// SHA-256 and size of every file under `root` (symbolic links and other non-regular entries count as files, so
    /// they show up as extra or modified).
    static func measure(_ root: URL) throws -> [String: SiteManifest.File] {
        guard let found = POSIXFile.walk(root.path) else {
            throw ExportError.unreadableExport(path: root.path, reason: "the folder cannot be listed")
        }
        let paths = found.filter { !$0.isFolder }.map(\.path)
        let entries = try Parallel.map(count: paths.count) { index in
            let path = paths[index]
            let url = root.appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                return SiteManifest.File(path: path, sha256: "unreadable", size: -1)
            }
            return FileDigest.entry(for: data, path: path)
        }
        var result: [String: SiteManifest.File] = [:]
        for entry in entries { result[entry.path] = entry }
        return result
    }
}
