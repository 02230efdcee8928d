import ArgumentParser
import ClaimDeskDomain

extension ClaimDesk.Tool {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the tools.")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let store = try global.openStore()
            let tools = try store.tools()
            try global.emit(tools) {
                guard !tools.isEmpty else { return "No tools yet. An admin adds one with claimdesk tool add." }
                var table = Table(header: ["SLUG", "NAME", "CATEGORY", "URL"])
                for tool in tools { table.add([tool.slug.rawValue, tool.name, tool.category, tool.officialURL]) }
                return table.rendered
            }
        }
    }
}
