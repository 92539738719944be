//! Escalations when priorities collide between objects (001, 2.3.4): the
//! register, its history, and its changes. Each change runs in one
//! transaction with its history entry and its audit record; an edit names
//! the version it started from, and the UPDATE only applies to that
//! version, so of two concurrent changes one wins and the other is stale
//! on both backends.

use app::domain::{
    transition, AuditAction, Escalation, EscalationChange, EscalationEvent, EscalationEventKind, EscalationInitiative,
    EscalationObject, EscalationState, EscalationStep, RaiseInput,
};
use app::store::{StoreError, StoreResult};
use chrono::NaiveDate;
use serde_json::json;

use super::rows::timestamp;
use super::store::{db, SqlStore};
use super::{audit, with_pool, Dialect};

const ESCALATIONS: &str = "SELECT e.id, e.year, e.title, e.description, e.step, e.state,
    CAST(e.due_on AS TEXT) AS due_on, e.raised_by, r.name AS raised_by_name,
    CAST(e.raised_at AS TEXT) AS raised_at, e.decision, e.rationale, d.name AS decided_by_name,
    CAST(e.decided_at AS TEXT) AS decided_at, e.version
    FROM escalations e
    LEFT JOIN people r ON r.id = e.raised_by
    LEFT JOIN people d ON d.id = e.decided_by
    WHERE ($1 IS NULL OR e.id = $1) AND ($2 IS NULL OR e.state = $2)
    ORDER BY e.due_on, e.id";

const OBJECTS: &str = "SELECT eo.escalation_id AS owner_id, o.id, o.code, o.name
    FROM escalation_objects eo JOIN objects o ON o.id = eo.object_id
    WHERE ($1 IS NULL OR eo.escalation_id = $1)
    ORDER BY o.code";

const INITIATIVES: &str = "SELECT ei.escalation_id AS owner_id, i.id, i.name, o.code AS object_code
    FROM escalation_initiatives ei
    JOIN initiatives i ON i.id = ei.initiative_id
    JOIN plan_years p ON p.id = i.plan_year_id
    JOIN objects o ON o.id = p.object_id
    WHERE ($1 IS NULL OR ei.escalation_id = $1)
    ORDER BY o.code, i.rank, i.id";

const EVENTS: &str = "SELECT ev.id, ev.kind, ev.step, ev.note, CAST(ev.due_on AS TEXT) AS due_on,
    p.name AS actor_name, CAST(ev.at AS TEXT) AS at
    FROM escalation_events ev LEFT JOIN people p ON p.id = ev.actor_id
    WHERE ev.escalation_id = $1
    ORDER BY ev.id";

/// One escalation, raised (demo questions are loaded through the same rows).
pub(super) const INSERT_ESCALATION: &str =
    "INSERT INTO escalations (year, title, description, step, state, due_on, raised_by, raised_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
pub(super) const INSERT_OBJECT: &str = "INSERT INTO escalation_objects (escalation_id, object_id) VALUES ($1, $2)";
pub(super) const INSERT_INITIATIVE: &str =
    "INSERT INTO escalation_initiatives (escalation_id, initiative_id) VALUES ($1, $2)";
pub(super) const INSERT_EVENT: &str =
    "INSERT INTO escalation_events (escalation_id, kind, step, note, due_on, actor_id, at)
    VALUES ($1, $2, $3, $4, $5, $6, $7)";

/// Inserts a dataset's escalations inside the load's transaction `$tx`
/// (`$objects`, `$people`: ids by object code and e-mail), with the
/// history the forms would have written; the load's one import record
/// covers them. A reference to something missing aborts the load.
macro_rules! load_escalations {
    ($tx:expr, $db:ty, $data:expr, $objects:expr, $people:expr) => {{
        use app::domain::{EscalationEventKind, EscalationState, EscalationStep};
        use $crate::db::store::db;
        use $crate::db::Dialect;
        let missing = |what: &str, key: &str| app::store::StoreError::Invalid(format!("unknown {what} '{key}'"));
        let now = chrono::Utc::now();
        for seed in &$data.escalations {
            let raiser: i64 = *$people.get(&seed.raised_by).ok_or_else(|| missing("person", &seed.raised_by))?;
            let step =
                if seed.to_owners.is_some() { EscalationStep::ObjectOwners } else { EscalationStep::ObjectLeaders };
            let due_on = seed.to_owners.as_ref().map_or(seed.due_on, |(_, due)| *due);
            let id: i64 = sqlx::query_scalar($crate::db::escalation::INSERT_ESCALATION)
                .bind(seed.year)
                .bind(&seed.title)
                .bind(&seed.description)
                .bind(step.number())
                .bind(EscalationState::Open.key())
                .bind(<$db as Dialect>::date(due_on))
                .bind(raiser)
                .bind(<$db as Dialect>::timestamp(now))
                .fetch_one(&mut *$tx)
                .await
                .map_err(db)?;
            for code in &seed.objects {
                let object: i64 = *$objects.get(code).ok_or_else(|| missing("object", code))?;
                sqlx::query($crate::db::escalation::INSERT_OBJECT)
                    .bind(id)
                    .bind(object)
                    .execute(&mut *$tx)
                    .await
                    .map_err(db)?;
            }
            for (code, name) in &seed.initiatives {
                let object: i64 = *$objects.get(code).ok_or_else(|| missing("object", code))?;
                let initiative: Option<i64> = sqlx::query_scalar(
                    "SELECT i.id FROM initiatives i JOIN plan_years p ON p.id = i.plan_year_id
                     WHERE p.object_id = $1 AND p.year = $2 AND i.name = $3",
                )
                .bind(object)
                .bind(seed.year)
                .bind(name)
                .fetch_optional(&mut *$tx)
                .await
                .map_err(db)?;
                sqlx::query($crate::db::escalation::INSERT_INITIATIVE)
                    .bind(id)
                    .bind(initiative.ok_or_else(|| missing("initiative", name))?)
                    .execute(&mut *$tx)
                    .await
                    .map_err(db)?;
            }
            let mut events = vec![(EscalationEventKind::Raised, EscalationStep::ObjectLeaders, "", seed.due_on)];
            if let Some((note, due)) = &seed.to_owners {
                events.push((EscalationEventKind::Escalated, EscalationStep::ObjectOwners, note.as_str(), *due));
            }
            for (kind, step, note, due) in events {
                sqlx::query($crate::db::escalation::INSERT_EVENT)
                    .bind(id)
                    .bind(kind.key())
                    .bind(step.number())
                    .bind(note)
                    .bind(Some(<$db as Dialect>::date(due)))
                    .bind(raiser)
                    .bind(<$db as Dialect>::timestamp(now))
                    .execute(&mut *$tx)
                    .await
                    .map_err(db)?;
            }
        }
    }};
}
pub(crate) use load_escalations;

#[derive(sqlx::FromRow)]
struct EscalationRow {
    id: i64,
    year: i32,
    title: String,
    description: String,
    step: i32,
    state: String,
    due_on: String,
    raised_by: Option<i64>,
    raised_by_name: Option<String>,
    raised_at: String,
    decision: String,
    rationale: String,
    decided_by_name: Option<String>,
    decided_at: Option<String>,
    version: i64,
}

#[derive(sqlx::FromRow)]
struct ObjectLink {
    owner_id: i64,
    id: i64,
    code: String,
    name: String,
}

#[derive(sqlx::FromRow)]
struct InitiativeLink {
    owner_id: i64,
    id: i64,
    name: String,
    object_code: String,
}

#[derive(sqlx::FromRow)]
struct EventRow {
    id: i64,
    kind: String,
    step: i32,
    note: String,
    due_on: Option<String>,
    actor_name: Option<String>,
    at: String,
}

fn corrupt(what: &'static str) -> impl Fn(app::domain::DomainError) -> StoreError {
    move |e| StoreError::Corrupt(format!("{what}: {e}"))
}

fn date(text: &str, what: &'static str) -> StoreResult<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
}

impl EscalationRow {
    fn into_escalation(self, objects: &[ObjectLink], initiatives: &[InitiativeLink]) -> StoreResult<Escalation> {
        Ok(Escalation {
            id: self.id,
            year: self.year,
            title: self.title,
            description: self.description,
            step: EscalationStep::from_number(self.step).map_err(corrupt("escalations.step"))?,
            state: EscalationState::from_key(&self.state).map_err(corrupt("escalations.state"))?,
            due_on: date(&self.due_on, "escalations.due_on")?,
            raised_by: self.raised_by,
            raised_by_name: self.raised_by_name,
            raised_at: timestamp(&self.raised_at)?,
            decision: self.decision,
            rationale: self.rationale,
            decided_by_name: self.decided_by_name,
            decided_at: self.decided_at.as_deref().map(timestamp).transpose()?,
            version: self.version,
            objects: objects
                .iter()
                .filter(|l| l.owner_id == self.id)
                .map(|l| EscalationObject { id: l.id, code: l.code.clone(), name: l.name.clone() })
                .collect(),
            initiatives: initiatives
                .iter()
                .filter(|l| l.owner_id == self.id)
                .map(|l| EscalationInitiative { id: l.id, name: l.name.clone(), object_code: l.object_code.clone() })
                .collect(),
        })
    }
}

impl TryFrom<EventRow> for EscalationEvent {
    type Error = StoreError;
    fn try_from(row: EventRow) -> StoreResult<Self> {
        Ok(EscalationEvent {
            id: row.id,
            kind: EscalationEventKind::from_key(&row.kind).map_err(corrupt("escalation_events.kind"))?,
            step: EscalationStep::from_number(row.step).map_err(corrupt("escalation_events.step"))?,
            note: row.note,
            due_on: row.due_on.as_deref().map(|d| date(d, "escalation_events.due_on")).transpose()?,
            actor_name: row.actor_name,
            at: timestamp(&row.at)?,
        })
    }
}

impl SqlStore {
    /// One escalation (`id`) or all, open ones only or all.
    pub(super) async fn escalation_list(&self, id: Option<i64>, open_only: bool) -> StoreResult<Vec<Escalation>> {
        let state = open_only.then(|| EscalationState::Open.key());
        let (rows, objects, initiatives) = with_pool!(self.pool(), p, Db => {
            let rows: Vec<EscalationRow> =
                sqlx::query_as(ESCALATIONS).bind(id).bind(state).fetch_all(p).await.map_err(db)?;
            let objects: Vec<ObjectLink> = sqlx::query_as(OBJECTS).bind(id).fetch_all(p).await.map_err(db)?;
            let initiatives: Vec<InitiativeLink> =
                sqlx::query_as(INITIATIVES).bind(id).fetch_all(p).await.map_err(db)?;
            (rows, objects, initiatives)
        });
        rows.into_iter().map(|row| row.into_escalation(&objects, &initiatives)).collect()
    }

    pub(super) async fn escalation_history(&self, id: i64) -> StoreResult<Vec<EscalationEvent>> {
        let rows: Vec<EventRow> = with_pool!(self.pool(), p, Db => {
            sqlx::query_as(EVENTS).bind(id).fetch_all(p).await
        })
        .map_err(db)?;
        rows.into_iter().map(EscalationEvent::try_from).collect()
    }

    pub(super) async fn insert_escalation(&self, input: &RaiseInput, actor: i64) -> StoreResult<Escalation> {
        let step = EscalationStep::ObjectLeaders;
        let id = with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let now = chrono::Utc::now();
            let id: i64 = sqlx::query_scalar(
                INSERT_ESCALATION,
            )
            .bind(input.year)
            .bind(&input.title)
            .bind(&input.description)
            .bind(step.number())
            .bind(EscalationState::Open.key())
            .bind(<Db as Dialect>::date(input.due_on))
            .bind(actor)
            .bind(<Db as Dialect>::timestamp(now))
            .fetch_one(&mut *tx)
            .await
            .map_err(db)?;
            for object in &input.object_ids {
                sqlx::query(INSERT_OBJECT)
                    .bind(id)
                    .bind(object)
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
            }
            for initiative in &input.initiative_ids {
                sqlx::query(INSERT_INITIATIVE)
                    .bind(id)
                    .bind(initiative)
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
            }
            sqlx::query(INSERT_EVENT)
                .bind(id)
                .bind(EscalationEventKind::Raised.key())
                .bind(step.number())
                .bind("")
                .bind(Some(<Db as Dialect>::date(input.due_on)))
                .bind(actor)
                .bind(<Db as Dialect>::timestamp(now))
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            let after = json!({
                "year": input.year,
                "title": input.title,
                "description": input.description,
                "step": step.number(),
                "due_on": input.due_on.to_string(),
                "objects": input.object_ids,
                "initiatives": input.initiative_ids,
            });
            let object = input.object_ids.first().copied();
            audit!(tx, Db, Some(actor), AuditAction::Create, "escalation", Some(id.to_string()), object, None, Some(after));
            tx.commit().await.map_err(db)?;
            id
        });
        self.escalation_list(Some(id), false).await?.pop().ok_or(StoreError::NotFound)
    }

    pub(super) async fn update_escalation(
        &self,
        id: i64,
        version: i64,
        change: &EscalationChange,
        actor: i64,
    ) -> StoreResult<Escalation> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let stored: Option<(String, i32, i64, String)> = sqlx::query_as(
                "SELECT state, step, version, CAST(due_on AS TEXT) FROM escalations WHERE id = $1",
            )
            .bind(id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
            let (state, step, stored_version, due_on) = stored.ok_or(StoreError::NotFound)?;
            if stored_version != version {
                return Err(StoreError::Stale);
            }
            let state = EscalationState::from_key(&state).map_err(corrupt("escalations.state"))?;
            let step = EscalationStep::from_number(step).map_err(corrupt("escalations.step"))?;
            let (next_state, next_step) =
                transition(state, step, change).map_err(|e| StoreError::Conflict(e.code().into()))?;
            let now = chrono::Utc::now();
            let (kind, note, new_due, after) = match change {
                EscalationChange::Escalate { note, due_on } => {
                    let done = sqlx::query(
                        "UPDATE escalations SET step = $1, due_on = $2, version = version + 1
                         WHERE id = $3 AND version = $4",
                    )
                    .bind(next_step.number())
                    .bind(<Db as Dialect>::date(*due_on))
                    .bind(id)
                    .bind(version)
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
                    if done.rows_affected() == 0 {
                        return Err(StoreError::Stale);
                    }
                    let after = json!({ "step": next_step.number(), "due_on": due_on.to_string(), "note": note });
                    (EscalationEventKind::Escalated, note.as_str(), Some(*due_on), after)
                }
                EscalationChange::Decide { decision, rationale } => {
                    let done = sqlx::query(
                        "UPDATE escalations SET state = $1, decision = $2, rationale = $3, decided_by = $4,
                            decided_at = $5, version = version + 1
                         WHERE id = $6 AND version = $7",
                    )
                    .bind(next_state.key())
                    .bind(decision)
                    .bind(rationale)
                    .bind(actor)
                    .bind(<Db as Dialect>::timestamp(now))
                    .bind(id)
                    .bind(version)
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
                    if done.rows_affected() == 0 {
                        return Err(StoreError::Stale);
                    }
                    let after = json!({ "state": next_state.key(), "decision": decision, "rationale": rationale });
                    (EscalationEventKind::Decided, decision.as_str(), None, after)
                }
                EscalationChange::Withdraw { note } => {
                    let done = sqlx::query(
                        "UPDATE escalations SET state = $1, version = version + 1 WHERE id = $2 AND version = $3",
                    )
                    .bind(next_state.key())
                    .bind(id)
                    .bind(version)
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
                    if done.rows_affected() == 0 {
                        return Err(StoreError::Stale);
                    }
                    let after = json!({ "state": next_state.key(), "note": note });
                    (EscalationEventKind::Withdrawn, note.as_str(), None, after)
                }
            };
            sqlx::query(INSERT_EVENT)
                .bind(id)
                .bind(kind.key())
                .bind(next_step.number())
                .bind(note)
                .bind(new_due.map(<Db as Dialect>::date))
                .bind(actor)
                .bind(<Db as Dialect>::timestamp(now))
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            let object: Option<i64> = sqlx::query_scalar(
                "SELECT object_id FROM escalation_objects WHERE escalation_id = $1 ORDER BY object_id LIMIT 1",
            )
            .bind(id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
            let before = json!({ "state": state.key(), "step": step.number(), "due_on": due_on, "version": version });
            audit!(tx, Db, Some(actor), AuditAction::Update, "escalation", Some(id.to_string()), object, Some(before), Some(after));
            tx.commit().await.map_err(db)?;
        });
        self.escalation_list(Some(id), false).await?.pop().ok_or(StoreError::NotFound)
    }
}
