import ClaimDeskDomain
import ClaimDeskStore
import Foundation
import Testing

/// `review approve` applies to exactly the version the reviewer read: with --base, and on a terminal.
@Suite("Approving what was read")
struct ApproveCLITests {
    @Test("a stale --base is refused with exit 6 and approves nothing; the current base approves")
    func staleBase() throws {
        let desk = try Desk()
        let ref = Desk.ref("deepseek:training")
        let read = try desk.store(desk.editor).draft(ref, Desk.content("training"))
        _ = try desk.store(desk.editor).cite(ref, Desk.citation())
        let stale = try desk.run(
            desk.reviewer, "review", "approve", "deepseek:training", "--base", "\(read.id):\(read.version)")
        #expect(stale.status == 6, "\(stale)")
        #expect(stale.stderrLines.count == 1, "\(stale)")
        #expect(stale.stderr.contains("changed while you were reviewing"), "\(stale)")
        #expect(try desk.store(desk.reviewer).claim(ref).open?.state == .draft)
        let open = try #require(try desk.store(desk.reviewer).claim(ref).open)
        let ok = try desk.run(
            desk.reviewer, "review", "approve", "deepseek:training", "--base", "\(open.id):\(open.version)")
        #expect(ok.status == 0, "\(ok)")
        #expect(try desk.store(desk.reviewer).claim(ref).open?.state == .reviewed)
    }

    @Test("on a terminal, approve shows the draft and asks; 'n' approves nothing, 'y' approves that version")
    func interactiveShowsWhatIsApproved() throws {
        let desk = try Desk()
        let ref = Desk.ref("deepseek:training")
        _ = try desk.store(desk.editor).draft(ref, Desk.content("training", headline: "The words under review."))
        _ = try desk.store(desk.editor).cite(ref, Desk.citation())
        let url = try desk.db.url(as: desk.reviewer)
        let declined = try Self.onTerminal(
            ["review", "approve", "deepseek:training", "--database", url], typing: "n\n")
        #expect(declined.contains("The words under review."), "\(declined)")
        #expect(declined.contains("Not approved"), "\(declined)")
        #expect(try desk.store(desk.reviewer).claim(ref).open?.state == .draft)
        let accepted = try Self.onTerminal(
            ["review", "approve", "deepseek:training", "--database", url], typing: "y\n")
        #expect(accepted.contains("Approved deepseek:training"), "\(accepted)")
        #expect(try desk.store(desk.reviewer).claim(ref).open?.state == .reviewed)
    }

    /// Runs the binary under a pseudo-terminal (util-linux `script`), typing `typing`; returns what it showed.
    static func onTerminal(_ arguments: [String], typing: String) throws -> String {
        let binary = try CLI.binary()
        let command = ([binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            .joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data(typing.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
