//! The storage port: what the application needs from a database, in domain
//! types. The server crate implements it once per backend (SQLite,
//! PostgreSQL); server functions reach it as `Arc<dyn PortfolioStore>`
//! from Leptos context.

use std::sync::Arc;

use async_trait::async_trait;

use crate::dataset::Dataset;
use chrono::{DateTime, Utc};

use crate::domain::{
    ApiToken, AuditFilter, AuditRecord, BusinessComponent, CatalogChange, Contract, Grant, Initiative, InitiativeInput,
    ItComponent, Object, ObjectProduct, Person, PersonAccount, PlanSettings, PlanYear, Role, RoleAssignment,
    StatusInput, StatusReport, SupplierChange, SupplierEntry,
};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// The database failed or could not be reached. The text is for logs.
    #[error("database error: {0}")]
    Database(String),
    /// A stored value does not parse as a domain value.
    #[error("stored data is invalid: {0}")]
    Corrupt(String),
    /// Data given to the store refers to something that does not exist.
    #[error("invalid data: {0}")]
    Invalid(String),
    /// The change clashes with what is stored (e.g. an e-mail already in use).
    #[error("conflict: {0}")]
    Conflict(String),
    /// The thing to change does not exist (any more).
    #[error("not found")]
    NotFound,
    /// Someone else saved since the editor loaded it: the version differs.
    #[error("stale version")]
    Stale,
    /// The plan is approved and locked until its owner reopens it.
    #[error("locked")]
    Locked,
}

pub type StoreResult<T> = Result<T, StoreError>;

pub use crate::domain::Reordered;

/// An ordered list of initiatives: one plan's, or the portfolio's for a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrderList {
    Plan(i64),
    Portfolio(i32),
}

/// A list's order changed (live updates tell its watchers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrderChanged {
    pub list: OrderList,
    pub revision: i64,
}

/// The most audit records one listing returns (newest first).
pub const AUDIT_PAGE_LIMIT: usize = 1000;

pub type SharedStore = Arc<dyn PortfolioStore>;

/// What a contract form chooses from: (id, name) pairs, objects as
/// (id, code, name).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContractChoices {
    pub suppliers: Vec<(i64, String)>,
    pub line_organisations: Vec<(i64, String)>,
    pub people: Vec<(i64, String)>,
    pub it_components: Vec<(i64, String)>,
    pub objects: Vec<(i64, String, String)>,
}
pub type SharedAccessStore = Arc<dyn AccessStore>;

#[async_trait]
pub trait PortfolioStore: Send + Sync + 'static {
    /// Which backend this is, for logs and the health check.
    fn backend(&self) -> &'static str;

    async fn objects(&self) -> StoreResult<Vec<Object>>;
    async fn object_by_code(&self, code: &str) -> StoreResult<Option<Object>>;
    async fn nearby_objects(&self, object_id: i64) -> StoreResult<Vec<Object>>;

    /// Every plan year of every object.
    async fn plan_years(&self) -> StoreResult<Vec<PlanYear>>;
    async fn plan_years_of(&self, object_id: i64) -> StoreResult<Vec<PlanYear>>;
    async fn plan_year_by_id(&self, id: i64) -> StoreResult<Option<PlanYear>>;

    /// The initiatives of one plan year, in rank order.
    async fn initiatives(&self, plan_year_id: i64) -> StoreResult<Vec<Initiative>>;
    /// The initiatives of every object's plan for a year.
    async fn initiatives_in_year(&self, year: i32) -> StoreResult<Vec<Initiative>>;
    async fn initiative(&self, id: i64) -> StoreResult<Option<Initiative>>;

    /// An object's products in document order, with component names.
    async fn products(&self, object_id: i64) -> StoreResult<Vec<ObjectProduct>>;
    /// The IT components an object uses, by name.
    async fn it_components(&self, object_id: i64) -> StoreResult<Vec<ItComponent>>;

    /// The people holding roles on an object, by role then name.
    async fn roles_of(&self, object_id: i64) -> StoreResult<Vec<RoleAssignment>>;

    async fn contracts(&self) -> StoreResult<Vec<Contract>>;
    async fn contract(&self, id: i64) -> StoreResult<Option<Contract>>;
    /// A contract's term history (options, renewals, notice), newest first.
    async fn contract_events(&self, id: i64) -> StoreResult<Vec<crate::domain::ContractEvent>>;
    /// What the register form chooses from.
    async fn contract_choices(&self) -> StoreResult<ContractChoices>;
    /// Creates a contract (`id` none) or saves an edit started from
    /// `version`; `Invalid(field)` for an unknown supplier, line
    /// organisation or person; `Stale` when someone saved in between.
    async fn save_contract(
        &self,
        id: Option<i64>,
        version: i64,
        input: &crate::domain::ContractInput,
        it_components: &[i64],
        objects: &[i64],
        actor: i64,
    ) -> StoreResult<i64>;
    /// Stores a term change the date engine made (`after`), from `version`,
    /// with its history entry.
    async fn change_contract_term(
        &self,
        version: i64,
        after: &Contract,
        event: &crate::domain::ContractEvent,
        actor: i64,
    ) -> StoreResult<()>;
    async fn delete_contract(&self, id: i64, version: i64, actor: i64) -> StoreResult<()>;
    /// Links the procurement initiative made from a contract; false when
    /// one is linked already.
    async fn link_procurement(&self, contract_id: i64, initiative_id: i64) -> StoreResult<bool>;

    /// True when no object exists: the only state demo data may go into.
    async fn is_empty(&self) -> StoreResult<bool>;
    /// Inserts a whole dataset in one transaction, with its audit record
    /// (`import`, by `actor_id` or the system): all of it or nothing.
    async fn load(&self, data: &Dataset, actor_id: Option<i64>) -> StoreResult<()>;

    /// Audit records matching the filter, newest first.
    async fn audit_log(&self, filter: &AuditFilter) -> StoreResult<Vec<AuditRecord>>;

    // Changing a plan. Each change is audited in its own transaction, by
    // `actor` (a person's id); an approved plan refuses with `Locked`.

    /// Adds an initiative last in its plan's priority order.
    async fn create_initiative(
        &self,
        plan_year_id: i64,
        input: &InitiativeInput,
        actor: i64,
    ) -> StoreResult<Initiative>;
    /// Saves an edit started from `version`; `Stale` if that is not the
    /// stored version any more.
    async fn update_initiative(
        &self,
        id: i64,
        version: i64,
        input: &InitiativeInput,
        actor: i64,
    ) -> StoreResult<Initiative>;
    /// Removes an initiative (from `version`, as an edit) and closes the gap
    /// in the ranks after it.
    async fn delete_initiative(&self, id: i64, version: i64, actor: i64) -> StoreResult<()>;
    /// Records a dated status report and makes it the initiative's status.
    async fn report_status(&self, id: i64, report: &StatusInput, actor: i64) -> StoreResult<Initiative>;
    /// An initiative's status reports, newest first.
    async fn status_reports(&self, id: i64) -> StoreResult<Vec<StatusReport>>;
    /// The newest non-empty status comment of each of a plan's initiatives
    /// that has one, by initiative id.
    async fn latest_comments(&self, plan_year_id: i64) -> StoreResult<Vec<(i64, String)>>;
    async fn update_plan_settings(
        &self,
        plan_year_id: i64,
        version: i64,
        settings: &PlanSettings,
        actor: i64,
    ) -> StoreResult<PlanYear>;

    // Importing a plan year from a file: kept as a draft from the upload
    // until its preview is confirmed, then applied all or nothing.

    /// Keeps an uploaded import (and drops drafts older than a day).
    async fn save_import_draft(&self, draft: &crate::domain::workbook::ImportDraft) -> StoreResult<()>;
    async fn import_draft(&self, id: &str) -> StoreResult<Option<crate::domain::workbook::ImportDraft>>;
    /// Applies the draft in one transaction and deletes it: `NotFound` when
    /// it is gone or someone else's, `Stale` when the plan changed since it
    /// was uploaded, `Locked` for an approved plan, `Invalid` when the file
    /// had errors.
    async fn apply_import(&self, id: &str, actor: i64) -> StoreResult<crate::domain::workbook::ImportApplied>;

    // The yearly cycle.

    /// Approves (locks) or reopens a plan from `version`; `Conflict` when it
    /// already has that status.
    async fn set_plan_status(
        &self,
        plan_year_id: i64,
        version: i64,
        status: crate::domain::PlanStatus,
        actor: i64,
    ) -> StoreResult<PlanYear>;
    /// Next year's plan (a draft with this year's settings) with the
    /// initiatives in `keep`, in this year's order, their status started
    /// over; `Conflict("plan_exists")` if that year has a plan already.
    async fn create_next_plan(&self, plan_year_id: i64, keep: &[i64], actor: i64) -> StoreResult<PlanYear>;

    /// A new object; `Conflict("code_taken")` when its code is in use.
    async fn create_object(&self, input: &crate::domain::ObjectInput, actor: i64) -> StoreResult<Object>;
    /// Changes an object's name, category and description (never its code),
    /// from `version`; `Stale` if that is not the stored version any more.
    async fn update_object(
        &self,
        id: i64,
        version: i64,
        input: &crate::domain::ObjectInput,
        actor: i64,
    ) -> StoreResult<Object>;

    // What objects are made of.

    /// An object's business components, by name.
    async fn business_components(&self, object_id: i64) -> StoreResult<Vec<BusinessComponent>>;
    /// Every IT component in the register as (id, name), by name.
    async fn it_component_choices(&self) -> StoreResult<Vec<(i64, String)>>;
    /// The supplier register, by name.
    async fn suppliers(&self) -> StoreResult<Vec<SupplierEntry>>;
    /// Applies one change to an object's products and components, audited;
    /// returns the id of the item changed. `Conflict("name_taken")` for a
    /// name in use, `Invalid(field)` for a component or supplier that is
    /// not the object's to choose.
    async fn change_catalog(&self, object_id: i64, change: &CatalogChange, actor: i64) -> StoreResult<i64>;
    /// Applies one change to the supplier register, audited; returns the
    /// supplier's id.
    async fn change_supplier(&self, change: &SupplierChange, actor: i64) -> StoreResult<i64>;

    // Prioritisation.

    /// Moves an initiative as `step` says, deciding the order inside one
    /// transaction, audited with `reason`; `Invalid(code)` for a step that
    /// names what is not in the plan, `Locked` for an approved plan.
    async fn move_initiative(
        &self,
        plan_year_id: i64,
        step: crate::domain::Move,
        reason: &str,
        actor: i64,
    ) -> StoreResult<Reordered>;
    /// Undoes the plan's last move; `Conflict("nothing_to_undo")` when the
    /// last was an undo or there is none.
    async fn undo_last_move(&self, plan_year_id: i64, actor: i64) -> StoreResult<Reordered>;
    /// The plan order's revision (0 before any move) and whether its last
    /// move can be undone.
    async fn plan_revision(&self, plan_year_id: i64) -> StoreResult<(i64, bool)>;
    /// Sets what the object has for the year, from the plan's `version`.
    async fn set_capacity(
        &self,
        plan_year_id: i64,
        version: i64,
        capacity: &crate::domain::Capacity,
        actor: i64,
    ) -> StoreResult<PlanYear>;

    // Prioritisation across objects.

    /// The portfolio's order of the year's initiatives from every object,
    /// its revision, and what the IT side has for the year.
    async fn portfolio_order(&self, year: i32) -> StoreResult<crate::domain::PortfolioOrder>;
    /// Moves an initiative in the portfolio's order, as `move_initiative`
    /// does in a plan's (approved plans included: the portfolio's order is
    /// not the plan's).
    async fn move_in_portfolio(
        &self,
        year: i32,
        step: crate::domain::Move,
        reason: &str,
        actor: i64,
    ) -> StoreResult<Reordered>;
    /// Undoes the year's last portfolio move; `Conflict("nothing_to_undo")`
    /// as for a plan.
    async fn undo_portfolio_move(&self, year: i32, actor: i64) -> StoreResult<Reordered>;
    /// Sets the IT side's hours for the year (`None`: none), from `version`.
    async fn set_portfolio_capacity(
        &self,
        year: i32,
        version: i64,
        it_hours: Option<crate::domain::Hours>,
        actor: i64,
    ) -> StoreResult<()>;
    /// The IT components (and their suppliers) the year's initiatives touch.
    async fn resources_in_year(&self, year: i32) -> StoreResult<Vec<(i64, crate::domain::Resource)>>;
    /// The ids of the IT components an initiative touches.
    async fn initiative_components(&self, initiative_id: i64) -> StoreResult<Vec<i64>>;
    /// Replaces them, audited; `Invalid("unknown_component")` for an id
    /// that names no component.
    async fn set_initiative_components(&self, initiative_id: i64, components: &[i64], actor: i64) -> StoreResult<()>;

    /// The recorded outcomes of a plan year's initiatives, by initiative id.
    async fn outcomes(&self, plan_year_id: i64) -> StoreResult<Vec<(i64, crate::domain::Outcome)>>;
    /// A number that every committed change to what the dashboard shows
    /// raises (objects, plans, initiatives, outcomes, escalations,
    /// contracts): a dashboard built between two equal readings is current.
    async fn data_revision(&self) -> StoreResult<i64>;
    // The status page's "since you last looked" (migration 0014).

    /// When the person last marked the status page's changes as read;
    /// `None` before the first time.
    async fn status_seen_at(&self, person_id: i64) -> StoreResult<Option<DateTime<Utc>>>;
    /// Moves the person's baseline to `at`, never back: an earlier `at`
    /// leaves a later baseline as it is. Not audited (reading state).
    async fn mark_status_seen(&self, person_id: i64, at: DateTime<Utc>) -> StoreResult<()>;
    /// Audit records whose `entity` is one of `entities`, made after
    /// `since`, newest first, at most `limit`.
    async fn audit_since(&self, since: DateTime<Utc>, entities: &[&str], limit: usize)
        -> StoreResult<Vec<AuditRecord>>;
    /// The recorded outcomes of every plan of a year, by initiative id.
    async fn outcomes_in_year(&self, year: i32) -> StoreResult<Vec<(i64, crate::domain::Outcome)>>;
    /// Records (or corrects) what an initiative actually took; allowed on
    /// approved plans, as outcome comes after the plan.
    async fn record_outcome(&self, initiative_id: i64, outcome: &crate::domain::Outcome, actor: i64)
        -> StoreResult<()>;

    // Escalations when priorities collide between objects (001, 2.3.4).

    /// Escalations with their objects and initiatives, open ones only or
    /// all; by due date.
    async fn escalations(&self, open_only: bool) -> StoreResult<Vec<crate::domain::Escalation>>;
    async fn escalation(&self, id: i64) -> StoreResult<Option<crate::domain::Escalation>>;
    /// An escalation's history, oldest first.
    async fn escalation_events(&self, id: i64) -> StoreResult<Vec<crate::domain::EscalationEvent>>;
    /// Raises a question at step 1, with its history entry, audited.
    async fn raise_escalation(
        &self,
        input: &crate::domain::RaiseInput,
        actor: i64,
    ) -> StoreResult<crate::domain::Escalation>;
    /// Applies one change from `version`, with its history entry, audited:
    /// `Stale` when that is not the stored version, `Conflict(code)` when
    /// the change does not apply (`not_open`, `last_step`).
    async fn change_escalation(
        &self,
        id: i64,
        version: i64,
        change: &crate::domain::EscalationChange,
        actor: i64,
    ) -> StoreResult<crate::domain::Escalation>;

    // The steering group's meetings. Every change runs in one transaction
    // with its audit record; a closed meeting refuses every change with
    // `Conflict("closed")`. The snapshot is the meeting's dashboard as
    // JSON, kept as given.

    /// Every meeting with its attendees (no agenda), by date.
    async fn meetings(&self) -> StoreResult<Vec<crate::domain::Meeting>>;
    /// One meeting with its attendees and agenda.
    async fn meeting(&self, id: i64) -> StoreResult<Option<crate::domain::Meeting>>;
    /// The meeting's snapshot as stored.
    async fn meeting_snapshot(&self, id: i64) -> StoreResult<Option<String>>;
    /// Creates a meeting with its snapshot and first agenda;
    /// `Invalid("attendees")` for an id that names nobody.
    async fn create_meeting(
        &self,
        input: &crate::domain::MeetingInput,
        snapshot: &str,
        agenda: &[crate::domain::AgendaDraft],
        actor: i64,
    ) -> StoreResult<i64>;
    /// Replaces an open meeting's snapshot and adds the drafts whose
    /// source is not on its agenda yet (items already there stay, with
    /// their decisions); returns how many were added.
    async fn retake_meeting_snapshot(
        &self,
        id: i64,
        snapshot: &str,
        agenda: &[crate::domain::AgendaDraft],
        actor: i64,
    ) -> StoreResult<usize>;
    /// Adds an item at the end of its kind's group.
    async fn add_agenda_item(
        &self,
        meeting_id: i64,
        draft: &crate::domain::AgendaDraft,
        actor: i64,
    ) -> StoreResult<i64>;
    /// `NotFound` for an item not on the meeting's agenda.
    async fn remove_agenda_item(&self, meeting_id: i64, item_id: i64, actor: i64) -> StoreResult<()>;
    /// Records (or rewrites) an item's decision from `version`: `Stale`
    /// when someone recorded one in between.
    async fn record_decision(
        &self,
        meeting_id: i64,
        item_id: i64,
        version: i64,
        decision: &str,
        actor: i64,
    ) -> StoreResult<()>;
    async fn close_meeting(&self, id: i64, actor: i64) -> StoreResult<()>;

    // Calendar feeds: secret iCalendar URLs of contract deadlines. Only the
    // SHA-256 of a feed's secret is stored; creating and revoking a feed
    // are audited.

    /// Creates a feed of one object's contracts (`object_id`) or of all,
    /// its events written in `locale` (`sv`, `en`).
    async fn create_calendar_feed(
        &self,
        person_id: i64,
        object_id: Option<i64>,
        token_hash: &str,
        locale: &str,
    ) -> StoreResult<crate::domain::CalendarFeed>;
    /// A person's feeds, revoked ones too, newest first.
    async fn calendar_feeds_of(&self, person_id: i64) -> StoreResult<Vec<crate::domain::CalendarFeed>>;
    /// Revokes one of the person's own live feeds; false when they have no
    /// such live feed (someone else's id is "no such feed").
    async fn revoke_calendar_feed(&self, person_id: i64, feed_id: i64) -> StoreResult<bool>;
    /// The live (not revoked) feed with this hash, noting that it was used.
    async fn calendar_feed_by_token(&self, token_hash: &str) -> StoreResult<Option<crate::domain::CalendarFeed>>;

    // Contract reminders: the ledger that sends each reminder once, also
    // across restarts and with several instances on one database. A row
    // is recorded `pending`, claimed `sending` by one instance under a
    // lease, and marked `sent` or released to `pending` by that instance.

    /// Every contract's owner and deputy with their e-mail addresses.
    async fn contract_people(&self) -> StoreResult<Vec<crate::domain::ContractPeople>>;
    /// Ledger rows, of one contract and/or one person (None: all), the
    /// latest notice deadline first.
    async fn reminder_ledger(
        &self,
        contract_id: Option<i64>,
        person_id: Option<i64>,
    ) -> StoreResult<Vec<crate::domain::ReminderEntry>>;
    /// Records reminders as `pending`; those already recorded (in any
    /// state) stay as they are. Returns how many were new.
    async fn record_reminders(&self, due: &[crate::domain::ReminderKey], now: DateTime<Utc>) -> StoreResult<usize>;
    /// Claims, for `instance`, every reminder that is `pending` or whose
    /// lease has run out (`claimed_until` before `now`), and whose notice
    /// deadline is `today` or later: they become `sending` until
    /// `lease_until`. Of instances claiming at once each row goes to one.
    async fn claim_reminders(
        &self,
        instance: &str,
        today: chrono::NaiveDate,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
    ) -> StoreResult<Vec<crate::domain::ReminderKey>>;
    /// Marks reminders `instance` holds as sent; returns how many it still
    /// held (fewer: a lease ran out and another instance took them over).
    async fn mark_reminders_sent(
        &self,
        keys: &[crate::domain::ReminderKey],
        instance: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<usize>;
    /// Gives reminders `instance` holds back as `pending`: after a failed
    /// attempt (`error`: counted, and kept as the last error), or untried.
    async fn release_reminders(
        &self,
        keys: &[crate::domain::ReminderKey],
        instance: &str,
        error: Option<&str>,
    ) -> StoreResult<usize>;
    /// Deletes reminders `instance` holds that no longer stand (their
    /// contract's deadline moved, notice was given, the person is no
    /// longer owner or deputy): never sent, and never to be.
    async fn void_reminders(&self, keys: &[crate::domain::ReminderKey], instance: &str) -> StoreResult<usize>;
}

/// A session as stored: the client holds the random id, the store its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSession {
    pub person_id: i64,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// An OpenID Connect sign-in under way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OidcFlow {
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
    pub next_path: String,
    pub created_at: DateTime<Utc>,
}

/// A new person, as an administrator (or the command line) creates them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPerson {
    pub name: String,
    pub email: String,
    pub password_hash: Option<String>,
    pub roles: Vec<Grant>,
}

/// People, sign-in and access: every change writes its audit record in the
/// same transaction. `actor` is the person acting; `None` is the system
/// (the command line, demo data).
#[async_trait]
pub trait AccessStore: Send + Sync + 'static {
    async fn person(&self, id: i64) -> StoreResult<Option<Person>>;
    /// Case-insensitive.
    async fn person_by_email(&self, email: &str) -> StoreResult<Option<Person>>;
    async fn grants_of(&self, person_id: i64) -> StoreResult<Vec<Grant>>;
    /// Everyone, by name, with roles and sign-in methods.
    async fn people_accounts(&self) -> StoreResult<Vec<PersonAccount>>;
    /// Everyone, by name.
    async fn people(&self) -> StoreResult<Vec<Person>>;

    /// Creates a person with roles and, optionally, a password.
    /// `Conflict` when the e-mail is taken.
    async fn create_person(&self, person: &NewPerson, actor: Option<i64>) -> StoreResult<Person>;
    async fn password_hash(&self, person_id: i64) -> StoreResult<Option<String>>;
    /// Sets a new password and ends the person's sessions.
    async fn set_password(&self, person_id: i64, hash: &str, actor: Option<i64>) -> StoreResult<()>;
    /// Adds a role; false when the person already held it.
    async fn grant_role(
        &self,
        person_id: i64,
        role: Role,
        object_id: Option<i64>,
        actor: Option<i64>,
    ) -> StoreResult<bool>;
    /// Removes a role; false when the person did not hold it.
    async fn revoke_role(
        &self,
        person_id: i64,
        role: Role,
        object_id: Option<i64>,
        actor: Option<i64>,
    ) -> StoreResult<bool>;

    /// Stores a new session and audits the sign-in (`method`: password or sso).
    async fn create_session(&self, id_hash: &str, session: &StoredSession, method: &str) -> StoreResult<()>;
    async fn session(&self, id_hash: &str) -> StoreResult<Option<StoredSession>>;
    async fn touch_session(&self, id_hash: &str, at: DateTime<Utc>) -> StoreResult<()>;
    /// Ends a session; `signed_out` audits it as the person's own sign-out.
    async fn end_session(&self, id_hash: &str, signed_out: bool) -> StoreResult<()>;
    /// Deletes sessions that expired before `now`; returns how many.
    async fn purge_sessions(&self, now: DateTime<Utc>, idle_since: DateTime<Utc>) -> StoreResult<u64>;
    /// Audits a refused sign-in: the person's id when the e-mail was known.
    async fn record_failed_sign_in(&self, person_id: Option<i64>, reason: &str) -> StoreResult<()>;

    async fn create_api_token(&self, person_id: i64, name: &str, token_hash: &str) -> StoreResult<ApiToken>;
    async fn api_tokens_of(&self, person_id: i64) -> StoreResult<Vec<ApiToken>>;
    /// Revokes one of the person's own tokens; false when they have no such
    /// live token (someone else's id is "no such token").
    async fn revoke_api_token(&self, person_id: i64, token_id: i64) -> StoreResult<bool>;
    /// The live token with this hash: its id and its owner.
    async fn api_token_by_hash(&self, token_hash: &str) -> StoreResult<Option<(i64, i64)>>;
    /// Audits one use of a token and notes when it was last used.
    async fn record_token_use(&self, token_id: i64, person_id: i64, path: &str) -> StoreResult<()>;

    async fn public_status_pages(&self) -> StoreResult<bool>;
    async fn set_public_status_pages(&self, enabled: bool, actor: i64) -> StoreResult<()>;

    async fn person_by_identity(&self, issuer: &str, subject: &str) -> StoreResult<Option<Person>>;
    async fn link_identity(&self, issuer: &str, subject: &str, person_id: i64) -> StoreResult<()>;
    async fn save_oidc_flow(&self, flow: &OidcFlow) -> StoreResult<()>;
    /// Removes and returns the flow: each state is good for one callback.
    async fn take_oidc_flow(&self, state: &str) -> StoreResult<Option<OidcFlow>>;

    /// An object's id by its code, for role assignments.
    async fn object_id(&self, code: &str) -> StoreResult<Option<i64>>;
}
