/// The row attestation on PostgreSQL, in the server: each row written to an attested table gets
/// its digest (``RowLeaf``) computed by a trigger, over the same bytes as SQLite's `sims_attest`
/// gathers, and waits in `attest_pending` until ``EventLog/seal(_:)`` takes it into the
/// transaction's event (``PostgresSession``'s ``RowAttesting``); a deferred constraint trigger
/// refuses to commit while any is left, as SQLite's ``AttestationGuard`` does.
///
/// The digest's bytes (``RowLeaf/init(digestOf:)``): the table's name and NUL, then for each
/// non-NULL attested column its index, its kind and its value, built by `guichet_attest_value`,
/// overloaded on the column's type: `bigint` is kind 1 (8 bytes little-endian), `double precision`
/// kind 2 (its IEEE bits, 8 bytes little-endian), `text` kind 3 and `bytea` kind 4 (length on 4
/// bytes little-endian, then the UTF-8 text or the bytes). `guichet_attest_row(r <table>)`, one per
/// attested table, gives a row's name (its key columns joined by `/`, spaces and newlines in a
/// text key made `_`), its bucket (first key / ``AttestedTable/bucketWidth``, 0 when it is not an
/// integer) and its SHA-256 (`sha256()`, core since PostgreSQL 11); it is PL/pgSQL, whose plans
/// a connection keeps (PostgreSQL before 18 plans a SQL function's body again at every call that
/// cannot inline it: 0.7 ms a row). The one trigger function
/// `guichet_attest()` serves every table (PL/pgSQL compiles it per trigger, so `OLD` and `NEW`
/// find their table's `guichet_attest_row`).
///
/// `attest_pending` is `UNLOGGED` (its rows never outlive their transaction, so a crash loses
/// nothing of it) and holds each row with its transaction's id: a transaction reads and removes
/// only its own. Its order within the transaction comes from a transaction-local setting
/// (`guichet.attest_seq`) rather than a sequence, whose `nextval` would change what `lastval()`
/// reports (``PostgresSession/lastInsertedRowID``).
///
/// Part of schema version 1 (nothing was deployed before it). A column appended to an attested
/// table later is a new schema version that replaces that table's `guichet_attest_row` and its
/// update trigger.
enum PostgresAttestationSQL {
    /// The helper functions, the pending table and its guard, then each attested table's row
    /// function and its three triggers.
    static var version1: String {
        ([helpers, pending] + AttestedTable.all.map(statements(for:))).joined(separator: "\n")
    }

    /// The encoding of one value, a row's name and bucket.
    static let helpers = """
        CREATE FUNCTION guichet_attest_head(at_index integer, kind_code integer) RETURNS bytea
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT set_byte(set_byte(decode('0000', 'hex'), 0, at_index & 255), 1, kind_code)
        $$;
        CREATE FUNCTION guichet_attest_le8(v bigint) RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT set_byte(set_byte(set_byte(set_byte(set_byte(set_byte(set_byte(set_byte(decode('0000000000000000', 'hex'),
                0, (v & 255)::integer), 1, ((v >> 8) & 255)::integer), 2, ((v >> 16) & 255)::integer),
                3, ((v >> 24) & 255)::integer), 4, ((v >> 32) & 255)::integer), 5, ((v >> 40) & 255)::integer),
                6, ((v >> 48) & 255)::integer), 7, ((v >> 56) & 255)::integer)
        $$;
        CREATE FUNCTION guichet_attest_le4(v integer) RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT set_byte(set_byte(set_byte(set_byte(decode('00000000', 'hex'),
                0, v & 255), 1, (v >> 8) & 255), 2, (v >> 16) & 255), 3, (v >> 24) & 255)
        $$;
        CREATE FUNCTION guichet_attest_value(at_index integer, v bigint) RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT CASE WHEN v IS NULL THEN ''::bytea ELSE guichet_attest_head(at_index, 1) || guichet_attest_le8(v) END
        $$;
        CREATE FUNCTION guichet_attest_value(at_index integer, v double precision) RETURNS bytea
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT CASE WHEN v IS NULL THEN ''::bytea
                ELSE guichet_attest_head(at_index, 2) || guichet_attest_le8(('x' || encode(float8send(v), 'hex'))::bit(64)::bigint) END
        $$;
        CREATE FUNCTION guichet_attest_value(at_index integer, v text) RETURNS bytea LANGUAGE sql STABLE PARALLEL SAFE AS $$
            SELECT CASE WHEN v IS NULL THEN ''::bytea
                ELSE guichet_attest_head(at_index, 3) || guichet_attest_le4(length(convert_to(v, 'UTF8'))) || convert_to(v, 'UTF8') END
        $$;
        CREATE FUNCTION guichet_attest_value(at_index integer, v bytea) RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT CASE WHEN v IS NULL THEN ''::bytea ELSE guichet_attest_head(at_index, 4) || guichet_attest_le4(length(v)) || v END
        $$;
        CREATE FUNCTION guichet_attest_key(v bigint) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT coalesce(v::text, '')
        $$;
        CREATE FUNCTION guichet_attest_key(v text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT coalesce(replace(replace(v, ' ', '_'), chr(10), '_'), '')
        $$;
        CREATE FUNCTION guichet_attest_bucket(v bigint) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT coalesce(v / \(AttestedTable.bucketWidth), 0)
        $$;
        CREATE FUNCTION guichet_attest_bucket(v text) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT 0::bigint
        $$;
        """

    /// The pending rows, their order, the trigger function and the guard.
    static let pending = """
        CREATE UNLOGGED TABLE attest_pending (
            xact xid8 NOT NULL DEFAULT pg_current_xact_id(),
            seq bigint NOT NULL,
            added boolean NOT NULL,
            table_name text NOT NULL,
            row_key text NOT NULL,
            bucket bigint NOT NULL,
            leaf bytea NOT NULL
        );
        CREATE FUNCTION guichet_attest_next() RETURNS bigint LANGUAGE sql VOLATILE AS $$
            SELECT set_config('guichet.attest_seq',
                (coalesce(nullif(current_setting('guichet.attest_seq', true), ''), '0')::bigint + 1)::text, true)::bigint
        $$;
        CREATE FUNCTION guichet_attest() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            removed record;
            written record;
        BEGIN
            IF TG_OP <> 'INSERT' THEN SELECT * INTO removed FROM guichet_attest_row(OLD); END IF;
            IF TG_OP <> 'DELETE' THEN SELECT * INTO written FROM guichet_attest_row(NEW); END IF;
            -- An update that changed no attested value records nothing.
            IF TG_OP = 'UPDATE' THEN
                IF removed.leaf = written.leaf THEN RETURN NULL; END IF;
            END IF;
            IF TG_OP <> 'INSERT' THEN
                INSERT INTO attest_pending (seq, added, table_name, row_key, bucket, leaf)
                    VALUES (guichet_attest_next(), false, TG_TABLE_NAME, removed.row_key, removed.bucket, removed.leaf);
            END IF;
            IF TG_OP <> 'DELETE' THEN
                INSERT INTO attest_pending (seq, added, table_name, row_key, bucket, leaf)
                    VALUES (guichet_attest_next(), true, TG_TABLE_NAME, written.row_key, written.bucket, written.leaf);
            END IF;
            RETURN NULL;
        END
        $$;
        CREATE FUNCTION guichet_attest_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            tables text;
        BEGIN
            -- Fired once per pending row at the commit: checked once unless rows came since.
            IF current_setting('guichet.attest_guarded', true) = current_setting('guichet.attest_seq', true) THEN
                RETURN NULL;
            END IF;
            -- A row written then taken back as it was (a list rewritten whole) changed nothing.
            SELECT string_agg(DISTINCT table_name, ', ' ORDER BY table_name) INTO tables FROM (
                SELECT table_name FROM attest_pending WHERE xact = pg_current_xact_id_if_assigned()
                GROUP BY table_name, row_key, leaf HAVING sum(CASE WHEN added THEN 1 ELSE -1 END) <> 0) AS unsealed;
            IF tables IS NOT NULL THEN
                RAISE EXCEPTION 'écriture non attestée : des lignes de % ont été écrites sans événement', tables
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            PERFORM set_config('guichet.attest_guarded', current_setting('guichet.attest_seq', true), true);
            RETURN NULL;
        END
        $$;
        CREATE CONSTRAINT TRIGGER attest_pending_sealed AFTER INSERT ON attest_pending
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION guichet_attest_guard();
        """

    /// `table`'s row function and its triggers `attest_<table>_insert/_update/_delete` (the update
    /// one watching the attested columns only, as SQLite's).
    static func statements(for table: AttestedTable) -> String {
        let name = table.name
        let key = table.keyColumns.map { "guichet_attest_key(r.\(quoted($0)))" }.joined(separator: " || '/' || ")
        let bucket = "guichet_attest_bucket(r.\(quoted(table.keyColumns[0])))"
        let nameBytes = table.nameBytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        let values = table.columns.enumerated().map { "guichet_attest_value(\($0.offset), r.\(quoted($0.element)))" }
        let watched = table.columns.map(quoted).joined(separator: ", ")
        return """
            CREATE FUNCTION guichet_attest_row(r \(name), OUT row_key text, OUT bucket bigint, OUT leaf bytea)
                LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
            BEGIN
                row_key := \(key);
                bucket := \(bucket);
                leaf := sha256(decode('\(nameBytes)', 'hex') || \(values.joined(separator: "\n            || ")));
            END
            $$;
            CREATE TRIGGER attest_\(name)_insert AFTER INSERT ON \(name) FOR EACH ROW EXECUTE FUNCTION guichet_attest();
            CREATE TRIGGER attest_\(name)_update AFTER UPDATE OF \(watched) ON \(name)
                FOR EACH ROW EXECUTE FUNCTION guichet_attest();
            CREATE TRIGGER attest_\(name)_delete AFTER DELETE ON \(name) FOR EACH ROW EXECUTE FUNCTION guichet_attest();
            """
    }

    private static func quoted(_ column: String) -> String { "\"\(column)\"" }
}
