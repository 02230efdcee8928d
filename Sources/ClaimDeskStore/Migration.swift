import Crypto
import Foundation

/// One numbered SQL file of `sql/`, with the checksum that detects edits after it was applied.
public struct Migration: Hashable, Sendable {
    public var name: String
    public var sql: String
    public var checksum: String

    public init(name: String, sql: String) {
        self.name = name
        self.sql = sql
        self.checksum = SHA256.hash(data: Data(sql.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The migrations compiled into this binary from `sql/` at build time, in order.
    public static let embedded: [Migration] = EmbeddedMigrations.files.compactMap { file in
        guard let data = Data(base64Encoded: file.base64) else { return nil }
        return Migration(name: file.name, sql: String(decoding: data, as: UTF8.self))
    }.sorted { $0.name < $1.name }

    /// The newest embedded migration's name: the schema this build expects. Every command's `--version` text names it,
    /// so it is read without decoding and hashing every migration.
    public static var newestEmbeddedName: String? {
        EmbeddedMigrations.files.filter { Data(base64Encoded: $0.base64) != nil }.map(\.name).max()
    }
}
