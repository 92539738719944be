-- The status page's "since you last looked" (issue 7): when each person
-- last marked its changes as read. No row: they never have, and the page
-- shows the last seven days. Personal reading state, not portfolio data:
-- not audited and outside the data revision (migration 0012). Same table
-- as migrations/sqlite/0014_status_views.sql.
CREATE TABLE status_views (
    person_id BIGINT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    seen_at   TIMESTAMPTZ NOT NULL
);
