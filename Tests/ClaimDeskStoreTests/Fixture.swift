import ClaimDeskDomain
import ClaimDeskStore
import ClaimDeskTestSupport
import Foundation
import LibPQ
import Testing

/// A database with an admin, two editors, two reviewers, an exporter and the DeepSeek tool and tier.
final class Fixture {
    let db: TestDatabase
    let admin: String
    let editor: String
    let editor2: String
    let reviewer: String
    let reviewer2: String
    /// Holds both editor and reviewer roles: the person most tempted to approve their own work.
    let editorReviewer: String
    let exporter: String

    static let training = ClaimRef(tool: ToolSlug("deepseek"), topic: TopicKey("training"))
    static let optOut = ClaimRef(tool: ToolSlug("deepseek"), topic: TopicKey("opt_out"))
    static let tierTraining = ClaimRef(
        tool: ToolSlug("deepseek"), tier: TierSlug("consumer"), topic: TopicKey("training"))
    static let day = Day(year: 2026, month: 6, day: 1) ?? Day.today()

    init() throws {
        db = try TestDatabase.create()
        admin = try db.makeUser("ann", roles: ["admin"])
        editor = try db.makeUser("ed", roles: ["editor"])
        editor2 = try db.makeUser("eve", roles: ["editor"])
        reviewer = try db.makeUser("rita", roles: ["reviewer"])
        reviewer2 = try db.makeUser("ravi", roles: ["reviewer"])
        editorReviewer = try db.makeUser("erin", roles: ["editor", "reviewer"])
        exporter = try db.makeUser("xena", roles: ["exporter"])
        let store = try db.store(as: admin)
        try store.addTool(
            Tool(
                slug: ToolSlug("deepseek"), name: "DeepSeek", category: "AI chat assistant",
                officialURL: "https://www.deepseek.com"))
        try store.addTier(
            PlanTier(tool: ToolSlug("deepseek"), slug: TierSlug("consumer"), name: "DeepSeek consumer app / web"))
    }

    deinit { db.drop() }

    func store(_ user: String) throws -> Store { try db.store(as: user) }

    static func content(_ headline: String = "Yes, by default.", verdict: String? = "trains_by_default") -> ClaimContent
    {
        ClaimContent(
            verdict: verdict.map { VerdictKey($0) }, headline: headline,
            body: "Inputs may be used to improve the models.",
            confidence: .medium, verifiedOn: day)
    }

    static let citation = Citation(
        url: "https://cdn.deepseek.com/policies/en-US/deepseek-privacy-policy.html",
        supports: "Inputs may be used to train and improve the models.", dated: day)

    /// Drafts and cites `ref` as the editor.
    @discardableResult
    func drafted(_ ref: ClaimRef = Fixture.training, cite: Bool = true) throws -> Revision {
        let store = try store(editor)
        var revision = try store.draft(
            ref, Fixture.content(verdict: ref.topic.rawValue == "opt_out" ? "opt_out_available" : "trains_by_default"))
        if cite { revision = try store.cite(ref, Fixture.citation) }
        return revision
    }

    /// Drafts, cites, approves and publishes `ref`.
    @discardableResult
    func published(_ ref: ClaimRef = Fixture.training) throws -> Revision {
        try drafted(ref)
        _ = try store(reviewer).approve(ref, note: nil)
        return try #require(try store(reviewer).publish([ref]).first)
    }

    /// Runs raw SQL as `user` and returns the SQLSTATE it failed with (nil when it succeeded).
    func rawSQL(_ sql: String, as user: String? = nil) throws -> SQLState? {
        let connection = try db.connect(as: user)
        defer { connection.close() }
        do {
            try connection.executeScript(unsafeSQL: sql)
            return nil
        } catch {
            return error.sqlState
        }
    }

    /// The SQLSTATE a Store call failed with, or nil.
    func failure<T>(_ body: () throws -> T) -> StoreError? {
        do {
            _ = try body()
            return nil
        } catch let error as StoreError {
            return error
        } catch {
            return StoreError(.database, "unexpected \(error)")
        }
    }
}
