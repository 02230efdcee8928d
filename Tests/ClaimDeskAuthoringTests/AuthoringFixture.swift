import ClaimDeskAuthoring
import ClaimDeskDomain
import ClaimDeskStore
import ClaimDeskTestSupport
import Foundation
import Testing

/// A fresh database with the people an import involves: an admin who also edits (creates tools and drafts),
/// a plain editor, and a reviewer who approves and publishes.
final class AuthoringFixture {
    let db: TestDatabase
    let adminEditor: String
    let editor: String
    let reviewer: String

    init() throws {
        db = try TestDatabase.create()
        adminEditor = try db.makeUser("ann", roles: ["admin", "editor"])
        editor = try db.makeUser("ed", roles: ["editor"])
        reviewer = try db.makeUser("rita", roles: ["reviewer"])
    }

    deinit { db.drop() }

    func store(_ user: String) throws -> Store { try db.store(as: user) }

    /// What the CLI checks a file against: the database's vocabulary, tools and tiers.
    func context(_ store: Store, today: Day = .today()) throws -> AuthoringContext {
        AuthoringContext(topics: try store.topics(), tools: try store.tools(), tiers: try store.tiers(), today: today)
    }

    /// Parses and imports as `user`, the way `claimdesk import` does.
    @discardableResult
    func importFile(_ data: Data, name: String = "deepseek.yaml", as user: String) throws -> ImportReport {
        let store = try store(user)
        let document = try AuthoringParser(context: try context(store)).parse(data, file: name)
        return try store.importDocument(document)
    }

    /// Approves every open draft and publishes them all, as the reviewer.
    func approveAndPublishAll() throws {
        let reviewer = try store(reviewer)
        for item in try reviewer.reviewQueue() where item.state == .draft {
            _ = try reviewer.approve(item.ref, note: nil)
        }
        _ = try reviewer.publishAllReviewed()
    }

    /// Every revision ever written, to prove that an import created none.
    func revisionCount() throws -> Int {
        let connection = try db.connect()
        defer { connection.close() }
        return try connection.query("SELECT count(*)::int AS n FROM claimdesk.revisions").first?.decode(
            "n", as: Int.self) ?? -1
    }

    /// The sample shipped in samples/, read from the checkout.
    static func sample() throws -> Data {
        try Data(contentsOf: sampleURL)
    }

    static let sampleURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("samples/deepseek.yaml")

    static let training = ClaimRef(tool: ToolSlug("deepseek"), topic: TopicKey("training"))
}

extension Data {
    init(text: String) { self.init(text.utf8) }
}
