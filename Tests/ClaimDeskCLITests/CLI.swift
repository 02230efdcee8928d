import Foundation
import Testing

/// What one run of the real `claimdesk` binary did.
struct CLIResult: CustomStringConvertible {
    var arguments: [String]
    var status: Int32
    var stdout: String
    var stderr: String

    /// True when the process died of a signal (a Swift trap), not by exiting.
    var crashed: Bool

    var stderrLines: [String] {
        var lines = stderr.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    var description: String {
        "claimdesk \(arguments.joined(separator: " "))\n  exit \(status)\n  stdout: \(stdout)\n  stderr: \(stderr)"
    }

    /// Decodes standard output as JSON.
    func json() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(stdout.utf8), options: [.fragmentsAllowed])
    }
}

/// Runs the `claimdesk` executable built next to the test bundle, as a separate process.
enum CLI {
    static func binary() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["CLAIMDESK_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        var candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
                "claimdesk")
        ]
        // Bundle layouts differ by platform: also look up from the bundle, then from the package root.
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            dir = dir.deletingLastPathComponent()
            candidates.append(dir.appendingPathComponent("claimdesk"))
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/claimdesk"))
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        throw CLITestError(
            "The claimdesk binary was not found (looked at \(candidates.map(\.path).joined(separator: ", "))). "
                + "Build it first (swift build --build-tests builds it) or set CLAIMDESK_BINARY.")
    }

    /// Runs `claimdesk arguments…` with DATABASE_URL removed from its environment unless given in `environment`.
    static func run(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) throws
        -> CLIResult
    {
        let binary = try binary()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("claimdesk-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let outURL = dir.appendingPathComponent("stdout")
        let errURL = dir.appendingPathComponent("stderr")
        let inURL = dir.appendingPathComponent("stdin")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        FileManager.default.createFile(atPath: inURL.path, contents: Data((stdin ?? "").utf8))
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let input = try FileHandle(forReadingFrom: inURL)
        defer {
            try? out.close()
            try? err.close()
            try? input.close()
        }

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["DATABASE_URL"] = nil
        env["CLAIMDESK_LOG_LEVEL"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        process.waitUntilExit()
        return CLIResult(
            arguments: arguments, status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
            crashed: process.terminationReason != .exit)
    }
}

struct CLITestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
