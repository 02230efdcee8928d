import ArgumentParser
import ClaimDeskAuthoring
import ClaimDeskDomain
import ClaimDeskStore
import Foundation

extension ClaimDesk {
    struct Dump: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dump",
            abstract: "Write tools, tiers and live claims with their citations as YAML that claimdesk import reads.",
            discussion: """
                The order is stable (tools by slug, tiers by position, claims by tool, tier and topic), so dumps \
                diff cleanly. With --open, a claim's open revision is written where it has one. With --json the \
                same document is written as JSON, which import also reads.
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("Only this tool (its slug); all tools when left out.", valueName: "slug"))
        var slug: String?

        @Flag(help: "Write each claim's open (draft or reviewed) revision where it has one, instead of the live one.")
        var open = false

        @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var out: String?

        func validate() throws {
            if let slug { _ = try Input.toolSlug(slug) }
        }

        func run() throws {
            let store = try global.openStore()
            let tool = try slug.map { text throws(InputError) in try Input.toolSlug(text) }
            let document = try store.dump(tool: tool, open: open)
            let text = global.json ? try JSONOutput.encode(document) + "\n" : try yaml(document)
            guard let out else {
                print(text, terminator: "")
                return
            }
            try SafeFile.write(Data(text.utf8), to: out, item: "--out")
            let claims = document.claims.count
            let tools = document.tools.count
            Terminal.error(
                "Wrote \(tools) \(tools == 1 ? "tool" : "tools") and \(claims) \(claims == 1 ? "claim" : "claims") to \(out)."
            )
        }

        private func yaml(_ document: AuthoringDocument) throws -> String {
            do {
                return try document.yaml()
            } catch {
                throw CLIError(.failure, "Could not write the dump as YAML: \(error).")
            }
        }
    }
}
