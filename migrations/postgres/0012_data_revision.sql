-- A counter that every change to what the portfolio dashboard shows raises,
-- in the same transaction: a cached dashboard is current while the counter
-- stands still (issue 7). The raise is a deferred constraint trigger: it
-- runs at commit, so the counter's row lock is the last lock a transaction
-- takes and two writers cannot deadlock over it.
CREATE TABLE data_revision (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL
);
INSERT INTO data_revision (id, value) VALUES (1, 0);

CREATE FUNCTION raise_data_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE data_revision SET value = value + 1 WHERE id = 1;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER objects_revision AFTER INSERT OR UPDATE OR DELETE ON objects
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_revision();
CREATE CONSTRAINT TRIGGER plan_years_revision AFTER INSERT OR UPDATE OR DELETE ON plan_years
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_revision();
CREATE CONSTRAINT TRIGGER initiatives_revision AFTER INSERT OR UPDATE OR DELETE ON initiatives
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_revision();
CREATE CONSTRAINT TRIGGER initiative_outcomes_revision AFTER INSERT OR UPDATE OR DELETE ON initiative_outcomes
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_revision();
CREATE CONSTRAINT TRIGGER escalations_revision AFTER INSERT OR UPDATE OR DELETE ON escalations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_revision();
CREATE CONSTRAINT TRIGGER escalation_objects_revision AFTER INSERT OR UPDATE OR DELETE ON escalation_objects
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_revision();
CREATE CONSTRAINT TRIGGER contracts_revision AFTER INSERT OR UPDATE OR DELETE ON contracts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_revision();
CREATE CONSTRAINT TRIGGER contract_objects_revision AFTER INSERT OR UPDATE OR DELETE ON contract_objects
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_revision();
CREATE CONSTRAINT TRIGGER status_reports_revision AFTER INSERT OR UPDATE OR DELETE ON status_reports
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_revision();
CREATE CONSTRAINT TRIGGER suppliers_revision AFTER INSERT OR UPDATE OR DELETE ON suppliers
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_revision();
