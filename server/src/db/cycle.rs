//! The plan's yearly cycle: approving a plan (which locks it) and reopening
//! it, and next year's plan made from this year's with the initiatives that
//! continue. Each in one transaction with its audit records.

use app::domain::{AuditAction, Initiative, InitiativeInput, InitiativeStatus, PlanStatus, PlanYear};
use app::store::{StoreError, StoreResult};
use serde_json::json;

use super::rows::{InitiativeRow, PlanYearRow};
use super::store::{db, SqlStore};
use super::{audit, insert_initiative, sql, to_json, with_pool, Dialect};

impl SqlStore {
    pub(super) async fn change_plan_status(
        &self,
        plan_year_id: i64,
        version: i64,
        status: PlanStatus,
        actor: i64,
    ) -> StoreResult<PlanYear> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let row: Option<PlanYearRow> =
                sqlx::query_as(&sql::plan_year_by_id()).bind(plan_year_id).fetch_optional(&mut *tx).await.map_err(db)?;
            let before = PlanYear::try_from(row.ok_or(StoreError::NotFound)?)?;
            if before.version != version {
                return Err(StoreError::Stale);
            }
            if before.status == status {
                return Err(StoreError::Conflict(format!("already_{}", status.key())));
            }
            sqlx::query("UPDATE plan_years SET status = $1, version = version + 1 WHERE id = $2 AND version = $3")
                .bind(status.key())
                .bind(plan_year_id)
                .bind(version)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            let row: PlanYearRow =
                sqlx::query_as(&sql::plan_year_by_id()).bind(plan_year_id).fetch_one(&mut *tx).await.map_err(db)?;
            let after = PlanYear::try_from(row)?;
            let (b, a) = (json!({ "status": before.status.key() }), json!({ "status": after.status.key() }));
            audit!(tx, Db, Some(actor), AuditAction::Update, "plan_year", Some(plan_year_id.to_string()), Some(before.object_id), Some(b), Some(a));
            tx.commit().await.map_err(db)?;
            Ok(after)
        })
    }

    pub(super) async fn insert_next_plan(&self, plan_year_id: i64, keep: &[i64], actor: i64) -> StoreResult<PlanYear> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let row: Option<PlanYearRow> =
                sqlx::query_as(&sql::plan_year_by_id()).bind(plan_year_id).fetch_optional(&mut *tx).await.map_err(db)?;
            let from = PlanYear::try_from(row.ok_or(StoreError::NotFound)?)?;
            let year = from.year + 1;
            let taken: Option<i64> = sqlx::query_scalar("SELECT id FROM plan_years WHERE object_id = $1 AND year = $2")
                .bind(from.object_id)
                .bind(year)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
            if taken.is_some() {
                return Err(StoreError::Conflict("plan_exists".into()));
            }
            let rows: Vec<InitiativeRow> =
                sqlx::query_as(&sql::initiatives_of_plan()).bind(from.id).fetch_all(&mut *tx).await.map_err(db)?;
            let current = rows.into_iter().map(Initiative::try_from).collect::<StoreResult<Vec<_>>>()?;
            if let Some(unknown) = keep.iter().find(|id| !current.iter().any(|i| i.id == **id)) {
                return Err(StoreError::Invalid(format!("initiative {unknown} is not in the plan")));
            }
            let new_id: i64 = sqlx::query_scalar(
                "INSERT INTO plan_years (object_id, year, business_rate, it_rate, hours_per_fte, status)
                 VALUES ($1, $2, $3, $4, $5, 'draft') RETURNING id",
            )
            .bind(from.object_id)
            .bind(year)
            .bind(Db::number(from.settings.business_rate.value()))
            .bind(Db::number(from.settings.it_rate.value()))
            .bind(Db::number(from.settings.hours_per_fte.value()))
            .fetch_one(&mut *tx)
            .await
            .map_err(db)?;
            let object = Some(from.object_id);
            // The continuing initiatives, in this year's order, ranked afresh;
            // their status starts over.
            let mut rank = 0;
            for initiative in current.iter().filter(|i| keep.contains(&i.id)) {
                rank += 1;
                let input = InitiativeInput {
                    name: initiative.name.clone(),
                    main_activity: initiative.main_activity,
                    assignment_type: initiative.assignment_type,
                    priority: initiative.priority,
                    business: initiative.business,
                    it: initiative.it,
                };
                insert_initiative!(tx, Db, new_id, rank, &input, InitiativeStatus::NotStarted, initiative.scores, actor, object);
            }
            let row: PlanYearRow =
                sqlx::query_as(&sql::plan_year_by_id()).bind(new_id).fetch_one(&mut *tx).await.map_err(db)?;
            let created = PlanYear::try_from(row)?;
            let after = json!({ "year": year, "from_year": from.year, "initiatives": rank, "settings": to_json(&created.settings)? });
            audit!(tx, Db, Some(actor), AuditAction::Create, "plan_year", Some(new_id.to_string()), object, None, Some(after));
            tx.commit().await.map_err(db)?;
            Ok(created)
        })
    }
}
