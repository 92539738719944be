-- The portfolio steering group's meetings (issue 7, meeting mode): a date,
-- a title, the plan year followed up and the attendees; the portfolio's
-- dashboard for that year kept as it stood (`snapshot`, JSON text, taken
-- again on request while the meeting is open); the agenda, each item from
-- an open escalation, an object over capacity, a contract needing action
-- (`source`: its id or code) or added by hand, with the decision taken.
-- A closed meeting is its protocol: the application refuses changes.
-- These tables do not raise the data revision (0012): the dashboard does
-- not show meetings.
CREATE TABLE meetings (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    held_on           DATE NOT NULL,
    title             TEXT NOT NULL,
    year              INTEGER NOT NULL,
    state             TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
    snapshot          TEXT NOT NULL,
    snapshot_taken_at TIMESTAMPTZ NOT NULL,
    created_by        BIGINT REFERENCES people (id) ON DELETE SET NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    closed_by         BIGINT REFERENCES people (id) ON DELETE SET NULL,
    closed_at         TIMESTAMPTZ
);
CREATE INDEX meetings_held_on ON meetings (held_on);

CREATE TABLE meeting_attendees (
    meeting_id BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    person_id  BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, person_id)
);

CREATE TABLE agenda_items (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id  BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('escalation', 'over_capacity', 'contract', 'other')),
    source      TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT '',
    ordinal     INTEGER NOT NULL,           -- order within its kind
    decision    TEXT NOT NULL DEFAULT '',
    decided_by  BIGINT REFERENCES people (id) ON DELETE SET NULL,
    decided_at  TIMESTAMPTZ,
    version     BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, kind, ordinal);
