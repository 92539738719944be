//! Changing a plan: initiatives, their status reports and a plan year's
//! settings. An edit names the version it started from: when someone else
//! saved in between, it is refused as stale (never a silent overwrite).
//! Every change writes its audit record, with before and after, in the
//! same transaction.

use app::domain::{
    AuditAction, Initiative, InitiativeInput, InitiativeStatus, PlanSettings, PlanStatus, PlanYear, Scores,
    StatusInput, StatusReport,
};
use app::store::{StoreError, StoreResult};
use chrono::Utc;
use serde_json::json;

use super::rows::{InitiativeRow, PlanYearRow, StatusReportRow};
use super::store::{db, SqlStore};
use super::{audit, insert_initiative, sql, to_json, with_pool, Dialect};

/// A plan year's object, and whether it may change (an approved plan is
/// locked until its owner reopens it).
fn writable(row: Option<(i64, String)>) -> StoreResult<i64> {
    match row {
        None => Err(StoreError::NotFound),
        Some((_, status)) if status == PlanStatus::Approved.key() => Err(StoreError::Locked),
        Some((object_id, _)) => Ok(object_id),
    }
}

impl SqlStore {
    pub(super) async fn insert_initiative(
        &self,
        plan_year_id: i64,
        input: &InitiativeInput,
        actor: i64,
    ) -> StoreResult<Initiative> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let plan: Option<(i64, String)> = sqlx::query_as(<Db as Dialect>::PLAN_FOR_WRITE)
                .bind(plan_year_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
            let object_id = writable(plan)?;
            let rank: i64 = sqlx::query_scalar(
                "SELECT CAST(COALESCE(MAX(rank), 0) + 1 AS BIGINT) FROM initiatives WHERE plan_year_id = $1",
            )
            .bind(plan_year_id)
            .fetch_one(&mut *tx)
            .await
            .map_err(db)?;
            let rank = i32::try_from(rank).map_err(|_| StoreError::Invalid("too many initiatives".into()))?;
            let created = insert_initiative!(
                tx, Db, plan_year_id, rank, input, InitiativeStatus::NotStarted, Scores::default(), actor, Some(object_id)
            );
            tx.commit().await.map_err(db)?;
            Ok(created)
        })
    }

    pub(super) async fn change_initiative(
        &self,
        id: i64,
        version: i64,
        input: &InitiativeInput,
        actor: i64,
    ) -> StoreResult<Initiative> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let row: Option<InitiativeRow> =
                sqlx::query_as(&sql::initiative_by_id()).bind(id).fetch_optional(&mut *tx).await.map_err(db)?;
            let before = Initiative::try_from(row.ok_or(StoreError::NotFound)?)?;
            let plan: Option<(i64, String)> = sqlx::query_as(<Db as Dialect>::PLAN_FOR_WRITE)
                .bind(before.plan_year_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
            let object_id = writable(plan)?;
            let changed = sqlx::query(
                "UPDATE initiatives SET name = $1, main_activity = $2, assignment_type = $3, priority = $4,
                    business_hours = $5, business_other = $6, it_hours = $7, it_other = $8, version = version + 1
                 WHERE id = $9 AND version = $10",
            )
            .bind(&input.name)
            .bind(input.main_activity.key())
            .bind(input.assignment_type.key())
            .bind(input.priority)
            .bind(Db::number(input.business.hours.value()))
            .bind(Db::number(input.business.other.value()))
            .bind(Db::number(input.it.hours.value()))
            .bind(Db::number(input.it.other.value()))
            .bind(id)
            .bind(version)
            .execute(&mut *tx)
            .await
            .map_err(db)?
            .rows_affected();
            if changed != 1 {
                return Err(StoreError::Stale);
            }
            let row: InitiativeRow =
                sqlx::query_as(&sql::initiative_by_id()).bind(id).fetch_one(&mut *tx).await.map_err(db)?;
            let after = Initiative::try_from(row)?;
            let (before_json, after_json) = (to_json(&before)?, to_json(&after)?);
            audit!(tx, Db, Some(actor), AuditAction::Update, "initiative", Some(id.to_string()), Some(object_id), Some(before_json), Some(after_json));
            tx.commit().await.map_err(db)?;
            Ok(after)
        })
    }

    pub(super) async fn remove_initiative(&self, id: i64, version: i64, actor: i64) -> StoreResult<()> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let row: Option<InitiativeRow> =
                sqlx::query_as(&sql::initiative_by_id()).bind(id).fetch_optional(&mut *tx).await.map_err(db)?;
            let before = Initiative::try_from(row.ok_or(StoreError::NotFound)?)?;
            let plan: Option<(i64, String)> = sqlx::query_as(<Db as Dialect>::PLAN_FOR_WRITE)
                .bind(before.plan_year_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
            let object_id = writable(plan)?;
            let removed = sqlx::query("DELETE FROM initiatives WHERE id = $1 AND version = $2")
                .bind(id)
                .bind(version)
                .execute(&mut *tx)
                .await
                .map_err(db)?
                .rows_affected();
            if removed != 1 {
                return Err(StoreError::Stale);
            }
            // Close the gap, so ranks stay 1, 2, 3, …
            sqlx::query("UPDATE initiatives SET rank = rank - 1 WHERE plan_year_id = $1 AND rank > $2")
                .bind(before.plan_year_id)
                .bind(before.rank)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            let before_json = to_json(&before)?;
            audit!(tx, Db, Some(actor), AuditAction::Delete, "initiative", Some(id.to_string()), Some(object_id), Some(before_json), None);
            tx.commit().await.map_err(db)
        })
    }

    pub(super) async fn add_status_report(
        &self,
        initiative_id: i64,
        report: &StatusInput,
        actor: i64,
    ) -> StoreResult<Initiative> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let row: Option<InitiativeRow> = sqlx::query_as(&sql::initiative_by_id())
                .bind(initiative_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
            let before = Initiative::try_from(row.ok_or(StoreError::NotFound)?)?;
            let object_id: i64 = sqlx::query_scalar("SELECT object_id FROM plan_years WHERE id = $1")
                .bind(before.plan_year_id)
                .fetch_one(&mut *tx)
                .await
                .map_err(db)?;
            let now = Utc::now();
            sqlx::query(
                "INSERT INTO status_reports (initiative_id, status, as_of, comment, reported_by, reported_at)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(initiative_id)
            .bind(report.status.key())
            .bind(Db::date(report.date))
            .bind(&report.comment)
            .bind(actor)
            .bind(Db::timestamp(now))
            .execute(&mut *tx)
            .await
            .map_err(db)?;
            // Status is reported, not edited: it does not make other
            // people's open edit forms stale.
            sqlx::query("UPDATE initiatives SET status = $1 WHERE id = $2")
                .bind(report.status.key())
                .bind(initiative_id)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            let before_json = json!({"status": before.status.key()});
            let after_json = json!({"status": report.status.key(), "as_of": report.date, "comment": report.comment});
            audit!(tx, Db, Some(actor), AuditAction::Update, "initiative_status", Some(initiative_id.to_string()), Some(object_id), Some(before_json), Some(after_json));
            tx.commit().await.map_err(db)?;
            Ok(Initiative { status: report.status, ..before })
        })
    }

    pub(super) async fn status_report_rows(&self, initiative_id: i64) -> StoreResult<Vec<StatusReport>> {
        let rows: Vec<StatusReportRow> = with_pool!(self.pool(), p, Db => {
            sqlx::query_as(sql::STATUS_REPORTS).bind(initiative_id).fetch_all(p).await
        })
        .map_err(db)?;
        rows.into_iter().map(StatusReport::try_from).collect()
    }

    pub(super) async fn change_plan_settings(
        &self,
        plan_year_id: i64,
        version: i64,
        settings: &PlanSettings,
        actor: i64,
    ) -> StoreResult<PlanYear> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let row: Option<PlanYearRow> =
                sqlx::query_as(&sql::plan_year_by_id()).bind(plan_year_id).fetch_optional(&mut *tx).await.map_err(db)?;
            let before = PlanYear::try_from(row.ok_or(StoreError::NotFound)?)?;
            if before.status == PlanStatus::Approved {
                return Err(StoreError::Locked);
            }
            let changed = sqlx::query(
                "UPDATE plan_years SET business_rate = $1, it_rate = $2, hours_per_fte = $3, version = version + 1
                 WHERE id = $4 AND version = $5",
            )
            .bind(Db::number(settings.business_rate.value()))
            .bind(Db::number(settings.it_rate.value()))
            .bind(Db::number(settings.hours_per_fte.value()))
            .bind(plan_year_id)
            .bind(version)
            .execute(&mut *tx)
            .await
            .map_err(db)?
            .rows_affected();
            if changed != 1 {
                return Err(StoreError::Stale);
            }
            let row: PlanYearRow =
                sqlx::query_as(&sql::plan_year_by_id()).bind(plan_year_id).fetch_one(&mut *tx).await.map_err(db)?;
            let after = PlanYear::try_from(row)?;
            let (before_json, after_json) = (to_json(&before.settings)?, to_json(&after.settings)?);
            audit!(tx, Db, Some(actor), AuditAction::Update, "plan_year", Some(plan_year_id.to_string()), Some(before.object_id), Some(before_json), Some(after_json));
            tx.commit().await.map_err(db)?;
            Ok(after)
        })
    }
}
