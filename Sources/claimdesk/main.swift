import ClaimDeskCLI

@main
enum Main {
    static func main() async { await ClaimDesk.main() }
}
