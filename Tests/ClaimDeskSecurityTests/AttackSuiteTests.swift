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
            let seed = try AttackSeed.seed(db, admin: admin)
            var catalog = try SchemaCatalog.read(admin)
            var logins: [(role: String?, login: String)] = []
            for group in catalog.groupRoles {
                let role = String(group.dropFirst("claimdesk_".count))
                logins.append((role, try attackerLogin(db, admin: admin, role: role)))
            }
            logins.append((nil, try db.makeUser("atk_plain", roles: [])))
            // The sample rows the forged inserts copy, read after the attackers were added.
            catalog = try SchemaCatalog.read(admin)
            #expect(catalog.relations.count >= 10 && catalog.functions.count >= 20, "the catalog read found the schema")
            #expect(catalog.settings.contains("claimdesk.copying_citations"))

            let snapshot = RecordSnapshot(admin: admin, catalog: catalog, attackers: logins.map(\.login))
            try snapshot.prepare()
            let before = try snapshot.take()
            var total = AttackTally(role: "all roles")
            var lines: [String] = []
            for (role, login) in logins {
                let attacker = try Attacker(
                    role: role, login: login, db: db, admin: admin, catalog: catalog, seed: seed, snapshot: snapshot)
                let tally = try attacker.run()
                lines.append(tally.line)
                total = total + tally
            }
            let after = try snapshot.take()
            lines.append(total.line)
            let findings = total.changed + total.leaked + total.gotThrough
            print(
                "Attack suite (\(catalog.relations.count) relations, \(catalog.sequences.count) sequences, "
                    + "\(catalog.functions.count) functions, settings \(catalog.settings.joined(separator: ", "))):\n  "
                    + lines.joined(separator: "\n  ")
                    + (findings.isEmpty
                        ? ""
                        : "\nFindings (first 60 of \(findings.count)):\n  "
                            + findings.prefix(60).joined(separator: "\n  ")))

            #expect(before == after, "the record changed:\n\(RecordSnapshot.difference(before, after))")
            #expect(total.changed.isEmpty, "changed the record:\n\(total.changed.joined(separator: "\n"))")
            #expect(total.leaked.isEmpty, "leaked:\n\(total.leaked.joined(separator: "\n"))")
            #expect(total.gotThrough.isEmpty, "got through:\n\(total.gotThrough.joined(separator: "\n"))")
            #expect(total.tried == total.refused + total.permitted + total.harmless + findingsCount(total))
        }
    }

    /// Attacks are tallied once each; a finding is an attack that was neither refused nor harmless.
    private func findingsCount(_ tally: AttackTally) -> Int {
        tally.leaked.count + tally.gotThrough.count + tally.changed.count { !$0.contains(" changed the record:") }
    }

    /// A login holding one ClaimDesk role, made the way `claimdesk user add` makes it (so per-database rights
    /// are recorded), or granted directly when `add_user` does not know the role.
    private func attackerLogin(_ db: TestDatabase, admin: Connection, role: String) throws -> String {
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
