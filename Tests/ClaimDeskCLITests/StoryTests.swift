import ClaimDeskCLI
import ClaimDeskDomain
import Foundation
import Testing

@Suite("The editorial story through the claimdesk binary, each step as its own login role")
struct StoryTests {
    @Test(
        "admin adds a tool and tier; editor drafts and cites; that editor cannot approve; a reviewer approves and publishes; an edit drafts while the live revision stays live; history, diff and audit show it all"
    )
    func wholeStory() throws {
        let desk = try Desk(seedTool: false)
        let day = Desk.day.description
        let ref = "deepseek:training"

        // An admin adds the tool and its consumer tier.
        var r = try desk.run(
            desk.admin, "tool", "add", "deepseek", "--name", "DeepSeek", "--category", "AI chat assistant", "--url",
            "https://www.deepseek.com")
        expectSuccess(r)
        #expect(r.stdout.hasPrefix("Added tool deepseek (DeepSeek, AI chat assistant)."))
        r = try desk.run(desk.admin, "tier", "add", "deepseek/consumer", "--name", "DeepSeek consumer app / web")
        expectSuccess(r)
        r = try desk.run(desk.editor, "tool", "show", "deepseek")
        expectSuccess(r)
        #expect(r.stdout.contains("deepseek/consumer  DeepSeek consumer app / web"))

        // An editor drafts deepseek:training and cites a source.
        r = try desk.run(
            desk.editor, "claim", "draft", ref, "--verdict", "trains_by_default", "--headline", "Yes, by default.",
            "--body", "DeepSeek uses your chats to train its models.", "--confidence", "high", "--verified", day)
        expectSuccess(r)
        #expect(r.stdout.hasPrefix("Drafted deepseek:training revision 1 (draft, id "))
        r = try desk.run(
            desk.editor, "cite", ref, "--url", "https://cdn.deepseek.com/policies/en-US/deepseek-privacy-policy.html",
            "--supports", "The privacy policy says inputs are used to train the models.", "--dated", day,
            "--title", "DeepSeek Privacy Policy")
        expectSuccess(r)
        #expect(r.stdout.contains("it has 1 citation."))

        // The same editor cannot approve it, and trying changes nothing.
        let before = try desk.db.snapshot()
        r = try desk.run(desk.editor, "review", "approve", ref)
        expectRefusal(r, status: Exit.forbidden.rawValue, mentions: [desk.editor, "reviewer"])
        #expect(try desk.db.snapshot() == before)

        // A reviewer sees it in the queue, approves and publishes it.
        r = try desk.run(desk.reviewer, "review", "queue")
        expectSuccess(r)
        #expect(r.stdout.contains(ref) && r.stdout.contains("draft") && r.stdout.contains(desk.editor))
        r = try desk.run(desk.reviewer, "review", "approve", ref, "--note", "Matches the policy.")
        expectSuccess(r)
        #expect(r.stdout.hasPrefix("Approved deepseek:training revision 1 (reviewed,"))
        r = try desk.run(desk.reviewer, "publish", ref)
        expectSuccess(r)
        #expect(r.stdout == "Published deepseek:training revision 1 (seq 1).\n")

        // Another editor's edit makes a new draft; the published revision stays live.
        r = try desk.run(desk.editor2, "claim", "edit", ref, "--headline", "Yes, unless you opt out.")
        expectSuccess(r)
        #expect(r.stdout.hasPrefix("Edited deepseek:training revision 2 (draft, id "))
        r = try desk.run(desk.editor, "claim", "show", ref, "--json")
        expectSuccess(r)
        let show = try #require(try r.json() as? [String: Any])
        let live = try #require(show["live"] as? [String: Any])
        let open = try #require(show["open"] as? [String: Any])
        #expect(live["number"] as? Int == 1 && live["state"] as? String == "published")
        #expect(live["headline"] as? String == "Yes, by default.")
        #expect(open["number"] as? Int == 2 && open["state"] as? String == "draft")
        #expect(open["headline"] as? String == "Yes, unless you opt out.")
        #expect((open["citations"] as? [Any])?.count == 1, "the new draft carries the live revision's citation")

        r = try desk.run(desk.editor, "claim", "show", ref)
        expectSuccess(r)
        #expect(r.stdout.contains("Live: revision 1 (published)"))
        #expect(r.stdout.contains("trains_by_default — Trains by default"))
        #expect(
            r.stdout.contains(
                "Open: revision 2 (draft), base \(open["id"] as? Int ?? -1):\(open["version"] as? Int ?? -1)"))

        // History shows both revisions and every event.
        r = try desk.run(desk.reviewer, "claim", "history", ref)
        expectSuccess(r)
        for word in ["published", "draft", "drafted", "cited", "approved", "edited", desk.editor2, desk.reviewer] {
            #expect(r.stdout.contains(word), "history should show \(word):\n\(r.stdout)")
        }
        r = try desk.run(desk.reviewer, "claim", "history", ref, "--json")
        let history = try #require(try r.json() as? [String: Any])
        #expect(
            (history["revisions"] as? [[String: Any]])?.compactMap { $0["state"] as? String } == ["published", "draft"])
        let actions = (history["events"] as? [[String: Any]])?.compactMap { $0["action"] as? String } ?? []
        #expect(
            actions.starts(with: ["drafted", "cited", "approved", "published"]) && actions.contains("edited"),
            "\(actions)")

        // Diff shows the headline change field by field, and no citation change.
        r = try desk.run(desk.reviewer, "claim", "diff", ref)
        expectSuccess(r)
        #expect(
            r.stdout
                == """
                deepseek:training: live revision 1 → open revision 2
                headline
                  - Yes, by default.
                  + Yes, unless you opt out.

                """)

        // The audit log shows who did what, from the tool onwards.
        r = try desk.run(desk.admin, "audit", "--tool", "deepseek", "--json")
        expectSuccess(r)
        let entries = try #require(try r.json() as? [[String: Any]])
        let trail = entries.map { "\($0["actor"] as? String ?? "?") \($0["action"] as? String ?? "?")" }
        for step in [
            "\(desk.admin) tool_added", "\(desk.admin) tier_added", "\(desk.editor) drafted", "\(desk.editor) cited",
            "\(desk.reviewer) approved", "\(desk.reviewer) published", "\(desk.editor2) edited",
        ] {
            #expect(trail.contains(step), "audit should show \(step): \(trail)")
        }
        r = try desk.run(desk.admin, "audit", "--since", day)
        expectSuccess(r)
        #expect(r.stdout.contains("tier_added  deepseek/consumer"))
    }

    @Test("a reviewer sends a draft back with a note; the editor fixes it; stale and retract complete the cycle")
    func sendBackAndRetract() throws {
        let desk = try Desk()
        let old = Desk.day.adding(days: -400)
        try desk.draft("deepseek:training", verifiedOn: old)
        var r = try desk.run(desk.reviewer, "review", "reject", "deepseek:training", "--note", "Cite the 2025 policy.")
        expectSuccess(r)
        r = try desk.run(desk.editor, "review", "queue")
        #expect(r.stdout.contains("sent back"), "\(r)")
        r = try desk.run(desk.editor, "claim", "show", "deepseek:training")
        #expect(r.stdout.contains("Sent back   Cite the 2025 policy."), "\(r)")
        r = try desk.run(
            desk.editor, "cite", "deepseek:training", "--url", "https://example.com/2025", "--supports",
            "The 2025 policy.", "--dated", Desk.day.description)
        expectSuccess(r)
        r = try desk.run(desk.reviewer, "review", "approve", "deepseek:training")
        expectSuccess(r)
        r = try desk.run(desk.reviewer, "publish", "--all-reviewed")
        expectSuccess(r)
        #expect(r.stdout.hasPrefix("Published deepseek:training revision 1"))

        r = try desk.run(desk.editor, "stale")
        expectSuccess(r)
        #expect(r.stdout.contains("deepseek:training  \(old)"), "\(r)")
        r = try desk.run(desk.editor, "stale", "--older-than", "1000")
        #expect(r.stdout.hasPrefix("No live claim was verified more than 1000 days ago."), "\(r)")

        r = try desk.run(desk.reviewer, "retract", "deepseek:training", "--note", "The policy changed.")
        expectSuccess(r)
        r = try desk.run(desk.editor, "claim", "show", "deepseek:training", "--json")
        let show = try #require(try r.json() as? [String: Any])
        #expect(show["live"] is NSNull && show["open"] is NSNull, "\(r)")
        r = try desk.run(desk.editor, "stale")
        #expect(r.stdout.hasPrefix("No live claim"), "a retracted claim is not live: \(r)")
    }

    @Test("an admin adds a user; user list and status show who has which role")
    func users() throws {
        let desk = try Desk(seedTool: false)
        let handle = "\(desk.db.rolePrefix)_newbie"
        desk.db.adopt(role: handle)
        var r = try desk.run(desk.admin, "user", "add", handle, "--role", "editor", "--name", "New Bie")
        expectSuccess(r)
        #expect(r.stdout.hasPrefix("\(handle) (New Bie) now has the editor role"))
        r = try desk.run(desk.admin, "user", "list")
        #expect(r.stdout.contains(handle) && r.stdout.contains("New Bie"), "\(r)")
        r = try desk.run(handle, "status")
        expectSuccess(r)
        #expect(r.stdout.contains("Connected as     \(handle)") && r.stdout.contains("ClaimDesk roles  editor"), "\(r)")
        #expect(r.stdout.contains("applied, 0 pending"), "\(r)")

        // The new person can work at once, under their own login.
        r = try desk.run(handle, "topic", "list")
        expectSuccess(r)
        let training = r.stdout.split(separator: "\n").first { $0.hasPrefix("  trains_by_default ") } ?? ""
        #expect(training.hasSuffix("  bad") && training.contains("  Trains by default  "), "\(r)")
    }
}
