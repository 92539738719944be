//! The portfolio's priority order across objects (001, 2.3.4): a year's
//! initiatives from every object in one list, reordered by intents like a
//! plan's (see `priority`), inside one transaction that holds the year's
//! row. Initiatives the portfolio has not ranked yet (new ones, or all of
//! them before the first move) follow the ranked ones, each object's first
//! priority before anyone's second. Also: which IT components an
//! initiative touches, and through them its suppliers, for the conflicts.

use std::str::FromStr;

use app::domain::{apply_move, AuditAction, Hours, Move, PortfolioOrder, Resource};
use app::store::{OrderList, Reordered, StoreError, StoreResult};
use serde_json::json;

use super::priority::{notify, CHANNEL};
use super::store::{db, SqlStore};
use super::{audit, sql, with_pool, Dialect};

/// A year's initiatives: id, object, object code, rank in its plan, and
/// portfolio rank (if ranked).
const ITEMS: &str = "SELECT i.id, p.object_id, o.code, i.rank, r.rank
     FROM initiatives i
     JOIN plan_years p ON p.id = i.plan_year_id
     JOIN objects o ON o.id = p.object_id
     LEFT JOIN portfolio_ranks r ON r.initiative_id = i.id
     WHERE p.year = $1";
const REVISION: &str = "SELECT CAST(COALESCE(MAX(id), 0) AS BIGINT) FROM portfolio_moves WHERE year = $1";
const ENSURE_YEAR: &str = "INSERT INTO portfolio_years (year) VALUES ($1) ON CONFLICT (year) DO NOTHING";

type Item = (i64, i64, String, i32, Option<i32>);
/// An initiative, a component it touches (id, name) and the component's
/// supplier (id, name), if any.
type TouchRow = (i64, i64, String, Option<i64>, Option<String>);
/// A year's latest move: id, initiative, the one it used to precede, the
/// move it undid (if an undo), and whether it has been undone.
type LastMove = (i64, i64, Option<i64>, Option<i64>, bool);

/// Ranked items by rank, then the rest: each object's first before
/// anyone's second, objects by code.
fn ordered(mut items: Vec<Item>) -> Vec<Item> {
    items.sort_by(|a, b| match (a.4, b.4) {
        (Some(x), Some(y)) => (x, a.0).cmp(&(y, b.0)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => (a.3, &a.2, a.0).cmp(&(b.3, &b.2, b.0)),
    });
    items
}

/// Applies `step` to the year's order inside `$tx` (which holds the year)
/// and records it: evaluates to `(move id, order after)`.
macro_rules! reorder_portfolio {
    ($tx:expr, $db:ty, $year:expr, $step:expr, $reason:expr, $undoes:expr, $actor:expr) => {{
        let step: Move = $step;
        let items: Vec<Item> = sqlx::query_as(ITEMS).bind($year).fetch_all(&mut *$tx).await.map_err(db)?;
        let items = ordered(items);
        let order: Vec<i64> = items.iter().map(|i| i.0).collect();
        let next = apply_move(&order, step).map_err(|e| StoreError::Invalid(e.code().into()))?;
        let from = order.iter().position(|&id| id == step.item).unwrap_or_default();
        let to = next.iter().position(|&id| id == step.item).unwrap_or_default();
        let ranked: std::collections::HashMap<i64, Option<i32>> = items.iter().map(|i| (i.0, i.4)).collect();
        // Ranks 1..n; only rows that are new or whose rank changes are written.
        for (index, id) in next.iter().enumerate() {
            let rank = index as i32 + 1;
            if ranked.get(id).copied().flatten() != Some(rank) {
                sqlx::query(
                    "INSERT INTO portfolio_ranks (initiative_id, year, rank) VALUES ($1, $2, $3)
                     ON CONFLICT (initiative_id) DO UPDATE SET rank = excluded.rank, year = excluded.year",
                )
                .bind(id)
                .bind($year)
                .bind(rank)
                .execute(&mut *$tx)
                .await
                .map_err(db)?;
            }
        }
        let was_before = order.get(from + 1).copied();
        let object = items.iter().find(|i| i.0 == step.item).map(|i| i.1);
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO portfolio_moves (year, initiative_id, before_id, was_before_id, from_rank, to_rank,
                actor_id, at, reason, undoes)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind($year)
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
        let before = json!({ "portfolio": $year, "rank": from + 1, "before": was_before });
        let after = json!({
            "portfolio": $year, "rank": to + 1, "before": step.before, "reason": $reason, "move": id, "undoes": $undoes
        });
        audit!(
            $tx, $db, Some($actor), AuditAction::Reorder, "initiative", Some(step.item.to_string()), object,
            Some(before), Some(after)
        );
        (id, next)
    }};
}

impl SqlStore {
    pub(super) async fn portfolio_of(&self, year: i32) -> StoreResult<PortfolioOrder> {
        let (items, revision, last, row) = with_pool!(self.pool(), p, Db => {
            let items: Vec<Item> = sqlx::query_as(ITEMS).bind(year).fetch_all(p).await.map_err(db)?;
            let revision: i64 = sqlx::query_scalar(REVISION).bind(year).fetch_one(p).await.map_err(db)?;
            let last: Option<(Option<i64>, bool)> = sqlx::query_as(
                "SELECT undoes, undone FROM portfolio_moves WHERE year = $1 ORDER BY id DESC LIMIT 1",
            )
            .bind(year)
            .fetch_optional(p)
            .await
            .map_err(db)?;
            let row: Option<(Option<String>, i64)> = sqlx::query_as(
                "SELECT CAST(capacity_it_hours AS TEXT), version FROM portfolio_years WHERE year = $1",
            )
            .bind(year)
            .fetch_optional(p)
            .await
            .map_err(db)?;
            (items, revision, last, row)
        });
        let (it_hours, version) = match row {
            Some((hours, version)) => (
                hours
                    .map(|h| Hours::from_str(&h))
                    .transpose()
                    .map_err(|e| StoreError::Corrupt(format!("portfolio_years.capacity_it_hours: {e}")))?,
                version,
            ),
            // A year without a row reads as the row that would be made.
            None => (None, 1),
        };
        Ok(PortfolioOrder {
            year,
            order: ordered(items).into_iter().map(|i| i.0).collect(),
            revision,
            can_undo: matches!(last, Some((None, false))),
            it_hours,
            version,
        })
    }

    pub(super) async fn move_in_portfolio_order(
        &self,
        year: i32,
        step: Move,
        reason: &str,
        actor: i64,
    ) -> StoreResult<Reordered> {
        let done = with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            sqlx::query(ENSURE_YEAR).bind(year).execute(&mut *tx).await.map_err(db)?;
            sqlx::query(<Db as Dialect>::PORTFOLIO_FOR_WRITE).bind(year).fetch_one(&mut *tx).await.map_err(db)?;
            let (revision, order) = reorder_portfolio!(tx, Db, year, step, reason, None::<i64>, actor);
            notify!(self, tx, OrderList::Portfolio(year), revision);
            tx.commit().await.map_err(db)?;
            Reordered { revision, order }
        });
        self.changed(OrderList::Portfolio(year), done.revision);
        Ok(done)
    }

    /// Undoes the year's last portfolio move, if it is not an undo itself.
    pub(super) async fn undo_in_portfolio(&self, year: i32, actor: i64) -> StoreResult<Reordered> {
        let done = with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            sqlx::query(ENSURE_YEAR).bind(year).execute(&mut *tx).await.map_err(db)?;
            sqlx::query(<Db as Dialect>::PORTFOLIO_FOR_WRITE).bind(year).fetch_one(&mut *tx).await.map_err(db)?;
            let last: Option<LastMove> = sqlx::query_as(
                "SELECT id, initiative_id, was_before_id, undoes, undone FROM portfolio_moves
                 WHERE year = $1 ORDER BY id DESC LIMIT 1",
            )
            .bind(year)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
            let (last_id, item, was_before) = match last {
                Some((id, item, was_before, None, false)) => (id, item, was_before),
                _ => return Err(StoreError::Conflict("nothing_to_undo".into())),
            };
            let step = Move { item, before: was_before };
            let (revision, order) = reorder_portfolio!(tx, Db, year, step, "", Some(last_id), actor);
            sqlx::query("UPDATE portfolio_moves SET undone = $1 WHERE id = $2")
                .bind(true)
                .bind(last_id)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            notify!(self, tx, OrderList::Portfolio(year), revision);
            tx.commit().await.map_err(db)?;
            Reordered { revision, order }
        });
        self.changed(OrderList::Portfolio(year), done.revision);
        Ok(done)
    }

    /// What the IT side has for the year (`None`: no line), saved from
    /// `version` (1 for a year never saved).
    pub(super) async fn change_portfolio_capacity(
        &self,
        year: i32,
        version: i64,
        it_hours: Option<Hours>,
        actor: i64,
    ) -> StoreResult<()> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let existed: Option<(Option<String>, i64)> = sqlx::query_as(
                "SELECT CAST(capacity_it_hours AS TEXT), version FROM portfolio_years WHERE year = $1",
            )
            .bind(year)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
            let (before, current) = existed.map_or((None, 1), |(hours, version)| (hours, version));
            if current != version {
                return Err(StoreError::Stale);
            }
            sqlx::query(ENSURE_YEAR).bind(year).execute(&mut *tx).await.map_err(db)?;
            sqlx::query(<Db as Dialect>::PORTFOLIO_FOR_WRITE).bind(year).fetch_one(&mut *tx).await.map_err(db)?;
            let changed = sqlx::query(
                "UPDATE portfolio_years SET capacity_it_hours = $1, version = $2 WHERE year = $3 AND version = $4",
            )
            .bind(it_hours.map(|h| Db::number(h.value())))
            .bind(version + 1)
            .bind(year)
            .bind(version)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
            if changed.rows_affected() != 1 {
                return Err(StoreError::Stale);
            }
            let after = json!({ "year": year, "it_hours": it_hours.map(|h| h.value().to_string()) });
            let before = json!({ "year": year, "it_hours": before });
            audit!(tx, Db, Some(actor), AuditAction::Update, "portfolio_capacity", Some(year.to_string()), None::<i64>, Some(before), Some(after));
            tx.commit().await.map_err(db)?;
            Ok(())
        })
    }

    /// Every IT component a year's initiatives touch, and each component's
    /// supplier, per initiative (a supplier once per initiative).
    pub(super) async fn resources_of_year(&self, year: i32) -> StoreResult<Vec<(i64, Resource)>> {
        let rows: Vec<TouchRow> = with_pool!(self.pool(), p, Db => {
            sqlx::query_as(
                "SELECT ic.initiative_id, c.id, c.name, s.id, s.name
                 FROM initiative_it_components ic
                 JOIN initiatives i ON i.id = ic.initiative_id
                 JOIN plan_years p ON p.id = i.plan_year_id
                 JOIN it_components c ON c.id = ic.it_component_id
                 LEFT JOIN suppliers s ON s.id = c.supplier_id
                 WHERE p.year = $1
                 ORDER BY ic.initiative_id, c.name",
            )
            .bind(year)
            .fetch_all(p)
            .await
        })
        .map_err(db)?;
        let mut resources: Vec<(i64, Resource)> = Vec::new();
        for (initiative, id, name, supplier_id, supplier_name) in rows {
            resources.push((initiative, Resource::ItComponent { id, name }));
            if let (Some(id), Some(name)) = (supplier_id, supplier_name) {
                let supplier = Resource::Supplier { id, name };
                if !resources.iter().any(|(i, r)| *i == initiative && *r == supplier) {
                    resources.push((initiative, supplier));
                }
            }
        }
        Ok(resources)
    }

    pub(super) async fn components_of_initiative(&self, initiative_id: i64) -> StoreResult<Vec<i64>> {
        with_pool!(self.pool(), p, Db => {
            sqlx::query_scalar(
                "SELECT it_component_id FROM initiative_it_components WHERE initiative_id = $1 ORDER BY it_component_id",
            )
            .bind(initiative_id)
            .fetch_all(p)
            .await
        })
        .map_err(db)
    }

    /// Replaces the IT components an initiative touches. Unknown component
    /// ids are refused and nothing changes.
    pub(super) async fn replace_initiative_components(
        &self,
        initiative_id: i64,
        components: &[i64],
        actor: i64,
    ) -> StoreResult<()> {
        let mut wanted = components.to_vec();
        wanted.sort_unstable();
        wanted.dedup();
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
            for &component in &wanted {
                let known: Option<i64> = sqlx::query_scalar("SELECT id FROM it_components WHERE id = $1")
                    .bind(component)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(db)?;
                if known.is_none() {
                    return Err(StoreError::Invalid("unknown_component".into()));
                }
            }
            let before: Vec<i64> = sqlx::query_scalar(
                "SELECT it_component_id FROM initiative_it_components WHERE initiative_id = $1 ORDER BY it_component_id",
            )
            .bind(initiative_id)
            .fetch_all(&mut *tx)
            .await
            .map_err(db)?;
            if before == wanted {
                return Ok(());
            }
            sqlx::query("DELETE FROM initiative_it_components WHERE initiative_id = $1")
                .bind(initiative_id)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            for &component in &wanted {
                sqlx::query("INSERT INTO initiative_it_components (initiative_id, it_component_id) VALUES ($1, $2)")
                    .bind(initiative_id)
                    .bind(component)
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
            }
            audit!(
                tx, Db, Some(actor), AuditAction::Update, "initiative_it_components", Some(initiative_id.to_string()),
                Some(object), Some(json!({ "it_components": before })), Some(json!({ "it_components": wanted }))
            );
            tx.commit().await.map_err(db)?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unranked_items_follow_each_objects_first_before_anyones_second() {
        let item = |id, object: &str, rank, portfolio| (id, 0, object.to_owned(), rank, portfolio);
        let items = vec![
            item(1, "AKN", 1, None),
            item(2, "AKN", 2, None),
            item(3, "EHR", 1, None),
            item(4, "EHR", 2, Some(1)),
            item(5, "FST", 1, Some(2)),
        ];
        let ids: Vec<i64> = ordered(items).into_iter().map(|i| i.0).collect();
        assert_eq!(ids, vec![4, 5, 1, 3, 2]);
    }
}
