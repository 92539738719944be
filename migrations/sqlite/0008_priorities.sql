-- Prioritisation: what an object has for the year (hours per side and a
-- budget, each optional) for the capacity line, and every reordering as a
-- row: which initiative moved, before which (NULL: last), the one it used
-- to precede (for undo), ranks from and to, who, when, why. A move's id is
-- the plan order's revision, which live updates carry.
ALTER TABLE plan_years ADD COLUMN capacity_business_hours TEXT;
ALTER TABLE plan_years ADD COLUMN capacity_it_hours TEXT;
ALTER TABLE plan_years ADD COLUMN capacity_budget TEXT;

CREATE TABLE priority_moves (
    id            INTEGER PRIMARY KEY,
    plan_year_id  INTEGER NOT NULL REFERENCES plan_years (id) ON DELETE CASCADE,
    initiative_id INTEGER NOT NULL,           -- kept after the initiative is deleted
    before_id     INTEGER,
    was_before_id INTEGER,
    from_rank     INTEGER NOT NULL,
    to_rank       INTEGER NOT NULL,
    actor_id      INTEGER,
    at            TEXT NOT NULL,
    reason        TEXT NOT NULL DEFAULT '',
    undoes        INTEGER REFERENCES priority_moves (id),
    undone        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX priority_moves_plan ON priority_moves (plan_year_id, id);
