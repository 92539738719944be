//! The status page's reading state (migration 0014): when each person last
//! marked its changes as read, and the audit records since then. Marking
//! as read is personal, like a session's last use: it is not audited (an
//! audit record per look would drown the trail) and moves no data revision.

use app::domain::AuditRecord;
use app::store::StoreResult;
use chrono::{DateTime, Utc};

use super::rows::{timestamp, AuditRow};
use super::store::{db, SqlStore};
use super::{with_pool, Dialect};

impl SqlStore {
    pub(super) async fn status_seen(&self, person_id: i64) -> StoreResult<Option<DateTime<Utc>>> {
        let seen: Option<String> = with_pool!(self.pool(), p, Db => {
            sqlx::query_scalar("SELECT CAST(seen_at AS TEXT) FROM status_views WHERE person_id = $1")
                .bind(person_id)
                .fetch_optional(p)
                .await
        })
        .map_err(db)?;
        seen.as_deref().map(timestamp).transpose()
    }

    /// Upserts the baseline, only ever forward: a form sent from an older
    /// page (or twice) leaves a later baseline as it is.
    pub(super) async fn set_status_seen(&self, person_id: i64, at: DateTime<Utc>) -> StoreResult<()> {
        with_pool!(self.pool(), p, Db => {
            sqlx::query(
                "INSERT INTO status_views (person_id, seen_at) VALUES ($1, $2)
                 ON CONFLICT (person_id) DO UPDATE SET seen_at = excluded.seen_at
                 WHERE status_views.seen_at < excluded.seen_at",
            )
            .bind(person_id)
            .bind(<Db as Dialect>::timestamp(at))
            .execute(p)
            .await
            .map(|_| ())
        })
        .map_err(db)?;
        Ok(())
    }

    /// Records of the given kinds after `since`, newest first. The kinds are
    /// bound one placeholder each (parameterised, whatever they hold).
    pub(super) async fn audit_records_since(
        &self,
        since: DateTime<Utc>,
        entities: &[&str],
        limit: usize,
    ) -> StoreResult<Vec<AuditRecord>> {
        if entities.is_empty() {
            return Ok(Vec::new());
        }
        let holes: Vec<String> = (0..entities.len()).map(|i| format!("${}", i + 3)).collect();
        let sql = format!(
            "SELECT id, CAST(at AS TEXT) AS at, actor_id, action, entity, entity_id, object_id, before, after
             FROM audit_log WHERE at > $1 AND entity IN ({})
             ORDER BY at DESC, id DESC LIMIT $2",
            holes.join(", ")
        );
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows: Vec<AuditRow> = with_pool!(self.pool(), p, Db => {
            let mut query = sqlx::query_as(&sql).bind(<Db as Dialect>::timestamp(since)).bind(limit);
            for entity in entities {
                query = query.bind(*entity);
            }
            query.fetch_all(p).await
        })
        .map_err(db)?;
        rows.into_iter().map(AuditRecord::try_from).collect()
    }
}
