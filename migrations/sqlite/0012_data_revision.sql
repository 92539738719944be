-- A counter that every change to what the portfolio dashboard shows raises,
-- in the same transaction: a cached dashboard is current while the counter
-- stands still (issue 7).
CREATE TABLE data_revision (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
);
INSERT INTO data_revision (id, value) VALUES (1, 0);

CREATE TRIGGER objects_insert_revision AFTER INSERT ON objects
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER objects_update_revision AFTER UPDATE ON objects
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER objects_delete_revision AFTER DELETE ON objects
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER plan_years_insert_revision AFTER INSERT ON plan_years
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER plan_years_update_revision AFTER UPDATE ON plan_years
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER plan_years_delete_revision AFTER DELETE ON plan_years
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER initiatives_insert_revision AFTER INSERT ON initiatives
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER initiatives_update_revision AFTER UPDATE ON initiatives
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER initiatives_delete_revision AFTER DELETE ON initiatives
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER initiative_outcomes_insert_revision AFTER INSERT ON initiative_outcomes
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER initiative_outcomes_update_revision AFTER UPDATE ON initiative_outcomes
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER initiative_outcomes_delete_revision AFTER DELETE ON initiative_outcomes
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER escalations_insert_revision AFTER INSERT ON escalations
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER escalations_update_revision AFTER UPDATE ON escalations
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER escalations_delete_revision AFTER DELETE ON escalations
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER escalation_objects_insert_revision AFTER INSERT ON escalation_objects
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER escalation_objects_update_revision AFTER UPDATE ON escalation_objects
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER escalation_objects_delete_revision AFTER DELETE ON escalation_objects
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER contracts_insert_revision AFTER INSERT ON contracts
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER contracts_update_revision AFTER UPDATE ON contracts
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER contracts_delete_revision AFTER DELETE ON contracts
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER contract_objects_insert_revision AFTER INSERT ON contract_objects
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER contract_objects_update_revision AFTER UPDATE ON contract_objects
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER contract_objects_delete_revision AFTER DELETE ON contract_objects
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER status_reports_insert_revision AFTER INSERT ON status_reports
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER status_reports_update_revision AFTER UPDATE ON status_reports
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER status_reports_delete_revision AFTER DELETE ON status_reports
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER suppliers_insert_revision AFTER INSERT ON suppliers
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER suppliers_update_revision AFTER UPDATE ON suppliers
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER suppliers_delete_revision AFTER DELETE ON suppliers
BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END;
