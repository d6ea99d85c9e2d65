/// The triggers and functions of the register's schema on PostgreSQL (see the table in
/// docs/architecture.md, « Le moteur PostgreSQL »): the dashboard's running tallies, as SQLite's
/// `dossier_tally_*` triggers keep them, and the audit log kept append-only by the server itself.
/// The attestation triggers (`attest_<table>_*`) are ``PostgresAttestationSQL``'s.
enum PostgresSchemaTriggers {
    static let version1 = """
        CREATE FUNCTION guichet_day(instant text) RETURNS text LANGUAGE sql STABLE AS $$
            SELECT coalesce(to_char((instant::timestamptz AT TIME ZONE 'UTC') + interval '11 hours', 'YYYY-MM-DD'), '')
        $$;
        CREATE FUNCTION guichet_whole_days(since text, until text) RETURNS bigint LANGUAGE sql STABLE AS $$
            SELECT trunc(extract(epoch FROM (until::timestamptz - since::timestamptz)) / 86400)::bigint
        $$;
        CREATE FUNCTION dossier_tally_add(r dossier) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
            IF r.state <> 'brouillon' THEN
                INSERT INTO dossier_state_tally AS t (procedure_code, state, n) VALUES (r.procedure_code, r.state, 1)
                    ON CONFLICT (procedure_code, state) DO UPDATE SET n = t.n + 1;
            END IF;
            IF r.state IN \(DossierState.openSQL) THEN
                INSERT INTO dossier_open_tally AS t (procedure_code, state, submitted_day, due_day, n)
                    VALUES (r.procedure_code, r.state, guichet_day(r.submitted_at), coalesce(r.due_on, ''), 1)
                    ON CONFLICT (procedure_code, state, submitted_day, due_day) DO UPDATE SET n = t.n + 1;
                INSERT INTO dossier_load_tally AS t (assignee_id, state, n) VALUES (coalesce(r.assignee_id, 0), r.state, 1)
                    ON CONFLICT (assignee_id, state) DO UPDATE SET n = t.n + 1;
            END IF;
            IF r.decided_at IS NOT NULL AND r.submitted_at IS NOT NULL AND r.state IN \(DossierState.decidedSQL) THEN
                INSERT INTO dossier_decision_tally AS t (decided_day, procedure_code, state, processing_days, n)
                    VALUES (guichet_day(r.decided_at), r.procedure_code, r.state, guichet_whole_days(r.submitted_at, r.decided_at), 1)
                    ON CONFLICT (decided_day, procedure_code, state, processing_days) DO UPDATE SET n = t.n + 1;
            END IF;
        END
        $$;
        CREATE FUNCTION dossier_tally_subtract(r dossier) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
            IF r.state <> 'brouillon' THEN
                UPDATE dossier_state_tally SET n = n - 1 WHERE procedure_code = r.procedure_code AND state = r.state;
            END IF;
            IF r.state IN \(DossierState.openSQL) THEN
                UPDATE dossier_open_tally SET n = n - 1
                    WHERE procedure_code = r.procedure_code AND state = r.state
                    AND submitted_day = guichet_day(r.submitted_at) AND due_day = coalesce(r.due_on, '');
                UPDATE dossier_load_tally SET n = n - 1 WHERE assignee_id = coalesce(r.assignee_id, 0) AND state = r.state;
            END IF;
            IF r.decided_at IS NOT NULL AND r.submitted_at IS NOT NULL AND r.state IN \(DossierState.decidedSQL) THEN
                UPDATE dossier_decision_tally SET n = n - 1
                    WHERE decided_day = guichet_day(r.decided_at) AND procedure_code = r.procedure_code AND state = r.state
                    AND processing_days = guichet_whole_days(r.submitted_at, r.decided_at);
            END IF;
        END
        $$;
        CREATE FUNCTION dossier_tally() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM dossier_tally_subtract(OLD); END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM dossier_tally_add(NEW); END IF;
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER dossier_tally_insert AFTER INSERT ON dossier FOR EACH ROW EXECUTE FUNCTION dossier_tally();
        CREATE TRIGGER dossier_tally_delete AFTER DELETE ON dossier FOR EACH ROW EXECUTE FUNCTION dossier_tally();
        CREATE TRIGGER dossier_tally_update
            AFTER UPDATE OF procedure_code, state, assignee_id, submitted_at, due_on, decided_at ON dossier
            FOR EACH ROW EXECUTE FUNCTION dossier_tally();
        CREATE FUNCTION event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
                RAISE EXCEPTION 'journal des événements : un événement ne se supprime pas' USING ERRCODE = 'restrict_violation';
            END IF;
            IF (NEW.id, NEW.at, NEW.agent_id, NEW.kind, NEW.prev_hash, NEW.content_digest, NEW.legacy_hash, NEW.dossier_id)
                IS DISTINCT FROM (OLD.id, OLD.at, OLD.agent_id, OLD.kind, OLD.prev_hash, OLD.content_digest, OLD.legacy_hash, OLD.dossier_id) THEN
                RAISE EXCEPTION 'journal des événements : l''événement n° % ne se modifie pas', OLD.id USING ERRCODE = 'restrict_violation';
            END IF;
            IF (NEW.payload, NEW.tier_id, NEW.content_salt) IS DISTINCT FROM (OLD.payload, OLD.tier_id, OLD.content_salt)
                AND NOT (NEW.payload = '' AND NEW.tier_id IS NULL AND NEW.content_salt IS NULL) THEN
                RAISE EXCEPTION 'journal des événements : le contenu de l''événement n° % ne peut être qu''effacé', OLD.id
                    USING ERRCODE = 'restrict_violation';
            END IF;
            IF (NEW.attestation, NEW.hash) IS DISTINCT FROM (OLD.attestation, OLD.hash)
                AND OLD.id IS DISTINCT FROM (SELECT last_event_id FROM chain_head WHERE id = 1) THEN
                RAISE EXCEPTION 'journal des événements : seul le dernier événement reçoit son attestation (n° %)', OLD.id
                    USING ERRCODE = 'restrict_violation';
            END IF;
            RETURN NEW;
        END
        $$;
        CREATE TRIGGER event_append_only BEFORE UPDATE OR DELETE ON event FOR EACH ROW EXECUTE FUNCTION event_append_only();
        CREATE TRIGGER event_no_truncate BEFORE TRUNCATE ON event FOR EACH STATEMENT EXECUTE FUNCTION event_append_only();
        CREATE FUNCTION chain_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'UPDATE' OR NEW.last_event_id < OLD.last_event_id THEN
                RAISE EXCEPTION 'tête de chaîne : elle ne recule ni ne se supprime' USING ERRCODE = 'restrict_violation';
            END IF;
            RETURN NEW;
        END
        $$;
        CREATE TRIGGER chain_head_forward_only BEFORE UPDATE OR DELETE ON chain_head
            FOR EACH ROW EXECUTE FUNCTION chain_head_forward_only();
        CREATE TRIGGER chain_head_no_truncate BEFORE TRUNCATE ON chain_head
            FOR EACH STATEMENT EXECUTE FUNCTION chain_head_forward_only();
        """
}
