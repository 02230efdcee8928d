import ClaimDeskDomain
import ClaimDeskStore
import ClaimDeskTestSupport
import Foundation
import LibPQ

/// A record with a revision in every workflow state, so every read path has something it must not show:
/// - deepseek:training is live (revision 1) and has an open draft (revision 2) with a draft-only citation;
/// - deepseek:baa is reviewed but not published;
/// - deepseek/consumer:training is a draft only (a claim nobody outside the desk may know about);
/// - deepseek:dpa was drafted and discarded; deepseek:retention was published and retracted;
/// - deepseek:opt_out was published twice (revision 1 superseded); deepseek:phi was never drafted.
/// Texts that only unpublished revisions hold carry `UNPUBLISHED` so a leak is easy to read in the report.
struct AttackSeed {
    static let day = Day.today().adding(days: -20)
    /// Cited by the open draft of deepseek:training only.
    static let draftCitationURL = "https://unpublished.example/draft-only-source"
    static let liveCitationURL = "https://cdn.deepseek.com/policies/en-US/deepseek-privacy-policy.html"

    var trainingDraftID: Int64 = 0
    var trainingDraftVersion = 0
    var trainingClaimID: Int64 = 0

    /// Login roles that wrote the seed: an editor, a second editor, a reviewer and an admin.
    static func seed(_ db: TestDatabase, admin: Connection) throws -> AttackSeed {
        func user(_ handle: String, _ role: String) throws -> String {
            let login = "\(db.rolePrefix)_\(handle)"
            try admin.query("SELECT claimdesk.add_user(\(login), \(role), NULL)")
            db.adopt(role: login)
            return login
        }
        let ann = Store(connection: try db.connect(as: try user("seed_ann", "admin")))
        let ed = Store(connection: try db.connect(as: try user("seed_ed", "editor")))
        let eve = Store(connection: try db.connect(as: try user("seed_eve", "editor")))
        let rita = Store(connection: try db.connect(as: try user("seed_rita", "reviewer")))

        try ann.addTool(
            Tool(
                slug: ToolSlug("deepseek"), name: "DeepSeek", category: "AI chat assistant",
                officialURL: "https://www.deepseek.com"))
        try ann.addTier(PlanTier(tool: ToolSlug("deepseek"), slug: TierSlug("consumer"), name: "Consumer app"))

        func ref(_ text: String) -> ClaimRef {
            ClaimRef(text) ?? ClaimRef(tool: ToolSlug("deepseek"), topic: TopicKey("training"))
        }
        func content(_ verdict: String?, _ headline: String) -> ClaimContent {
            ClaimContent(
                verdict: verdict.map { VerdictKey($0) }, headline: headline, body: headline + " (body)",
                confidence: .medium, verifiedOn: day)
        }
        func citation(_ url: String, _ supports: String) -> Citation {
            Citation(url: url, supports: supports, dated: day, title: "Policy")
        }
        func live(_ text: String, _ verdict: String, _ headline: String, url: String = liveCitationURL) throws {
            _ = try ed.draft(ref(text), content(verdict, headline))
            _ = try ed.cite(ref(text), citation(url, "Live supports for \(text)."))
            _ = try rita.approve(ref(text), note: nil)
            _ = try rita.publish([ref(text)])
        }

        try live("deepseek:training", "trains_by_default", "Live: trains by default.")
        _ = try eve.edit(ref("deepseek:training"), content("does_not_train", "UNPUBLISHED draft headline"))
        let draft = try eve.cite(
            ref("deepseek:training"), citation(draftCitationURL, "UNPUBLISHED draft supports."))

        _ = try ed.draft(ref("deepseek:baa"), content("signs_baa", "UNPUBLISHED reviewed headline"))
        _ = try ed.cite(ref("deepseek:baa"), citation("https://unpublished.example/reviewed", "UNPUBLISHED reviewed."))
        _ = try rita.approve(ref("deepseek:baa"), note: "UNPUBLISHED approval note")

        _ = try ed.draft(ref("deepseek/consumer:training"), content("opt_in_only", "UNPUBLISHED tier draft"))
        _ = try ed.cite(
            ref("deepseek/consumer:training"), citation("https://unpublished.example/tier", "UNPUBLISHED tier."))

        _ = try ed.draft(ref("deepseek:dpa"), content("no_dpa", "UNPUBLISHED discarded headline"))
        _ = try ed.discard(ref("deepseek:dpa"), note: "UNPUBLISHED discard note")

        try live(
            "deepseek:retention", "open_ended", "Retracted: kept forever.", url: "https://www.deepseek.com/retention")
        _ = try rita.retract(ref("deepseek:retention"), note: "Retracted: the policy changed.")

        try live("deepseek:opt_out", "no_opt_out", "Superseded: no opt-out.", url: "https://www.deepseek.com/opt-out")
        _ = try ed.edit(ref("deepseek:opt_out"), content("opt_out_available", "Live: opt-out available."))
        _ = try rita.approve(ref("deepseek:opt_out"), note: nil)
        _ = try rita.publish([ref("deepseek:opt_out")])

        var seed = AttackSeed()
        seed.trainingDraftID = draft.id.rawValue
        seed.trainingDraftVersion = draft.version
        seed.trainingClaimID =
            Int64(
                try admin.query("SELECT claim_id::text AS c FROM claimdesk.revisions WHERE id = \(draft.id.rawValue)")
                    .first?["c"] ?? "0") ?? 0
        return seed
    }
}
