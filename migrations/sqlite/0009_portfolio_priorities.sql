-- Prioritising across objects (001, 2.3.4): the IT components an initiative
-- touches (and through them its suppliers), the portfolio's order of a
-- year's initiatives from every object, what the IT side has for the year,
-- and every portfolio reordering as a row (its id is the order's revision).
CREATE TABLE initiative_it_components (
    initiative_id   INTEGER NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    it_component_id INTEGER NOT NULL REFERENCES it_components (id) ON DELETE CASCADE,
    PRIMARY KEY (initiative_id, it_component_id)
);
CREATE INDEX initiative_it_components_component ON initiative_it_components (it_component_id);

-- One row per year the portfolio has been prioritised or given a capacity;
-- a write takes the row first, so concurrent reorderings queue up.
CREATE TABLE portfolio_years (
    year              INTEGER PRIMARY KEY,
    capacity_it_hours TEXT,
    version           INTEGER NOT NULL DEFAULT 1
);

-- Initiatives the portfolio has not ranked yet follow the ranked ones,
-- each object's first before anyone's second (see the store).
CREATE TABLE portfolio_ranks (
    initiative_id INTEGER PRIMARY KEY REFERENCES initiatives (id) ON DELETE CASCADE,
    year          INTEGER NOT NULL,
    rank          INTEGER NOT NULL
);
CREATE INDEX portfolio_ranks_year ON portfolio_ranks (year, rank);

CREATE TABLE portfolio_moves (
    id            INTEGER PRIMARY KEY,
    year          INTEGER NOT NULL,
    initiative_id INTEGER NOT NULL,           -- kept after the initiative is deleted
    before_id     INTEGER,
    was_before_id INTEGER,
    from_rank     INTEGER NOT NULL,
    to_rank       INTEGER NOT NULL,
    actor_id      INTEGER,
    at            TEXT NOT NULL,
    reason        TEXT NOT NULL DEFAULT '',
    undoes        INTEGER REFERENCES portfolio_moves (id),
    undone        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX portfolio_moves_year ON portfolio_moves (year, id);
