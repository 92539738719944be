-- Prioritising across objects (001, 2.3.4): the IT components an initiative
-- touches (and through them its suppliers), the portfolio's order of a
-- year's initiatives from every object, what the IT side has for the year,
-- and every portfolio reordering as a row (its id is the order's revision).
CREATE TABLE initiative_it_components (
    initiative_id   BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    it_component_id BIGINT NOT NULL REFERENCES it_components (id) ON DELETE CASCADE,
    PRIMARY KEY (initiative_id, it_component_id)
);
CREATE INDEX initiative_it_components_component ON initiative_it_components (it_component_id);

-- One row per year the portfolio has been prioritised or given a capacity;
-- a write locks the row first, so concurrent reorderings queue up.
CREATE TABLE portfolio_years (
    year              INTEGER PRIMARY KEY,
    capacity_it_hours NUMERIC(14, 2),
    version           BIGINT NOT NULL DEFAULT 1
);

-- Initiatives the portfolio has not ranked yet follow the ranked ones,
-- each object's first before anyone's second (see the store).
CREATE TABLE portfolio_ranks (
    initiative_id BIGINT PRIMARY KEY REFERENCES initiatives (id) ON DELETE CASCADE,
    year          INTEGER NOT NULL,
    rank          INTEGER NOT NULL
);
CREATE INDEX portfolio_ranks_year ON portfolio_ranks (year, rank);

CREATE TABLE portfolio_moves (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    year          INTEGER NOT NULL,
    initiative_id BIGINT NOT NULL,            -- kept after the initiative is deleted
    before_id     BIGINT,
    was_before_id BIGINT,
    from_rank     INTEGER NOT NULL,
    to_rank       INTEGER NOT NULL,
    actor_id      BIGINT,
    at            TIMESTAMPTZ NOT NULL,
    reason        TEXT NOT NULL DEFAULT '',
    undoes        BIGINT REFERENCES portfolio_moves (id),
    undone        BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX portfolio_moves_year ON portfolio_moves (year, id);
