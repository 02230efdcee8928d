import ArgumentParser
import ClaimDeskDomain

extension ClaimDesk.Tool {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show a tool, its plan tiers and the state of each of its claims.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The tool's slug.", valueName: "slug"))
        var slug: String

        func validate() throws {
            _ = try Input.toolSlug(slug)
        }

        func run() throws {
            let store = try global.openStore()
            let detail = try store.toolDetail(try Input.toolSlug(slug))
            try global.emit(detail) { render(detail) }
        }

        func render(_ detail: ToolDetail) -> String {
            var fields = Fields()
            fields.add("Tool", detail.tool.slug.rawValue)
            fields.add("Name", detail.tool.name)
            fields.add("Category", detail.tool.category)
            fields.add("URL", detail.tool.officialURL)
            var text = fields.rendered + "\n\nPlan tiers"
            if detail.tiers.isEmpty {
                text += ": none (claimdesk tier add \(detail.tool.slug)/TIER --name TEXT)"
            } else {
                var tiers = Table()
                for tier in detail.tiers { tiers.add(["  \(tier.tool)/\(tier.slug)", tier.name]) }
                text += "\n" + tiers.rendered
            }
            text += "\n\nClaims"
            if detail.claims.isEmpty {
                text += ": none (claimdesk claim draft \(detail.tool.slug):TOPIC ...)"
            } else {
                var claims = Table(header: ["  REF", "LIVE", "VERDICT", "VERIFIED", "OPEN"])
                for claim in detail.claims {
                    claims.add([
                        "  \(claim.ref)", claim.liveNumber.map { "rev \($0)" } ?? "—",
                        claim.liveVerdict?.rawValue ?? "—", claim.verifiedOn?.description ?? "—",
                        claim.openNumber.map { "rev \($0) (\(claim.openState?.rawValue ?? "open"))" } ?? "—",
                    ])
                }
                text += "\n" + claims.rendered
            }
            return text
        }
    }
}
