import ClaimDeskDomain

/// A claim's open and live revisions as the import reads them, to decide whether the file changes anything.
struct ClaimState: Decodable {
    var ref: ClaimRef
    var open: RevisionRecord?
    var live: RevisionRecord?

    /// What an edit would start from: the open revision, else the live one.
    var current: Revision? { (open ?? live)?.revision }
}
