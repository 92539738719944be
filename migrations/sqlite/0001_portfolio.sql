-- The pm3 portfolio: objects and their contents, plan years, initiatives,
-- contracts. SQLite has no decimal type: money and hours are TEXT holding
-- the exact decimal string (never REAL); dates are ISO-8601 TEXT.

CREATE TABLE line_organisations (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE suppliers (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE people (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL,
    email TEXT NOT NULL UNIQUE
);

CREATE TABLE objects (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    category    TEXT NOT NULL CHECK (category IN ('core', 'support', 'technical')),
    description TEXT NOT NULL DEFAULT ''
);

-- "Närliggande objekt": a dependency in either direction, stored as listed.
CREATE TABLE object_nearby (
    object_id        INTEGER NOT NULL REFERENCES objects (id) ON DELETE CASCADE,
    nearby_object_id INTEGER NOT NULL REFERENCES objects (id) ON DELETE CASCADE,
    PRIMARY KEY (object_id, nearby_object_id),
    CHECK (object_id <> nearby_object_id)
);

CREATE TABLE it_components (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    supplier_id INTEGER REFERENCES suppliers (id)
);

-- One IT component can serve several objects.
CREATE TABLE object_it_components (
    object_id       INTEGER NOT NULL REFERENCES objects (id) ON DELETE CASCADE,
    it_component_id INTEGER NOT NULL REFERENCES it_components (id) ON DELETE CASCADE,
    PRIMARY KEY (object_id, it_component_id)
);

CREATE TABLE business_components (
    id          INTEGER PRIMARY KEY,
    object_id   INTEGER NOT NULL REFERENCES objects (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    UNIQUE (object_id, name)
);

CREATE TABLE object_products (
    id          INTEGER PRIMARY KEY,
    object_id   INTEGER NOT NULL REFERENCES objects (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    UNIQUE (object_id, name)
);

-- Component lists keep the document's order through `position`.
CREATE TABLE product_business_components (
    product_id            INTEGER NOT NULL REFERENCES object_products (id) ON DELETE CASCADE,
    business_component_id INTEGER NOT NULL REFERENCES business_components (id) ON DELETE CASCADE,
    position              INTEGER NOT NULL,
    PRIMARY KEY (product_id, business_component_id)
);

CREATE TABLE product_it_components (
    product_id      INTEGER NOT NULL REFERENCES object_products (id) ON DELETE CASCADE,
    it_component_id INTEGER NOT NULL REFERENCES it_components (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    PRIMARY KEY (product_id, it_component_id)
);

-- Portfolio-wide roles (administrator, PSG member, reader) have no object.
CREATE TABLE role_assignments (
    id        INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    object_id INTEGER REFERENCES objects (id) ON DELETE CASCADE,
    role      TEXT NOT NULL,
    UNIQUE (person_id, object_id, role)
);

-- The settings that turn hours into money and FTE belong to the plan year.
CREATE TABLE plan_years (
    id            INTEGER PRIMARY KEY,
    object_id     INTEGER NOT NULL REFERENCES objects (id) ON DELETE CASCADE,
    year          INTEGER NOT NULL,
    business_rate TEXT NOT NULL,
    it_rate       TEXT NOT NULL,
    hours_per_fte TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('draft', 'approved')),
    UNIQUE (object_id, year)
);

CREATE TABLE initiatives (
    id                INTEGER PRIMARY KEY,
    plan_year_id      INTEGER NOT NULL REFERENCES plan_years (id) ON DELETE CASCADE,
    rank              INTEGER NOT NULL,
    name              TEXT NOT NULL,
    main_activity     TEXT NOT NULL CHECK (main_activity IN ('governance', 'user_support', 'change_management', 'operations')),
    assignment_type   TEXT NOT NULL CHECK (assignment_type IN ('maintain', 'develop', 'new_development', 'decommission')),
    priority          INTEGER,
    status            TEXT NOT NULL,
    business_hours    TEXT NOT NULL,
    business_other    TEXT NOT NULL,
    it_hours          TEXT NOT NULL,
    it_other          TEXT NOT NULL,
    benefit           INTEGER CHECK (benefit BETWEEN 1 AND 5),
    goal_contribution INTEGER CHECK (goal_contribution BETWEEN 1 AND 5),
    effort            INTEGER CHECK (effort BETWEEN 1 AND 5)
);
CREATE INDEX initiatives_plan_year_rank ON initiatives (plan_year_id, rank);

CREATE TABLE contracts (
    id                      INTEGER PRIMARY KEY,
    reference               TEXT NOT NULL,
    supplier_id             INTEGER NOT NULL REFERENCES suppliers (id),
    start_date              TEXT NOT NULL,
    end_date                TEXT NOT NULL,
    notice_months           INTEGER NOT NULL CHECK (notice_months >= 0),
    option_count            INTEGER NOT NULL DEFAULT 0 CHECK (option_count >= 0),
    option_months           INTEGER NOT NULL DEFAULT 0 CHECK (option_months >= 0),
    options_used            INTEGER NOT NULL DEFAULT 0 CHECK (options_used >= 0),
    auto_renewal_months     INTEGER CHECK (auto_renewal_months > 0),
    yearly_cost             TEXT NOT NULL,
    line_organisation_id    INTEGER REFERENCES line_organisations (id),
    owner_id                INTEGER REFERENCES people (id),
    deputy_id               INTEGER REFERENCES people (id),
    procurement_lead_months INTEGER NOT NULL DEFAULT 0,
    notes                   TEXT NOT NULL DEFAULT '',
    CHECK (options_used <= option_count),
    CHECK (start_date <= end_date)
);

CREATE TABLE contract_it_components (
    contract_id     INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    it_component_id INTEGER NOT NULL REFERENCES it_components (id) ON DELETE CASCADE,
    PRIMARY KEY (contract_id, it_component_id)
);

CREATE TABLE contract_objects (
    contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    object_id   INTEGER NOT NULL REFERENCES objects (id) ON DELETE CASCADE,
    PRIMARY KEY (contract_id, object_id)
);
