-- The status page's "since you last looked" (issue 7): when each person
-- last marked its changes as read. No row: they never have, and the page
-- shows the last seven days. Personal reading state, not portfolio data:
-- not audited and outside the data revision (migration 0012).
CREATE TABLE status_views (
    person_id INTEGER PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    seen_at   TEXT NOT NULL              -- UTC, RFC 3339 with microseconds
);
