-- Uploaded plan imports waiting for their preview to be confirmed. The
-- checked content (or the file's errors) is kept as JSON with the state of
-- the plan it was previewed against; applying it deletes the row. Kept in
-- the database, not in memory, so any app instance can show and apply it.
CREATE TABLE plan_imports (
    id            TEXT PRIMARY KEY,            -- random token, the preview's address
    plan_year_id  INTEGER NOT NULL REFERENCES plan_years (id) ON DELETE CASCADE,
    person_id     INTEGER NOT NULL,            -- who uploaded it; only they may apply it
    created_at    TEXT NOT NULL,               -- UTC, RFC 3339
    draft         TEXT NOT NULL                -- the ImportDraft as JSON
);
CREATE INDEX plan_imports_created ON plan_imports (created_at);
