-- Prioritisation: what an object has for the year (hours per side and a
-- budget, each optional) for the capacity line, and every reordering as a
-- row: which initiative moved, before which (NULL: last), the one it used
-- to precede (for undo), ranks from and to, who, when, why. A move's id is
-- the plan order's revision, which live updates carry.
ALTER TABLE plan_years ADD COLUMN capacity_business_hours NUMERIC(14, 2);
ALTER TABLE plan_years ADD COLUMN capacity_it_hours NUMERIC(14, 2);
ALTER TABLE plan_years ADD COLUMN capacity_budget NUMERIC(16, 2);

CREATE TABLE priority_moves (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_year_id  BIGINT NOT NULL REFERENCES plan_years (id) ON DELETE CASCADE,
    initiative_id BIGINT NOT NULL,            -- kept after the initiative is deleted
    before_id     BIGINT,
    was_before_id BIGINT,
    from_rank     INTEGER NOT NULL,
    to_rank       INTEGER NOT NULL,
    actor_id      BIGINT,
    at            TIMESTAMPTZ NOT NULL,
    reason        TEXT NOT NULL DEFAULT '',
    undoes        BIGINT REFERENCES priority_moves (id),
    undone        BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX priority_moves_plan ON priority_moves (plan_year_id, id);
