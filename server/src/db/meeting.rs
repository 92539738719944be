//! The steering group's meetings: the meeting with its attendees and
//! snapshot, its agenda and the decisions. Each change runs in one
//! transaction with its audit record, after reading the meeting's state
//! in that transaction (PostgreSQL locks the row; SQLite's `BEGIN
//! IMMEDIATE` has already serialised writers), so nothing is written to a
//! closed meeting even when closing races an edit. A decision names the
//! version it started from: of two concurrent ones, the second is stale.

use app::domain::{
    new_drafts, AgendaDraft, AgendaItem, AgendaKind, Attendee, AuditAction, Meeting, MeetingInput, MeetingState,
};
use app::store::{StoreError, StoreResult};
use chrono::NaiveDate;
use serde_json::json;

use super::rows::timestamp;
use super::store::{db, SqlStore};
use super::{audit, with_pool, Dialect};

const MEETINGS: &str = "SELECT m.id, CAST(m.held_on AS TEXT) AS held_on, m.title, m.year, m.state,
    CAST(m.snapshot_taken_at AS TEXT) AS snapshot_taken_at, c.name AS created_by_name,
    x.name AS closed_by_name, CAST(m.closed_at AS TEXT) AS closed_at
    FROM meetings m
    LEFT JOIN people c ON c.id = m.created_by
    LEFT JOIN people x ON x.id = m.closed_by
    WHERE ($1 IS NULL OR m.id = $1)
    ORDER BY m.held_on, m.id";

const ATTENDEES: &str = "SELECT a.meeting_id AS owner_id, p.id, p.name
    FROM meeting_attendees a JOIN people p ON p.id = a.person_id
    WHERE ($1 IS NULL OR a.meeting_id = $1)
    ORDER BY p.name, p.id";

const ITEMS: &str = "SELECT i.id, i.kind, i.source, i.title, i.detail, i.ordinal AS position, i.decision,
    p.name AS decided_by_name, CAST(i.decided_at AS TEXT) AS decided_at, i.version
    FROM agenda_items i LEFT JOIN people p ON p.id = i.decided_by
    WHERE i.meeting_id = $1
    ORDER BY i.ordinal, i.id";

const INSERT_ITEM: &str = "INSERT INTO agenda_items (meeting_id, kind, source, title, detail, ordinal)
    VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";

const NEXT_POSITION: &str =
    "SELECT COALESCE(MAX(ordinal), 0) + 1 FROM agenda_items WHERE meeting_id = $1 AND kind = $2";

/// The meeting's state, read to change it: locked on PostgreSQL.
trait MeetingLock {
    const STATE_FOR_WRITE: &'static str;
}

impl MeetingLock for sqlx::Sqlite {
    const STATE_FOR_WRITE: &'static str = "SELECT state FROM meetings WHERE id = $1";
}

impl MeetingLock for sqlx::Postgres {
    const STATE_FOR_WRITE: &'static str = "SELECT state FROM meetings WHERE id = $1 FOR UPDATE";
}

/// Inside `$tx`: `NotFound` for no such meeting, `Conflict("closed")` for
/// a closed one.
macro_rules! require_open {
    ($tx:expr, $db:ty, $id:expr) => {{
        let state: Option<String> = sqlx::query_scalar(<$db as MeetingLock>::STATE_FOR_WRITE)
            .bind($id)
            .fetch_optional(&mut *$tx)
            .await
            .map_err(db)?;
        match state.as_deref() {
            None => return Err(StoreError::NotFound),
            Some(state) if state != MeetingState::Open.key() => {
                return Err(StoreError::Conflict("closed".into()));
            }
            Some(_) => {}
        }
    }};
}

/// Inserts `$draft` at the end of its kind's group inside `$tx`; its id.
macro_rules! insert_item {
    ($tx:expr, $meeting:expr, $draft:expr) => {{
        let draft: &AgendaDraft = $draft;
        let position: i32 = sqlx::query_scalar(NEXT_POSITION)
            .bind($meeting)
            .bind(draft.kind.key())
            .fetch_one(&mut *$tx)
            .await
            .map_err(db)?;
        let id: i64 = sqlx::query_scalar(INSERT_ITEM)
            .bind($meeting)
            .bind(draft.kind.key())
            .bind(&draft.source)
            .bind(&draft.title)
            .bind(&draft.detail)
            .bind(position)
            .fetch_one(&mut *$tx)
            .await
            .map_err(db)?;
        id
    }};
}

#[derive(sqlx::FromRow)]
struct MeetingRow {
    id: i64,
    held_on: String,
    title: String,
    year: i32,
    state: String,
    snapshot_taken_at: String,
    created_by_name: Option<String>,
    closed_by_name: Option<String>,
    closed_at: Option<String>,
}

#[derive(sqlx::FromRow)]
struct AttendeeRow {
    owner_id: i64,
    id: i64,
    name: String,
}

#[derive(sqlx::FromRow)]
struct ItemRow {
    id: i64,
    kind: String,
    source: String,
    title: String,
    detail: String,
    position: i32,
    decision: String,
    decided_by_name: Option<String>,
    decided_at: Option<String>,
    version: i64,
}

fn corrupt(what: &'static str) -> impl Fn(app::domain::DomainError) -> StoreError {
    move |e| StoreError::Corrupt(format!("{what}: {e}"))
}

impl MeetingRow {
    fn into_meeting(self, attendees: &[AttendeeRow]) -> StoreResult<Meeting> {
        Ok(Meeting {
            id: self.id,
            held_on: NaiveDate::parse_from_str(&self.held_on, "%Y-%m-%d")
                .map_err(|e| StoreError::Corrupt(format!("meetings.held_on: {e}")))?,
            title: self.title,
            year: self.year,
            state: MeetingState::from_key(&self.state).map_err(corrupt("meetings.state"))?,
            snapshot_taken_at: timestamp(&self.snapshot_taken_at)?,
            created_by_name: self.created_by_name,
            closed_by_name: self.closed_by_name,
            closed_at: self.closed_at.as_deref().map(timestamp).transpose()?,
            attendees: attendees
                .iter()
                .filter(|a| a.owner_id == self.id)
                .map(|a| Attendee { person_id: a.id, name: a.name.clone() })
                .collect(),
            items: Vec::new(),
        })
    }
}

impl TryFrom<ItemRow> for AgendaItem {
    type Error = StoreError;
    fn try_from(row: ItemRow) -> StoreResult<Self> {
        Ok(AgendaItem {
            id: row.id,
            kind: AgendaKind::from_key(&row.kind).map_err(corrupt("agenda_items.kind"))?,
            source: row.source,
            title: row.title,
            detail: row.detail,
            position: row.position,
            decision: row.decision,
            decided_by_name: row.decided_by_name,
            decided_at: row.decided_at.as_deref().map(timestamp).transpose()?,
            version: row.version,
        })
    }
}

impl SqlStore {
    /// One meeting (`id`) or all, with attendees, without agenda.
    pub(super) async fn meeting_list(&self, id: Option<i64>) -> StoreResult<Vec<Meeting>> {
        let (rows, attendees) = with_pool!(self.pool(), p, Db => {
            let rows: Vec<MeetingRow> = sqlx::query_as(MEETINGS).bind(id).fetch_all(p).await.map_err(db)?;
            let attendees: Vec<AttendeeRow> = sqlx::query_as(ATTENDEES).bind(id).fetch_all(p).await.map_err(db)?;
            (rows, attendees)
        });
        rows.into_iter().map(|row| row.into_meeting(&attendees)).collect()
    }

    pub(super) async fn meeting_with_agenda(&self, id: i64) -> StoreResult<Option<Meeting>> {
        let Some(mut meeting) = self.meeting_list(Some(id)).await?.pop() else {
            return Ok(None);
        };
        let items: Vec<ItemRow> = with_pool!(self.pool(), p, Db => {
            sqlx::query_as(ITEMS).bind(id).fetch_all(p).await
        })
        .map_err(db)?;
        meeting.items = items.into_iter().map(AgendaItem::try_from).collect::<StoreResult<_>>()?;
        Ok(Some(meeting))
    }

    pub(super) async fn stored_snapshot(&self, id: i64) -> StoreResult<Option<String>> {
        with_pool!(self.pool(), p, Db => {
            sqlx::query_scalar("SELECT snapshot FROM meetings WHERE id = $1").bind(id).fetch_optional(p).await
        })
        .map_err(db)
    }

    pub(super) async fn insert_meeting(
        &self,
        input: &MeetingInput,
        snapshot: &str,
        agenda: &[AgendaDraft],
        actor: i64,
    ) -> StoreResult<i64> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            for person in &input.attendee_ids {
                let known: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM people WHERE id = $1")
                    .bind(person)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(db)?;
                if known == 0 {
                    return Err(StoreError::Invalid("attendees".into()));
                }
            }
            let now = chrono::Utc::now();
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO meetings (held_on, title, year, state, snapshot, snapshot_taken_at, created_by, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            )
            .bind(<Db as Dialect>::date(input.held_on))
            .bind(&input.title)
            .bind(input.year)
            .bind(MeetingState::Open.key())
            .bind(snapshot)
            .bind(<Db as Dialect>::timestamp(now))
            .bind(actor)
            .bind(<Db as Dialect>::timestamp(now))
            .fetch_one(&mut *tx)
            .await
            .map_err(db)?;
            for person in &input.attendee_ids {
                sqlx::query("INSERT INTO meeting_attendees (meeting_id, person_id) VALUES ($1, $2)")
                    .bind(id)
                    .bind(person)
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
            }
            for draft in agenda {
                insert_item!(tx, id, draft);
            }
            let after = json!({
                "held_on": input.held_on.to_string(),
                "title": input.title,
                "year": input.year,
                "attendees": input.attendee_ids,
                "agenda": agenda.iter().map(|d| json!([d.kind.key(), d.source, d.title])).collect::<Vec<_>>(),
                "snapshot_taken_at": now.to_rfc3339(),
            });
            audit!(tx, Db, Some(actor), AuditAction::Create, "meeting", Some(id.to_string()), None::<i64>, None, Some(after));
            tx.commit().await.map_err(db)?;
            Ok(id)
        })
    }

    pub(super) async fn replace_snapshot(
        &self,
        id: i64,
        snapshot: &str,
        agenda: &[AgendaDraft],
        actor: i64,
    ) -> StoreResult<usize> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            require_open!(tx, Db, id);
            let before: String = sqlx::query_scalar("SELECT CAST(snapshot_taken_at AS TEXT) FROM meetings WHERE id = $1")
                .bind(id)
                .fetch_one(&mut *tx)
                .await
                .map_err(db)?;
            let now = chrono::Utc::now();
            sqlx::query("UPDATE meetings SET snapshot = $1, snapshot_taken_at = $2 WHERE id = $3")
                .bind(snapshot)
                .bind(<Db as Dialect>::timestamp(now))
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            let existing: Vec<(String, String)> =
                sqlx::query_as("SELECT kind, source FROM agenda_items WHERE meeting_id = $1")
                    .bind(id)
                    .fetch_all(&mut *tx)
                    .await
                    .map_err(db)?;
            let existing: Vec<(AgendaKind, String)> = existing
                .into_iter()
                .filter_map(|(kind, source)| AgendaKind::from_key(&kind).ok().map(|k| (k, source)))
                .collect();
            let mut added = Vec::new();
            for draft in new_drafts(agenda, &existing) {
                insert_item!(tx, id, draft);
                added.push(json!([draft.kind.key(), draft.source, draft.title]));
            }
            let count = added.len();
            let after = json!({ "snapshot_taken_at": now.to_rfc3339(), "added": added });
            let before = json!({ "snapshot_taken_at": before });
            audit!(tx, Db, Some(actor), AuditAction::Update, "meeting", Some(id.to_string()), None::<i64>, Some(before), Some(after));
            tx.commit().await.map_err(db)?;
            Ok(count)
        })
    }

    pub(super) async fn insert_agenda_item(&self, meeting: i64, draft: &AgendaDraft, actor: i64) -> StoreResult<i64> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            require_open!(tx, Db, meeting);
            let id = insert_item!(tx, meeting, draft);
            let after = json!({ "meeting": meeting, "kind": draft.kind.key(), "title": draft.title, "detail": draft.detail });
            audit!(tx, Db, Some(actor), AuditAction::Create, "agenda_item", Some(id.to_string()), None::<i64>, None, Some(after));
            tx.commit().await.map_err(db)?;
            Ok(id)
        })
    }

    pub(super) async fn delete_agenda_item(&self, meeting: i64, item: i64, actor: i64) -> StoreResult<()> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            require_open!(tx, Db, meeting);
            let stored: Option<(String, String, String)> = sqlx::query_as(
                "SELECT kind, title, decision FROM agenda_items WHERE id = $1 AND meeting_id = $2",
            )
            .bind(item)
            .bind(meeting)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
            let (kind, title, decision) = stored.ok_or(StoreError::NotFound)?;
            sqlx::query("DELETE FROM agenda_items WHERE id = $1 AND meeting_id = $2")
                .bind(item)
                .bind(meeting)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            let before = json!({ "meeting": meeting, "kind": kind, "title": title, "decision": decision });
            audit!(tx, Db, Some(actor), AuditAction::Delete, "agenda_item", Some(item.to_string()), None::<i64>, Some(before), None);
            tx.commit().await.map_err(db)?;
            Ok(())
        })
    }

    pub(super) async fn update_decision(
        &self,
        meeting: i64,
        item: i64,
        version: i64,
        decision: &str,
        actor: i64,
    ) -> StoreResult<()> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            require_open!(tx, Db, meeting);
            let stored: Option<(i64, String)> =
                sqlx::query_as("SELECT version, decision FROM agenda_items WHERE id = $1 AND meeting_id = $2")
                    .bind(item)
                    .bind(meeting)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(db)?;
            let (stored_version, before) = stored.ok_or(StoreError::NotFound)?;
            if stored_version != version {
                return Err(StoreError::Stale);
            }
            let done = sqlx::query(
                "UPDATE agenda_items SET decision = $1, decided_by = $2, decided_at = $3, version = version + 1
                 WHERE id = $4 AND version = $5",
            )
            .bind(decision)
            .bind(actor)
            .bind(<Db as Dialect>::timestamp(chrono::Utc::now()))
            .bind(item)
            .bind(version)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
            if done.rows_affected() == 0 {
                return Err(StoreError::Stale);
            }
            let before = json!({ "meeting": meeting, "decision": before, "version": version });
            let after = json!({ "meeting": meeting, "decision": decision });
            audit!(tx, Db, Some(actor), AuditAction::Update, "agenda_item", Some(item.to_string()), None::<i64>, Some(before), Some(after));
            tx.commit().await.map_err(db)?;
            Ok(())
        })
    }

    pub(super) async fn set_meeting_closed(&self, id: i64, actor: i64) -> StoreResult<()> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            require_open!(tx, Db, id);
            sqlx::query("UPDATE meetings SET state = $1, closed_by = $2, closed_at = $3 WHERE id = $4")
                .bind(MeetingState::Closed.key())
                .bind(actor)
                .bind(<Db as Dialect>::timestamp(chrono::Utc::now()))
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            let before = json!({ "state": MeetingState::Open.key() });
            let after = json!({ "state": MeetingState::Closed.key() });
            audit!(tx, Db, Some(actor), AuditAction::Update, "meeting", Some(id.to_string()), None::<i64>, Some(before), Some(after));
            tx.commit().await.map_err(db)?;
            Ok(())
        })
    }
}
