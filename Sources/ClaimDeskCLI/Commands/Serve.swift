import ArgumentParser
import ClaimDeskServer
import ClaimDeskStore
import Foundation

extension ClaimDesk {
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Run the readers' notification service: subscribe, confirm, unsubscribe, deliver the outbox.",
            discussion: """
                Connect as a login role holding the notifier role (claimdesk user add HANDLE --role notifier). \
                Point exported pages at it with export --notify-url URL/notify. Stops gracefully on SIGTERM or SIGINT.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var mail: MailOptions

        @Option(help: ArgumentHelp("Where to listen (HOST:PORT; port 0 picks a free one).", valueName: "host:port"))
        var listen = "127.0.0.1:8080"

        @Option(
            name: .customLong("deliver-every"),
            help: ArgumentHelp("Seconds between background deliveries of the outbox; 0 turns them off.", valueName: "s")
        )
        var deliverEvery = 30.0

        @Flag(
            name: .customLong("trust-forwarded-for"),
            help: "Take the client address for rate limits from X-Forwarded-For (only behind your own reverse proxy).")
        var trustForwardedFor = false

        func validate() throws {
            guard ServerSettings.listen(listen) != nil else {
                throw InputError(
                    item: "--listen \(listen.prefix(80))", problem: "is not HOST:PORT",
                    fix: "give e.g. --listen 127.0.0.1:8080")
            }
            guard (0...86_400).contains(deliverEvery) else {
                throw InputError(
                    item: "--deliver-every \(deliverEvery)", problem: "is not from 0 to 86400 seconds",
                    fix: "give e.g. --deliver-every 30")
            }
        }

        func run() throws {
            guard let (host, port) = ServerSettings.listen(listen) else { return }
            let publicDefault = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
            let settings = ServerSettings(
                host: host, port: port, mail: try mail.settings(defaultPublicURL: publicDefault),
                sendmail: try mail.mailer(), trustForwardedFor: trustForwardedFor, deliveryInterval: deliverEvery)
            let global = self.global
            // Refuse early, with the usual message, when the role or the schema is wrong.
            _ = try global.openStore().notifyStatus()
            try NotifyServer.runBlocking(settings: settings, connect: { try global.openStore() }) { port in
                Terminal.error(
                    "claimdesk serve: listening on http://\(host.contains(":") ? "[\(host)]" : host):\(port)")
            }
        }
    }
}
