import ClaimDeskNotify
import Foundation
import Testing

@Suite("The mail program")
struct SendmailTests {
    /// A megabyte cannot fit a pipe's buffer, so the write always meets a closed pipe: before SIGPIPE was
    /// ignored, this killed the whole process (CI saw the test runner die with signal 13).
    @Test("a program that exits without reading the message fails that message; the sender lives on")
    func programThatStopsReading() throws {
        let sendmail = try Sendmail(command: "/bin/false")
        let message = "To: one@example.com\nSubject: big\n\n" + String(repeating: "x", count: 1 << 20)
        for _ in 0..<3 {
            #expect(throws: NotifyError.self) { try sendmail.send(message) }
        }
    }

    @Test("a program that reads everything and exits 0 delivers")
    func programThatReads() throws {
        try Sendmail(command: "/bin/cat").send("To: one@example.com\n\n" + String(repeating: "y", count: 1 << 20))
    }
}
