import ClaimDeskTestSupport
import Foundation
import LibPQ
import Testing

@Suite("Standing attack suite: every role against every object of schema claimdesk")
struct AttackSuiteTests {
    /// One login per ClaimDesk group role found in the catalog (editor, reviewer, admin, exporter, and any role a
    /// later migration adds, such as notifier or watcher) plus a plain login with no ClaimDesk role. Each tries
    /// every attack; the records snapshot must be the same before and after, and nothing may leak.
    @Test("No role changes the record, reads what it may not, or gets through DDL, trigger, lock or setting tricks")
    func everyRoleAgainstEveryObject() throws {
        try TestDatabase.with { db in
            let admin = try db.connect()
            defer { admin.close() }
            let run = try AttackRun(db: db, admin: admin)
            let before = try run.snapshot.take()
            let total = try run.attack(roles: nil)
            let after = try run.snapshot.take()
            #expect(run.catalog.relations.count >= 10 && run.catalog.functions.count >= 20, "the catalog was read")
            #expect(run.catalog.settings.contains("claimdesk.copying_citations"))
            #expect(before == after, "the record changed:\n\(RecordSnapshot.difference(before, after))")
            #expect(total.changed.isEmpty, "changed the record:\n\(total.changed.joined(separator: "\n"))")
            #expect(total.leaked.isEmpty, "leaked:\n\(total.leaked.joined(separator: "\n"))")
            #expect(total.gotThrough.isEmpty, "got through:\n\(total.gotThrough.joined(separator: "\n"))")
            #expect(total.tried == total.refused + total.permitted + total.harmless + findingsCount(total))
        }
    }

    /// The suite itself, broken on purpose: a database with five holes planted (a leaky exporter view, a direct
    /// UPDATE grant, large objects for the exporter, an audit that a new session setting skips, reader addresses
    /// readable by editors) must be reported with each hole named, so a green run above means the attacks ran.
    @Test("Planted holes are found: leaky view, write grant, lo_create, audit skipped by a setting, readable e-mail")
    func plantedHolesAreFound() throws {
        try TestDatabase.with { db in
            let admin = try db.connect()
            defer { admin.close() }
            try admin.execute("ALTER VIEW claimdesk.live_claims SET (security_barrier = false)")
            try admin.execute("GRANT UPDATE ON claimdesk.topics TO claimdesk_editor")
            try admin.execute("GRANT EXECUTE ON FUNCTION pg_catalog.lo_create(oid) TO claimdesk_exporter")
            try admin.execute("CREATE TABLE claimdesk.planted_subscribers (email text NOT NULL)")
            try admin.execute("INSERT INTO claimdesk.planted_subscribers VALUES ('reader@example.org')")
            try admin.execute("GRANT SELECT ON claimdesk.planted_subscribers TO claimdesk_editor")
            let guardSource = try #require(
                try admin.query("SELECT prosrc FROM pg_proc WHERE proname = 'citations_guard'").first?["prosrc"])
            let skipping = guardSource.replacingOccurrences(
                of: "    INSERT INTO claimdesk.audit_log",
                with: "    IF current_setting('claimdesk.planted_quiet', true) = 'on' THEN\n"
                    + "        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;\n    END IF;\n"
                    + "    INSERT INTO claimdesk.audit_log")
            #expect(skipping != guardSource, "the citations trigger still writes its audit row as expected")
            try admin.execute(
                Query(
                    unsafeSQL: "CREATE OR REPLACE FUNCTION claimdesk.citations_guard() RETURNS trigger "
                        + "LANGUAGE plpgsql AS $planted$\(skipping)$planted$"))

            let run = try AttackRun(db: db, admin: admin)
            let total = try run.attack(roles: ["editor", "exporter"])
            #expect(run.catalog.settings.contains("claimdesk.planted_quiet"), "the new setting was found in prosrc")
            #expect(total.leaked.contains { $0.hasPrefix("exporter: live_claims.headline leaked") }, "\(total.leaked)")
            #expect(total.changed.contains { $0.hasPrefix("editor: UPDATE topics SET") }, "\(total.changed)")
            #expect(
                total.changed.contains { $0.contains("claimdesk.planted_quiet = on changed what claimdesk.cite(") },
                "\(total.changed)")
            #expect(total.gotThrough.contains("exporter: lo_create"), "\(total.gotThrough)")
            #expect(
                total.leaked.contains {
                    $0.hasPrefix("editor: may read reader addresses in planted_subscribers.email")
                },
                "\(total.leaked)")
            #expect(!total.leaked.contains { $0.hasPrefix("exporter: may read reader addresses") })
            #expect(
                !total.leaked.contains { $0.hasPrefix("editor:") && $0.contains("leaky function") },
                "editors may read every draft: no leak through a view")
        }
    }

    /// Attacks are tallied once each; a finding is an attack that was neither refused nor harmless.
    private func findingsCount(_ tally: AttackTally) -> Int {
        tally.leaked.count + tally.gotThrough.count + tally.changed.count { !$0.contains(" changed the record:") }
    }
}

/// One seeded database, its catalog, the attackers' logins and the records snapshot they are judged by.
struct AttackRun {
    let db: TestDatabase
    let admin: Connection
    let seed: AttackSeed
    let catalog: SchemaCatalog
    let logins: [(role: String?, login: String, label: String?)]
    let snapshot: RecordSnapshot

    init(db: TestDatabase, admin: Connection) throws {
        self.db = db
        self.admin = admin
        seed = try AttackSeed.seed(db, admin: admin)
        var logins: [(role: String?, login: String, label: String?)] = []
        for group in try SchemaCatalog.read(admin).groupRoles {
            let role = String(group.dropFirst("claimdesk_".count))
            logins.append((role, try AttackRun.attackerLogin(db, admin: admin, role: role), nil))
        }
        logins.append((nil, try db.makeUser("atk_plain", roles: []), nil))
        // Holds the editorial group roles (granted for some other database on this server) but is no member here:
        // it must get no more than a plain login.
        logins.append((nil, try AttackRun.foreignLogin(db, admin: admin), "editor+reviewer+admin of another database"))
        self.logins = logins
        // Read after the attackers were added, so the sample rows the forged inserts copy are current.
        catalog = try SchemaCatalog.read(admin)
        snapshot = RecordSnapshot(admin: admin, catalog: catalog, attackers: logins.map(\.login))
        try snapshot.prepare()
    }

    /// Runs every attack as each login (or only the named ClaimDesk roles) and prints the counts.
    func attack(roles: Set<String>?) throws -> AttackTally {
        var total = AttackTally(role: "all roles")
        var lines: [String] = []
        for (role, login, label) in logins where roles == nil || role.map({ roles?.contains($0) == true }) == true {
            let attacker = try Attacker(
                role: role, login: login, label: label, db: db, admin: admin, catalog: catalog, seed: seed,
                snapshot: snapshot)
            let tally = try attacker.run()
            lines.append(tally.line)
            total = total + tally
        }
        lines.append(total.line)
        let findings = total.changed + total.leaked + total.gotThrough
        print(
            "Attack suite (\(catalog.relations.count) relations, \(catalog.sequences.count) sequences, "
                + "\(catalog.functions.count) functions, settings \(catalog.settings.joined(separator: ", "))):\n  "
                + lines.joined(separator: "\n  ")
                + (findings.isEmpty
                    ? ""
                    : "\nFindings (first 60 of \(findings.count)):\n  " + findings.prefix(60).joined(separator: "\n  "))
        )
        return total
    }

    /// A login that is a member of the editorial group roles, as an editor of another database on the same server
    /// is, with no row in this database's members table (unlike `TestDatabase.makeUser`, which writes one).
    static func foreignLogin(_ db: TestDatabase, admin: Connection) throws -> String {
        let login = "\(db.rolePrefix)_atk_foreign"
        let ident = try admin.escapeIdentifier(login)
        try admin.execute(Query(unsafeSQL: "CREATE ROLE \(ident) LOGIN"))
        db.adopt(role: login)
        try admin.execute(
            Query(unsafeSQL: "GRANT claimdesk_editor, claimdesk_reviewer, claimdesk_admin TO \(ident)"))
        return login
    }

    /// A login holding one ClaimDesk role, made the way `claimdesk user add` makes it (so per-database rights
    /// are recorded), or granted directly when `add_user` does not know the role.
    static func attackerLogin(_ db: TestDatabase, admin: Connection, role: String) throws -> String {
        let login = "\(db.rolePrefix)_atk_\(role)"
        do {
            try admin.query("SELECT claimdesk.add_user(\(login), \(role), NULL)")
            db.adopt(role: login)
            return login
        } catch {
            return try db.makeUser("atk_\(role)", roles: [role])
        }
    }
}
