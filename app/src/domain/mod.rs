//! The pm3 model as plain Rust: objects and their contents, plan years and
//! initiatives, contracts, and the pure roll-ups (budget matrix, FTE) over
//! exact decimals. No framework, no I/O: `cargo test -p app` runs it as is.

mod access;
mod audit;
mod budget;
mod catalog;
/// The day it is in Sweden, for deadlines.
pub mod clock;
mod contract;
mod error;
mod escalation;
mod feed;
mod form;
/// iCalendar (RFC 5545) text for the calendar feeds.
pub mod ical;
mod keyed;
mod meeting;
mod number;
mod object;
mod outcome;
mod person;
mod plan;
mod priority;
mod reminder;
/// The plan year as a spreadsheet (neutral workbook model, CSV) and back, with located errors.
pub mod workbook;

pub use access::{
    password_problem, Grant, PasswordProblem, Permission, Principal, Via, PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS,
};
pub use audit::{may_read_change, AuditAction, AuditFilter, AuditRecord, PORTFOLIO_ENTITIES};
pub use budget::{fte, BudgetCell, BudgetColumn, BudgetLine, BudgetMatrix};
pub use catalog::{
    BusinessComponent, CatalogChange, ComponentForm, ComponentInput, ItComponent, ObjectProduct, ProductForm,
    ProductInput, Supplier, SupplierChange, SupplierEntry, SupplierForm,
};
pub use contract::{
    add_months, parse_reminder_months, quarter_of, reminder_due, sub_months, Contract, ContractEvent,
    ContractEventKind, ContractForm, ContractInput, ContractStatus, Deadlines, ExtensionOptions, Term, TermChangeError,
    DEFAULT_REMINDER_MONTHS, MONTHS_MAX, REFERENCE_MAX_CHARS, SOON_MONTHS,
};
pub use error::DomainError;
pub use escalation::{
    due_date, may_act, may_raise, may_withdraw, transition, DecideForm, EscalateForm, Escalation, EscalationChange,
    EscalationEvent, EscalationEventKind, EscalationInitiative, EscalationObject, EscalationState, EscalationStep,
    RaiseForm, RaiseInput, TransitionError, WithdrawForm, ESCALATION_TEXT_MAX_CHARS, ESCALATION_TITLE_MAX_CHARS,
};
pub use feed::{
    feed_dates, CalendarFeed, DeadlineKind, FeedDate, FeedObject, FEED_MONTHS_AHEAD, FEED_MONTHS_BACK,
    NOTICE_ALARM_DAYS,
};
pub use form::{
    FieldProblem, InitiativeForm, InitiativeInput, ObjectForm, ObjectInput, OutcomeForm, SettingsForm, StatusForm,
    StatusInput, COMMENT_MAX_CHARS, NAME_MAX_CHARS,
};
pub use meeting::{
    may_run_meetings, meeting_date, new_drafts, AgendaDraft, AgendaItem, AgendaItemForm, AgendaKind, Attendee,
    DecisionForm, Meeting, MeetingForm, MeetingInput, MeetingState, MEETING_ATTENDEES_MAX, MEETING_TEXT_MAX_CHARS,
    MEETING_TITLE_MAX_CHARS,
};
pub use number::{two_decimals, Hours, Money};
pub use object::{Object, ObjectCategory, ObjectCode};
pub use outcome::Outcome;
pub use person::{ApiToken, Person, PersonAccount, Role, RoleAssignment};
pub use plan::{
    AssignmentType, Initiative, InitiativeStatus, MainActivity, PlanSettings, PlanStatus, PlanYear, Scores, Side,
    SideEffort, StatusReport,
};
pub use priority::{
    apply_move, capacity_line, capacity_line_of, collisions, cost_of, score, step_move, suggested_order, undo_of,
    within_view, Capacity, CapacityForm, CapacityLine, Claim, Collision, Demand, Limit, Move, MoveError,
    PortfolioOrder, Reordered, Resource, ScoreBreakdown, Step, PORTFOLIO_TOP,
};
pub use reminder::{
    due_reminder, reminders_to_record, still_stands, ContractPeople, ContractRole, DueReminder, Recipient,
    ReminderEntry, ReminderKey, ReminderSettings, ReminderState,
};
pub use workbook::neutralise_cell;
