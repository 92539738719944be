-- What each initiative actually took, recorded against its plan for the
-- object report. A table of its own: outcome is recorded after the year,
-- on approved (locked) plans too, without touching the plan.
CREATE TABLE initiative_outcomes (
    initiative_id   INTEGER PRIMARY KEY REFERENCES initiatives (id) ON DELETE CASCADE,
    business_hours  TEXT NOT NULL,
    business_other  TEXT NOT NULL,
    it_hours        TEXT NOT NULL,
    it_other        TEXT NOT NULL,
    recorded_by     INTEGER,             -- a person's id, as in audit_log
    recorded_at     TEXT NOT NULL
);
