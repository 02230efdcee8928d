import ClaimDeskDomain

/// What rendering (or carrying over) one tool's page produced.
struct ToolOutcome: Sendable {
    let summary: ToolSummary
    let files: [SiteManifest.File]
    let rendered: Bool
}
