//! Importing a plan year from a file: the upload is kept as a draft until
//! its preview is confirmed, then applied all or nothing in one
//! transaction, refused as stale if the plan changed since the preview.
//! Every created, changed and removed initiative gets its audit record, and
//! the import one more that sums it up.

use app::domain::workbook::{fingerprint, ImportApplied, ImportDraft, ImportedInitiative};
use app::domain::{AuditAction, Initiative, PlanStatus, PlanYear};
use app::store::{StoreError, StoreResult};
use serde_json::json;

use super::rows::{InitiativeRow, PlanYearRow};
use super::store::{db, SqlStore};
use super::{audit, insert_initiative, sql, to_json, with_pool, Dialect};

/// The row as it will be stored: the stored initiative with the file's
/// fields, rank, status and scores in place.
fn imported(stored: &Initiative, row: &ImportedInitiative) -> Initiative {
    Initiative { rank: row.rank, status: row.status, scores: row.scores, ..row.input.applied_to(stored) }
}

impl SqlStore {
    pub(super) async fn insert_import_draft(&self, draft: &ImportDraft) -> StoreResult<()> {
        let text = serde_json::to_string(draft).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        with_pool!(self.pool(), p, Db => {
            sqlx::query("INSERT INTO plan_imports (id, plan_year_id, person_id, created_at, draft) VALUES ($1, $2, $3, $4, $5)")
                .bind(&draft.id)
                .bind(draft.plan_year_id)
                .bind(draft.person_id)
                .bind(Db::timestamp(draft.created_at))
                .bind(text)
                .execute(p)
                .await
                .map_err(db)?;
            // Drafts nobody confirmed within a day are dropped.
            sqlx::query("DELETE FROM plan_imports WHERE created_at < $1")
                .bind(Db::timestamp(draft.created_at - chrono::Duration::days(1)))
                .execute(p)
                .await
                .map_err(db)?;
            Ok(())
        })
    }

    pub(super) async fn find_import_draft(&self, id: &str) -> StoreResult<Option<ImportDraft>> {
        let text: Option<String> = with_pool!(self.pool(), p, _Db => {
            sqlx::query_scalar("SELECT draft FROM plan_imports WHERE id = $1").bind(id).fetch_optional(p).await.map_err(db)?
        });
        text.map(|t| serde_json::from_str(&t).map_err(|e| StoreError::Corrupt(e.to_string()))).transpose()
    }

    pub(super) async fn apply_import_draft(&self, id: &str, actor: i64) -> StoreResult<ImportApplied> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let text: Option<String> = sqlx::query_scalar("SELECT draft FROM plan_imports WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
            let draft: ImportDraft = match text {
                Some(t) => serde_json::from_str(&t).map_err(|e| StoreError::Corrupt(e.to_string()))?,
                None => return Err(StoreError::NotFound),
            };
            if draft.person_id != actor {
                return Err(StoreError::NotFound);
            }
            let import = draft.outcome.as_ref().map_err(|_| StoreError::Invalid("the file has errors".into()))?;
            // Lock the plan (PostgreSQL) before comparing its state.
            let _: Option<(i64, String)> = sqlx::query_as(<Db as Dialect>::PLAN_FOR_WRITE)
                .bind(draft.plan_year_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
            let row: Option<PlanYearRow> = sqlx::query_as(&sql::plan_year_by_id())
                .bind(draft.plan_year_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
            let plan = PlanYear::try_from(row.ok_or(StoreError::NotFound)?)?;
            if plan.status == PlanStatus::Approved {
                return Err(StoreError::Locked);
            }
            let rows: Vec<InitiativeRow> =
                sqlx::query_as(&sql::initiatives_of_plan()).bind(plan.id).fetch_all(&mut *tx).await.map_err(db)?;
            let current = rows.into_iter().map(Initiative::try_from).collect::<StoreResult<Vec<_>>>()?;
            if fingerprint(&plan, &current) != draft.fingerprint {
                return Err(StoreError::Stale);
            }
            let object = Some(plan.object_id);
            let mut applied = ImportApplied::default();

            if import.settings != plan.settings {
                sqlx::query(
                    "UPDATE plan_years SET business_rate = $1, it_rate = $2, hours_per_fte = $3, version = version + 1
                     WHERE id = $4",
                )
                .bind(Db::number(import.settings.business_rate.value()))
                .bind(Db::number(import.settings.it_rate.value()))
                .bind(Db::number(import.settings.hours_per_fte.value()))
                .bind(plan.id)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
                let (before, after) = (to_json(&plan.settings)?, to_json(&import.settings)?);
                audit!(tx, Db, Some(actor), AuditAction::Update, "plan_year", Some(plan.id.to_string()), object, Some(before), Some(after));
                applied.settings_changed = true;
            }

            // Removed: stored initiatives the file does not mention.
            for stored in current.iter().filter(|s| !import.initiatives.iter().any(|i| i.id == Some(s.id))) {
                sqlx::query("DELETE FROM initiatives WHERE id = $1").bind(stored.id).execute(&mut *tx).await.map_err(db)?;
                let before = to_json(stored)?;
                audit!(tx, Db, Some(actor), AuditAction::Delete, "initiative", Some(stored.id.to_string()), object, Some(before), None);
                applied.removed += 1;
            }

            for row in &import.initiatives {
                match row.id {
                    Some(id) => {
                        // The fingerprint matched, so every id is one of `current`.
                        let stored = current.iter().find(|s| s.id == id).ok_or(StoreError::Stale)?;
                        let after = imported(stored, row);
                        if after == *stored {
                            continue;
                        }
                        sqlx::query(
                            "UPDATE initiatives SET rank = $1, name = $2, main_activity = $3, assignment_type = $4,
                                priority = $5, status = $6, business_hours = $7, business_other = $8, it_hours = $9,
                                it_other = $10, benefit = $11, goal_contribution = $12, effort = $13,
                                version = version + 1
                             WHERE id = $14",
                        )
                        .bind(after.rank)
                        .bind(&after.name)
                        .bind(after.main_activity.key())
                        .bind(after.assignment_type.key())
                        .bind(after.priority)
                        .bind(after.status.key())
                        .bind(Db::number(after.business.hours.value()))
                        .bind(Db::number(after.business.other.value()))
                        .bind(Db::number(after.it.hours.value()))
                        .bind(Db::number(after.it.other.value()))
                        .bind(after.scores.benefit.map(i32::from))
                        .bind(after.scores.goal_contribution.map(i32::from))
                        .bind(after.scores.effort.map(i32::from))
                        .bind(id)
                        .execute(&mut *tx)
                        .await
                        .map_err(db)?;
                        let (before_json, after_json) = (to_json(stored)?, to_json(&after)?);
                        audit!(tx, Db, Some(actor), AuditAction::Update, "initiative", Some(id.to_string()), object, Some(before_json), Some(after_json));
                        applied.changed += 1;
                    }
                    None => {
                        insert_initiative!(tx, Db, plan.id, row.rank, &row.input, row.status, row.scores, actor, object);
                        applied.created += 1;
                    }
                }
            }

            sqlx::query("DELETE FROM plan_imports WHERE id = $1").bind(id).execute(&mut *tx).await.map_err(db)?;
            let summary = json!({
                "file": draft.file_name,
                "created": applied.created,
                "changed": applied.changed,
                "removed": applied.removed,
                "settings_changed": applied.settings_changed,
            });
            audit!(tx, Db, Some(actor), AuditAction::Import, "plan_year", Some(plan.id.to_string()), object, None, Some(summary));
            tx.commit().await.map_err(db)?;
            Ok(applied)
        })
    }
}
