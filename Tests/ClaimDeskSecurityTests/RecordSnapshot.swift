import Foundation
import LibPQ

/// Everything an attack could change, as the superuser sees it: every row of every table in schema `claimdesk`
/// (enumerated from the catalog), the numbers of its own sequences, the schema's objects with their owners,
/// grants and trigger states, large objects, schemas, and the attackers' role memberships. Compared as text
/// before and after attacks: an ordered SELECT dump, equivalent to `pg_dump --data-only` for this purpose.
struct RecordSnapshot {
    let admin: Connection
    let attackers: [String]
    private let sql: String

    private let sequenceSQL: String

    init(admin: Connection, catalog: SchemaCatalog, attackers: [String]) {
        self.admin = admin
        self.attackers = attackers
        sequenceSQL =
            "SELECT concat_ws(' ', "
            + (catalog.sequences.map { "(SELECT last_value || ':' || is_called FROM claimdesk.\(quoted($0)))" }
            + ["''"]).joined(separator: ", ") + ") AS s"
        var parts: [String] = []
        for relation in catalog.relations where relation.isTable {
            parts.append(
                "SELECT 'table \(relation.name) ' || coalesce((SELECT string_agg(x::text, E'\\n' ORDER BY x::text) "
                    + "FROM \(relation.qualified) x), '')")
        }
        for sequence in catalog.sequences {
            parts.append(
                "SELECT 'sequence \(sequence) ' || (SELECT last_value || ' ' || is_called FROM claimdesk.\(quoted(sequence)))"
            )
        }
        parts.append(
            """
            SELECT 'objects ' || coalesce((SELECT string_agg(c.relname || ':' || c.relkind::text || ':' || c.relowner::regrole::text
                || ':' || coalesce(c.relacl::text, '') || ':' || c.relrowsecurity::text, ', ' ORDER BY c.relname)
                FROM pg_class c WHERE c.relnamespace = 'claimdesk'::regnamespace), '')
            """)
        parts.append(
            """
            SELECT 'functions ' || coalesce((SELECT string_agg(p.oid::regprocedure::text || ':' || p.proowner::regrole::text
                || ':' || coalesce(p.proacl::text, '') || ':' || md5(p.prosrc) || ':' || coalesce(p.proconfig::text, ''),
                ', ' ORDER BY p.oid::regprocedure::text)
                FROM pg_proc p WHERE p.pronamespace = 'claimdesk'::regnamespace), '')
            """)
        parts.append(
            """
            SELECT 'triggers ' || coalesce((SELECT string_agg(t.tgrelid::regclass::text || '.' || t.tgname || ':' || t.tgenabled::text,
                ', ' ORDER BY t.tgrelid::regclass::text, t.tgname) FROM pg_trigger t
                JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = 'claimdesk'::regnamespace), '')
            """)
        parts.append(
            """
            SELECT 'schemas ' || (SELECT string_agg(nspname || ':' || coalesce(nspacl::text, ''), ', ' ORDER BY nspname)
                FROM pg_namespace WHERE nspname !~ '^pg_(toast_)?temp_')
            """)
        parts.append(
            "SELECT 'public objects ' || (SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace)")
        parts.append("SELECT 'large objects ' || (SELECT count(*) FROM pg_largeobject_metadata)")
        parts.append(
            "SELECT 'database ' || (SELECT coalesce(datacl::text, '') FROM pg_database WHERE datname = current_database())"
        )
        let names = attackers.map(literal).joined(separator: ", ")
        if !names.isEmpty {
            parts.append(
                """
                SELECT 'memberships ' || coalesce((SELECT string_agg(m.member::regrole::text || '<' || m.roleid::regrole::text, ', '
                    ORDER BY m.member::regrole::text, m.roleid::regrole::text) FROM pg_auth_members m
                    WHERE m.member::regrole::text IN (\(names)) OR m.roleid::regrole::text IN (\(names))), '')
                """)
        }
        sql =
            "SELECT string_agg(s, E'\\n' ORDER BY n) AS snap FROM (\n"
            + parts.enumerated().map { "SELECT \($0.offset) AS n, (\($0.element)) AS s" }.joined(
                separator: "\nUNION ALL ")
            + "\n) parts"
    }

    /// Installs the snapshot query as a PL/pgSQL function of the superuser's session, whose plan is prepared
    /// once: the suite takes a snapshot after hundreds of attacks.
    func prepare() throws {
        try admin.execute(
            Query(
                unsafeSQL:
                    "CREATE OR REPLACE FUNCTION pg_temp.cd_snapshot() RETURNS text LANGUAGE plpgsql AS $cd_snapshot$ "
                    + "BEGIN RETURN (\(sql)); END $cd_snapshot$"))
    }

    /// The whole snapshot as text (lines prefixed by what they describe).
    func take() throws -> String {
        try admin.query("SELECT pg_temp.cd_snapshot() AS snap").first?["snap"] ?? ""
    }

    /// The schema's own sequences only: what a refused statement can still have changed.
    func sequences() throws -> String {
        try admin.query(Query(unsafeSQL: sequenceSQL)).first?["s"] ?? ""
    }

    /// The lines that differ between two snapshots, shortened, to say what an attack changed.
    static func difference(_ before: String, _ after: String) -> String {
        let old = Set(before.split(separator: "\n"))
        let new = Set(after.split(separator: "\n"))
        let removed = old.subtracting(new).map { "- " + $0.prefix(300) }
        let added = new.subtracting(old).map { "+ " + $0.prefix(300) }
        return (removed + added).sorted().joined(separator: "\n")
    }
}
