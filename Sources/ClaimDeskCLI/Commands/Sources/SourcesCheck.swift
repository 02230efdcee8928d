import ArgumentParser
import ClaimDeskDomain
import ClaimDeskWatch
import Foundation

extension ClaimDesk.Sources {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Fetch every URL cited by a live or open revision and record what it says now. The watcher.",
            discussion: """
                Meant for cron or a systemd timer (docs/cli.md has both). One request at a time, --delay seconds \
                between two requests to one host, at most 5 redirects and 5 MB per page. Each URL gets its own \
                outcome; a failing URL never stops the others. Safe to run twice at once: a URL another run is \
                checking is skipped. Needs the watcher role (claimdesk user add HANDLE --role watcher).
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("Only the URLs cited on this tool's claims.", valueName: "slug"))
        var tool: String?

        @Option(help: ArgumentHelp("Only this cited URL.", valueName: "url"))
        var url: String?

        @Option(
            name: .customLong("base-url"),
            help: ArgumentHelp(
                "The public site's root URL, named in the User-Agent (else CLAIMDESK_SITE_URL).", valueName: "url"))
        var baseURL: String?

        @Option(
            help: ArgumentHelp(
                "Where a site operator can reach us, named in the User-Agent (else CLAIMDESK_CONTACT_URL, else the "
                    + "site's root URL).", valueName: "url"))
        var contact: String?

        @Flag(
            name: .customLong("allow-private-addresses"),
            help: "Also fetch sources on loopback, private and link-local addresses (intranet sources, tests).")
        var allowPrivateAddresses = false

        @Option(help: ArgumentHelp("Seconds for one whole request, redirects included (1-300).", valueName: "seconds"))
        var timeout: Double = 20

        @Option(help: ArgumentHelp("Seconds between two requests to the same host (0-60).", valueName: "seconds"))
        var delay: Double = 2

        func validate() throws {
            if let tool { _ = try Input.toolSlug(tool) }
            if let url { try Input.url(url, item: "--url") }
            if let baseURL { try Input.url(baseURL, item: "--base-url") }
            if let contact { try Input.url(contact, item: "--contact") }
            guard (1...300).contains(timeout) else {
                throw InputError(
                    item: "--timeout \(timeout)", problem: "is not from 1 to 300 seconds",
                    fix: "give the seconds one request may take, e.g. --timeout 20")
            }
            guard (0...60).contains(delay) else {
                throw InputError(
                    item: "--delay \(delay)", problem: "is not from 0 to 60 seconds",
                    fix: "give the seconds between two requests to one host, e.g. --delay 2")
            }
        }

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            let site = baseURL ?? environment["CLAIMDESK_SITE_URL"].flatMap { $0.isEmpty ? nil : $0 }
            guard let site, (try? Input.url(site, item: "CLAIMDESK_SITE_URL")) != nil else {
                throw InputError(
                    item: "--base-url", problem: "is missing (and CLAIMDESK_SITE_URL is not an http(s) URL)",
                    fix: "name the site in the User-Agent with --base-url https://your.site/ or CLAIMDESK_SITE_URL")
            }
            let contactURL = contact ?? environment["CLAIMDESK_CONTACT_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? site
            let policy = FetchPolicy(
                userAgent: FetchPolicy.userAgent(site: site, contact: contactURL), timeout: timeout, hostDelay: delay,
                allowPrivateAddresses: allowPrivateAddresses)
            let store = try global.openStore()
            let checker = SourceChecker(store: store, policy: policy)
            let results = try checker.run(tool: tool.map { ToolSlug($0) }, url: url) { result in
                Terminal.progress("\(result.outcome) \(result.url)")
            }
            try global.emit(results) {
                guard !results.isEmpty else { return "No live or open revision cites a URL to check." }
                var table = Table(header: ["OUTCOME", "URL", "STATES", "DETAIL"])
                for result in results {
                    let states = result.states.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                    table.add([
                        result.outcome, result.url.clipped(70), states.joined(separator: ", "),
                        (result.error ?? result.detail ?? result.httpStatus.map { "HTTP \($0)" } ?? "").clipped(60),
                    ])
                }
                let failed = results.filter { $0.error != nil }.count
                let skipped = results.filter { $0.outcome == "skipped" }.count
                return table.rendered + "\nChecked \(results.count - skipped - failed) of \(results.count) URLs"
                    + (skipped > 0 ? "; \(skipped) skipped (another check holds them)" : "")
                    + (failed > 0 ? "; \(failed) could not be recorded" : "") + "."
            }
        }
    }
}
