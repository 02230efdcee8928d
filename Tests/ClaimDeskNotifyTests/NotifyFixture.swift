import ClaimDeskDomain
import ClaimDeskNotify
import ClaimDeskStore
import ClaimDeskTestSupport
import Foundation
import LibPQ
import Testing

/// A database with DeepSeek's training claim live, the desk's people and a notifier login.
final class NotifyFixture: @unchecked Sendable {
    let db: TestDatabase
    let admin: String
    let editor: String
    let reviewer: String
    let exporter: String
    let notifier: String

    static let training = ClaimRef(tool: ToolSlug("deepseek"), topic: TopicKey("training"))
    static let day = Day(year: 2026, month: 6, day: 1) ?? Day.today()

    init() throws {
        db = try TestDatabase.create()
        admin = try db.makeUser("ann", roles: ["admin"])
        editor = try db.makeUser("ed", roles: ["editor"])
        reviewer = try db.makeUser("rita", roles: ["reviewer"])
        exporter = try db.makeUser("xena", roles: ["exporter"])
        notifier = try db.makeUser("nora", roles: ["notifier"])
        try store(admin).addTool(
            Tool(
                slug: ToolSlug("deepseek"), name: "DeepSeek", category: "AI chat assistant",
                officialURL: "https://www.deepseek.com"))
        _ = try store(editor).draft(
            Self.training,
            ClaimContent(
                verdict: VerdictKey("trains_by_default"), headline: "Yes, by default.", body: "Inputs are used.",
                confidence: .medium, verifiedOn: Self.day))
        _ = try store(editor).cite(
            Self.training,
            Citation(url: "https://cdn.deepseek.com/policy.html", supports: "Inputs may train models.", dated: Self.day)
        )
        _ = try store(reviewer).approve(Self.training, note: nil)
        _ = try store(reviewer).publish([Self.training])
    }

    deinit { db.drop() }

    func store(_ user: String) throws -> Store { try db.store(as: user) }

    /// Changes the training verdict and publishes it.
    func changeVerdict(to verdict: String, headline: String) throws {
        _ = try store(editor).edit(Self.training, ClaimContent(verdict: VerdictKey(verdict), headline: headline))
        _ = try store(reviewer).approve(Self.training, note: nil)
        _ = try store(reviewer).publish([Self.training])
    }

    /// A number from SQL run as the superuser.
    func count(_ sql: String) throws -> Int {
        let connection = try db.connect()
        defer { connection.close() }
        return Int(try connection.query(Query(unsafeSQL: sql)).first?.decode(0, as: Int64.self) ?? -1)
    }

    func execute(_ sql: String) throws {
        let connection = try db.connect()
        defer { connection.close() }
        try connection.executeScript(unsafeSQL: sql)
    }

    /// The SQLSTATE raw SQL fails with as `user` (nil when it succeeds).
    func rawSQL(_ sql: String, as user: String) throws -> SQLState? {
        let connection = try db.connect(as: user)
        defer { connection.close() }
        do {
            try connection.executeScript(unsafeSQL: sql)
            return nil
        } catch {
            return error.sqlState
        }
    }

    func settings() throws -> MailSettings {
        try MailSettings(
            publicURL: "http://127.0.0.1:8080", siteURL: "https://example.org", from: "notify@claimdesk.test")
    }

    /// Subscribes and confirms `email`.
    func subscribed(_ email: String) throws {
        let store = try store(notifier)
        let token = try #require(try store.subscribe(tool: "deepseek", email: email, client: "t").confirmToken)
        _ = try store.confirmSubscription(token: token)
    }
}
