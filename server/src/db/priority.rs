//! Reordering a plan's initiatives. A client sends an intent ("move X
//! before Y"); the order is decided here, inside one transaction that has
//! the plan to itself (SQLite: `BEGIN IMMEDIATE`; PostgreSQL: the plan row
//! locked), so concurrent moves queue up and the ranks stay a total order
//! 1..n whatever the interleaving. Each move is a row in `priority_moves`
//! (its id is the order's revision) and an audit record; the plan's last
//! move can be undone. After commit, everyone watching the plan is told:
//! in this process at once, in other processes by PostgreSQL NOTIFY.

use app::domain::{apply_move, AuditAction, Capacity, Move, PlanYear};
use app::store::{OrderList, Reordered, StoreError, StoreResult};
use serde_json::json;

use super::rows::PlanYearRow;
use super::store::{db, SqlStore};
use super::{audit, sql, with_pool, Dialect};

/// The channel PostgreSQL notifications travel on between instances.
pub const CHANNEL: &str = "styrbord_priorities";

const ORDER: &str = "SELECT id FROM initiatives WHERE plan_year_id = $1 ORDER BY rank, id";
const REVISION: &str = "SELECT CAST(COALESCE(MAX(id), 0) AS BIGINT) FROM priority_moves WHERE plan_year_id = $1";

/// A plan's latest move: id, initiative, the one it used to precede, the
/// move it undid (if an undo), and whether it has been undone.
type LastMove = (i64, i64, Option<i64>, Option<i64>, bool);

/// A plan's object, if the plan may change.
fn writable(row: Option<(i64, String)>) -> StoreResult<i64> {
    match row {
        None => Err(StoreError::NotFound),
        Some((_, status)) if status == app::domain::PlanStatus::Approved.key() => Err(StoreError::Locked),
        Some((object_id, _)) => Ok(object_id),
    }
}

/// Applies `step` inside `$tx` (which holds the plan) and records it:
/// evaluates to `(move id, order after)`, or returns the refusal.
macro_rules! reorder {
    ($tx:expr, $db:ty, $plan:expr, $object:expr, $step:expr, $reason:expr, $undoes:expr, $actor:expr) => {{
        let step: Move = $step;
        let order: Vec<i64> = sqlx::query_scalar(ORDER).bind($plan).fetch_all(&mut *$tx).await.map_err(db)?;
        let next = apply_move(&order, step).map_err(|e| StoreError::Invalid(e.code().into()))?;
        let from = order.iter().position(|&id| id == step.item).unwrap_or_default();
        let to = next.iter().position(|&id| id == step.item).unwrap_or_default();
        // Ranks 1..n in the new order; only the rows whose rank changes are written.
        for (index, id) in next.iter().enumerate() {
            if order.get(index) != Some(id) {
                sqlx::query("UPDATE initiatives SET rank = $1 WHERE id = $2")
                    .bind(index as i32 + 1)
                    .bind(id)
                    .execute(&mut *$tx)
                    .await
                    .map_err(db)?;
            }
        }
        let was_before = order.get(from + 1).copied();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO priority_moves (plan_year_id, initiative_id, before_id, was_before_id, from_rank, to_rank,
                actor_id, at, reason, undoes)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind($plan)
        .bind(step.item)
        .bind(step.before)
        .bind(was_before)
        .bind(from as i32 + 1)
        .bind(to as i32 + 1)
        .bind($actor)
        .bind(<$db as Dialect>::timestamp(chrono::Utc::now()))
        .bind($reason)
        .bind($undoes)
        .fetch_one(&mut *$tx)
        .await
        .map_err(db)?;
        let before = json!({ "rank": from + 1, "before": was_before });
        let after = json!({ "rank": to + 1, "before": step.before, "reason": $reason, "move": id, "undoes": $undoes });
        audit!(
            $tx, $db, Some($actor), AuditAction::Reorder, "initiative", Some(step.item.to_string()), Some($object),
            Some(before), Some(after)
        );
        (id, next)
    }};
}

/// Tells other instances, on PostgreSQL, inside `$tx`.
macro_rules! notify {
    ($store:expr, $tx:expr, $list:expr, $revision:expr) => {{
        if let Some(note) = $store.note($list, $revision) {
            sqlx::query("SELECT pg_notify($1, $2)").bind(CHANNEL).bind(note).execute(&mut *$tx).await.map_err(db)?;
        }
    }};
}
pub(super) use notify;

impl SqlStore {
    pub(super) async fn move_in_plan(
        &self,
        plan_year_id: i64,
        step: Move,
        reason: &str,
        actor: i64,
    ) -> StoreResult<Reordered> {
        let done = with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let plan: Option<(i64, String)> =
                sqlx::query_as(<Db as Dialect>::PLAN_FOR_WRITE).bind(plan_year_id).fetch_optional(&mut *tx).await.map_err(db)?;
            let object_id = writable(plan)?;
            let (revision, order) = reorder!(tx, Db, plan_year_id, object_id, step, reason, None::<i64>, actor);
            notify!(self, tx, OrderList::Plan(plan_year_id), revision);
            tx.commit().await.map_err(db)?;
            Reordered { revision, order }
        });
        self.changed(OrderList::Plan(plan_year_id), done.revision);
        Ok(done)
    }

    /// Undoes the plan's last move, if it is not an undo itself: the item
    /// goes back before the one it used to precede (nothing has moved
    /// since, so that is exactly where it was).
    pub(super) async fn undo_in_plan(&self, plan_year_id: i64, actor: i64) -> StoreResult<Reordered> {
        let done = with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let plan: Option<(i64, String)> =
                sqlx::query_as(<Db as Dialect>::PLAN_FOR_WRITE).bind(plan_year_id).fetch_optional(&mut *tx).await.map_err(db)?;
            let object_id = writable(plan)?;
            let last: Option<LastMove> = sqlx::query_as(
                "SELECT id, initiative_id, was_before_id, undoes, undone FROM priority_moves
                 WHERE plan_year_id = $1 ORDER BY id DESC LIMIT 1",
            )
            .bind(plan_year_id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
            let (last_id, item, was_before) = match last {
                Some((id, item, was_before, None, false)) => (id, item, was_before),
                _ => return Err(StoreError::Conflict("nothing_to_undo".into())),
            };
            let step = Move { item, before: was_before };
            let (revision, order) = reorder!(tx, Db, plan_year_id, object_id, step, "", Some(last_id), actor);
            sqlx::query("UPDATE priority_moves SET undone = $1 WHERE id = $2")
                .bind(true)
                .bind(last_id)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            notify!(self, tx, OrderList::Plan(plan_year_id), revision);
            tx.commit().await.map_err(db)?;
            Reordered { revision, order }
        });
        self.changed(OrderList::Plan(plan_year_id), done.revision);
        Ok(done)
    }

    /// The order's revision: the id of the plan's latest move (0: none yet).
    pub(super) async fn revision_of(&self, plan_year_id: i64) -> StoreResult<i64> {
        with_pool!(self.pool(), p, Db => {
            sqlx::query_scalar(REVISION).bind(plan_year_id).fetch_one(p).await
        })
        .map_err(db)
    }

    /// Whether the plan's last move may be undone.
    pub(super) async fn plan_can_undo(&self, plan_year_id: i64) -> StoreResult<bool> {
        let last: Option<(Option<i64>, bool)> = with_pool!(self.pool(), p, Db => {
            sqlx::query_as(
                "SELECT undoes, undone FROM priority_moves WHERE plan_year_id = $1 ORDER BY id DESC LIMIT 1",
            )
            .bind(plan_year_id)
            .fetch_optional(p)
            .await
        })
        .map_err(db)?;
        Ok(matches!(last, Some((None, false))))
    }

    pub(super) async fn change_capacity(
        &self,
        plan_year_id: i64,
        version: i64,
        capacity: &Capacity,
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
            sqlx::query(
                "UPDATE plan_years SET capacity_business_hours = $1, capacity_it_hours = $2, capacity_budget = $3,
                    version = version + 1 WHERE id = $4",
            )
            .bind(capacity.business_hours.map(|h| Db::number(h.value())))
            .bind(capacity.it_hours.map(|h| Db::number(h.value())))
            .bind(capacity.budget.map(|m| Db::number(m.value())))
            .bind(plan_year_id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
            let row: PlanYearRow =
                sqlx::query_as(&sql::plan_year_by_id()).bind(plan_year_id).fetch_one(&mut *tx).await.map_err(db)?;
            let after = PlanYear::try_from(row)?;
            let (b, a) = (super::to_json(&before.capacity)?, super::to_json(&after.capacity)?);
            audit!(tx, Db, Some(actor), AuditAction::Update, "plan_capacity", Some(plan_year_id.to_string()), Some(before.object_id), Some(b), Some(a));
            tx.commit().await.map_err(db)?;
            Ok(after)
        })
    }
}
