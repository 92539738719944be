//! Creating and editing objects, each with its audit record. A code is
//! unique (the database says so too) and set once, at creation; an edit
//! names the version it started from and is refused as stale otherwise.

use app::domain::{AuditAction, Object, ObjectInput};
use app::store::{StoreError, StoreResult};

use super::rows::ObjectRow;
use super::store::{db, SqlStore};
use super::{audit, to_json, with_pool, Dialect};

const OBJECT_BY_ID: &str = "SELECT id, code, name, category, description, version FROM objects WHERE id = $1";

impl SqlStore {
    pub(super) async fn insert_object(&self, input: &ObjectInput, actor: i64) -> StoreResult<Object> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let taken: Option<i64> = sqlx::query_scalar("SELECT id FROM objects WHERE code = $1")
                .bind(input.code.as_str())
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
            if taken.is_some() {
                return Err(StoreError::Conflict("code_taken".into()));
            }
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO objects (code, name, category, description) VALUES ($1, $2, $3, $4) RETURNING id",
            )
            .bind(input.code.as_str())
            .bind(&input.name)
            .bind(input.category.key())
            .bind(&input.description)
            .fetch_one(&mut *tx)
            .await
            .map_err(|error| match error {
                // Two creations of one code at once: the second is told so.
                sqlx::Error::Database(d) if d.is_unique_violation() => StoreError::Conflict("code_taken".into()),
                other => db(other),
            })?;
            let row: ObjectRow = sqlx::query_as(OBJECT_BY_ID).bind(id).fetch_one(&mut *tx).await.map_err(db)?;
            let created = Object::try_from(row)?;
            let after = to_json(&created)?;
            audit!(tx, Db, Some(actor), AuditAction::Create, "object", Some(id.to_string()), Some(id), None, Some(after));
            tx.commit().await.map_err(db)?;
            Ok(created)
        })
    }

    pub(super) async fn change_object(
        &self,
        id: i64,
        version: i64,
        input: &ObjectInput,
        actor: i64,
    ) -> StoreResult<Object> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let row: Option<ObjectRow> = sqlx::query_as(OBJECT_BY_ID).bind(id).fetch_optional(&mut *tx).await.map_err(db)?;
            let before = Object::try_from(row.ok_or(StoreError::NotFound)?)?;
            if before.version != version {
                return Err(StoreError::Stale);
            }
            sqlx::query(
                "UPDATE objects SET name = $1, category = $2, description = $3, version = version + 1 WHERE id = $4",
            )
                .bind(&input.name)
                .bind(input.category.key())
                .bind(&input.description)
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            let row: ObjectRow = sqlx::query_as(OBJECT_BY_ID).bind(id).fetch_one(&mut *tx).await.map_err(db)?;
            let after = Object::try_from(row)?;
            let (b, a) = (to_json(&before)?, to_json(&after)?);
            audit!(tx, Db, Some(actor), AuditAction::Update, "object", Some(id.to_string()), Some(id), Some(b), Some(a));
            tx.commit().await.map_err(db)?;
            Ok(after)
        })
    }
}
