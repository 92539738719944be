//! Initiatives' outcomes: read per plan year, recorded one at a time with
//! its audit record (before and after) in the same transaction.

use std::str::FromStr;

use app::domain::{AuditAction, Hours, Money, Outcome, SideEffort};
use app::store::{StoreError, StoreResult};
use chrono::Utc;

use super::store::{db, SqlStore};
use super::{audit, sql, with_pool, Dialect};

#[derive(sqlx::FromRow)]
struct OutcomeRow {
    initiative_id: i64,
    business_hours: String,
    business_other: String,
    it_hours: String,
    it_other: String,
}

const OUTCOME_COLUMNS: &str = "o.initiative_id, CAST(o.business_hours AS TEXT) AS business_hours,
    CAST(o.business_other AS TEXT) AS business_other, CAST(o.it_hours AS TEXT) AS it_hours,
    CAST(o.it_other AS TEXT) AS it_other";

impl TryFrom<OutcomeRow> for (i64, Outcome) {
    type Error = StoreError;
    fn try_from(row: OutcomeRow) -> Result<Self, StoreError> {
        let side = |hours: &str, other: &str| -> Result<SideEffort, StoreError> {
            let corrupt = |e: app::domain::DomainError| StoreError::Corrupt(format!("initiative_outcomes: {e}"));
            Ok(SideEffort::new(Hours::from_str(hours).map_err(corrupt)?, Money::from_str(other).map_err(corrupt)?))
        };
        Ok((
            row.initiative_id,
            Outcome {
                business: side(&row.business_hours, &row.business_other)?,
                it: side(&row.it_hours, &row.it_other)?,
            },
        ))
    }
}

impl SqlStore {
    pub(super) async fn outcome_rows(&self, plan_year_id: i64) -> StoreResult<Vec<(i64, Outcome)>> {
        let sql = format!(
            "SELECT {OUTCOME_COLUMNS} FROM initiative_outcomes o JOIN initiatives i ON i.id = o.initiative_id
             WHERE i.plan_year_id = $1 ORDER BY i.rank"
        );
        let rows: Vec<OutcomeRow> =
            with_pool!(self.pool(), p, Db => sqlx::query_as(&sql).bind(plan_year_id).fetch_all(p).await).map_err(db)?;
        rows.into_iter().map(TryInto::try_into).collect()
    }

    pub(super) async fn outcome_rows_in_year(&self, year: i32) -> StoreResult<Vec<(i64, Outcome)>> {
        let sql = format!(
            "SELECT {OUTCOME_COLUMNS} FROM initiative_outcomes o JOIN initiatives i ON i.id = o.initiative_id
             JOIN plan_years p ON p.id = i.plan_year_id WHERE p.year = $1"
        );
        let rows: Vec<OutcomeRow> =
            with_pool!(self.pool(), p, Db => sqlx::query_as(&sql).bind(year).fetch_all(p).await).map_err(db)?;
        rows.into_iter().map(TryInto::try_into).collect()
    }

    pub(super) async fn upsert_outcome(&self, initiative_id: i64, outcome: &Outcome, actor: i64) -> StoreResult<()> {
        let select = format!("SELECT {OUTCOME_COLUMNS} FROM initiative_outcomes o WHERE o.initiative_id = $1");
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let object: Option<i64> = sqlx::query_scalar(
                sql::INITIATIVE_OBJECT,
            )
            .bind(initiative_id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
            let object = object.ok_or(StoreError::NotFound)?;
            let before: Option<OutcomeRow> =
                sqlx::query_as(&select).bind(initiative_id).fetch_optional(&mut *tx).await.map_err(db)?;
            let before = before.map(<(i64, Outcome)>::try_from).transpose()?.map(|(_, o)| o);
            sqlx::query(
                "INSERT INTO initiative_outcomes
                    (initiative_id, business_hours, business_other, it_hours, it_other, recorded_by, recorded_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)
                 ON CONFLICT (initiative_id) DO UPDATE SET business_hours = excluded.business_hours,
                    business_other = excluded.business_other, it_hours = excluded.it_hours,
                    it_other = excluded.it_other, recorded_by = excluded.recorded_by,
                    recorded_at = excluded.recorded_at",
            )
            .bind(initiative_id)
            .bind(Db::number(outcome.business.hours.value()))
            .bind(Db::number(outcome.business.other.value()))
            .bind(Db::number(outcome.it.hours.value()))
            .bind(Db::number(outcome.it.other.value()))
            .bind(actor)
            .bind(Db::timestamp(Utc::now()))
            .execute(&mut *tx)
            .await
            .map_err(db)?;
            let json = |o: &Outcome| serde_json::to_value(o).map_err(|e| StoreError::Corrupt(e.to_string()));
            let (before, after) = (before.as_ref().map(json).transpose()?, Some(json(outcome)?));
            let action = if before.is_some() { AuditAction::Update } else { AuditAction::Create };
            audit!(tx, Db, Some(actor), action, "outcome", Some(initiative_id.to_string()), Some(object), before, after);
            tx.commit().await.map_err(db)
        })
    }
}
