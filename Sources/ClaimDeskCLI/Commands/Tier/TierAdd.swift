import ArgumentParser
import ClaimDeskDomain

extension ClaimDesk.Tier {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a plan tier. Admins only.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The tool and the tier, e.g. deepseek/consumer.", valueName: "slug/tier"))
        var tier: String

        @Option(help: ArgumentHelp("The tier's public name, e.g. \"DeepSeek consumer app / web\".", valueName: "text"))
        var name: String

        func validate() throws {
            _ = try planTier()
        }

        func planTier() throws(InputError) -> PlanTier {
            let (tool, slug) = try Input.tier(tier)
            try Input.text(name, item: "\(tier) --name", maxLength: 200)
            return PlanTier(tool: tool, slug: slug, name: name)
        }

        func run() throws {
            let tier = try planTier()
            let store = try global.openStore()
            try store.addTier(tier)
            try global.emit(tier) {
                "Added plan tier \(tier.tool)/\(tier.slug) (\(tier.name)). Its claims are named "
                    + "\(tier.tool)/\(tier.slug):TOPIC."
            }
        }
    }
}
