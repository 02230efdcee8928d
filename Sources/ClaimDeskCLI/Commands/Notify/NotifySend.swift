import ArgumentParser
import ClaimDeskNotify
import ClaimDeskStore

extension ClaimDesk.Notify {
    struct Send: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "send",
            abstract: "Deliver every due message of the outbox through the sendmail program (needs the notifier role).",
            discussion: """
                Each message is marked sent as soon as the program accepts it, so it is never sent twice after \
                success; a failure is retried later with backoff; a crash loses nothing (the lease runs out).
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var mail: MailOptions

        @Option(help: ArgumentHelp("Deliver over this many connections at once (1-32).", valueName: "n"))
        var parallel = 4

        func validate() throws {
            guard (1...32).contains(parallel) else {
                throw InputError(
                    item: "--parallel \(parallel)", problem: "is not from 1 to 32", fix: "give e.g. --parallel 4")
            }
        }

        func run() throws {
            let sender = OutboxSender(
                composer: MailComposer(settings: try mail.settings()), sendmail: try mail.mailer())
            let global = self.global
            // Fail early (bad URL, missing role) before starting workers.
            _ = try global.openStore().notifyStatus()
            let report = try sender.sendDue(workers: parallel) { try global.openStore() }
            try global.emit(report) {
                var text = "Sent \(report.sent) message\(report.sent == 1 ? "" : "s")."
                if report.failed > 0 {
                    text += " \(report.failed) failed and will be retried later: \(report.firstError ?? "")"
                }
                return text
            }
            if report.failed > 0 && report.sent == 0 {
                throw CLIError(
                    .failure, "No message could be delivered: \(report.firstError ?? "the mail program failed")")
            }
        }
    }
}
