import Foundation
import LibPQ

/// What schema `claimdesk` holds, read from the system catalog (never from a hand-written list), so a table,
/// view, sequence, function or setting added by a later migration is attacked without anyone touching the suite.
struct SchemaCatalog {
    struct Column {
        var name: String
        var type: String
        /// Identity or generated: an INSERT must leave it out.
        var isGenerated: Bool
    }

    struct Relation {
        var name: String
        /// `r` table, `p` partitioned table, `v` view, `m` materialized view, `f` foreign table.
        var kind: String
        var columns: [Column]
        /// The first row as JSON (read as the superuser), the model for a plausible forged INSERT.
        var sampleRow: String?
        var rowSecurity: Bool

        var isTable: Bool { kind == "r" || kind == "p" }
        var qualified: String { "claimdesk.\(quoted(name))" }
    }

    struct Function {
        var name: String
        /// `regprocedure` text, e.g. `claimdesk.cite(text,text,text,date,text,text)`.
        var signature: String
        var argumentTypes: [String]
        var argumentNames: [String]
        var kind: String
        var securityDefiner: Bool
        var returnsTrigger: Bool
    }

    var relations: [Relation]
    /// Sequences that are not identity columns' own: their numbers are part of the record (publish_seq).
    var sequences: [String]
    var functions: [Function]
    /// Custom settings (`claimdesk.*` and the like) that any function reads or writes, plus the ones the
    /// suite always tries.
    var settings: [String]
    /// Every ClaimDesk group role (`claimdesk_*`, NOLOGIN), e.g. editor, reviewer, admin, exporter.
    var groupRoles: [String]

    static let alwaysTriedSettings = ["claimdesk.copying_citations"]

    static func read(_ admin: Connection) throws -> SchemaCatalog {
        var relations: [Relation] = []
        let rels = try admin.query(
            """
            SELECT c.oid::bigint AS oid, c.relname, c.relkind::text AS relkind, c.relrowsecurity FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'claimdesk' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY c.relname
            """)
        for row in rels {
            let oid = row["oid"] ?? "0"
            let name = row["relname"] ?? ""
            let columns = try admin.query(
                """
                SELECT attname, format_type(atttypid, atttypmod) AS type,
                       (attidentity <> '' OR attgenerated <> '') AS generated
                FROM pg_attribute WHERE attrelid = \(oid)::bigint::oid AND attnum > 0 AND NOT attisdropped
                ORDER BY attnum
                """
            ).map { Column(name: $0["attname"] ?? "", type: $0["type"] ?? "text", isGenerated: $0["generated"] == "t") }
            var relation = Relation(
                name: name, kind: row["relkind"] ?? "r", columns: columns, sampleRow: nil,
                rowSecurity: row["relrowsecurity"] == "t")
            relation.sampleRow = try admin.query(
                Query(unsafeSQL: "SELECT to_jsonb(x)::text AS j FROM \(relation.qualified) x LIMIT 1")
            ).first?["j"]
            relations.append(relation)
        }
        let sequences = try admin.query(
            """
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'claimdesk' AND c.relkind = 'S'
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                              AND d.deptype IN ('i', 'a'))
            ORDER BY c.relname
            """
        ).compactMap { $0["relname"] }
        let functions = try admin.query(
            """
            SELECT p.proname, p.oid::regprocedure::text AS signature, p.prokind::text AS kind, p.prosecdef,
                   p.prorettype IN ('trigger'::regtype, 'event_trigger'::regtype) AS returns_trigger,
                   coalesce((SELECT json_agg(format_type(t, NULL) ORDER BY i)
                             FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY u(t, i)), '[]')::text AS types,
                   coalesce((SELECT json_agg(coalesce(nm, '') ORDER BY i)
                             FROM unnest(p.proargnames, p.proargmodes::text[]) WITH ORDINALITY u(nm, md, i)
                             WHERE coalesce(md, 'i') IN ('i', 'b', 'v')), '[]')::text AS names
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'claimdesk' ORDER BY p.proname, p.oid
            """
        ).map { row in
            let types = (try? JSONDecoder().decode([String].self, from: Data((row["types"] ?? "[]").utf8))) ?? []
            var names = (try? JSONDecoder().decode([String].self, from: Data((row["names"] ?? "[]").utf8))) ?? []
            if names.count != types.count { names = Array(repeating: "", count: types.count) }
            return Function(
                name: row["proname"] ?? "", signature: row["signature"] ?? "", argumentTypes: types,
                argumentNames: names, kind: row["kind"] ?? "f", securityDefiner: row["prosecdef"] == "t",
                returnsTrigger: row["returns_trigger"] == "t")
        }
        // Any dotted setting name in a current_setting / set_config call, wherever in the schema's code it is.
        let read = try admin.query(
            """
            SELECT DISTINCT m[1] AS setting FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace,
                 regexp_matches(p.prosrc, '(?:current_setting|set_config)\\s*\\(\\s*''([A-Za-z0-9_]+\\.[A-Za-z0-9_.]+)''', 'g') m
            WHERE n.nspname = 'claimdesk'
            """
        ).compactMap { $0["setting"] }
        let settings = Array(Set(read + alwaysTriedSettings)).sorted()
        let groupRoles = try admin.query(
            "SELECT rolname FROM pg_roles WHERE rolname LIKE 'claimdesk\\_%' AND NOT rolcanlogin ORDER BY rolname"
        ).compactMap { $0["rolname"] }
        return SchemaCatalog(
            relations: relations, sequences: sequences, functions: functions, settings: settings,
            groupRoles: groupRoles)
    }
}

/// A double-quoted SQL identifier (catalog names only: they never contain a quote in this schema, but be exact).
func quoted(_ identifier: String) -> String {
    "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// A single-quoted SQL literal, for the few statements (SET, ALTER ROLE) that cannot take binds.
func literal(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
}
