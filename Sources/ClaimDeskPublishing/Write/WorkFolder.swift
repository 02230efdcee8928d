import Foundation

/// The folder an export is rendered into before it is swapped in.
struct WorkFolder: Sendable {
    let url: URL
    /// True when this is the previous generation kept beside the live export; false for a fresh folder.
    let isSpare: Bool
    /// What the folder holds for certain, by path; nil when unknown (a run stopped while updating it).
    let known: [String: SiteManifest.File]?
    /// The same paths in order, to compare with the new export's sorted files without hashing either.
    var knownPaths: [String]? = nil
}
