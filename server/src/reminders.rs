//! Contract reminders by e-mail. On start and every interval the worker
//! (1) records in the ledger the reminder each contract is due today, one
//! row per recipient (owner and deputy); (2) claims the rows not yet sent,
//! under a lease, so that of several instances on one database exactly one
//! sends each; (3) sends one plain-text digest per recipient; (4) marks
//! the rows sent, or on failure releases them with the error, to be tried
//! again at the next tick. Without SMTP it only records: the app shows
//! what is due either way, and nothing claims rows it cannot send.
//!
//! The limit: a row is marked sent after the SMTP server has accepted the
//! message. If the process dies between that acceptance and the database
//! update (or the update fails), the row stays `sending`; when its lease
//! runs out another run claims it and sends the digest again. So a
//! reminder goes out at least once and at most twice in that case, never
//! silently not at all. (Exactly once would need the mail server to take
//! part in the transaction, which SMTP cannot.)

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use app::domain::{clock, still_stands, Contract, ContractPeople, Recipient, ReminderKey};
use app::i18n::Locale;
use app::store::{SharedStore, StoreResult};
use app::views::{reminder_digest, DigestItem};
use chrono::{DateTime, NaiveDate, Utc};
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, SinglePart};
use lettre::transport::smtp::{AsyncSmtpTransport, AsyncSmtpTransportBuilder};
use lettre::{AsyncTransport, Message, Tokio1Executor};

use crate::config::ReminderConfig;

/// How long a claim holds: a run must finish sending within it, or the
/// rows it holds go to whoever claims next.
pub const LEASE: Duration = Duration::from_secs(600);
/// How long one SMTP conversation may take.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, thiserror::Error)]
pub enum MailerError {
    #[error("bad SMTP URL: {0}")]
    Url(String),
    #[error("bad sender address: {0}")]
    From(String),
}

/// An SMTP connection (pooled) and the sender address.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    /// The mailer the settings describe; `None` without an SMTP URL.
    /// Nothing connects until the first message; the connection pool
    /// needs the Tokio runtime running.
    pub fn new(config: &ReminderConfig) -> Result<Option<Self>, MailerError> {
        let (from, builder) = Self::parse(config)?;
        Ok(builder.map(|builder| Self { transport: builder.timeout(Some(SMTP_TIMEOUT)).build(), from }))
    }

    /// Checks the settings without building anything (no runtime needed).
    pub fn check(config: &ReminderConfig) -> Result<(), MailerError> {
        Self::parse(config).map(|_| ())
    }

    fn parse(config: &ReminderConfig) -> Result<(Mailbox, Option<AsyncSmtpTransportBuilder>), MailerError> {
        let from: Mailbox = config.mail_from.parse().map_err(|e| MailerError::From(format!("{e}")))?;
        let builder = match &config.smtp_url {
            None => None,
            Some(url) => Some(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url).map_err(|e| MailerError::Url(format!("{e}")))?,
            ),
        };
        Ok((from, builder))
    }

    async fn send(&self, to: &Recipient, subject: &str, body: String) -> Result<(), String> {
        let to = Mailbox::new(Some(to.name.clone()), to.email.parse().map_err(|e| format!("recipient address: {e}"))?);
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .singlepart(SinglePart::builder().header(ContentType::TEXT_PLAIN).body(body))
            .map_err(|e| format!("message: {e}"))?;
        self.transport.send(message).await.map(|_| ()).map_err(|e| e.to_string())
    }
}

/// What one run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tick {
    /// Ledger rows recorded for the first time.
    pub recorded: usize,
    /// Digests the SMTP server accepted.
    pub digests_sent: usize,
    /// Reminders (ledger rows) marked sent.
    pub reminders_sent: usize,
    /// Digests that failed, their rows released for the next run.
    pub failed: usize,
    /// Claimed rows that no longer stood and were removed.
    pub voided: usize,
}

/// The reminder worker of one instance.
#[derive(Clone)]
pub struct ReminderWorker {
    store: SharedStore,
    mailer: Option<Mailer>,
    lead_months: Vec<u32>,
    public_url: String,
    /// Names this instance in the ledger's claims.
    instance: String,
}

impl ReminderWorker {
    pub fn new(store: SharedStore, mailer: Option<Mailer>, lead_months: Vec<u32>, public_url: &str) -> Self {
        let instance = format!("{}-{:08x}", std::process::id(), rand::random::<u32>());
        Self { store, mailer, lead_months, public_url: public_url.trim_end_matches('/').to_owned(), instance }
    }

    pub fn instance(&self) -> &str {
        &self.instance
    }

    /// One run on `today` (the Swedish calendar day) at `now`.
    pub async fn run_once(&self, today: NaiveDate, now: DateTime<Utc>) -> StoreResult<Tick> {
        let contracts = self.store.contracts().await?;
        let people = self.store.contract_people().await?;
        let due = app::domain::reminders_to_record(&contracts, &people, today, &self.lead_months);
        let mut tick = Tick { recorded: self.store.record_reminders(&due, now).await?, ..Tick::default() };
        let Some(mailer) = &self.mailer else { return Ok(tick) };

        let lease_until = now + chrono::Duration::from_std(LEASE).unwrap_or(chrono::Duration::minutes(10));
        let claimed = self.store.claim_reminders(&self.instance, today, now, lease_until).await?;
        if claimed.is_empty() {
            return Ok(tick);
        }
        let find_contract = |id: i64| contracts.iter().find(|c| c.id == id);
        let find_people = |id: i64| people.iter().find(|p| p.contract_id == id);
        let (standing, void): (Vec<ReminderKey>, Vec<ReminderKey>) = claimed
            .into_iter()
            .partition(|key| still_stands(key, find_contract(key.contract_id), find_people(key.contract_id), today));
        if !void.is_empty() {
            tick.voided = self.store.void_reminders(&void, &self.instance).await?;
            tracing::info!(count = tick.voided, "dropped reminders whose deadline moved or whose contract changed");
        }

        let started = Instant::now();
        let mut by_person: BTreeMap<i64, Vec<ReminderKey>> = BTreeMap::new();
        for key in standing {
            by_person.entry(key.person_id).or_default().push(key);
        }
        let mut queue = by_person.into_iter();
        while let Some((person_id, keys)) = queue.next() {
            // Past half the lease, give the rest back untried rather than
            // send under a claim that may run out meanwhile.
            if started.elapsed() > LEASE / 2 {
                let rest: Vec<ReminderKey> = keys.into_iter().chain(queue.flat_map(|(_, keys)| keys)).collect();
                self.store.release_reminders(&rest, &self.instance, None).await?;
                tracing::warn!(count = rest.len(), "reminders left for the next run: sending took too long");
                break;
            }
            let Some(recipient) = recipient_of(&people, person_id) else {
                self.store.release_reminders(&keys, &self.instance, Some("the recipient is unknown")).await?;
                continue;
            };
            let items = digest_items(&keys, &contracts, &people);
            let texts = Locale::Sv.texts();
            let digest = reminder_digest(texts, recipient, &items, &self.public_url, today, &self.lead_months);
            match mailer.send(recipient, &digest.subject, digest.body).await {
                Ok(()) => {
                    tick.digests_sent += 1;
                    let marked = self.store.mark_reminders_sent(&keys, &self.instance, Utc::now()).await?;
                    tick.reminders_sent += marked;
                    if marked < keys.len() {
                        tracing::warn!(person_id, "a reminder's lease ran out while sending: it may go out twice");
                    }
                }
                Err(error) => {
                    tick.failed += 1;
                    tracing::warn!(person_id, %error, "sending a reminder digest failed: trying again next run");
                    self.store.release_reminders(&keys, &self.instance, Some(&error)).await?;
                }
            }
        }
        Ok(tick)
    }

    /// Runs now and then every `interval`, on the server's Swedish day.
    pub fn spawn(self, interval: Duration) {
        if self.mailer.is_none() {
            tracing::info!("reminders are shown in the app only: STYRBORD_SMTP_URL is not set, so no e-mail is sent");
        }
        tokio::spawn(async move {
            let mut every = tokio::time::interval(interval);
            every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                every.tick().await;
                let now = Utc::now();
                match self.run_once(clock::swedish_date(now), now).await {
                    Ok(tick) if tick != Tick::default() => tracing::info!(?tick, "contract reminders"),
                    Ok(_) => {}
                    Err(error) => tracing::warn!(%error, "contract reminders: the database failed; trying next run"),
                }
            }
        });
    }
}

fn recipient_of(people: &[ContractPeople], person_id: i64) -> Option<&Recipient> {
    people.iter().flat_map(|p| [&p.owner, &p.deputy]).flatten().find(|r| r.person_id == person_id)
}

/// One item per contract: several rows of one contract (an earlier lead
/// time not sent in its time, and the current one) are one entry, named
/// by the shortest lead time.
fn digest_items(keys: &[ReminderKey], contracts: &[Contract], people: &[ContractPeople]) -> Vec<DigestItem> {
    let mut leads: BTreeMap<i64, u32> = BTreeMap::new();
    for key in keys {
        let lead = leads.entry(key.contract_id).or_insert(key.lead_months);
        *lead = (*lead).min(key.lead_months);
    }
    leads
        .into_iter()
        .filter_map(|(contract_id, lead_months)| {
            let contract = contracts.iter().find(|c| c.id == contract_id)?;
            let person_id = keys.first()?.person_id;
            let role = people.iter().find(|p| p.contract_id == contract_id)?.role_of(person_id)?;
            Some(DigestItem { contract: contract.clone(), lead_months, role })
        })
        .collect()
}
