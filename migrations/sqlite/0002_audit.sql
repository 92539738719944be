-- The audit trail: one row per change, written in the same transaction as
-- the change. Append-only: the database itself refuses UPDATE and DELETE.
-- `actor_id` is a plain id, not a foreign key, so that removing a person
-- never rewrites or blocks history; NULL means the system (e.g. demo data).

CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,              -- UTC, RFC 3339
    actor_id  INTEGER,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT,
    object_id INTEGER,
    before    TEXT,                       -- JSON
    after     TEXT                        -- JSON
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_object ON audit_log (object_id, at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit records cannot be changed');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit records cannot be deleted');
END;
