import ArgumentParser
import ClaimDeskDomain

extension ClaimDesk.User {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the login roles that have ClaimDesk roles.")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let store = try global.openStore()
            let people = try store.people()
            try global.emit(people) {
                guard !people.isEmpty else {
                    return "Nobody has a ClaimDesk role yet. An admin runs claimdesk user add."
                }
                var table = Table(header: ["HANDLE", "NAME", "ROLES"])
                for person in people {
                    table.add([person.handle, person.name ?? "", person.roles.joined(separator: ", ")])
                }
                return table.rendered
            }
        }
    }
}
