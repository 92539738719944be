-- The audit trail: one row per change, written in the same transaction as
-- the change. Append-only: the database itself refuses UPDATE, DELETE and
-- TRUNCATE. Same table as migrations/sqlite/0002_audit.sql.
-- `actor_id` is a plain id, not a foreign key, so that removing a person
-- never rewrites or blocks history; NULL means the system (e.g. demo data).

CREATE TABLE audit_log (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        TIMESTAMPTZ NOT NULL,
    actor_id  BIGINT,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT,
    object_id BIGINT,
    before    TEXT,                       -- JSON
    after     TEXT                        -- JSON
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_object ON audit_log (object_id, at);

CREATE FUNCTION audit_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit records cannot be changed or deleted';
END
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse();
