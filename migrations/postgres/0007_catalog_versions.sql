-- Editing what objects are made of: a version per object, object product,
-- business component, IT component and supplier for optimistic concurrency
-- (a save names the version it started from; a stale one is refused and
-- shown as a conflict, never silently overwritten).
ALTER TABLE objects ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE object_products ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE business_components ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE it_components ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE suppliers ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
