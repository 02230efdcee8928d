import ArgumentParser
import ClaimDeskNotify
import Foundation

/// How readers' mail is sent and where its links point: shared by `serve` and `notify send`.
struct MailOptions: ParsableArguments {
    @Option(
        name: .customLong("sendmail"),
        help: ArgumentHelp(
            "The sendmail-compatible program and its arguments (else CLAIMDESK_SENDMAIL, else /usr/sbin/sendmail -t -oi).",
            valueName: "command"))
    var sendmail: String?

    @Option(
        name: .customLong("public-url"),
        help: ArgumentHelp(
            "The notification service's public root, for confirm and unsubscribe links (else CLAIMDESK_PUBLIC_URL, else http://127.0.0.1:8080).",
            valueName: "url"))
    var publicURL: String?

    @Option(
        name: .customLong("base-url"),
        help: ArgumentHelp(
            "The public site's root, for links to tool pages (else CLAIMDESK_SITE_URL, else http://localhost:8000).",
            valueName: "url"))
    var baseURL: String?

    @Option(
        name: .customLong("from"),
        help: ArgumentHelp(
            "The From address of readers' mail (else CLAIMDESK_MAIL_FROM, else notify@ the public URL's host).",
            valueName: "address"))
    var from: String?

    func settings(defaultPublicURL: String = "http://127.0.0.1:8080") throws -> MailSettings {
        let environment = ProcessInfo.processInfo.environment
        return try invalidInput { () throws(NotifyError) -> MailSettings in
            try MailSettings(
                publicURL: publicURL ?? environment["CLAIMDESK_PUBLIC_URL"] ?? defaultPublicURL,
                siteURL: baseURL ?? environment["CLAIMDESK_SITE_URL"] ?? "http://localhost:8000",
                from: from ?? environment["CLAIMDESK_MAIL_FROM"].flatMap { $0.isEmpty ? nil : $0 })
        }
    }

    func mailer() throws -> Sendmail {
        let command =
            sendmail ?? ProcessInfo.processInfo.environment["CLAIMDESK_SENDMAIL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? Sendmail.defaultCommand
        return try invalidInput { () throws(NotifyError) -> Sendmail in try Sendmail(command: command) }
    }

    /// A bad setting is bad input (exit 2), said in the notifier's words.
    private func invalidInput<T>(_ body: () throws(NotifyError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw CLIError(.invalid, error.description)
        }
    }
}
