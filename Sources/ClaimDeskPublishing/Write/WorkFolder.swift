import Foundation

/// The folder an export is rendered into before it is swapped in.
struct WorkFolder: Sendable {
    let url: URL
    /// True when this is the previous generation kept beside the live export; false for a fresh folder.
    let isSpare: Bool
    /// What the folder holds for certain; nil when unknown (a run stopped while updating it).
    let known: KnownFiles?
}
