import ClaimDeskDomain
import Dispatch
import Foundation

/// The previous export's manifest, tool index and spare manifest — about 20 MB of JSON at 10,000 tools — read and
/// indexed on background threads from the moment an incremental export is asked for, so the reading overlaps
/// connecting to the database and asking it what changed.
///
/// Reading starts before the export lock is taken. Each file's identity is noted before it is read, and under the
/// lock a file whose identity changed since (another export swapped the folder in between) is read again, so what
/// the export uses is always what the folder holds while it is locked.
public final class PreviousExport: Sendable {
    /// A manifest with its files by path, as the incremental export looks them up.
    struct Manifest: Sendable {
        let manifest: SiteManifest
        let byPath: [String: SiteManifest.File]
    }

    /// What one read found, and the identity of the file it read.
    struct Read<Value: Sendable>: Sendable {
        let identity: FileIdentity?
        let value: Result<Value, ExportError>
    }

    private let folder: AtomicSiteFolder
    private let live: Pending<Read<Manifest?>>
    private let index: Pending<Read<PreviousToolIndex>>
    private let spare: Pending<Read<KnownFiles?>>
    /// The position `position()` answered: the manifest used under the lock must not be older.
    private let asked = Locked<(seq: Int64, watchSeq: Int64)?>(nil)

    /// Starts reading the export at `dir` (and its spare) in the background.
    public init(at dir: URL) {
        let folder = AtomicSiteFolder(dir)
        self.folder = folder
        let liveRead = { @Sendable in Self.readManifest(in: folder.target) }
        let indexRead = { @Sendable in Self.readIndex(in: folder.target) }
        let live = Pending(liveRead)
        self.live = live
        index = Pending(indexRead)
        spare = Pending { Self.readSpare(in: folder.spareURL, live: live.value().value) }
    }

    /// Where the previous export is complete up to, or nil when there is none: what an incremental export asks the
    /// database about. Waits for the manifest.
    public func position() throws -> (seq: Int64, watchSeq: Int64)? {
        guard let manifest = try live.value().value.get()?.manifest else { return nil }
        asked.withLock { $0 = (manifest.seq, manifest.watchSeq) }
        return (manifest.seq, manifest.watchSeq)
    }

    /// The three reads, each read again if its file changed since it was first read. Call holding the export lock.
    func current() throws -> (live: Manifest?, index: Result<PreviousToolIndex, ExportError>, spare: KnownFiles?) {
        let target = folder.target
        let spareURL = folder.spareURL
        let liveRead = live.value()
        let liveUnchanged = liveRead.identity == FileIdentity(target.appendingPathComponent(SitePaths.manifest).path)
        let liveManifest = try (liveUnchanged ? liveRead : Self.readManifest(in: target)).value.get()
        // What changed was asked after `asked`: a manifest older than that (the folder was swapped for an older export
        // in between) would miss the changes in the gap.
        if let asked = asked.withLock({ $0 }), let manifest = liveManifest?.manifest,
            manifest.seq < asked.seq || manifest.watchSeq < asked.watchSeq
        {
            throw ExportError.exportReplaced(path: target.path)
        }
        let toolIndex = Self.fresh(index.value(), path: target.appendingPathComponent(SitePaths.toolsIndex)) {
            Self.readIndex(in: target)
        }
        // The spare is described relative to the live files it was compared with: compared again when those were read
        // again, so that the two always belong together.
        let spareRead = spare.value()
        let spareKnown =
            liveUnchanged
                && spareRead.identity == FileIdentity(spareURL.appendingPathComponent(SitePaths.manifest).path)
            ? spareRead.value : Self.readSpare(in: spareURL, live: .success(liveManifest)).value
        return (liveManifest, toolIndex, (try? spareKnown.get()) ?? nil)
    }

    private static func fresh<Value>(_ read: Read<Value>, path: URL, again: () -> Read<Value>) -> Result<
        Value, ExportError
    > {
        read.identity == FileIdentity(path.path) ? read.value : again().value
    }

    private static func readManifest(in dir: URL) -> Read<Manifest?> {
        let identity = FileIdentity(dir.appendingPathComponent(SitePaths.manifest).path)
        return Read(
            identity: identity,
            value: exportResult(path: dir.appendingPathComponent(SitePaths.manifest).path) {
                try SiteExporter.manifest(in: dir).map(Self.indexed)
            })
    }

    /// What the spare holds: compared with the live export's files where it can be (`SpareDifference`), else read
    /// in full. A spare without a readable manifest (an interrupted update) is rewritten in full, so nil is an answer
    /// here.
    private static func readSpare(in spare: URL, live: Result<Manifest?, ExportError>) -> Read<KnownFiles?> {
        let path = spare.appendingPathComponent(SitePaths.manifest).path
        let identity = FileIdentity(path)
        guard POSIXFile.isDirectory(spare.path) else { return Read(identity: identity, value: .success(nil)) }
        if let live = try? live.get(), let data = FileManager.default.contents(atPath: path),
            let known = data.withUnsafeBytes({
                SpareDifference.known(spare: $0, live: live.manifest.files, liveByPath: live.byPath)
            })
        {
            return Read(identity: identity, value: .success(known))
        }
        let manifest = (try? SiteExporter.manifest(in: spare)).flatMap { $0 }
        return Read(identity: identity, value: .success(manifest.map { indexed($0).known }))
    }

    private static func readIndex(in dir: URL) -> Read<PreviousToolIndex> {
        let path = dir.appendingPathComponent(SitePaths.toolsIndex).path
        let identity = FileIdentity(path)
        return Read(
            identity: identity,
            value: exportResult(path: path) {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw ExportError.unreadableExport(path: path, reason: "it is missing")
                }
                return try PreviousToolIndex.read(data, path: path)
            })
    }

    private static func exportResult<Value>(path: String, _ body: () throws -> Value) -> Result<Value, ExportError> {
        do {
            return .success(try body())
        } catch let error as ExportError {
            return .failure(error)
        } catch {
            return .failure(.unreadableExport(path: path, reason: "\(error)"))
        }
    }

    static func indexed(_ manifest: SiteManifest) -> Manifest {
        var byPath: [String: SiteManifest.File] = [:]
        byPath.reserveCapacity(manifest.files.count)
        for file in manifest.files { byPath[file.path] = file }
        return Manifest(manifest: manifest, byPath: byPath)
    }
}

extension PreviousExport.Manifest {
    /// A folder holding exactly this manifest's files.
    var known: KnownFiles { KnownFiles(files: manifest.files, byPath: byPath) }
}
