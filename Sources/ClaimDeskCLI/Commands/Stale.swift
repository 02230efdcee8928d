import ArgumentParser
import ClaimDeskDomain

extension ClaimDesk {
    struct Stale: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stale", abstract: "List live claims whose verification is older than the policy.")

        @OptionGroup var global: GlobalOptions

        @Option(name: .customLong("older-than"), help: ArgumentHelp("The policy, in days.", valueName: "days"))
        var olderThan = 180

        func validate() throws {
            guard (0...36_500).contains(olderThan) else {
                throw InputError(
                    item: "--older-than \(olderThan)", problem: "is not a number of days from 0 to 36500",
                    fix: "give the staleness policy in days, e.g. --older-than 180")
            }
        }

        func run() throws {
            let store = try global.openStore()
            let stale = try store.stale(olderThan: olderThan)
            try global.emit(stale) {
                guard !stale.isEmpty else { return "No live claim was verified more than \(olderThan) days ago." }
                var table = Table(header: ["REF", "VERIFIED", "AGE", "HEADLINE"])
                for claim in stale {
                    table.add([
                        claim.ref.description, claim.verifiedOn.description, "\(claim.ageDays)d",
                        claim.headline.clipped(60),
                    ])
                }
                return table.rendered + SourceFlagText.lines(stale.map { ($0.ref, $0.sourceFlags) })
            }
        }
    }
}
