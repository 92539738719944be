//! The portfolio steering group's meetings (001, 2.3.1: four a year): a
//! meeting has a date, a title, the plan year it follows up and its
//! attendees; its agenda items come from the portfolio's state (open
//! escalations, objects over capacity, contracts needing action) or are
//! added by the secretary; each item gets the decision the group took.
//! A closed meeting is the protocol: nothing changes after that.
//!
//! Pure: the meeting's values, who may run one, and the forms' checks.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::form::{name, Checks, FieldProblem};
use super::keyed::keyed;
use super::{DomainError, Principal, Role, Via};

pub const MEETING_TITLE_MAX_CHARS: usize = 200;
/// A decision or an item's description.
pub const MEETING_TEXT_MAX_CHARS: usize = 4000;
/// At most this many attendees on one meeting.
pub const MEETING_ATTENDEES_MAX: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingState {
    Open,
    Closed,
}

keyed!(MeetingState { Open => "open", Closed => "closed" });

/// Where an agenda item comes from; the agenda is grouped by it, in this
/// order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgendaKind {
    /// An open escalation (`source`: its id).
    Escalation,
    /// An object whose plan's demand exceeds a capacity limit (`source`: its code).
    OverCapacity,
    /// A contract needing action (`source`: its id).
    Contract,
    /// Anything else the secretary puts on the agenda (`source` empty).
    Other,
}

keyed!(AgendaKind { Escalation => "escalation", OverCapacity => "over_capacity", Contract => "contract", Other => "other" });

impl AgendaKind {
    /// The page an item of this kind links to, from its source.
    pub fn href(self, source: &str, year: i32) -> Option<String> {
        if source.is_empty() {
            return None;
        }
        match self {
            AgendaKind::Escalation => Some(format!("/escalations/{source}")),
            AgendaKind::OverCapacity => Some(format!("/objects/{source}/plans/{year}/priorities")),
            AgendaKind::Contract => Some(format!("/contracts/{source}")),
            AgendaKind::Other => None,
        }
    }
}

/// An item to put on an agenda: from the portfolio's state or typed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaDraft {
    pub kind: AgendaKind,
    /// What it is about: an escalation's or contract's id, an object's
    /// code; empty for other items. An agenda holds each source once.
    pub source: String,
    pub title: String,
    /// Language-neutral facts (codes, dates) or the secretary's text.
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub id: i64,
    pub kind: AgendaKind,
    pub source: String,
    pub title: String,
    pub detail: String,
    pub position: i32,
    /// Empty until the group decides.
    pub decision: String,
    pub decided_by_name: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendee {
    pub person_id: i64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: i64,
    pub held_on: NaiveDate,
    pub title: String,
    /// The plan year whose dashboard is snapshotted.
    pub year: i32,
    pub state: MeetingState,
    pub snapshot_taken_at: DateTime<Utc>,
    pub created_by_name: Option<String>,
    pub closed_by_name: Option<String>,
    pub closed_at: Option<DateTime<Utc>>,
    /// By name.
    pub attendees: Vec<Attendee>,
    /// In agenda order (kind, then position); empty in lists.
    pub items: Vec<AgendaItem>,
}

impl Meeting {
    pub fn is_open(&self) -> bool {
        self.state == MeetingState::Open
    }

    pub fn item(&self, id: i64) -> Option<&AgendaItem> {
        self.items.iter().find(|i| i.id == id)
    }
}

/// Creating meetings, editing agendas, recording decisions and closing:
/// the steering group and administrators, signed in (never a token).
pub fn may_run_meetings(principal: &Principal) -> bool {
    principal.via == Via::Session
        && principal.person_id.is_some()
        && (principal.has_role(Role::Administrator) || principal.has_role(Role::PsgMember))
}

/// A new meeting as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingForm {
    pub held_on: String,
    pub title: String,
    pub year: String,
}

/// A new meeting, checked; the attendees are checked against the people
/// by the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingInput {
    pub held_on: NaiveDate,
    pub title: String,
    pub year: i32,
    /// Sorted, each once.
    pub attendee_ids: Vec<i64>,
}

/// A calendar day as the date input sends it (`2027-03-31`).
pub fn meeting_date(value: &str) -> Result<NaiveDate, DomainError> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(DomainError::Required);
    }
    let date = NaiveDate::parse_from_str(trimmed, "%Y-%m-%d").map_err(|_| DomainError::UnknownValue(trimmed.into()))?;
    // Far outside any plan: a typing slip.
    if !(2000..=2100).contains(&chrono::Datelike::year(&date)) {
        return Err(DomainError::UnknownValue(trimmed.into()));
    }
    Ok(date)
}

fn plan_year(value: &str) -> Result<i32, DomainError> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(DomainError::Required);
    }
    match trimmed.parse::<i32>() {
        Ok(year) if (2000..=2100).contains(&year) => Ok(year),
        Ok(_) => Err(DomainError::UnknownValue(trimmed.to_owned())),
        Err(_) => Err(DomainError::NotANumber),
    }
}

impl MeetingForm {
    /// Every field's problem at once. `attendees` is refused when there
    /// are too many; none is allowed (filled in later on paper).
    pub fn check(&self, attendee_ids: &[i64]) -> Result<MeetingInput, Vec<FieldProblem>> {
        let mut c = Checks::default();
        let held_on = c.take("held_on", meeting_date(&self.held_on));
        let title = c.take("title", name(&self.title, MEETING_TITLE_MAX_CHARS));
        let year = c.take("year", plan_year(&self.year));
        let mut attendees = attendee_ids.to_vec();
        attendees.sort_unstable();
        attendees.dedup();
        let attendees = c.take(
            "attendees",
            if attendees.len() > MEETING_ATTENDEES_MAX { Err(DomainError::TooLarge) } else { Ok(attendees) },
        );
        let input =
            (|| Some(MeetingInput { held_on: held_on?, title: title?, year: year?, attendee_ids: attendees? }))();
        c.finish(input)
    }
}

/// An item the secretary adds, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItemForm {
    pub title: String,
    pub detail: String,
}

impl AgendaItemForm {
    pub fn check(&self) -> Result<AgendaDraft, Vec<FieldProblem>> {
        let mut c = Checks::default();
        let title = c.take("title", name(&self.title, MEETING_TITLE_MAX_CHARS));
        let detail = c.take("detail", text(&self.detail, MEETING_TEXT_MAX_CHARS));
        let draft =
            (|| Some(AgendaDraft { kind: AgendaKind::Other, source: String::new(), title: title?, detail: detail? }))();
        c.finish(draft)
    }
}

/// A decision as typed: required (an item without one stays undecided).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionForm {
    pub decision: String,
}

impl DecisionForm {
    pub fn check(&self) -> Result<String, Vec<FieldProblem>> {
        let mut c = Checks::default();
        let decision = c.take("decision", name(&self.decision, MEETING_TEXT_MAX_CHARS));
        c.finish(decision)
    }
}

fn text(value: &str, max: usize) -> Result<String, DomainError> {
    let trimmed = value.trim();
    if trimmed.chars().count() > max {
        return Err(DomainError::TooLong(max));
    }
    Ok(trimmed.to_owned())
}

/// The drafts not yet on an agenda that holds `existing` (kind, source)
/// pairs: a snapshot taken again adds what is new and keeps the rest.
pub fn new_drafts<'a>(
    drafts: &'a [AgendaDraft],
    existing: &[(AgendaKind, String)],
) -> impl Iterator<Item = &'a AgendaDraft> {
    let existing: Vec<(AgendaKind, String)> = existing.to_vec();
    drafts.iter().filter(move |d| d.kind == AgendaKind::Other || !existing.contains(&(d.kind, d.source.clone())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Grant;

    fn person(role: Role, via: Via) -> Principal {
        Principal { person_id: Some(1), name: "P".into(), grants: vec![Grant { role, object_id: None }], via }
    }

    #[test]
    fn only_the_steering_group_and_administrators_run_meetings_and_only_signed_in() {
        assert!(may_run_meetings(&person(Role::PsgMember, Via::Session)));
        assert!(may_run_meetings(&person(Role::Administrator, Via::Session)));
        assert!(!may_run_meetings(&person(Role::PsgMember, Via::ApiToken)));
        assert!(!may_run_meetings(&person(Role::Reader, Via::Session)));
        assert!(!may_run_meetings(&person(Role::ObjectOwnerIt, Via::Session)));
        assert!(!may_run_meetings(&Principal::public()));
    }

    #[test]
    fn a_meeting_form_refuses_every_bad_field_at_once() {
        let form = MeetingForm { held_on: "2027-02-30".into(), title: "  ".into(), year: "tjugo".into() };
        let problems = form.check(&[]).unwrap_err();
        let fields: Vec<(&str, &str)> = problems.iter().map(|p| (p.field, p.error.code())).collect();
        assert_eq!(fields, [("held_on", "unknown"), ("title", "required"), ("year", "not_a_number")]);
        let empty = MeetingForm::default().check(&[]).unwrap_err();
        assert!(empty.iter().any(|p| p.field == "held_on" && p.error == DomainError::Required));
        let many: Vec<i64> = (0..=MEETING_ATTENDEES_MAX as i64).collect();
        let good = MeetingForm { held_on: "2027-03-31".into(), title: "PSG".into(), year: "2027".into() };
        assert!(good.check(&many).unwrap_err().iter().any(|p| p.field == "attendees"));
    }

    #[test]
    fn a_good_meeting_form_is_trimmed_and_its_attendees_sorted_once_each() {
        let form = MeetingForm { held_on: " 2027-03-31 ".into(), title: " PSG mars ".into(), year: "2027".into() };
        let input = form.check(&[5, 2, 5]).unwrap();
        assert_eq!(input.held_on, NaiveDate::from_ymd_opt(2027, 3, 31).unwrap());
        assert_eq!((input.title.as_str(), input.year), ("PSG mars", 2027));
        assert_eq!(input.attendee_ids, [2, 5]);
    }

    #[test]
    fn a_decision_is_required_and_an_other_item_needs_a_title() {
        assert_eq!(DecisionForm { decision: " ".into() }.check().unwrap_err()[0].field, "decision");
        assert_eq!(DecisionForm { decision: " Beslut ".into() }.check().unwrap(), "Beslut");
        let item = AgendaItemForm { title: "Övrigt".into(), detail: String::new() }.check().unwrap();
        assert_eq!((item.kind, item.source.as_str()), (AgendaKind::Other, ""));
        assert_eq!(AgendaItemForm::default().check().unwrap_err()[0].field, "title");
    }

    #[test]
    fn a_new_snapshot_adds_only_sources_not_on_the_agenda() {
        let draft = |kind, source: &str| AgendaDraft {
            kind,
            source: source.into(),
            title: source.into(),
            detail: String::new(),
        };
        let drafts =
            [draft(AgendaKind::Escalation, "1"), draft(AgendaKind::Escalation, "2"), draft(AgendaKind::Contract, "1")];
        let existing = [(AgendaKind::Escalation, "1".to_owned())];
        let new: Vec<_> = new_drafts(&drafts, &existing).map(|d| (d.kind, d.source.as_str())).collect();
        assert_eq!(new, [(AgendaKind::Escalation, "2"), (AgendaKind::Contract, "1")]);
    }

    #[test]
    fn items_link_to_their_source() {
        assert_eq!(AgendaKind::Escalation.href("7", 2021).as_deref(), Some("/escalations/7"));
        assert_eq!(AgendaKind::OverCapacity.href("AKN", 2021).as_deref(), Some("/objects/AKN/plans/2021/priorities"));
        assert_eq!(AgendaKind::Contract.href("3", 2021).as_deref(), Some("/contracts/3"));
        assert_eq!(AgendaKind::Other.href("", 2021), None);
    }
}
