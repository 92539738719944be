//! The contract reminder ledger (`contract_reminders`, migration 0011):
//! record, claim under a lease, mark sent or release. The claim is the one
//! place where instances sharing a database compete: on PostgreSQL the
//! due rows are locked `FOR UPDATE SKIP LOCKED` and updated in the same
//! statement; on SQLite the `UPDATE … RETURNING` runs inside
//! `BEGIN IMMEDIATE`, which holds the database's write lock. Either way
//! each row goes to exactly one claimant. Every later change names the
//! instance holding the row, so an instance whose lease ran out cannot
//! overwrite what its successor did.

use app::domain::{ContractPeople, Recipient, ReminderEntry, ReminderKey, ReminderState};
use app::store::{StoreError, StoreResult};
use chrono::{DateTime, NaiveDate, Utc};

use super::rows::timestamp;
use super::store::{db, SqlStore};
use super::{with_pool, Dialect};

const PEOPLE: &str = "SELECT c.id AS contract_id,
    o.id AS owner_id, o.name AS owner_name, o.email AS owner_email,
    d.id AS deputy_id, d.name AS deputy_name, d.email AS deputy_email
    FROM contracts c
    LEFT JOIN people o ON o.id = c.owner_id
    LEFT JOIN people d ON d.id = c.deputy_id
    ORDER BY c.id";

const LEDGER: &str = "SELECT r.contract_id, CAST(r.notice_deadline AS TEXT) AS notice_deadline, r.lead_months,
    r.person_id, p.name AS person_name, r.state, r.attempts, r.last_error,
    CAST(r.created_at AS TEXT) AS created_at, CAST(r.sent_at AS TEXT) AS sent_at
    FROM contract_reminders r JOIN people p ON p.id = r.person_id
    WHERE ($1 IS NULL OR r.contract_id = $1) AND ($2 IS NULL OR r.person_id = $2)
    ORDER BY r.notice_deadline DESC, r.contract_id, r.lead_months DESC, p.name, r.person_id";

const RECORD: &str = "INSERT INTO contract_reminders
    (contract_id, notice_deadline, lead_months, person_id, state, attempts, created_at)
    VALUES ($1, $2, $3, $4, 'pending', 0, $5)
    ON CONFLICT DO NOTHING";

/// The key of one row, and that `$n` (the instance) holds it.
macro_rules! held {
    ($n:literal) => {
        concat!(
            " WHERE contract_id = $1 AND notice_deadline = $2 AND lead_months = $3 AND person_id = $4",
            " AND state = 'sending' AND claimed_by = $",
            $n
        )
    };
}

const MARK_SENT: &str = concat!(
    "UPDATE contract_reminders SET state = 'sent', sent_at = $6, claimed_until = NULL, attempts = attempts + 1",
    held!("5")
);

const RELEASE: &str = concat!(
    "UPDATE contract_reminders SET state = 'pending', claimed_by = NULL, claimed_until = NULL,
        attempts = attempts + $6, last_error = COALESCE($7, last_error)",
    held!("5")
);

const VOID: &str = concat!("DELETE FROM contract_reminders", held!("5"));

/// Each backend's claim: `$1` instance, `$2` lease end, `$3` now, `$4` today.
trait Claim {
    const CLAIM: &'static str;
}

impl Claim for sqlx::Sqlite {
    // Run inside BEGIN IMMEDIATE: nobody else writes meanwhile.
    const CLAIM: &'static str = "UPDATE contract_reminders
        SET state = 'sending', claimed_by = $1, claimed_until = $2
        WHERE (state = 'pending' OR (state = 'sending' AND claimed_until < $3)) AND notice_deadline >= $4
        RETURNING contract_id, CAST(notice_deadline AS TEXT) AS notice_deadline, lead_months, person_id";
}

impl Claim for sqlx::Postgres {
    // A concurrent claimant skips the rows locked here; one that read them
    // before this commits re-checks them after and finds them `sending`.
    const CLAIM: &'static str = "UPDATE contract_reminders r
        SET state = 'sending', claimed_by = $1, claimed_until = $2
        FROM (SELECT contract_id, notice_deadline, lead_months, person_id FROM contract_reminders
              WHERE (state = 'pending' OR (state = 'sending' AND claimed_until < $3)) AND notice_deadline >= $4
              FOR UPDATE SKIP LOCKED) due
        WHERE r.contract_id = due.contract_id AND r.notice_deadline = due.notice_deadline
          AND r.lead_months = due.lead_months AND r.person_id = due.person_id
        RETURNING r.contract_id, CAST(r.notice_deadline AS TEXT) AS notice_deadline, r.lead_months, r.person_id";
}

#[derive(sqlx::FromRow)]
struct PeopleRow {
    contract_id: i64,
    owner_id: Option<i64>,
    owner_name: Option<String>,
    owner_email: Option<String>,
    deputy_id: Option<i64>,
    deputy_name: Option<String>,
    deputy_email: Option<String>,
}

fn recipient(id: Option<i64>, name: Option<String>, email: Option<String>) -> Option<Recipient> {
    Some(Recipient { person_id: id?, name: name?, email: email? })
}

#[derive(sqlx::FromRow)]
struct KeyRow {
    contract_id: i64,
    notice_deadline: String,
    lead_months: i32,
    person_id: i64,
}

impl TryFrom<KeyRow> for ReminderKey {
    type Error = StoreError;
    fn try_from(row: KeyRow) -> StoreResult<Self> {
        Ok(ReminderKey {
            contract_id: row.contract_id,
            notice_deadline: NaiveDate::parse_from_str(&row.notice_deadline, "%Y-%m-%d")
                .map_err(|e| StoreError::Corrupt(format!("contract_reminders.notice_deadline: {e}")))?,
            lead_months: u32::try_from(row.lead_months)
                .map_err(|e| StoreError::Corrupt(format!("contract_reminders.lead_months: {e}")))?,
            person_id: row.person_id,
        })
    }
}

#[derive(sqlx::FromRow)]
struct LedgerRow {
    #[sqlx(flatten)]
    key: KeyRow,
    person_name: String,
    state: String,
    attempts: i32,
    last_error: Option<String>,
    created_at: String,
    sent_at: Option<String>,
}

impl TryFrom<LedgerRow> for ReminderEntry {
    type Error = StoreError;
    fn try_from(row: LedgerRow) -> StoreResult<Self> {
        Ok(ReminderEntry {
            key: ReminderKey::try_from(row.key)?,
            person_name: row.person_name,
            state: ReminderState::from_key(&row.state)
                .map_err(|e| StoreError::Corrupt(format!("contract_reminders.state: {e}")))?,
            attempts: u32::try_from(row.attempts).unwrap_or(0),
            last_error: row.last_error,
            created_at: timestamp(&row.created_at)?,
            sent_at: row.sent_at.as_deref().map(timestamp).transpose()?,
        })
    }
}

/// The longest last error kept: enough for an SMTP reply, no more.
const ERROR_MAX_CHARS: usize = 500;

impl SqlStore {
    pub(super) async fn contract_people_rows(&self) -> StoreResult<Vec<ContractPeople>> {
        let rows: Vec<PeopleRow> =
            with_pool!(self.pool(), p, Db => sqlx::query_as(PEOPLE).fetch_all(p).await).map_err(db)?;
        Ok(rows
            .into_iter()
            .map(|r| ContractPeople {
                contract_id: r.contract_id,
                owner: recipient(r.owner_id, r.owner_name, r.owner_email),
                deputy: recipient(r.deputy_id, r.deputy_name, r.deputy_email),
            })
            .collect())
    }

    pub(super) async fn ledger_rows(
        &self,
        contract_id: Option<i64>,
        person_id: Option<i64>,
    ) -> StoreResult<Vec<ReminderEntry>> {
        let rows: Vec<LedgerRow> = with_pool!(self.pool(), p, Db => {
            sqlx::query_as(LEDGER).bind(contract_id).bind(person_id).fetch_all(p).await
        })
        .map_err(db)?;
        rows.into_iter().map(ReminderEntry::try_from).collect()
    }

    pub(super) async fn insert_reminders(&self, due: &[ReminderKey], now: DateTime<Utc>) -> StoreResult<usize> {
        if due.is_empty() {
            return Ok(0);
        }
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let mut added = 0;
            for key in due {
                let done = sqlx::query(RECORD)
                    .bind(key.contract_id)
                    .bind(<Db as Dialect>::date(key.notice_deadline))
                    .bind(lead(key)?)
                    .bind(key.person_id)
                    .bind(<Db as Dialect>::timestamp(now))
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
                added += usize::try_from(done.rows_affected()).unwrap_or(0);
            }
            tx.commit().await.map_err(db)?;
            Ok(added)
        })
    }

    pub(super) async fn claim_due_reminders(
        &self,
        instance: &str,
        today: NaiveDate,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
    ) -> StoreResult<Vec<ReminderKey>> {
        let rows: Vec<KeyRow> = with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let rows = sqlx::query_as(<Db as Claim>::CLAIM)
                .bind(instance)
                .bind(<Db as Dialect>::timestamp(lease_until))
                .bind(<Db as Dialect>::timestamp(now))
                .bind(<Db as Dialect>::date(today))
                .fetch_all(&mut *tx)
                .await
                .map_err(db)?;
            tx.commit().await.map_err(db)?;
            rows
        });
        let mut keys = rows.into_iter().map(ReminderKey::try_from).collect::<StoreResult<Vec<_>>>()?;
        keys.sort();
        Ok(keys)
    }

    /// Applies one change to each row `instance` holds, in one transaction.
    async fn change_held(&self, change: Held<'_>, keys: &[ReminderKey], instance: &str) -> StoreResult<usize> {
        if keys.is_empty() {
            return Ok(0);
        }
        let sql = match change {
            Held::Sent(_) => MARK_SENT,
            Held::Released(_) => RELEASE,
            Held::Void => VOID,
        };
        let error: Option<String> = match change {
            Held::Released(error) => error.map(|e| e.chars().take(ERROR_MAX_CHARS).collect()),
            _ => None,
        };
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let mut changed = 0;
            for key in keys {
                let query = sqlx::query(sql)
                    .bind(key.contract_id)
                    .bind(<Db as Dialect>::date(key.notice_deadline))
                    .bind(lead(key)?)
                    .bind(key.person_id)
                    .bind(instance);
                let query = match change {
                    Held::Sent(now) => query.bind(<Db as Dialect>::timestamp(now)),
                    Held::Released(_) => query.bind(i32::from(error.is_some())).bind(error.clone()),
                    Held::Void => query,
                };
                let done = query.execute(&mut *tx).await.map_err(db)?;
                changed += usize::try_from(done.rows_affected()).unwrap_or(0);
            }
            tx.commit().await.map_err(db)?;
            Ok(changed)
        })
    }

    pub(super) async fn reminders_sent(
        &self,
        keys: &[ReminderKey],
        instance: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<usize> {
        self.change_held(Held::Sent(now), keys, instance).await
    }

    pub(super) async fn reminders_released(
        &self,
        keys: &[ReminderKey],
        instance: &str,
        error: Option<&str>,
    ) -> StoreResult<usize> {
        self.change_held(Held::Released(error), keys, instance).await
    }

    pub(super) async fn reminders_voided(&self, keys: &[ReminderKey], instance: &str) -> StoreResult<usize> {
        self.change_held(Held::Void, keys, instance).await
    }
}

/// What happens to rows an instance holds.
#[derive(Clone, Copy)]
enum Held<'a> {
    Sent(DateTime<Utc>),
    /// Back to pending; with the error of a failed attempt, or untried.
    Released(Option<&'a str>),
    Void,
}

fn lead(key: &ReminderKey) -> StoreResult<i32> {
    i32::try_from(key.lead_months).map_err(|_| StoreError::Invalid(format!("lead time {}", key.lead_months)))
}
