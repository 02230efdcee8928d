import ClaimDeskDomain

/// Lines that tell an editor which cited sources need a look, under a listing: empty when none does.
enum SourceFlagText {
    static func lines(_ claims: [(ClaimRef, [SourceFlag])]) -> String {
        var text = ""
        for (ref, flags) in claims {
            for flag in flags {
                text += "\n! \(ref): source \(describe(flag.state)): \(flag.url.clipped(120)) — re-verify the claim"
                text += " (claimdesk sources diff URL shows what changed)"
            }
        }
        return text
    }

    static func describe(_ state: SourceState) -> String {
        switch state {
        case .changed: "changed since it was verified"
        case .quoteMissing: "no longer contains the quote"
        case .unreachable: "unreachable on the last two checks"
        case .ok: "ok"
        case .unchecked: "not checked yet"
        }
    }
}
