//! The contract register: creating and editing contracts, their term
//! changes (options, renewals, notice) with history, and what the forms
//! choose from. Each change runs in one transaction with its audit record;
//! an edit names the version it started from and the UPDATE only applies
//! to that version, so of two concurrent edits one wins and the other is
//! stale on both backends.

use app::domain::{AuditAction, Contract, ContractEvent, ContractEventKind, ContractInput};
use app::store::{ContractChoices, StoreError, StoreResult};
use chrono::NaiveDate;
use serde_json::{json, Value};

use super::store::{db, SqlStore};
use super::{audit, with_pool, Dialect};

const EVENTS: &str = "SELECT e.kind, CAST(e.previous_end AS TEXT) AS previous_end, CAST(e.new_end AS TEXT) AS new_end,
    CAST(e.on_date AS TEXT) AS on_date, p.name AS by_name, e.note
    FROM contract_events e LEFT JOIN people p ON p.id = e.person_id
    WHERE e.contract_id = $1 ORDER BY e.id DESC";

#[derive(sqlx::FromRow)]
struct EventRow {
    kind: String,
    previous_end: String,
    new_end: String,
    on_date: String,
    by_name: Option<String>,
    note: String,
}

fn date(text: &str, what: &'static str) -> StoreResult<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
}

fn small(value: u32) -> StoreResult<i32> {
    i32::try_from(value).map_err(|_| StoreError::Invalid("month count too large".into()))
}

/// The register fields as the audit trail records them.
fn audit_value(input: &ContractInput, components: &[i64], objects: &[i64]) -> Value {
    json!({
        "reference": input.reference,
        "supplier": input.supplier,
        "start": input.start.to_string(),
        "end": input.end.to_string(),
        "notice_months": input.notice_months,
        "options": input.options,
        "auto_renewal_months": input.auto_renewal_months,
        "yearly_cost": input.yearly_cost.value().to_string(),
        "line_organisation": input.line_organisation,
        "owner_id": input.owner_id,
        "deputy_id": input.deputy_id,
        "procurement_lead_months": input.procurement_lead_months,
        "notes": input.notes,
        "it_components": components,
        "objects": objects,
    })
}

/// Looks up a name's id in `$tx`; `Invalid(field)` when it is not there.
macro_rules! id_of {
    ($tx:expr, $sql:expr, $name:expr, $field:expr) => {{
        let id: Option<i64> = sqlx::query_scalar($sql).bind($name).fetch_optional(&mut *$tx).await.map_err(db)?;
        id.ok_or_else(|| StoreError::Invalid($field.into()))?
    }};
}

/// Binds the register fields, `$1` to `$15` in form order, to `$query`
/// (the INSERT and the UPDATE name them alike).
macro_rules! fields {
    ($query:expr, $db:ty, $input:expr, $supplier:expr, $line_organisation:expr) => {
        $query
            .bind(&$input.reference)
            .bind($supplier)
            .bind(<$db as Dialect>::date($input.start))
            .bind(<$db as Dialect>::date($input.end))
            .bind(small($input.notice_months)?)
            .bind(small($input.options.count)?)
            .bind(small($input.options.months)?)
            .bind(small($input.options.used)?)
            .bind($input.auto_renewal_months.map(small).transpose()?)
            .bind(<$db as Dialect>::number($input.yearly_cost.value()))
            .bind($line_organisation)
            .bind($input.owner_id)
            .bind($input.deputy_id)
            .bind(small($input.procurement_lead_months)?)
            .bind(&$input.notes)
    };
}

/// Writes the register fields and links of contract `$id` in `$tx`.
macro_rules! write_links {
    ($tx:expr, $id:expr, $components:expr, $objects:expr) => {{
        sqlx::query("DELETE FROM contract_it_components WHERE contract_id = $1")
            .bind($id)
            .execute(&mut *$tx)
            .await
            .map_err(db)?;
        sqlx::query("DELETE FROM contract_objects WHERE contract_id = $1")
            .bind($id)
            .execute(&mut *$tx)
            .await
            .map_err(db)?;
        for component in $components {
            sqlx::query("INSERT INTO contract_it_components (contract_id, it_component_id) VALUES ($1, $2)")
                .bind($id)
                .bind(component)
                .execute(&mut *$tx)
                .await
                .map_err(db)?;
        }
        for object in $objects {
            sqlx::query("INSERT INTO contract_objects (contract_id, object_id) VALUES ($1, $2)")
                .bind($id)
                .bind(object)
                .execute(&mut *$tx)
                .await
                .map_err(db)?;
        }
    }};
}

impl SqlStore {
    pub(super) async fn contract_history(&self, id: i64) -> StoreResult<Vec<ContractEvent>> {
        let rows: Vec<EventRow> = with_pool!(self.pool(), p, Db => {
            sqlx::query_as(EVENTS).bind(id).fetch_all(p).await
        })
        .map_err(db)?;
        rows.into_iter()
            .map(|row| {
                Ok(ContractEvent {
                    kind: ContractEventKind::from_key(&row.kind)
                        .map_err(|e| StoreError::Corrupt(format!("contract_events.kind: {e}")))?,
                    previous_end: date(&row.previous_end, "contract_events.previous_end")?,
                    new_end: date(&row.new_end, "contract_events.new_end")?,
                    on: date(&row.on_date, "contract_events.on_date")?,
                    by: row.by_name,
                    note: row.note,
                })
            })
            .collect()
    }

    pub(super) async fn choices_for_contracts(&self) -> StoreResult<ContractChoices> {
        // The IT components as every other form offers them (by name).
        let it_components = app::store::PortfolioStore::it_component_choices(self).await?;
        with_pool!(self.pool(), p, Db => {
            let suppliers: Vec<(i64, String)> =
                sqlx::query_as("SELECT id, name FROM suppliers ORDER BY name").fetch_all(p).await.map_err(db)?;
            let line_organisations: Vec<(i64, String)> =
                sqlx::query_as("SELECT id, name FROM line_organisations ORDER BY name").fetch_all(p).await.map_err(db)?;
            let people: Vec<(i64, String)> =
                sqlx::query_as("SELECT id, name FROM people ORDER BY name, id").fetch_all(p).await.map_err(db)?;
            let objects: Vec<(i64, String, String)> =
                sqlx::query_as("SELECT id, code, name FROM objects ORDER BY code").fetch_all(p).await.map_err(db)?;
            Ok(ContractChoices { suppliers, line_organisations, people, it_components, objects })
        })
    }

    /// Creates (`id` none) or updates a contract from the register form.
    pub(super) async fn save_contract_fields(
        &self,
        id: Option<i64>,
        version: i64,
        input: &ContractInput,
        components: &[i64],
        objects: &[i64],
        actor: i64,
    ) -> StoreResult<i64> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let supplier = id_of!(tx, "SELECT id FROM suppliers WHERE name = $1", &input.supplier, "supplier");
            let line_organisation = match &input.line_organisation {
                Some(name) => Some(id_of!(tx, "SELECT id FROM line_organisations WHERE name = $1", name, "line_organisation")),
                None => None,
            };
            for (field, person) in [("owner", input.owner_id), ("deputy", input.deputy_id)] {
                if let Some(person) = person {
                    id_of!(tx, "SELECT id FROM people WHERE id = $1", person, field);
                }
            }
            let after = audit_value(input, components, objects);
            let (id, action, before) = match id {
                None => {
                    let id: i64 = fields!(sqlx::query_scalar(
                        "INSERT INTO contracts (reference, supplier_id, start_date, end_date, notice_months, option_count,
                            option_months, options_used, auto_renewal_months, yearly_cost, line_organisation_id,
                            owner_id, deputy_id, procurement_lead_months, notes)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id",
                    ), Db, input, supplier, line_organisation)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(db)?;
                    (id, AuditAction::Create, None)
                }
                Some(id) => {
                    let stored: Option<i64> = sqlx::query_scalar("SELECT version FROM contracts WHERE id = $1")
                        .bind(id)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(db)?;
                    if stored.ok_or(StoreError::NotFound)? != version {
                        return Err(StoreError::Stale);
                    }
                    let done = fields!(sqlx::query(
                        "UPDATE contracts SET reference = $1, supplier_id = $2, start_date = $3, end_date = $4,
                            notice_months = $5, option_count = $6, option_months = $7, options_used = $8,
                            auto_renewal_months = $9, yearly_cost = $10, line_organisation_id = $11, owner_id = $12,
                            deputy_id = $13, procurement_lead_months = $14, notes = $15, version = version + 1
                         WHERE id = $16 AND version = $17",
                    ), Db, input, supplier, line_organisation)
                    .bind(id)
                    .bind(version)
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
                    if done.rows_affected() == 0 {
                        return Err(StoreError::Stale);
                    }
                    (id, AuditAction::Update, Some(json!({ "version": version })))
                }
            };
            write_links!(tx, id, components, objects);
            let object = objects.first().copied();
            audit!(tx, Db, Some(actor), action, "contract", Some(id.to_string()), object, before, Some(after));
            tx.commit().await.map_err(db)?;
            Ok(id)
        })
    }

    /// Stores a term change (`after` from the date engine) with its history
    /// entry, from `version`.
    pub(super) async fn store_term_change(
        &self,
        version: i64,
        after: &Contract,
        event: &ContractEvent,
        actor: i64,
    ) -> StoreResult<()> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let done = sqlx::query(
                "UPDATE contracts SET options_used = $1, renewals_used = $2, notice_given_on = $3, version = version + 1
                 WHERE id = $4 AND version = $5",
            )
            .bind(small(after.options.used)?)
            .bind(small(after.renewals_used)?)
            .bind(after.notice_given_on.map(<Db as Dialect>::date))
            .bind(after.id)
            .bind(version)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
            if done.rows_affected() == 0 {
                return Err(StoreError::Stale);
            }
            sqlx::query(
                "INSERT INTO contract_events (contract_id, kind, previous_end, new_end, on_date, person_id, note, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(after.id)
            .bind(event.kind.key())
            .bind(<Db as Dialect>::date(event.previous_end))
            .bind(<Db as Dialect>::date(event.new_end))
            .bind(<Db as Dialect>::date(event.on))
            .bind(actor)
            .bind(&event.note)
            .bind(<Db as Dialect>::timestamp(chrono::Utc::now()))
            .execute(&mut *tx)
            .await
            .map_err(db)?;
            let object: Option<i64> = sqlx::query_scalar(
                "SELECT object_id FROM contract_objects WHERE contract_id = $1 ORDER BY object_id LIMIT 1",
            )
            .bind(after.id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
            let change = json!({
                "kind": event.kind.key(),
                "previous_end": event.previous_end.to_string(),
                "new_end": event.new_end.to_string(),
                "note": event.note,
            });
            audit!(tx, Db, Some(actor), AuditAction::Update, "contract", Some(after.id.to_string()), object, None, Some(change));
            tx.commit().await.map_err(db)?;
            Ok(())
        })
    }

    pub(super) async fn remove_contract(&self, id: i64, version: i64, actor: i64) -> StoreResult<()> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let object: Option<i64> = sqlx::query_scalar(
                "SELECT object_id FROM contract_objects WHERE contract_id = $1 ORDER BY object_id LIMIT 1",
            )
            .bind(id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
            let reference: Option<String> = sqlx::query_scalar("SELECT reference FROM contracts WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
            let reference = reference.ok_or(StoreError::NotFound)?;
            let done = sqlx::query("DELETE FROM contracts WHERE id = $1 AND version = $2")
                .bind(id)
                .bind(version)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            if done.rows_affected() == 0 {
                return Err(StoreError::Stale);
            }
            let before = json!({ "reference": reference });
            audit!(tx, Db, Some(actor), AuditAction::Delete, "contract", Some(id.to_string()), object, Some(before), None);
            tx.commit().await.map_err(db)?;
            Ok(())
        })
    }

    /// Remembers the procurement initiative made from a contract; false when
    /// one was linked already (by someone faster).
    pub(super) async fn link_procurement(&self, id: i64, initiative_id: i64) -> StoreResult<bool> {
        let done = with_pool!(self.pool(), p, Db => {
            sqlx::query(
                "UPDATE contracts SET procurement_initiative_id = $1, version = version + 1
                 WHERE id = $2 AND procurement_initiative_id IS NULL",
            )
            .bind(initiative_id)
            .bind(id)
            .execute(p)
            .await
            .map(|done| done.rows_affected())
        })
        .map_err(db)?;
        Ok(done == 1)
    }
}
