import ArgumentParser
import ClaimDeskDomain

extension ClaimDesk.User {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Create a login role (or use an existing one) and grant it a ClaimDesk role. Admins only.",
            discussion: "The person then connects as HANDLE with their own PostgreSQL credentials."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The PostgreSQL login role, e.g. ada.", valueName: "handle"))
        var handle: String

        @Option(help: "The ClaimDesk role to grant.")
        var role: EditorialRole

        @Option(help: ArgumentHelp("The person's display name.", valueName: "text"))
        var name: String?

        func validate() throws {
            try Input.text(handle, item: "user handle", maxLength: 63)
            if let name { try Input.text(name, item: "\(handle) --name", maxLength: 200) }
        }

        func run() throws {
            let store = try global.openStore()
            let person = try store.addUser(handle: handle, role: role.rawValue, name: name)
            try global.emit(person) {
                let who = person.name.map { "\(person.handle) (\($0))" } ?? person.handle
                return "\(who) now has the \(role.rawValue) role; they connect to PostgreSQL as \(person.handle)."
            }
        }
    }
}
