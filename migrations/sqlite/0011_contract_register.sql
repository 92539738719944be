-- The contract register (001, 3.1.3): renewals recorded and notice given
-- move or fix the end; `version` guards against lost updates.
-- `contract_events` keeps the history of the term (option exercised,
-- renewal, notice given: the end before and after, who, when).
-- `contract_reminders` is the ledger that makes each reminder go out once,
-- also with several instances: one row per contract, notice deadline,
-- lead time and recipient, claimed under a lease before sending.
-- `calendar_feeds` are the secret iCalendar URLs (SHA-256 of the token),
-- one object's contracts or all a person may see; revocable.
ALTER TABLE contracts ADD COLUMN renewals_used INTEGER NOT NULL DEFAULT 0 CHECK (renewals_used >= 0);
ALTER TABLE contracts ADD COLUMN notice_given_on TEXT;
-- The initiative "Upphandling …" created from the contract, once.
ALTER TABLE contracts ADD COLUMN procurement_initiative_id INTEGER REFERENCES initiatives (id) ON DELETE SET NULL;
ALTER TABLE contracts ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE INDEX contracts_supplier ON contracts (supplier_id);
CREATE INDEX contract_objects_object ON contract_objects (object_id);

CREATE TABLE contract_events (
    id           INTEGER PRIMARY KEY,
    contract_id  INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('option_exercised', 'renewed', 'notice_given')),
    previous_end TEXT NOT NULL,
    new_end      TEXT NOT NULL,
    on_date      TEXT NOT NULL,
    person_id    INTEGER REFERENCES people (id) ON DELETE SET NULL,
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL
);
CREATE INDEX contract_events_contract ON contract_events (contract_id, id);

CREATE TABLE contract_reminders (
    contract_id     INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    notice_deadline TEXT NOT NULL,
    lead_months     INTEGER NOT NULL,
    person_id       INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent')),
    claimed_by      TEXT,
    claimed_until   TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    created_at      TEXT NOT NULL,
    sent_at         TEXT,
    PRIMARY KEY (contract_id, notice_deadline, lead_months, person_id)
);
CREATE INDEX contract_reminders_state ON contract_reminders (state, person_id);

CREATE TABLE calendar_feeds (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    object_id    INTEGER REFERENCES objects (id) ON DELETE CASCADE,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT
);
CREATE INDEX calendar_feeds_person ON calendar_feeds (person_id);
