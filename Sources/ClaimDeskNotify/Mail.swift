import Foundation

/// An RFC 5322 message ready for a sendmail-compatible program (`-t` reads the recipients from its headers).
public struct Mail: Sendable {
    public var to: String
    public var subject: String
    public var messageID: String
    /// Extra headers, in order (List-Unsubscribe and friends).
    public var headers: [(String, String)]
    public var body: String

    public init(to: String, subject: String, messageID: String, headers: [(String, String)] = [], body: String) {
        self.to = to
        self.subject = subject
        self.messageID = messageID
        self.headers = headers
        self.body = body
    }

    /// The whole message with CRLF line ends; `from` and `date` are filled in at sending time.
    public func text(from: String, date: Date) -> String {
        var lines = [
            "From: \(MailText.line(from))",
            "To: \(MailText.line(to, max: 254))",
            "Subject: \(MailText.header(subject))",
            "Date: \(MailText.date(date))",
            "Message-ID: <\(MailText.line(messageID))>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
            "Auto-Submitted: auto-generated",
        ]
        for (name, value) in headers { lines.append("\(name): \(MailText.line(value, max: 900))") }
        lines.append("")
        // Body lines: CRLF ends, no bare CR, and a lone "." line doubled would matter only for SMTP, which the MTA
        // handles; sendmail -oi keeps such lines as text.
        let body = self.body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        lines.append(contentsOf: body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
