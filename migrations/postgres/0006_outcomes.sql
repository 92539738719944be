-- What each initiative actually took, recorded against its plan for the
-- object report. A table of its own: outcome is recorded after the year,
-- on approved (locked) plans too, without touching the plan.
CREATE TABLE initiative_outcomes (
    initiative_id   BIGINT PRIMARY KEY REFERENCES initiatives (id) ON DELETE CASCADE,
    business_hours  NUMERIC(16, 2) NOT NULL,
    business_other  NUMERIC(16, 2) NOT NULL,
    it_hours        NUMERIC(16, 2) NOT NULL,
    it_other        NUMERIC(16, 2) NOT NULL,
    recorded_by     BIGINT,             -- a person's id, as in audit_log
    recorded_at     TIMESTAMPTZ NOT NULL
);
