import Crypto
import Foundation

/// SHA-256 and size of bytes, as the manifest records them.
enum FileDigest {
    static func entry(for data: Data, path: String) -> SiteManifest.File {
        SiteManifest.File(path: path, sha256: Hex.string(SHA256.hash(data: data)), size: Int64(data.count))
    }
}
