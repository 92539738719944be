//! The database adapter: one `PortfolioStore` over SQLite (the embedded
//! default) or PostgreSQL (the scale-out backend, chosen by `DATABASE_URL`).
//!
//! Both backends read through the same SQL and row types: money and dates
//! are read `CAST(… AS TEXT)`, which gives the exact decimal string and the
//! ISO date on both. Writes bind through [`Dialect`], which gives each
//! backend its native type (SQLite TEXT, PostgreSQL NUMERIC and DATE).

mod access;
mod calendar;
mod catalog;
mod connect;
mod contract;
mod cycle;
mod escalation;
mod import;
mod load;
mod meeting;
mod objects;
mod outcome;
mod plan;
mod portfolio;
mod priority;
mod reminders;
mod rows;
mod sql;
mod status;
mod store;

pub use connect::{connect, ConnectError, DatabaseTarget};
pub use store::SqlStore;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rust_decimal::Decimal;

/// A pool of either backend.
#[derive(Clone, Debug)]
pub enum Pool {
    Sqlite(sqlx::SqlitePool),
    Postgres(sqlx::PgPool),
}

/// Runs the same code against whichever pool is in use. `$db` names the
/// backend's `sqlx::Database` type inside the body, for [`Dialect`].
macro_rules! with_pool {
    ($pool:expr, $p:ident, $db:ident => $body:expr) => {
        match $pool {
            $crate::db::Pool::Sqlite($p) => {
                #[allow(unused)]
                type $db = sqlx::Sqlite;
                $body
            }
            $crate::db::Pool::Postgres($p) => {
                #[allow(unused)]
                type $db = sqlx::Postgres;
                $body
            }
        }
    };
}
pub(crate) use with_pool;

/// A value as the JSON an audit record keeps of it.
pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> app::store::StoreResult<serde_json::Value> {
    serde_json::to_value(value).map_err(|e| app::store::StoreError::Corrupt(e.to_string()))
}

/// Writes one audit record inside the transaction `$tx`.
macro_rules! audit {
    ($tx:expr, $db:ty, $actor:expr, $action:expr, $entity:expr, $entity_id:expr, $object:expr, $before:expr, $after:expr) => {
        sqlx::query($crate::db::sql::INSERT_AUDIT)
            .bind(<$db as $crate::db::Dialect>::timestamp(chrono::Utc::now()))
            .bind($actor)
            .bind($action.key())
            .bind($entity)
            .bind($entity_id)
            .bind($object)
            .bind($before.map(|v: serde_json::Value| v.to_string()))
            .bind($after.map(|v: serde_json::Value| v.to_string()))
            .execute(&mut *$tx)
            .await
            .map_err($crate::db::store::db)?
    };
}
pub(crate) use audit;

/// Inserts one initiative inside `$tx` with its audit record and returns it
/// as stored: the one INSERT behind creating, continuing into next year and
/// importing. `$input` is an `&InitiativeInput`, `$rank` an `i32`.
macro_rules! insert_initiative {
    ($tx:expr, $db:ty, $plan:expr, $rank:expr, $input:expr, $status:expr, $scores:expr, $actor:expr, $object:expr) => {{
        let input: &app::domain::InitiativeInput = $input;
        let scores: app::domain::Scores = $scores;
        let status: app::domain::InitiativeStatus = $status;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO initiatives (plan_year_id, rank, name, main_activity, assignment_type, priority,
                status, business_hours, business_other, it_hours, it_other, benefit, goal_contribution, effort)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
        )
        .bind($plan)
        .bind::<i32>($rank)
        .bind(&input.name)
        .bind(input.main_activity.key())
        .bind(input.assignment_type.key())
        .bind(input.priority)
        .bind(status.key())
        .bind(<$db as $crate::db::Dialect>::number(input.business.hours.value()))
        .bind(<$db as $crate::db::Dialect>::number(input.business.other.value()))
        .bind(<$db as $crate::db::Dialect>::number(input.it.hours.value()))
        .bind(<$db as $crate::db::Dialect>::number(input.it.other.value()))
        .bind(scores.benefit.map(i32::from))
        .bind(scores.goal_contribution.map(i32::from))
        .bind(scores.effort.map(i32::from))
        .fetch_one(&mut *$tx)
        .await
        .map_err($crate::db::store::db)?;
        let row: $crate::db::rows::InitiativeRow = sqlx::query_as(&$crate::db::sql::initiative_by_id())
            .bind(id)
            .fetch_one(&mut *$tx)
            .await
            .map_err($crate::db::store::db)?;
        let created = app::domain::Initiative::try_from(row)?;
        let after = $crate::db::to_json(&created)?;
        $crate::db::audit!(
            $tx,
            $db,
            Some($actor),
            app::domain::AuditAction::Create,
            "initiative",
            Some(id.to_string()),
            $object,
            None,
            Some(after)
        );
        created
    }};
}
pub(crate) use insert_initiative;

/// How each backend stores exact numbers and dates.
pub trait Dialect {
    /// How a write transaction starts. SQLite: `BEGIN IMMEDIATE`, so a
    /// writer takes the write lock at once (waiting up to the busy timeout)
    /// instead of failing with SQLITE_BUSY when its read snapshot must be
    /// upgraded while another connection writes. PostgreSQL: `BEGIN`.
    const BEGIN: &'static str;
    /// A plan year's object and status, read to change the plan: on
    /// PostgreSQL the row is locked for the transaction (`FOR UPDATE`), so
    /// concurrent changes to one plan's ranks queue up; SQLite's
    /// `BEGIN IMMEDIATE` has already serialised writers.
    const PLAN_FOR_WRITE: &'static str;
    /// A year's portfolio row, read to change the portfolio's order or
    /// capacity: locked on PostgreSQL, as [`Dialect::PLAN_FOR_WRITE`].
    const PORTFOLIO_FOR_WRITE: &'static str;
    type Number;
    type Date;
    type Timestamp;
    fn number(value: Decimal) -> Self::Number;
    fn date(value: NaiveDate) -> Self::Date;
    fn timestamp(value: DateTime<Utc>) -> Self::Timestamp;
}

impl Dialect for sqlx::Sqlite {
    const BEGIN: &'static str = "BEGIN IMMEDIATE";
    const PLAN_FOR_WRITE: &'static str = "SELECT object_id, status FROM plan_years WHERE id = $1";
    const PORTFOLIO_FOR_WRITE: &'static str = "SELECT version FROM portfolio_years WHERE year = $1";
    type Number = String;
    type Date = String;
    fn number(value: Decimal) -> String {
        value.to_string()
    }
    fn date(value: NaiveDate) -> String {
        value.format("%Y-%m-%d").to_string()
    }
    /// RFC 3339 in UTC with microseconds: sorts and compares as text.
    type Timestamp = String;
    fn timestamp(value: DateTime<Utc>) -> String {
        value.to_rfc3339_opts(SecondsFormat::Micros, true)
    }
}

impl Dialect for sqlx::Postgres {
    const BEGIN: &'static str = "BEGIN";
    const PLAN_FOR_WRITE: &'static str = "SELECT object_id, status FROM plan_years WHERE id = $1 FOR UPDATE";
    const PORTFOLIO_FOR_WRITE: &'static str = "SELECT version FROM portfolio_years WHERE year = $1 FOR UPDATE";
    type Number = Decimal;
    type Date = NaiveDate;
    fn number(value: Decimal) -> Decimal {
        value
    }
    fn date(value: NaiveDate) -> NaiveDate {
        value
    }
    type Timestamp = DateTime<Utc>;
    fn timestamp(value: DateTime<Utc>) -> DateTime<Utc> {
        value
    }
}
