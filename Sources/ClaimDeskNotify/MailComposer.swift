import ClaimDeskDomain
import ClaimDeskPublishing
import Foundation

/// Writes readers' mail: the confirmation of a subscription and the note about one change. Plain words, one link to
/// the page, one to unsubscribe; nothing else.
public struct MailComposer: Sendable {
    public let settings: MailSettings

    public init(settings: MailSettings) {
        self.settings = settings
    }

    private var host: String { URLComponents(string: settings.publicURL)?.host ?? "localhost" }

    /// The double opt-in mail: a link to a page with one button (following the link alone confirms nothing).
    public func confirmation(to email: String, subscription: Subscription, token: String) -> Mail {
        let name = MailText.line(subscription.toolName)
        return Mail(
            to: email, subject: "Confirm: notes when \(name) changes",
            messageID: "confirm.\(token.prefix(16))@\(host)",
            body: """
                Someone (we hope you) asked to be told when our page about \(name) changes.

                To confirm, open this link and press the button on the page:
                \(settings.confirmURL(token))

                If it was not you, ignore this mail: without confirmation we delete the address within 7 days.
                One email per change. No newsletter, no selling your address.
                """)
    }

    /// The note about one change. Its Message-ID is stable per message, so a retry after a crash is recognisably the
    /// same message.
    public func notification(_ message: OutboxMessage) -> Mail {
        let name = MailText.line(message.toolName)
        let unsubscribe = settings.unsubscribeURL(message.unsubscribeToken)
        let material = message.change.items.filter(\.isMaterial)
        let correction = material.contains { $0.kind == .retracted }
        let verdicts = material.filter { $0.kind == .verdict }
        var subject = correction ? "Correction: \(name)" : "\(name) changed"
        if verdicts.count == 1, let item = verdicts.first {
            subject += ": \(item.oldLabel ?? "none") → \(item.newLabel ?? "none")"
        }
        var body = "Our page about \(name) changed on \(message.change.day).\n\n"
        for item in material {
            let sentence = ChangeText.sentence(
                kind: item.kind, oldLabel: item.oldLabel, newLabel: item.newLabel, oldHeadline: item.oldHeadline,
                newHeadline: item.newHeadline, note: item.note)
            body += "* \(item.ref.topic.rawValue.replacingOccurrences(of: "_", with: " "))"
            if let tier = item.ref.tier { body += " (\(tier.rawValue) plan)" }
            body += ": \(sentence)\n"
        }
        body += """

            The page, with sources: \(settings.pageURL(message.tool.rawValue))

            You get this because you asked to be told when this page changes. One email per change.
            Unsubscribe with one click: \(unsubscribe)
            """
        return Mail(
            to: message.email, subject: subject,
            messageID: "change-\(message.change.seq).msg-\(message.id)@\(host)",
            headers: [
                ("List-Unsubscribe", "<\(unsubscribe)>"),
                ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                ("List-Id", "\(name) changes <\(message.tool.rawValue).changes.\(host)>"),
            ],
            body: body)
    }
}
