import Foundation

/// Hands a message to a sendmail-compatible program (Postfix's sendmail, msmtp, …), which owns TLS, auth and
/// queueing. The command is split on spaces (no shell is involved, so nothing in a message can run a command).
public struct Sendmail: Sendable {
    /// The default, as every MTA installs it: recipients from the headers, a lone "." is not the end.
    public static let defaultCommand = "/usr/sbin/sendmail -t -oi"

    public let command: String
    let arguments: [String]
    /// How long one message may take before the program is stopped and the message retried later.
    public var timeout: TimeInterval

    public init(command: String, timeout: TimeInterval = 60) throws(NotifyError) {
        let parts = command.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let program = parts.first, program.hasPrefix("/") || !program.contains("/") else {
            throw .invalidSetting(
                setting: "--sendmail", value: command,
                fix: "give a program and its arguments, e.g. \"/usr/sbin/sendmail -t -oi\" or \"msmtp -t\"")
        }
        self.command = command
        self.arguments = parts
        self.timeout = timeout
    }

    /// A mail program that exits before reading the whole message must fail that message, not kill the
    /// sender with SIGPIPE: with the signal ignored, the write reports EPIPE and the message is retried.
    private static let pipeSignalIgnored: Bool = {
        signal(SIGPIPE, SIG_IGN)
        return true
    }()

    /// Delivers one message; throws when the program cannot start, fails, or takes longer than `timeout`.
    public func send(_ text: String) throws(NotifyError) {
        _ = Self.pipeSignalIgnored
        let process = Process()
        guard let program = arguments.first else {
            throw .sendmailFailed(command: command, reason: "no program given")
        }
        if program.hasPrefix("/") {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = Array(arguments.dropFirst())
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = arguments
        }
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        do {
            try process.run()
        } catch {
            throw .sendmailFailed(command: command, reason: "it could not start (\(error.localizedDescription))")
        }
        let collected = Collected()
        let reader = Thread {
            collected.set(output.fileHandleForReading.readDataToEndOfFile())
        }
        reader.start()
        let handle = input.fileHandleForWriting
        do {
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
        } catch {
            try? handle.close()
            process.terminate()
            process.waitUntilExit()
            throw .sendmailFailed(command: command, reason: "it stopped reading the message")
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw .sendmailFailed(command: command, reason: "it took longer than \(Int(timeout)) seconds")
        }
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let said =
                String(decoding: collected.wait(), as: UTF8.self)
                .split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            throw .sendmailFailed(
                command: command,
                reason: "exit status \(process.terminationStatus)\(said.isEmpty ? "" : ": \(said.prefix(200))")")
        }
    }
}

/// The program's output, read on a thread of its own so a chatty program never blocks on a full pipe.
private final class Collected: @unchecked Sendable {
    private let lock = NSCondition()
    private var data: Data?

    func set(_ value: Data) {
        lock.lock()
        data = value
        lock.broadcast()
        lock.unlock()
    }

    func wait() -> Data {
        lock.lock()
        defer { lock.unlock() }
        while data == nil { lock.wait() }
        return data ?? Data()
    }
}
