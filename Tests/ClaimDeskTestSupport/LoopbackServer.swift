import Foundation

/// The test's own HTTP server on 127.0.0.1 (Tests/ClaimDeskWatchTests/Server/source_server.py): it serves the files
/// of `docs` at /doc/NAME, which a test rewrites between checks, and a fixed set of misbehaving paths.
public final class LoopbackServer {
    public let docs: URL
    public let port: Int
    private let process: Process
    /// The server's stdin: it exits when this closes, so a killed test leaves no server behind.
    private let lifeline = Pipe()

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ClaimDeskWatchTests/Server/source_server.py")

    public init() throws {
        docs = FileManager.default.temporaryDirectory.appendingPathComponent("claimdesk-sources-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-u", Self.script.path, docs.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardInput = lifeline
        // Clients that hang up early (the size cap) make the server print tracebacks; they are expected.
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line is "PORT n".
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5)) else {
            process.terminate()
            throw ServerError(message: "the loopback server did not start (said \"\(text.prefix(200))\")")
        }
        self.port = port
    }

    /// Stops the server and removes its documents; tests call it in a `defer`, so the server lives as long as the
    /// test (Swift may otherwise end an object's life after its last use).
    public func stop() {
        try? lifeline.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: docs)
    }

    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    public func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: docs.appendingPathComponent(name))
    }

    public func remove(_ name: String) throws {
        try FileManager.default.removeItem(at: docs.appendingPathComponent(name))
    }

    /// Every request so far, as "PATH USER-AGENT" lines.
    public func requests() -> [String] {
        let log = (try? String(contentsOf: docs.appendingPathComponent("requests.log"), encoding: .utf8)) ?? ""
        return log.split(separator: "\n").map(String.init)
    }

    public struct ServerError: Error, CustomStringConvertible {
        var message: String
        public var description: String { message }
    }
}
