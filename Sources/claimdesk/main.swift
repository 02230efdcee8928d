import ClaimDeskCLI

@main enum Main { static func main() { ClaimDesk.main() } }
