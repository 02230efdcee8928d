import ClaimDeskStore
import ClaimDeskTestSupport
import Foundation
import LibPQ

/// Tries every attack the suite knows as one login role against one seeded database, and tallies what happened.
/// Every object comes from `SchemaCatalog`, so nothing here names a table or function except where a call needs
/// a plausible argument; the judgement is always the records snapshot, before and after.
final class Attacker {
    /// The role being tried: a ClaimDesk role name (`editor`, …) or nil for a plain login with no ClaimDesk role.
    let role: String?
    let login: String
    let db: TestDatabase
    let admin: Connection
    let catalog: SchemaCatalog
    let seed: AttackSeed
    let snapshot: RecordSnapshot
    private(set) var tally: AttackTally
    private let notices = NoticeCapture()
    private var connection: Connection?
    private var baseline: String
    /// The sequences' part of the baseline, checked cheaply after refused calls.
    private var sequences: String
    /// Which SECURITY DEFINER functions this (service) role may execute, asked once each.
    private var serviceGrants: [String: Bool] = [:]

    /// The key `claimdesk migrate` serialises on (ClaimDeskStore's Migrator.lockKey on the main branch this
    /// suite was written against); holding it must not be able to stop a migration.
    static let migratorLockKey = Int64(0x436C_6169_6D44_6B01)

    /// Workflow functions a role may legitimately call: a plausible call of these succeeds by design, so it runs
    /// inside a transaction that is rolled back. Everything else is run for real and must change nothing.
    static let permitted: [String: Set<String>] = [
        "add_user": ["admin"], "add_tool": ["admin"], "add_tier": ["admin"],
        "draft_claim": ["editor", "admin"], "edit_claim": ["editor", "admin"], "cite": ["editor", "admin"],
        "uncite": ["editor", "admin"], "discard_claim": ["editor", "admin"],
        "approve": ["reviewer"], "reject": ["reviewer"], "publish": ["reviewer"],
        "publish_all_reviewed": ["reviewer"], "retract": ["reviewer"],
    ]

    /// Values for named parameters of particular functions, where the generic guess would only be refused.
    static let overrides: [String: [String: String]] = [
        "cite": ["p_url": "https://attack.example/new-source"],
        "draft_claim": ["p_ref": "deepseek:phi", "p_verdict": "no_phi"],
        "publish": ["p_refs": "{deepseek:baa}"],
        "reject": ["p_ref": "deepseek:baa"],
        "add_tier": ["p_tool": "deepseek", "p_slug": "attack-tier"],
    ]

    static let settingValues = ["on", "off"]

    /// `label` names the login in the report when `role` does not (a plain login, an editor of another database).
    init(
        role: String?, login: String, label: String? = nil, db: TestDatabase, admin: Connection,
        catalog: SchemaCatalog, seed: AttackSeed, snapshot: RecordSnapshot
    ) throws {
        self.role = role
        self.login = login
        self.db = db
        self.admin = admin
        self.catalog = catalog
        self.seed = seed
        self.snapshot = snapshot
        self.tally = AttackTally(role: role ?? label ?? "plain login")
        self.baseline = try snapshot.take()
        self.sequences = try snapshot.sequences()
    }

    // MARK: - Running

    func run() throws -> AttackTally {
        guard connect() != nil else {
            // Refused at the door (no CONNECT privilege): every attack of this role is refused.
            tally.tried += 1
            tally.refused += 1
            return tally
        }
        sessionAttacks()
        for relation in catalog.relations { relationAttacks(relation) }
        for sequence in catalog.sequences { sequenceAttacks(sequence) }
        for function in catalog.functions { functionAttacks(function) }
        leakyReads()
        readerAddresses()
        settingAttacks()
        connection?.close()
        return tally
    }

    @discardableResult
    private func connect(options: String? = nil) -> Connection? {
        connection?.close()
        connection = nil
        do {
            var parameters: [String: String] = [:]
            if let options { parameters["options"] = options }
            let fresh = try Connection(url: try db.url(as: login), parameters: parameters, logger: notices.logger)
            try fresh.execute("SET statement_timeout = '20s'")
            try fresh.execute("SET lock_timeout = '5s'")
            connection = fresh
        } catch {
            connection = nil
        }
        return connection
    }

    /// The live connection, reopened if an attack broke it.
    private var session: Connection? {
        if let connection, connection.isConnected { return connection }
        return connect()
    }

    private enum Outcome {
        case refused(PostgresError)
        case succeeded(QueryResult)
    }

    private func execute(_ query: Query) -> Outcome {
        guard let session else { return .refused(PostgresError(message: "cannot connect")) }
        do {
            return .succeeded(try session.query(query))
        } catch {
            if session.isInTransaction { _ = try? session.execute("ROLLBACK") }
            return .refused(error)
        }
    }

    private enum Kind {
        /// Success is allowed if nothing changes (a read, a harmless call).
        case mayRead
        /// Success is a finding even when the snapshot is unchanged (DDL, trigger switches, large objects…).
        case mustRefuse
        /// Part of the role's job: run inside a transaction that is rolled back.
        case permitted
    }

    /// Runs one attack, counts it, and compares the records snapshot afterwards. A refused statement rolls back
    /// whole, so the whole snapshot is only taken after a success; after a refused `sideEffects` attack (function
    /// calls, sequences) the sequences, which do not roll back, are compared.
    @discardableResult
    private func attack(_ label: String, _ query: Query, kind: Kind = .mayRead, sideEffects: Bool = false)
        -> QueryResult?
    {
        tally.tried += 1
        var result: QueryResult?
        if kind == .permitted {
            if case .refused = execute("BEGIN") {
                tally.refused += 1
                return nil
            }
        }
        switch execute(query) {
        case .refused:
            tally.refused += 1
        case .succeeded(let rows):
            result = rows
            switch kind {
            case .mayRead: tally.harmless += 1
            case .permitted: tally.permitted += 1
            case .mustRefuse: tally.gotThrough.append("\(tally.role): \(label)")
            }
        }
        if kind == .permitted { _ = execute("ROLLBACK") }
        if let session, session.isInTransaction { _ = try? session.execute("ROLLBACK") }
        if result != nil || kind == .permitted {
            checkSnapshot(after: label)
        } else if sideEffects, let now = try? snapshot.sequences(), now != sequences {
            // Only what is not transactional can outlive a refused call: the schema's own sequences.
            checkSnapshot(after: label)
        }
        return result
    }

    private func checkSnapshot(after label: String) {
        guard let now = try? snapshot.take() else { return }
        sequences = (try? snapshot.sequences()) ?? ""
        if now != baseline {
            tally.changed.append(
                "\(tally.role): \(label) changed the record:\n\(RecordSnapshot.difference(baseline, now))")
            baseline = now
        }
    }

    // MARK: - Session, schema and cluster

    private func sessionAttacks() {
        attack("SET session_replication_role = replica", "SET session_replication_role = replica", kind: .mustRefuse)
        attack("CREATE TABLE in claimdesk", "CREATE TABLE claimdesk.cd_attack (x int)", kind: .mustRefuse)
        attack(
            "CREATE FUNCTION in claimdesk",
            "CREATE FUNCTION claimdesk.cd_attack() RETURNS int LANGUAGE sql AS 'SELECT 1'", kind: .mustRefuse)
        attack("CREATE VIEW in claimdesk", "CREATE VIEW claimdesk.cd_attack_v AS SELECT 1 AS x", kind: .mustRefuse)
        attack("CREATE SCHEMA", "CREATE SCHEMA cd_attack", kind: .mustRefuse)
        attack("CREATE TABLE in public", "CREATE TABLE public.cd_attack (x int)", kind: .mustRefuse)
        attack("ALTER SCHEMA claimdesk OWNER", "ALTER SCHEMA claimdesk OWNER TO CURRENT_USER", kind: .mustRefuse)
        attack("COMMENT ON SCHEMA claimdesk", "COMMENT ON SCHEMA claimdesk IS 'attack'", kind: .mustRefuse)
        attack("lo_create", "SELECT lo_create(0)", kind: .mustRefuse)
        attack("lo_from_bytea", "SELECT lo_from_bytea(0, '\\x00')", kind: .mustRefuse)
        attack("CREATE ROLE", "CREATE ROLE cd_attack_role", kind: .mustRefuse)
        // A member may SET ROLE to its own group roles (session_user, which every rule checks, stays the same).
        for group in catalog.groupRoles where !isMember(of: group) {
            attack(
                "GRANT \(group) to itself", Query(unsafeSQL: "GRANT \(quoted(group)) TO CURRENT_USER"),
                kind: .mustRefuse)
            attack("SET ROLE \(group)", Query(unsafeSQL: "SET ROLE \(quoted(group))"), kind: .mustRefuse)
            _ = execute("RESET ROLE")
        }
        attack("pg_read_file", "SELECT pg_read_file('/etc/hostname')", kind: .mustRefuse)
        attack("COPY to a server file", "COPY (SELECT 1) TO '/tmp/claimdesk-attack'", kind: .mustRefuse)
        attack("COPY to a program", "COPY (SELECT 1) TO PROGRAM 'true'", kind: .mustRefuse)
        attack("CREATE EXTENSION", "CREATE EXTENSION IF NOT EXISTS dblink", kind: .mustRefuse)
        // Another session (the owner's, as a publisher's would be) must be out of reach.
        attack(
            "pg_cancel_backend of another role's session",
            Query(
                unsafeSQL:
                    "SELECT pg_cancel_backend(\(admin.backendPID)) AS done WHERE pg_cancel_backend(\(admin.backendPID))"
            ),
            kind: .mustRefuse)
        attack(
            "pg_terminate_backend of another role's session",
            Query(
                unsafeSQL:
                    "SELECT 1 AS done WHERE pg_terminate_backend(\(admin.backendPID))"),
            kind: .mustRefuse)
        // TEMP is needed for the leaky-function reads below; whether a role has it is reported, not judged.
        attack("CREATE TEMP TABLE", "CREATE TEMP TABLE cd_attack_tmp (x int)")
        migratorLock()
    }

    private func isMember(of group: String) -> Bool {
        guard
            case .succeeded(let rows) = execute(
                Query(unsafeSQL: "SELECT pg_has_role(session_user, $1, 'MEMBER') AS m", binds: [group]))
        else { return false }
        return rows.first?["m"] == "t"
    }

    /// Holding the migrator's lock must not be able to stop `claimdesk migrate`: either migrate does not depend on
    /// a lock any login can take, or it waits a bounded time and then names the session that holds it.
    private func migratorLock() {
        tally.tried += 1
        guard case .succeeded(let rows) = execute("SELECT pg_try_advisory_lock(\(Attacker.migratorLockKey)) AS got"),
            rows.first?["got"] == "t"
        else {
            tally.refused += 1
            return
        }
        defer { _ = execute("SELECT pg_advisory_unlock_all()") }
        do {
            let owner = try db.connect()
            defer { owner.close() }
            try owner.execute("SET lock_timeout = '2s'")
            var migrator = Migrator()
            migrator.lockWait = .milliseconds(50)
            _ = try migrator.migrate(owner)
            tally.refused += 1  // the lock was taken, but migrate does not depend on it
        } catch {
            if "\(error)".contains(login) {
                tally.harmless += 1  // a bounded wait, then a message naming the holder: the documented trade-off
            } else {
                tally.gotThrough.append(
                    "\(tally.role): pg_advisory_lock(\(Attacker.migratorLockKey)) held by the role stops claimdesk "
                        + "migrate without naming the holder (\(error))")
            }
        }
    }

    // MARK: - Tables and views

    private func relationAttacks(_ relation: SchemaCatalog.Relation) {
        let name = relation.qualified
        let writable = relation.columns.filter { !$0.isGenerated }
        attack("INSERT DEFAULT VALUES into \(relation.name)", Query(unsafeSQL: "INSERT INTO \(name) DEFAULT VALUES"))
        if let sample = relation.sampleRow, !writable.isEmpty {
            let columns = writable.map { quoted($0.name) }.joined(separator: ", ")
            let insert =
                "INSERT INTO \(name) (\(columns)) SELECT \(columns) FROM jsonb_populate_record(NULL::\(name), $1::jsonb)"
            attack("INSERT a copy of a row into \(relation.name)", Query(unsafeSQL: insert, binds: [sample]))
            attack("INSERT a forged row into \(relation.name)", Query(unsafeSQL: insert, binds: [forged(sample)]))
        }
        for column in writable {
            let col = quoted(column.name)
            attack(
                "UPDATE \(relation.name) SET \(column.name) = itself",
                Query(unsafeSQL: "UPDATE \(name) SET \(col) = \(col)"))
            if column.type == "text" {
                attack(
                    "UPDATE \(relation.name) SET \(column.name) = forged",
                    Query(unsafeSQL: "UPDATE \(name) SET \(col) = \(col) || ' [forged]'"))
            }
        }
        attack("DELETE FROM \(relation.name)", Query(unsafeSQL: "DELETE FROM \(name)"))
        attack(
            "SELECT … FOR UPDATE on \(relation.name)", Query(unsafeSQL: "SELECT 1 FROM \(name) FOR UPDATE NOWAIT"),
            kind: .mustRefuse)
        // A lock stronger than a reader's would let the role stall publishers (or migrations) at will.
        attack(
            "LOCK TABLE \(relation.name) IN EXCLUSIVE MODE",
            Query(unsafeSQL: "DO $$BEGIN LOCK TABLE \(name) IN EXCLUSIVE MODE NOWAIT; END$$"), kind: .mustRefuse)
        let drop: String
        switch relation.kind {
        case "v": drop = "DROP VIEW"
        case "m": drop = "DROP MATERIALIZED VIEW"
        case "f": drop = "DROP FOREIGN TABLE"
        default: drop = "DROP TABLE"
        }
        if relation.isTable {
            attack("TRUNCATE \(relation.name)", Query(unsafeSQL: "TRUNCATE \(name)"))
            attack("TRUNCATE \(relation.name) CASCADE", Query(unsafeSQL: "TRUNCATE \(name) CASCADE"))
            attack(
                "ALTER TABLE \(relation.name) DISABLE TRIGGER ALL",
                Query(unsafeSQL: "ALTER TABLE \(name) DISABLE TRIGGER ALL"), kind: .mustRefuse)
            attack(
                "ALTER TABLE \(relation.name) DISABLE TRIGGER USER",
                Query(unsafeSQL: "ALTER TABLE \(name) DISABLE TRIGGER USER"), kind: .mustRefuse)
            attack(
                "ALTER TABLE \(relation.name) ADD COLUMN",
                Query(unsafeSQL: "ALTER TABLE \(name) ADD COLUMN cd_attack int"), kind: .mustRefuse)
        }
        if relation.kind == "m" {
            attack(
                "REFRESH MATERIALIZED VIEW \(relation.name)",
                Query(unsafeSQL: "REFRESH MATERIALIZED VIEW \(name)"), kind: .mustRefuse)
        }
        attack("\(drop) \(relation.name)", Query(unsafeSQL: "\(drop) \(name)"), kind: .mustRefuse)
        // GRANT without the grant option only warns ("no privileges were granted"): the snapshot's ACLs judge it.
        attack("GRANT ALL on \(relation.name) to itself", Query(unsafeSQL: "GRANT ALL ON \(name) TO CURRENT_USER"))
        checkSnapshot(after: "the attacks on \(relation.name)")
    }

    /// The sample row with every text value altered, so unique keys do not stop a forged insert by themselves.
    private func forged(_ sample: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(sample.utf8)) as? [String: Any] else {
            return sample
        }
        var changed: [String: Any] = [:]
        for (key, value) in object {
            if let text = value as? String, !key.hasSuffix("_on"), !key.hasSuffix("dated") {
                changed[key] = text.hasPrefix("http") ? text + "-forged" : text + "x"
            } else {
                changed[key] = value
            }
        }
        guard let data = try? JSONSerialization.data(withJSONObject: changed) else { return sample }
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: - Sequences

    private func sequenceAttacks(_ sequence: String) {
        let name = "claimdesk." + quoted(sequence)
        attack(
            "nextval(\(sequence))", Query(unsafeSQL: "SELECT nextval($1::regclass)", binds: [name]), sideEffects: true)
        attack(
            "setval(\(sequence), 1)", Query(unsafeSQL: "SELECT setval($1::regclass, 1, false)", binds: [name]),
            sideEffects: true)
        attack(
            "setval(\(sequence), 1000000)", Query(unsafeSQL: "SELECT setval($1::regclass, 1000000)", binds: [name]),
            sideEffects: true)
        attack(
            "ALTER SEQUENCE \(sequence) RESTART", Query(unsafeSQL: "ALTER SEQUENCE \(name) RESTART"), kind: .mustRefuse)
    }

    // MARK: - Functions

    private func functionAttacks(_ function: SchemaCatalog.Function) {
        guard !function.returnsTrigger, function.kind == "f" || function.kind == "p" else { return }
        let permitted = isPermitted(function)
        attack(
            "\(function.signature) with plausible arguments", call(function, plausibleArguments(function)),
            kind: permitted ? .permitted : .mayRead, sideEffects: true)
        attack(
            "\(function.signature) with NULL arguments",
            call(function, function.argumentTypes.map { _ in nil }), kind: permitted ? .permitted : .mayRead,
            sideEffects: true)
        attack(
            "\(function.signature) with hostile arguments", call(function, function.argumentTypes.map(hostile)),
            kind: permitted ? .permitted : .mayRead, sideEffects: true)
    }

    private func call(_ function: SchemaCatalog.Function, _ arguments: [String?]) -> Query {
        let placeholders = function.argumentTypes.enumerated().map { "$\($0.offset + 1)::\($0.element)" }
        let target = "claimdesk.\(quoted(function.name))(\(placeholders.joined(separator: ", ")))"
        return Query(unsafeSQL: function.kind == "p" ? "CALL \(target)" : "SELECT * FROM \(target)", binds: arguments)
    }

    /// A value a real client of this function would pass, guessed from the parameter's name and type.
    private func plausibleArguments(_ function: SchemaCatalog.Function) -> [String?] {
        zip(function.argumentNames, function.argumentTypes).map { name, type in
            if let value = Attacker.overrides[function.name]?[name] { return value }
            return plausible(name: name, type: type)
        }
    }

    private func plausible(name: String, type: String) -> String? {
        switch type {
        case "date": return AttackSeed.day.description
        case "boolean": return "false"
        case "text[]": return "{deepseek:training,deepseek:baa}"
        case "jsonb", "json": return "{}"
        case "bigint", "integer", "smallint":
            if name.contains("version") { return String(seed.trainingDraftVersion) }
            if name.contains("claim") { return String(seed.trainingClaimID) }
            if name.contains("id") { return String(seed.trainingDraftID) }
            if name.contains("length") { return "100" }
            return "1"
        case "text", "character varying":
            let table: [(String, String)] = [
                ("ref", "deepseek:training"), ("archived", "https://web.archive.org/web/attack"),
                ("url", AttackSeed.draftCitationURL), ("verdict", "trains_unless_opt_out"),
                ("headline", "Attack headline"), ("body", "Attack body"), ("confidence", "high"),
                ("verified_by", "mallory"), ("supports", "Attack supports."), ("title", "Attack title"),
                ("handle", "cd_mallory"), ("role", "admin"), ("name", "Mallory"), ("category", "Attack"),
                ("slug", "attack-tool"), ("tool", "deepseek"), ("note", "Attack note."), ("topic", "training"),
                ("email", "reader@example.org"), ("what", "date"),
            ]
            return table.first(where: { name.contains($0.0) })?.1 ?? "deepseek:training"
        default:
            return nil
        }
    }

    private func hostile(_ type: String) -> String? {
        switch type {
        case "date": return "infinity"
        case "boolean": return "true"
        case "text[]": return "{\"'); DROP TABLE claimdesk.tools; --\",deepseek:training,deepseek:training}"
        case "jsonb", "json": return "{\"a\": [1, {\"b\": null}], \"role\": \"admin\"}"
        case "bigint": return "-9223372036854775808"
        case "integer": return "2147483647"
        case "smallint": return "-32768"
        case "text", "character varying":
            return "'); DROP TABLE claimdesk.tools; -- \u{1B}[2J" + String(repeating: "x", count: 20_001)
        default: return nil
        }
    }

    // MARK: - Leaky reads

    /// For every column of every relation: what the role can read plainly, then what a cheap leaky function in
    /// the WHERE clause sees. Anything the function saw that the plain read did not show is a leak.
    private func leakyReads() {
        tally.tried += 1
        let create = """
            CREATE FUNCTION pg_temp.cd_leak(text) RETURNS boolean LANGUAGE plpgsql COST 0.0000001 AS $$
            BEGIN RAISE NOTICE 'cd-leak:%', quote_nullable($1); RETURN true; END $$
            """
        guard case .succeeded = execute(Query(unsafeSQL: create)) else {
            // Without TEMP there is no pg_temp function to leak through: every leaky read is refused.
            tally.refused += 1
            tally.tried += catalog.relations.reduce(0) { $0 + $1.columns.count }
            tally.refused += catalog.relations.reduce(0) { $0 + $1.columns.count }
            return
        }
        tally.harmless += 1
        _ = notices.drain()
        for relation in catalog.relations {
            let hides = hidesRows(relation)
            for column in relation.columns {
                leakyRead(relation, column, hides: hides)
            }
        }
    }

    /// Whether `relation` shows this role less than the tables under it hold: a view over a table the role cannot
    /// read, or over (or itself) a table whose row-level security shows the role fewer rows than the superuser
    /// sees. Only then can a leaky function see more than a plain read.
    private func hidesRows(_ relation: SchemaCatalog.Relation) -> Bool {
        var bases = [relation.qualified]
        if !relation.isTable {
            let query: Query = """
                WITH RECURSIVE base(rel) AS (
                    SELECT d.refobjid FROM pg_rewrite r
                    JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
                        AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> r.ev_class
                    WHERE r.ev_class = \(relation.qualified)::regclass
                    UNION
                    SELECT d.refobjid FROM base JOIN pg_rewrite r ON r.ev_class = base.rel
                    JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
                        AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> r.ev_class
                )
                SELECT base.rel::regclass::text AS name FROM base JOIN pg_class c ON c.oid = base.rel
                WHERE c.relkind IN ('r', 'p', 'm', 'f')
                """
            guard case .succeeded(let rows) = execute(query) else { return true }
            bases = rows.compactMap { $0["name"] }
        }
        for base in bases {
            let count = Query(unsafeSQL: "SELECT count(*)::text AS n FROM \(base)")
            guard case .succeeded(let mine) = execute(count), let all = try? admin.query(count) else { return true }
            if mine.first?["n"] != all.first?["n"] { return true }
        }
        return false
    }

    private func leakyRead(_ relation: SchemaCatalog.Relation, _ column: SchemaCatalog.Column, hides: Bool) {
        let value = "(\(quoted(column.name)))::text"
        tally.tried += 1
        var allowed: Set<String> = []
        if case .succeeded(let rows) = execute(
            Query(unsafeSQL: "SELECT DISTINCT quote_nullable(\(value)) AS v FROM \(relation.qualified)"))
        {
            allowed = Set(rows.compactMap { $0["v"] })
        }
        _ = notices.drain()
        // Once with the planner's own choice, once with index scans off: a partial index can hide a leak that a
        // sequential scan (which the attacker can force) shows.
        var outcome = execute(
            Query(unsafeSQL: "SELECT count(*) FROM \(relation.qualified) WHERE pg_temp.cd_leak(\(value))"))
        if case .succeeded = outcome, case .succeeded = execute("BEGIN") {
            _ = execute("SET LOCAL enable_indexscan = off")
            _ = execute("SET LOCAL enable_bitmapscan = off")
            _ = execute("SET LOCAL enable_indexonlyscan = off")
            outcome = execute(
                Query(unsafeSQL: "SELECT count(*) FROM \(relation.qualified) WHERE pg_temp.cd_leak(\(value))"))
            _ = execute("ROLLBACK")
        }
        let seen = notices.drain().compactMap { message -> String? in
            message.hasPrefix("cd-leak:") ? String(message.dropFirst("cd-leak:".count)) : nil
        }
        let leaked = hides ? Set(seen).subtracting(allowed).subtracting(["NULL"]) : []
        if case .refused = outcome, seen.isEmpty {
            tally.refused += 1
        } else if leaked.isEmpty {
            tally.harmless += 1
        } else {
            let sample = leaked.sorted().prefix(3).map { String($0.prefix(80)) }.joined(separator: ", ")
            tally.leaked.append(
                "\(tally.role): \(relation.name).\(column.name) leaked \(leaked.count) value(s) through a leaky "
                    + "function in WHERE, e.g. \(sample)")
        }
    }

    /// Readers' e-mail addresses are the notifier's alone (design: "Only the notifier role can read addresses"):
    /// any column named like an e-mail address that another role can read rows of is a leak, whatever table a
    /// later migration puts it in.
    private func readerAddresses() {
        for relation in catalog.relations {
            for column in relation.columns where column.name.lowercased().contains("email") {
                tally.tried += 1
                let query = Query(
                    unsafeSQL: "SELECT count(\(quoted(column.name)))::text AS n FROM \(relation.qualified)")
                guard case .succeeded(let rows) = execute(query) else {
                    tally.refused += 1
                    continue
                }
                let visible = Int(rows.first?["n"] ?? "0") ?? 0
                if role == "notifier" || (visible == 0 && relation.rowSecurity) {
                    tally.harmless += 1
                } else {
                    tally.leaked.append(
                        "\(tally.role): may read reader addresses in \(relation.name).\(column.name) (\(visible) visible)"
                    )
                }
            }
        }
    }

    // MARK: - Session settings

    /// A fingerprint of everything the role can read, table by table, leaving out values that differ between
    /// two runs of the same call (ids from sequences, timestamps, JSON details that carry ids).
    private func effect() -> [String: String]? {
        guard let digest = effectSQL, case .succeeded(let rows) = execute(digest) else { return nil }
        return Dictionary(rows.map { ($0["t"] ?? "", $0["d"] ?? "") }, uniquingKeysWith: { a, _ in a })
    }

    /// The fingerprint query over the relations this role may read (privileges do not change during the run).
    private lazy var effectSQL: Query? = {
        guard
            case .succeeded(let rows) = execute(
                """
                SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'claimdesk'::regnamespace
                AND c.relkind IN ('r', 'p', 'v', 'm') AND has_table_privilege(c.oid, 'SELECT') ORDER BY c.relname
                """)
        else { return nil }
        let readable = Set(rows.compactMap { $0["relname"] })
        var parts: [String] = []
        let stable: Set<String> = ["text", "text[]", "integer", "smallint", "boolean", "date", "character varying"]
        for relation in catalog.relations where readable.contains(relation.name) {
            let columns = relation.columns.filter { stable.contains($0.type) }.map { "x.\(quoted($0.name))" }
            let row = columns.isEmpty ? "''" : "ROW(\(columns.joined(separator: ", ")))::text"
            parts.append(
                "SELECT \(literal(relation.name)) AS t, count(*) || ':' || "
                    + "coalesce(md5(string_agg(\(row), ',' ORDER BY \(row))), '') AS d FROM \(relation.qualified) x")
        }
        return parts.isEmpty ? nil : Query(unsafeSQL: parts.joined(separator: " UNION ALL "))
    }()

    /// The calls this role may make, with plausible arguments: the ones whose rules and audit a setting must not bend.
    private var permittedCalls: [(String, Query)] {
        guard role != nil else { return [] }
        return catalog.functions.filter { isPermitted($0) && !$0.returnsTrigger }
            .map { ($0.signature, call($0, plausibleArguments($0))) }
    }

    /// The editorial roles whose legitimate calls `permitted` lists by name.
    static let editorialRoles: Set<String> = ["editor", "reviewer", "admin"]

    /// Whether a plausible call of `function` is this role's job. Editorial roles: as `permitted` lists. Service
    /// roles (exporter, notifier, watcher, and any later one): the SECURITY DEFINER functions granted to them that
    /// are not editorial workflow steps — their own service API, which the migration that adds them grants.
    private func isPermitted(_ function: SchemaCatalog.Function) -> Bool {
        guard let role else { return false }
        if let roles = Attacker.permitted[function.name] { return roles.contains(role) }
        guard !Attacker.editorialRoles.contains(role), function.securityDefiner else { return false }
        if let known = serviceGrants[function.signature] { return known }
        var granted = false
        if case .succeeded(let rows) = execute(
            Query(
                unsafeSQL: "SELECT has_function_privilege($1::regprocedure, 'EXECUTE') AS granted",
                binds: [function.signature]))
        {
            granted = rows.first?["granted"] == "t"
        }
        serviceGrants[function.signature] = granted
        return granted
    }

    /// `prepare` runs first in the transaction (SET LOCAL, set_config), then the call (or only a read when nil).
    private func effect(of call: Query?, prepare: Query?) -> [String: String]? {
        guard case .succeeded = execute("BEGIN") else { return nil }
        defer { _ = execute("ROLLBACK") }
        if let prepare, case .refused = execute(prepare) { return nil }
        if let call, case .refused = execute(call) { return ["refused": "yes"] }
        return effect()
    }

    private func settingAttacks() {
        let calls: [(String, Query?)] = [("reading the schema", nil)] + permittedCalls.map { ($0.0, Optional($0.1)) }
        var baselines: [String: [String: String]] = [:]
        for (label, call) in calls { baselines[label] = effect(of: call, prepare: nil) }
        for setting in catalog.settings {
            for value in Attacker.settingValues {
                let methods: [(String, Query)] = [
                    ("SET LOCAL \(setting) = \(value)", Query(unsafeSQL: "SET LOCAL \(setting) = \(literal(value))")),
                    (
                        "set_config('\(setting)', '\(value)', true)",
                        Query(unsafeSQL: "SELECT set_config($1, $2, true)", binds: [setting, value])
                    ),
                ]
                for (method, prepare) in methods {
                    for (label, call) in calls {
                        compare(label, method: method, baseline: baselines[label]) {
                            self.effect(of: call, prepare: prepare)
                        }
                    }
                }
                sessionWide(setting, value, calls: calls, baselines: baselines)
                checkSnapshot(after: "setting \(setting) to \(value)")
            }
        }
    }

    /// The same setting for the whole session: SET, a startup option (PGOPTIONS), and ALTER ROLE … SET.
    private func sessionWide(
        _ setting: String, _ value: String, calls: [(String, Query?)], baselines: [String: [String: String]]
    ) {
        tally.tried += 1
        if case .succeeded = execute(Query(unsafeSQL: "SET \(setting) = \(literal(value))")) {
            tally.harmless += 1
            for (label, call) in calls {
                compare(label, method: "SET \(setting) = \(value)", baseline: baselines[label]) {
                    self.effect(of: call, prepare: nil)
                }
            }
            _ = execute(Query(unsafeSQL: "RESET \(setting)"))
        } else {
            tally.refused += 1
        }

        tally.tried += 1
        if connect(options: "-c \(setting)=\(value)") != nil {
            tally.harmless += 1
            for (label, call) in calls {
                compare(label, method: "PGOPTIONS='-c \(setting)=\(value)'", baseline: baselines[label]) {
                    self.effect(of: call, prepare: nil)
                }
            }
        } else {
            tally.refused += 1
        }
        connect()

        tally.tried += 1
        if case .succeeded = execute(Query(unsafeSQL: "ALTER ROLE CURRENT_USER SET \(setting) = \(literal(value))")) {
            tally.harmless += 1
            connect()
            for (label, call) in calls {
                compare(label, method: "ALTER ROLE … SET \(setting) = \(value)", baseline: baselines[label]) {
                    self.effect(of: call, prepare: nil)
                }
            }
            _ = execute(Query(unsafeSQL: "ALTER ROLE CURRENT_USER RESET \(setting)"))
            connect()
        } else {
            tally.refused += 1
        }
    }

    /// One setting attack on one call: the same call must have the same effect with and without the setting.
    private func compare(_ label: String, method: String, baseline: [String: String]?, _ run: () -> [String: String]?) {
        tally.tried += 1
        guard let baseline, let effect = run() else {
            tally.refused += 1
            return
        }
        if effect == baseline {
            tally.harmless += 1
        } else {
            let tables = Set(baseline.keys).union(effect.keys).filter { baseline[$0] != effect[$0] }.sorted()
            tally.changed.append(
                "\(tally.role): \(method) changed what \(label) does (tables: \(tables.joined(separator: ", ")))")
        }
    }
}
