import ArgumentParser
import ClaimDeskDomain

extension ClaimDesk.Tool {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a tool. Admins only.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The tool's slug, e.g. deepseek.", valueName: "slug"))
        var slug: String

        @Option(help: ArgumentHelp("Its public name, e.g. DeepSeek.", valueName: "text"))
        var name: String

        @Option(help: ArgumentHelp("What kind of tool it is, e.g. \"AI chat assistant\".", valueName: "text"))
        var category: String

        @Option(help: ArgumentHelp("Its official http(s) site.", valueName: "url"))
        var url: String

        func validate() throws {
            _ = try tool()
        }

        func tool() throws(InputError) -> ClaimDeskDomain.Tool {
            let slug = try Input.toolSlug(slug)
            try Input.text(name, item: "\(slug) --name", maxLength: 200)
            try Input.text(category, item: "\(slug) --category", maxLength: 200)
            try Input.url(url, item: "\(slug) --url")
            return ClaimDeskDomain.Tool(slug: slug, name: name, category: category, officialURL: url)
        }

        func run() throws {
            let tool = try tool()
            let store = try global.openStore()
            try store.addTool(tool)
            try global.emit(tool) {
                "Added tool \(tool.slug) (\(tool.name), \(tool.category)). Next: add plan tiers with claimdesk tier add "
                    + "\(tool.slug)/TIER, or draft claims with claimdesk claim draft \(tool.slug):TOPIC."
            }
        }
    }
}
