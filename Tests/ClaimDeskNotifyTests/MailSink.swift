import Foundation
import Testing

/// A real SMTP server on loopback (scripts/smtp-sink, aiosmtpd) and a real MTA client (msmtp) configured to deliver
/// to it: `sendmail` is the command ClaimDesk runs, `messages()` what arrived.
final class MailSink: @unchecked Sendable {
    let folder: URL
    let port: Int
    let sendmail: String
    private let process: Process
    private let stdin: Pipe

    static var repo: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("claimdesk-mail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", Self.repo.appendingPathComponent("scripts/smtp-sink").path,
            folder.appendingPathComponent("mail").path,
        ]
        stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        // The first line is the port, once the server accepts connections.
        var line = Data()
        while true {
            let byte = stdout.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw MailSinkError(
                "scripts/smtp-sink did not start; is the Python module aiosmtpd installed (python3 -m pip install aiosmtpd)?"
            )
        }
        self.port = port
        let rc = folder.appendingPathComponent("msmtprc")
        try """
        defaults
        auth off
        tls off
        account sink
        host 127.0.0.1
        port \(port)
        from notify@claimdesk.test
        account default : sink

        """.write(to: rc, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: rc.path)
        let msmtp = ["/usr/bin/msmtp", "/usr/local/bin/msmtp", "/opt/homebrew/bin/msmtp"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        guard let msmtp else { throw MailSinkError("msmtp is not installed (apt-get install msmtp)") }
        sendmail = "\(msmtp) -C \(rc.path) -t"
    }

    /// Every message received so far, oldest first, as text.
    func messages() -> [String] {
        let dir = folder.appendingPathComponent("mail")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { $0.hasSuffix(".eml") }.sorted()
        return names.compactMap { try? String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8) }
    }

    /// Waits until at least `count` messages arrived (the sink writes them as the SMTP session ends).
    func waitFor(_ count: Int, seconds: Double = 20) -> [String] {
        let deadline = Date().addingTimeInterval(seconds)
        var found = messages()
        while found.count < count && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            found = messages()
        }
        return found
    }

    deinit {
        try? stdin.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }
}

struct MailSinkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension String {
    /// The value of a header of a raw message (first occurrence, unfolded).
    func header(_ name: String) -> String? {
        let head = components(separatedBy: "\r\n\r\n").first ?? self
        var lines: [String] = []
        for line in head.components(separatedBy: "\r\n") {
            if line.hasPrefix(" ") || line.hasPrefix("\t"), !lines.isEmpty {
                lines[lines.count - 1] += line
            } else {
                lines.append(line)
            }
        }
        let prefix = name.lowercased() + ":"
        return lines.first { $0.lowercased().hasPrefix(prefix) }.map {
            String($0.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
        }
    }

    /// The message body.
    var body: String {
        guard let range = range(of: "\r\n\r\n") else { return "" }
        return String(self[range.upperBound...])
    }
}
