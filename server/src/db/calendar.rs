//! Calendar feeds: secret iCalendar URLs of contract deadlines, kept as
//! the SHA-256 of their secret. Creating and revoking are audited in the
//! same transaction; a fetch only notes when the feed was last used
//! (calendar programs poll every few hours: an audit record per poll
//! would drown the trail).

use app::domain::{AuditAction, CalendarFeed, FeedObject};
use app::store::{StoreError, StoreResult};
use chrono::Utc;
use serde_json::json;

use super::rows::timestamp;
use super::store::{db, SqlStore};
use super::{audit, with_pool, Dialect};

const FEEDS: &str = "SELECT f.id, f.person_id, f.object_id, o.code AS object_code, o.name AS object_name, f.locale,
    CAST(f.created_at AS TEXT) AS created_at, CAST(f.last_used_at AS TEXT) AS last_used_at,
    CAST(f.revoked_at AS TEXT) AS revoked_at
    FROM calendar_feeds f LEFT JOIN objects o ON o.id = f.object_id
    WHERE ($1 IS NULL OR f.person_id = $1) AND ($2 IS NULL OR f.id = $2)
    ORDER BY f.created_at DESC, f.id DESC";

#[derive(sqlx::FromRow)]
struct FeedRow {
    id: i64,
    person_id: i64,
    object_id: Option<i64>,
    object_code: Option<String>,
    object_name: Option<String>,
    locale: String,
    created_at: String,
    last_used_at: Option<String>,
    revoked_at: Option<String>,
}

impl TryFrom<FeedRow> for CalendarFeed {
    type Error = StoreError;
    fn try_from(row: FeedRow) -> Result<Self, StoreError> {
        let object = match (row.object_id, row.object_code, row.object_name) {
            (Some(id), Some(code), Some(name)) => Some(FeedObject { id, code, name }),
            (None, ..) => None,
            _ => return Err(StoreError::Corrupt(format!("calendar feed {}: its object is missing", row.id))),
        };
        Ok(CalendarFeed {
            id: row.id,
            person_id: row.person_id,
            object,
            locale: row.locale,
            created_at: timestamp(&row.created_at)?,
            last_used_at: row.last_used_at.as_deref().map(timestamp).transpose()?,
            revoked_at: row.revoked_at.as_deref().map(timestamp).transpose()?,
        })
    }
}

impl SqlStore {
    /// Feeds of one person, or one feed, or (both `None`) all.
    pub(super) async fn calendar_feed_list(
        &self,
        person_id: Option<i64>,
        feed_id: Option<i64>,
    ) -> StoreResult<Vec<CalendarFeed>> {
        let rows: Vec<FeedRow> = with_pool!(self.pool(), p, Db => {
            sqlx::query_as(FEEDS).bind(person_id).bind(feed_id).fetch_all(p).await
        })
        .map_err(db)?;
        rows.into_iter().map(CalendarFeed::try_from).collect()
    }

    async fn one_feed(&self, id: i64) -> StoreResult<CalendarFeed> {
        self.calendar_feed_list(None, Some(id)).await?.pop().ok_or(StoreError::NotFound)
    }

    pub(super) async fn insert_calendar_feed(
        &self,
        person_id: i64,
        object_id: Option<i64>,
        token_hash: &str,
        locale: &str,
    ) -> StoreResult<CalendarFeed> {
        let id = with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO calendar_feeds (person_id, object_id, token_hash, locale, created_at)
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(person_id)
            .bind(object_id)
            .bind(token_hash)
            .bind(locale)
            .bind(Db::timestamp(Utc::now()))
            .fetch_one(&mut *tx)
            .await
            .map_err(|e| match e {
                sqlx::Error::Database(d) if d.is_foreign_key_violation() => {
                    StoreError::Invalid("no such person or object".into())
                }
                other => db(other),
            })?;
            let after = json!({"feed_id": id, "object_id": object_id, "locale": locale});
            audit!(tx, Db, Some(person_id), AuditAction::Create, "calendar_feed", Some(id.to_string()), object_id, None, Some(after));
            tx.commit().await.map_err(db)?;
            id
        });
        self.one_feed(id).await
    }

    pub(super) async fn revoke_feed(&self, person_id: i64, feed_id: i64) -> StoreResult<bool> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            // The owner is part of the key: another person's feed id is "no such feed".
            let revoked: Option<Option<i64>> = sqlx::query_scalar(
                "UPDATE calendar_feeds SET revoked_at = $3
                 WHERE id = $1 AND person_id = $2 AND revoked_at IS NULL RETURNING object_id",
            )
            .bind(feed_id)
            .bind(person_id)
            .bind(Db::timestamp(Utc::now()))
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
            let Some(object_id) = revoked else { return Ok(false) };
            let after = json!({"feed_id": feed_id, "revoked": true});
            audit!(tx, Db, Some(person_id), AuditAction::Update, "calendar_feed", Some(feed_id.to_string()), object_id, None, Some(after));
            tx.commit().await.map_err(db)?;
            Ok(true)
        })
    }

    pub(super) async fn use_calendar_feed(&self, token_hash: &str) -> StoreResult<Option<CalendarFeed>> {
        let id: Option<i64> = with_pool!(self.pool(), p, Db => {
            sqlx::query_scalar(
                "UPDATE calendar_feeds SET last_used_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL RETURNING id",
            )
            .bind(token_hash)
            .bind(Db::timestamp(Utc::now()))
            .fetch_optional(p)
            .await
        })
        .map_err(db)?;
        match id {
            Some(id) => self.one_feed(id).await.map(Some),
            None => Ok(None),
        }
    }
}
