//! `AccessStore` over SQLite or PostgreSQL: people, credentials, sessions,
//! API tokens and settings. Every change writes its audit record in the
//! same transaction; audit records name people by id only, never by name
//! or e-mail (personal data stays in `people`).

use app::domain::{ApiToken, AuditAction, Grant, Person, PersonAccount, Role};
use app::store::{AccessStore, NewPerson, OidcFlow, StoreError, StoreResult, StoredSession};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde_json::json;

use super::rows::timestamp;
use super::store::db;
use super::{audit, with_pool, Dialect, SqlStore};

#[derive(sqlx::FromRow)]
struct PersonRow {
    id: i64,
    name: String,
    email: String,
}

impl From<PersonRow> for Person {
    fn from(row: PersonRow) -> Self {
        Person { id: row.id, name: row.name, email: row.email }
    }
}

#[derive(sqlx::FromRow)]
struct GrantRow {
    person_id: i64,
    role: String,
    object_id: Option<i64>,
    object_code: Option<String>,
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    person_id: i64,
    created_at: String,
    last_seen_at: String,
    expires_at: String,
}

#[derive(sqlx::FromRow)]
struct TokenRow {
    id: i64,
    name: String,
    created_at: String,
    last_used_at: Option<String>,
    revoked_at: Option<String>,
}

impl TryFrom<TokenRow> for ApiToken {
    type Error = StoreError;
    fn try_from(row: TokenRow) -> Result<Self, StoreError> {
        Ok(ApiToken {
            id: row.id,
            name: row.name,
            created_at: timestamp(&row.created_at)?,
            last_used_at: row.last_used_at.as_deref().map(timestamp).transpose()?,
            revoked_at: row.revoked_at.as_deref().map(timestamp).transpose()?,
        })
    }
}

#[derive(sqlx::FromRow)]
struct FlowRow {
    state: String,
    nonce: String,
    pkce_verifier: String,
    next_path: String,
    created_at: String,
}

fn role_of(key: &str) -> StoreResult<Role> {
    Role::from_key(key).map_err(|e| StoreError::Corrupt(format!("role_assignments.role: {e}")))
}

const PERSON: &str = "SELECT id, name, email FROM people";
const GRANTS: &str = "SELECT r.person_id, r.role, r.object_id, o.code AS object_code
    FROM role_assignments r LEFT JOIN objects o ON o.id = r.object_id";
const SAME_ROLE: &str = "person_id = $1 AND role = $2 AND COALESCE(object_id, 0) = COALESCE($3, 0)";

impl SqlStore {
    async fn grant_rows(&self, person_id: Option<i64>) -> StoreResult<Vec<GrantRow>> {
        let sql = format!("{GRANTS} WHERE ($1 IS NULL OR r.person_id = $1) ORDER BY r.role, o.code");
        with_pool!(self.pool(), p, Db => sqlx::query_as(&sql).bind(person_id).fetch_all(p).await).map_err(db)
    }
}

#[async_trait]
impl AccessStore for SqlStore {
    async fn person(&self, id: i64) -> StoreResult<Option<Person>> {
        let sql = format!("{PERSON} WHERE id = $1");
        let row: Option<PersonRow> =
            with_pool!(self.pool(), p, Db => sqlx::query_as(&sql).bind(id).fetch_optional(p).await).map_err(db)?;
        Ok(row.map(Person::from))
    }

    async fn person_by_email(&self, email: &str) -> StoreResult<Option<Person>> {
        let sql = format!("{PERSON} WHERE LOWER(email) = LOWER($1)");
        let row: Option<PersonRow> =
            with_pool!(self.pool(), p, Db => sqlx::query_as(&sql).bind(email.trim()).fetch_optional(p).await)
                .map_err(db)?;
        Ok(row.map(Person::from))
    }

    async fn grants_of(&self, person_id: i64) -> StoreResult<Vec<Grant>> {
        self.grant_rows(Some(person_id))
            .await?
            .into_iter()
            .map(|row| Ok(Grant { role: role_of(&row.role)?, object_id: row.object_id }))
            .collect()
    }

    async fn people(&self) -> StoreResult<Vec<Person>> {
        let sql = format!("{PERSON} ORDER BY name, id");
        let rows: Vec<PersonRow> =
            with_pool!(self.pool(), p, Db => sqlx::query_as(&sql).fetch_all(p).await).map_err(db)?;
        Ok(rows.into_iter().map(Person::from).collect())
    }

    async fn people_accounts(&self) -> StoreResult<Vec<PersonAccount>> {
        let people = self.people().await?;
        let grants = self.grant_rows(None).await?;
        let (passwords, sso): (Vec<i64>, Vec<i64>) = with_pool!(self.pool(), p, Db => {
            let passwords = sqlx::query_scalar("SELECT person_id FROM credentials").fetch_all(p).await;
            let sso = sqlx::query_scalar("SELECT DISTINCT person_id FROM external_identities").fetch_all(p).await;
            passwords.and_then(|a| sso.map(|b| (a, b)))
        })
        .map_err(db)?;
        people
            .into_iter()
            .map(|person| {
                let mut roles = grants
                    .iter()
                    .filter(|g| g.person_id == person.id)
                    .map(|g| Ok((role_of(&g.role)?, g.object_code.clone())))
                    .collect::<StoreResult<Vec<_>>>()?;
                roles.sort();
                Ok(PersonAccount {
                    has_password: passwords.contains(&person.id),
                    has_single_sign_on: sso.contains(&person.id),
                    person,
                    roles,
                })
            })
            .collect()
    }

    async fn create_person(&self, person: &NewPerson, actor: Option<i64>) -> StoreResult<Person> {
        if self.person_by_email(&person.email).await?.is_some() {
            return Err(StoreError::Conflict(format!("the e-mail address {} is already in use", person.email)));
        }
        let id = with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let id: i64 = sqlx::query_scalar("INSERT INTO people (name, email) VALUES ($1, $2) RETURNING id")
                .bind(person.name.trim())
                .bind(person.email.trim())
                .fetch_one(&mut *tx)
                .await
                .map_err(|e| match e {
                    sqlx::Error::Database(d) if d.is_unique_violation() => {
                        StoreError::Conflict("the e-mail address is already in use".into())
                    }
                    other => db(other),
                })?;
            if let Some(hash) = &person.password_hash {
                sqlx::query("INSERT INTO credentials (person_id, password_hash, changed_at) VALUES ($1, $2, $3)")
                    .bind(id)
                    .bind(hash)
                    .bind(Db::timestamp(Utc::now()))
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
            }
            for grant in &person.roles {
                sqlx::query("INSERT INTO role_assignments (person_id, object_id, role) VALUES ($1, $2, $3)")
                    .bind(id)
                    .bind(grant.object_id)
                    .bind(grant.role.key())
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
            }
            let roles: Vec<_> = person.roles.iter().map(|g| json!({"role": g.role.key(), "object_id": g.object_id})).collect();
            let after = json!({"person_id": id, "password": person.password_hash.is_some(), "roles": roles});
            audit!(tx, Db, actor, AuditAction::Create, "person", Some(id.to_string()), None::<i64>, None, Some(after));
            tx.commit().await.map_err(db)?;
            id
        });
        Ok(Person { id, name: person.name.trim().to_owned(), email: person.email.trim().to_owned() })
    }

    async fn password_hash(&self, person_id: i64) -> StoreResult<Option<String>> {
        with_pool!(self.pool(), p, Db => {
            sqlx::query_scalar("SELECT password_hash FROM credentials WHERE person_id = $1")
                .bind(person_id)
                .fetch_optional(p)
                .await
        })
        .map_err(db)
    }

    async fn set_password(&self, person_id: i64, hash: &str, actor: Option<i64>) -> StoreResult<()> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let now = Utc::now();
            let updated = sqlx::query("UPDATE credentials SET password_hash = $2, changed_at = $3 WHERE person_id = $1")
                .bind(person_id)
                .bind(hash)
                .bind(Db::timestamp(now))
                .execute(&mut *tx)
                .await
                .map_err(db)?
                .rows_affected();
            if updated == 0 {
                sqlx::query("INSERT INTO credentials (person_id, password_hash, changed_at) VALUES ($1, $2, $3)")
                    .bind(person_id)
                    .bind(hash)
                    .bind(Db::timestamp(now))
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
            }
            // A new password ends every session that the old one opened.
            sqlx::query("DELETE FROM sessions WHERE person_id = $1").bind(person_id).execute(&mut *tx).await.map_err(db)?;
            let after = json!({"person_id": person_id, "password": "changed"});
            audit!(tx, Db, actor, AuditAction::Update, "credentials", Some(person_id.to_string()), None::<i64>, None, Some(after));
            tx.commit().await.map_err(db)
        })
    }

    async fn grant_role(
        &self,
        person_id: i64,
        role: Role,
        object_id: Option<i64>,
        actor: Option<i64>,
    ) -> StoreResult<bool> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let held: Option<i64> = sqlx::query_scalar(&format!("SELECT id FROM role_assignments WHERE {SAME_ROLE}"))
                .bind(person_id)
                .bind(role.key())
                .bind(object_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
            if held.is_some() {
                return Ok(false);
            }
            sqlx::query("INSERT INTO role_assignments (person_id, object_id, role) VALUES ($1, $2, $3)")
                .bind(person_id)
                .bind(object_id)
                .bind(role.key())
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            let after = json!({"person_id": person_id, "role": role.key(), "object_id": object_id});
            audit!(tx, Db, actor, AuditAction::RoleChange, "role", Some(person_id.to_string()), object_id, None, Some(after));
            tx.commit().await.map_err(db)?;
            Ok(true)
        })
    }

    async fn revoke_role(
        &self,
        person_id: i64,
        role: Role,
        object_id: Option<i64>,
        actor: Option<i64>,
    ) -> StoreResult<bool> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let removed = sqlx::query(&format!("DELETE FROM role_assignments WHERE {SAME_ROLE}"))
                .bind(person_id)
                .bind(role.key())
                .bind(object_id)
                .execute(&mut *tx)
                .await
                .map_err(db)?
                .rows_affected();
            if removed == 0 {
                return Ok(false);
            }
            let before = json!({"person_id": person_id, "role": role.key(), "object_id": object_id});
            audit!(tx, Db, actor, AuditAction::RoleChange, "role", Some(person_id.to_string()), object_id, Some(before), None);
            tx.commit().await.map_err(db)?;
            Ok(true)
        })
    }

    async fn create_session(&self, id_hash: &str, session: &StoredSession, method: &str) -> StoreResult<()> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            sqlx::query(
                "INSERT INTO sessions (id_hash, person_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(id_hash)
            .bind(session.person_id)
            .bind(Db::timestamp(session.created_at))
            .bind(Db::timestamp(session.last_seen_at))
            .bind(Db::timestamp(session.expires_at))
            .execute(&mut *tx)
            .await
            .map_err(db)?;
            let after = json!({"method": method});
            audit!(tx, Db, Some(session.person_id), AuditAction::SignIn, "session", None::<String>, None::<i64>, None, Some(after));
            tx.commit().await.map_err(db)
        })
    }

    async fn session(&self, id_hash: &str) -> StoreResult<Option<StoredSession>> {
        let row: Option<SessionRow> = with_pool!(self.pool(), p, Db => {
            sqlx::query_as(
                "SELECT person_id, CAST(created_at AS TEXT) AS created_at, CAST(last_seen_at AS TEXT) AS last_seen_at,
                    CAST(expires_at AS TEXT) AS expires_at FROM sessions WHERE id_hash = $1",
            )
            .bind(id_hash)
            .fetch_optional(p)
            .await
        })
        .map_err(db)?;
        row.map(|row| {
            Ok(StoredSession {
                person_id: row.person_id,
                created_at: timestamp(&row.created_at)?,
                last_seen_at: timestamp(&row.last_seen_at)?,
                expires_at: timestamp(&row.expires_at)?,
            })
        })
        .transpose()
    }

    async fn touch_session(&self, id_hash: &str, at: DateTime<Utc>) -> StoreResult<()> {
        with_pool!(self.pool(), p, Db => {
            sqlx::query("UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1")
                .bind(id_hash)
                .bind(Db::timestamp(at))
                .execute(p)
                .await
                .map(|_| ())
        })
        .map_err(db)
    }

    async fn end_session(&self, id_hash: &str, signed_out: bool) -> StoreResult<()> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let person: Option<i64> = sqlx::query_scalar("DELETE FROM sessions WHERE id_hash = $1 RETURNING person_id")
                .bind(id_hash)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
            if let (Some(person), true) = (person, signed_out) {
                audit!(tx, Db, Some(person), AuditAction::SignOut, "session", None::<String>, None::<i64>, None, None);
            }
            tx.commit().await.map_err(db)
        })
    }

    async fn purge_sessions(&self, now: DateTime<Utc>, idle_since: DateTime<Utc>) -> StoreResult<u64> {
        with_pool!(self.pool(), p, Db => {
            sqlx::query("DELETE FROM sessions WHERE expires_at < $1 OR last_seen_at < $2")
                .bind(Db::timestamp(now))
                .bind(Db::timestamp(idle_since))
                .execute(p)
                .await
                .map(|r| r.rows_affected())
        })
        .map_err(db)
    }

    async fn record_failed_sign_in(&self, person_id: Option<i64>, reason: &str) -> StoreResult<()> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let after = json!({"reason": reason});
            audit!(tx, Db, person_id, AuditAction::SignInFailed, "session", None::<String>, None::<i64>, None, Some(after));
            tx.commit().await.map_err(db)
        })
    }

    async fn create_api_token(&self, person_id: i64, name: &str, token_hash: &str) -> StoreResult<ApiToken> {
        let now = Utc::now();
        let id = with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO api_tokens (person_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
            )
            .bind(person_id)
            .bind(name)
            .bind(token_hash)
            .bind(Db::timestamp(now))
            .fetch_one(&mut *tx)
            .await
            .map_err(db)?;
            let after = json!({"token_id": id, "name": name});
            audit!(tx, Db, Some(person_id), AuditAction::Create, "api_token", Some(id.to_string()), None::<i64>, None, Some(after));
            tx.commit().await.map_err(db)?;
            id
        });
        Ok(ApiToken { id, name: name.to_owned(), created_at: now, last_used_at: None, revoked_at: None })
    }

    async fn api_tokens_of(&self, person_id: i64) -> StoreResult<Vec<ApiToken>> {
        let rows: Vec<TokenRow> = with_pool!(self.pool(), p, Db => {
            sqlx::query_as(
                "SELECT id, name, CAST(created_at AS TEXT) AS created_at, CAST(last_used_at AS TEXT) AS last_used_at,
                    CAST(revoked_at AS TEXT) AS revoked_at
                 FROM api_tokens WHERE person_id = $1 ORDER BY created_at DESC, id DESC",
            )
            .bind(person_id)
            .fetch_all(p)
            .await
        })
        .map_err(db)?;
        rows.into_iter().map(ApiToken::try_from).collect()
    }

    async fn revoke_api_token(&self, person_id: i64, token_id: i64) -> StoreResult<bool> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            // The owner is part of the key: another person's token id is "no such token".
            let revoked = sqlx::query(
                "UPDATE api_tokens SET revoked_at = $3 WHERE id = $1 AND person_id = $2 AND revoked_at IS NULL",
            )
            .bind(token_id)
            .bind(person_id)
            .bind(Db::timestamp(Utc::now()))
            .execute(&mut *tx)
            .await
            .map_err(db)?
            .rows_affected();
            if revoked == 0 {
                return Ok(false);
            }
            let after = json!({"token_id": token_id, "revoked": true});
            audit!(tx, Db, Some(person_id), AuditAction::Update, "api_token", Some(token_id.to_string()), None::<i64>, None, Some(after));
            tx.commit().await.map_err(db)?;
            Ok(true)
        })
    }

    async fn api_token_by_hash(&self, token_hash: &str) -> StoreResult<Option<(i64, i64)>> {
        with_pool!(self.pool(), p, Db => {
            sqlx::query_as("SELECT id, person_id FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL")
                .bind(token_hash)
                .fetch_optional(p)
                .await
        })
        .map_err(db)
    }

    async fn record_token_use(&self, token_id: i64, person_id: i64, path: &str) -> StoreResult<()> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            sqlx::query("UPDATE api_tokens SET last_used_at = $2 WHERE id = $1")
                .bind(token_id)
                .bind(Db::timestamp(Utc::now()))
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            let after = json!({"path": path});
            audit!(tx, Db, Some(person_id), AuditAction::TokenUse, "api_token", Some(token_id.to_string()), None::<i64>, None, Some(after));
            tx.commit().await.map_err(db)
        })
    }

    async fn public_status_pages(&self) -> StoreResult<bool> {
        let value: Option<String> = with_pool!(self.pool(), p, Db => {
            sqlx::query_scalar("SELECT value FROM settings WHERE key = 'public_status_pages'").fetch_optional(p).await
        })
        .map_err(db)?;
        Ok(value.as_deref() == Some("true"))
    }

    async fn set_public_status_pages(&self, enabled: bool, actor: i64) -> StoreResult<()> {
        let before = self.public_status_pages().await?;
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            sqlx::query(
                "INSERT INTO settings (key, value) VALUES ('public_status_pages', $1)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )
            .bind(enabled.to_string())
            .execute(&mut *tx)
            .await
            .map_err(db)?;
            audit!(tx, Db, Some(actor), AuditAction::Update, "setting", Some("public_status_pages".to_owned()), None::<i64>,
                Some(json!({"enabled": before})), Some(json!({"enabled": enabled})));
            tx.commit().await.map_err(db)
        })
    }

    async fn person_by_identity(&self, issuer: &str, subject: &str) -> StoreResult<Option<Person>> {
        let row: Option<PersonRow> = with_pool!(self.pool(), p, Db => {
            sqlx::query_as(
                "SELECT p.id, p.name, p.email FROM external_identities e JOIN people p ON p.id = e.person_id
                 WHERE e.issuer = $1 AND e.subject = $2",
            )
            .bind(issuer)
            .bind(subject)
            .fetch_optional(p)
            .await
        })
        .map_err(db)?;
        Ok(row.map(Person::from))
    }

    async fn link_identity(&self, issuer: &str, subject: &str, person_id: i64) -> StoreResult<()> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            sqlx::query("INSERT INTO external_identities (issuer, subject, person_id) VALUES ($1, $2, $3)")
                .bind(issuer)
                .bind(subject)
                .bind(person_id)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            let after = json!({"person_id": person_id, "single_sign_on": "linked"});
            audit!(tx, Db, Some(person_id), AuditAction::Create, "external_identity", Some(person_id.to_string()), None::<i64>, None, Some(after));
            tx.commit().await.map_err(db)
        })
    }

    async fn save_oidc_flow(&self, flow: &OidcFlow) -> StoreResult<()> {
        with_pool!(self.pool(), p, Db => {
            // Flows older than ten minutes are abandoned: clear them as we go.
            sqlx::query("DELETE FROM oidc_flows WHERE created_at < $1")
                .bind(Db::timestamp(Utc::now() - chrono::Duration::minutes(10)))
                .execute(p)
                .await
                .map_err(db)?;
            sqlx::query(
                "INSERT INTO oidc_flows (state, nonce, pkce_verifier, next_path, created_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(&flow.state)
            .bind(&flow.nonce)
            .bind(&flow.pkce_verifier)
            .bind(&flow.next_path)
            .bind(Db::timestamp(flow.created_at))
            .execute(p)
            .await
            .map(|_| ())
            .map_err(db)
        })
    }

    async fn take_oidc_flow(&self, state: &str) -> StoreResult<Option<OidcFlow>> {
        let row: Option<FlowRow> = with_pool!(self.pool(), p, Db => {
            sqlx::query_as(
                "DELETE FROM oidc_flows WHERE state = $1
                 RETURNING state, nonce, pkce_verifier, next_path, CAST(created_at AS TEXT) AS created_at",
            )
            .bind(state)
            .fetch_optional(p)
            .await
        })
        .map_err(db)?;
        row.map(|row| {
            Ok(OidcFlow {
                created_at: timestamp(&row.created_at)?,
                state: row.state,
                nonce: row.nonce,
                pkce_verifier: row.pkce_verifier,
                next_path: row.next_path,
            })
        })
        .transpose()
    }

    async fn object_id(&self, code: &str) -> StoreResult<Option<i64>> {
        with_pool!(self.pool(), p, Db => {
            sqlx::query_scalar("SELECT id FROM objects WHERE code = $1").bind(code).fetch_optional(p).await
        })
        .map_err(db)
    }
}
