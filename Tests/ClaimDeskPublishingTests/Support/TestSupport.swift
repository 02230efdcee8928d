import Foundation
import Testing

@testable import ClaimDeskPublishing

#if canImport(Glibc)
    import Glibc
#endif

/// Scratch folders, file reading and external programs for the publishing tests.
enum TestSupport {
    /// The package root, found from this file's location so tests work from any working directory.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixturesFolder = packageRoot.appendingPathComponent("Tests/ClaimDeskPublishingTests/Fixtures")

    /// Where tests keep artifacts such as screenshots: `$CLAIMDESK_TEST_ARTIFACTS`, else `.build/test-artifacts`.
    static var artifactsFolder: URL {
        if let custom = ProcessInfo.processInfo.environment["CLAIMDESK_TEST_ARTIFACTS"], !custom.isEmpty {
            return URL(fileURLWithPath: custom, relativeTo: packageRoot).standardizedFileURL
        }
        return packageRoot.appendingPathComponent(".build/test-artifacts")
    }

    /// This test process's scratch root. Roots of earlier runs whose process has ended are deleted on first use, so
    /// scratch folders never pile up (a failing test's files stay until the next run, for inspection).
    static let scratchRoot: URL = {
        let temporary = FileManager.default.temporaryDirectory
        let prefix = "claimdesk-publishing-tests-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count)), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: temporary.appendingPathComponent(entry))
        }
        return temporary.appendingPathComponent("\(prefix)\(getpid())")
    }()

    /// A new empty folder; the export target inside it is `site`.
    static func scratch(_ label: String = #function) throws -> URL {
        let name = label.filter { $0.isLetter || $0.isNumber }
        let url = scratchRoot.appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every file under `root` by relative path, with its bytes.
    static func files(in root: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return result }
        while let relative = walker.nextObject() as? String {
            if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { continue }
            result[relative] = try Data(contentsOf: root.appendingPathComponent(relative))
        }
        return result
    }

    static func text(_ root: URL, _ path: String) throws -> String {
        String(decoding: try Data(contentsOf: root.appendingPathComponent(path)), as: UTF8.self)
    }

    /// Entries of a folder other than the ones listed, e.g. to find leaked staging folders.
    static func entries(of folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    struct ProgramResult {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs a program and waits for it; output is collected through files so large outputs cannot dead-lock a pipe.
    static func run(_ executable: String, _ arguments: [String]) throws -> ProgramResult {
        let folder = try scratch("run")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("stdout")
        let err = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return ProgramResult(
            status: process.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8),
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// The first executable named `name` on PATH (or at one of `extra`).
    static func which(_ name: String, extra: [String] = []) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let candidates = path.split(separator: ":").map { "\($0)/\(name)" } + extra
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
