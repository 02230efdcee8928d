import ArgumentParser

/// The `claimdesk` command.
public struct ClaimDesk: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "claimdesk", abstract: "ClaimDesk editorial backend.")
    public init() {}
}
