-- The escalation order (001, 2.3.4) when priorities collide between
-- objects: 1) the object leaders concerned replan, 2) their object owners
-- reprioritise, 3) the portfolio steering group decides. An escalation
-- names the plan year, the objects (at least one) and the initiatives in
-- conflict, its step, who acts by when (`due_on`), and at the end the
-- decision with its rationale. `version` guards against lost updates;
-- `escalation_events` is its history (raised, escalated, decided,
-- withdrawn: who, when, a note, the due date it set). Dates are ISO text.
CREATE TABLE escalations (
    id          INTEGER PRIMARY KEY,
    year        INTEGER NOT NULL,
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    step        INTEGER NOT NULL CHECK (step BETWEEN 1 AND 3),
    state       TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'decided', 'withdrawn')),
    due_on      TEXT NOT NULL,
    raised_by   INTEGER REFERENCES people (id) ON DELETE SET NULL,
    raised_at   TEXT NOT NULL,
    decision    TEXT NOT NULL DEFAULT '',
    rationale   TEXT NOT NULL DEFAULT '',
    decided_by  INTEGER REFERENCES people (id) ON DELETE SET NULL,
    decided_at  TEXT,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX escalations_state ON escalations (state, due_on);

CREATE TABLE escalation_objects (
    escalation_id INTEGER NOT NULL REFERENCES escalations (id) ON DELETE CASCADE,
    object_id     INTEGER NOT NULL REFERENCES objects (id) ON DELETE CASCADE,
    PRIMARY KEY (escalation_id, object_id)
);
CREATE INDEX escalation_objects_object ON escalation_objects (object_id);

CREATE TABLE escalation_initiatives (
    escalation_id INTEGER NOT NULL REFERENCES escalations (id) ON DELETE CASCADE,
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    PRIMARY KEY (escalation_id, initiative_id)
);

CREATE TABLE escalation_events (
    id            INTEGER PRIMARY KEY,
    escalation_id INTEGER NOT NULL REFERENCES escalations (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('raised', 'escalated', 'decided', 'withdrawn')),
    step          INTEGER NOT NULL CHECK (step BETWEEN 1 AND 3),
    note          TEXT NOT NULL DEFAULT '',
    due_on        TEXT,
    actor_id      INTEGER,                  -- a plain id, like the audit trail's
    at            TEXT NOT NULL
);
CREATE INDEX escalation_events_escalation ON escalation_events (escalation_id, id);
