import Crypto
import Foundation

/// SHA-256 and size of bytes, as the manifest records them.
enum FileDigest {
    static func entry(for data: Data, path: String) -> SiteManifest.File {
        data.withUnsafeBytes { entry(for: $0, path: path) }
    }

    static func entry(for bytes: UnsafeRawBufferPointer, path: String) -> SiteManifest.File {
        var hasher = SHA256()
        hasher.update(bufferPointer: bytes)
        return SiteManifest.File(path: path, sha256: Hex.string(hasher.finalize()), size: Int64(bytes.count))
    }
}
