//! The escalation order ("tågordning", 001, 2.3.4) when priorities collide
//! between objects: 1) the object leaders concerned try to replan; 2) the
//! question goes to their object owners, who reprioritise in their
//! objects; 3) the portfolio steering group (PSG) decides. An escalation
//! records the objects (and initiatives) in conflict, its step, who must
//! act and by when, and finally the decision with its rationale.
//!
//! Pure: the steps, who acts at each, the allowed transitions and the
//! forms' checks. The server asks these before it changes anything.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::form::{name, Checks, FieldProblem};
use super::keyed::keyed;
use super::{DomainError, Principal, Role, Via};

pub const ESCALATION_TITLE_MAX_CHARS: usize = 200;
pub const ESCALATION_TEXT_MAX_CHARS: usize = 4000;

/// Where in the escalation order a question is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EscalationStep {
    /// 1: the object leaders concerned try to replan.
    ObjectLeaders,
    /// 2: their object owners reprioritise in their objects.
    ObjectOwners,
    /// 3: the portfolio steering group decides.
    SteeringGroup,
}

impl EscalationStep {
    pub const ALL: [EscalationStep; 3] = [Self::ObjectLeaders, Self::ObjectOwners, Self::SteeringGroup];

    /// 1, 2 or 3, as the guideline numbers them (and the database stores).
    pub fn number(self) -> i32 {
        match self {
            Self::ObjectLeaders => 1,
            Self::ObjectOwners => 2,
            Self::SteeringGroup => 3,
        }
    }

    pub fn from_number(number: i32) -> Result<Self, DomainError> {
        Self::ALL.into_iter().find(|s| s.number() == number).ok_or(DomainError::UnknownValue(number.to_string()))
    }

    /// The step the question is raised to; none after the steering group.
    pub fn next(self) -> Option<Self> {
        match self {
            Self::ObjectLeaders => Some(Self::ObjectOwners),
            Self::ObjectOwners => Some(Self::SteeringGroup),
            Self::SteeringGroup => None,
        }
    }

    /// The roles on the involved objects whose holders act at this step;
    /// none at step 3, where the steering group acts as a whole.
    pub fn acting_roles(self) -> &'static [Role] {
        match self {
            Self::ObjectLeaders => &[Role::ObjectLeaderBusiness, Role::ObjectLeaderIt],
            Self::ObjectOwners => &[Role::ObjectOwnerBusiness, Role::ObjectOwnerIt],
            Self::SteeringGroup => &[],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EscalationState {
    Open,
    Decided,
    Withdrawn,
}

keyed!(EscalationState { Open => "open", Decided => "decided", Withdrawn => "withdrawn" });

/// What happened to an escalation, as its history lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EscalationEventKind {
    Raised,
    Escalated,
    Decided,
    Withdrawn,
}

keyed!(EscalationEventKind { Raised => "raised", Escalated => "escalated", Decided => "decided", Withdrawn => "withdrawn" });

/// An object an escalation involves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EscalationObject {
    pub id: i64,
    pub code: String,
    pub name: String,
}

/// An initiative in conflict, with its object's code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EscalationInitiative {
    pub id: i64,
    pub name: String,
    pub object_code: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Escalation {
    pub id: i64,
    /// The plan year the conflict concerns.
    pub year: i32,
    pub title: String,
    pub description: String,
    pub step: EscalationStep,
    pub state: EscalationState,
    /// When those who must act at this step are to have acted.
    pub due_on: NaiveDate,
    pub raised_by: Option<i64>,
    pub raised_by_name: Option<String>,
    pub raised_at: DateTime<Utc>,
    pub decision: String,
    pub rationale: String,
    pub decided_by_name: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub version: i64,
    /// By code.
    pub objects: Vec<EscalationObject>,
    pub initiatives: Vec<EscalationInitiative>,
}

impl Escalation {
    pub fn object_ids(&self) -> Vec<i64> {
        self.objects.iter().map(|o| o.id).collect()
    }

    /// Open and past its due date.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.state == EscalationState::Open && self.due_on < today
    }
}

/// One entry in an escalation's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EscalationEvent {
    pub id: i64,
    pub kind: EscalationEventKind,
    /// The step after the event.
    pub step: EscalationStep,
    pub note: String,
    /// The due date set by the event (raising and escalating set one).
    pub due_on: Option<NaiveDate>,
    pub actor_name: Option<String>,
    pub at: DateTime<Utc>,
}

/// A change to an open escalation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum EscalationChange {
    /// To the next step, with why the step before did not settle it and
    /// when the next is to act.
    Escalate {
        note: String,
        due_on: NaiveDate,
    },
    Decide {
        decision: String,
        rationale: String,
    },
    Withdraw {
        note: String,
    },
}

/// Why a change does not apply to an escalation as it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TransitionError {
    /// Decided or withdrawn: nothing changes after that.
    NotOpen,
    /// Already with the steering group: there is no next step.
    LastStep,
}

impl TransitionError {
    /// A stable code for the API and the interface.
    pub fn code(self) -> &'static str {
        match self {
            Self::NotOpen => "not_open",
            Self::LastStep => "last_step",
        }
    }
}

/// The state and step after `change`, or why it does not apply. Open
/// escalations go one step up at a time (1→2→3), or are decided or
/// withdrawn at any step; closed ones stay as they are.
pub fn transition(
    state: EscalationState,
    step: EscalationStep,
    change: &EscalationChange,
) -> Result<(EscalationState, EscalationStep), TransitionError> {
    if state != EscalationState::Open {
        return Err(TransitionError::NotOpen);
    }
    match change {
        EscalationChange::Escalate { .. } => {
            step.next().map(|next| (EscalationState::Open, next)).ok_or(TransitionError::LastStep)
        }
        EscalationChange::Decide { .. } => Ok((EscalationState::Decided, step)),
        EscalationChange::Withdraw { .. } => Ok((EscalationState::Withdrawn, step)),
    }
}

fn writes(principal: &Principal) -> bool {
    principal.via == Via::Session && principal.person_id.is_some()
}

fn decides_portfolio(principal: &Principal) -> bool {
    principal.has_role(Role::Administrator) || principal.has_role(Role::PsgMember)
}

fn holds_any(principal: &Principal, objects: &[i64], roles: &[Role]) -> bool {
    principal.grants.iter().any(|g| g.object_id.is_some_and(|o| objects.contains(&o)) && roles.contains(&g.role))
}

/// Anyone who manages one of the objects (its owners and leaders), the
/// steering group and administrators raise a question.
pub fn may_raise(principal: &Principal, objects: &[i64]) -> bool {
    const MANAGERS: &[Role] =
        &[Role::ObjectOwnerBusiness, Role::ObjectOwnerIt, Role::ObjectLeaderBusiness, Role::ObjectLeaderIt];
    writes(principal) && (decides_portfolio(principal) || holds_any(principal, objects, MANAGERS))
}

/// Who may escalate or decide at `step`: the holders of its acting role
/// on any involved object (leaders at 1, owners at 2); at 3 the steering
/// group only. The steering group and administrators always may.
pub fn may_act(principal: &Principal, objects: &[i64], step: EscalationStep) -> bool {
    writes(principal) && (decides_portfolio(principal) || holds_any(principal, objects, step.acting_roles()))
}

/// The one who raised it, the steering group and administrators.
pub fn may_withdraw(principal: &Principal, raised_by: Option<i64>) -> bool {
    writes(principal) && (decides_portfolio(principal) || (raised_by.is_some() && principal.person_id == raised_by))
}

/// A new escalation as typed: the plan year, what it is about, the
/// objects' codes, the initiatives' ids and the first due date.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RaiseForm {
    pub year: String,
    pub title: String,
    pub description: String,
    pub due_on: String,
}

/// A new escalation, checked; the objects and initiatives are checked
/// against the store by the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RaiseInput {
    pub year: i32,
    pub title: String,
    pub description: String,
    pub due_on: NaiveDate,
    pub object_ids: Vec<i64>,
    pub initiative_ids: Vec<i64>,
}

fn text(value: &str, max: usize) -> Result<String, DomainError> {
    let trimmed = value.trim();
    if trimmed.chars().count() > max {
        return Err(DomainError::TooLong(max));
    }
    Ok(trimmed.to_owned())
}

fn year(value: &str) -> Result<i32, DomainError> {
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

/// A due date: required, ISO (`2021-03-01`), and not before `today`.
pub fn due_date(value: &str, today: NaiveDate) -> Result<NaiveDate, DomainError> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(DomainError::Required);
    }
    let date = NaiveDate::parse_from_str(trimmed, "%Y-%m-%d").map_err(|_| DomainError::UnknownValue(trimmed.into()))?;
    if date < today {
        return Err(DomainError::InPast);
    }
    Ok(date)
}

impl RaiseForm {
    pub fn fields(&self) -> Vec<(String, String)> {
        vec![
            ("year".into(), self.year.clone()),
            ("title".into(), self.title.clone()),
            ("description".into(), self.description.clone()),
            ("due_on".into(), self.due_on.clone()),
        ]
    }

    /// Every field's problem at once; `objects` is refused when none is
    /// chosen.
    pub fn check(
        &self,
        today: NaiveDate,
        object_ids: &[i64],
        initiative_ids: &[i64],
    ) -> Result<RaiseInput, Vec<FieldProblem>> {
        let mut c = Checks::default();
        let year = c.take("year", year(&self.year));
        let title = c.take("title", name(&self.title, ESCALATION_TITLE_MAX_CHARS));
        let description = c.take("description", text(&self.description, ESCALATION_TEXT_MAX_CHARS));
        let mut objects = object_ids.to_vec();
        objects.sort_unstable();
        objects.dedup();
        let objects = c.take("objects", if objects.is_empty() { Err(DomainError::Required) } else { Ok(objects) });
        let due_on = c.take("due_on", due_date(&self.due_on, today));
        let mut initiatives = initiative_ids.to_vec();
        initiatives.sort_unstable();
        initiatives.dedup();
        let input = (|| {
            Some(RaiseInput {
                year: year?,
                title: title?,
                description: description?,
                due_on: due_on?,
                object_ids: objects?,
                initiative_ids: initiatives,
            })
        })();
        c.finish(input)
    }
}

/// Raising to the next step, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EscalateForm {
    pub note: String,
    pub due_on: String,
}

impl EscalateForm {
    pub fn check(&self, today: NaiveDate) -> Result<EscalationChange, Vec<FieldProblem>> {
        let mut c = Checks::default();
        let note = c.take("note", name(&self.note, ESCALATION_TEXT_MAX_CHARS));
        let due_on = c.take("due_on", due_date(&self.due_on, today));
        let change = (|| Some(EscalationChange::Escalate { note: note?, due_on: due_on? }))();
        c.finish(change)
    }
}

/// A decision, as typed: both the decision and why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecideForm {
    pub decision: String,
    pub rationale: String,
}

impl DecideForm {
    pub fn check(&self) -> Result<EscalationChange, Vec<FieldProblem>> {
        let mut c = Checks::default();
        let decision = c.take("decision", name(&self.decision, ESCALATION_TEXT_MAX_CHARS));
        let rationale = c.take("rationale", name(&self.rationale, ESCALATION_TEXT_MAX_CHARS));
        let change = (|| Some(EscalationChange::Decide { decision: decision?, rationale: rationale? }))();
        c.finish(change)
    }
}

/// Withdrawing, with an optional note.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WithdrawForm {
    pub note: String,
}

impl WithdrawForm {
    pub fn check(&self) -> Result<EscalationChange, Vec<FieldProblem>> {
        let mut c = Checks::default();
        let note = c.take("note", text(&self.note, ESCALATION_TEXT_MAX_CHARS));
        let change = note.map(|note| EscalationChange::Withdraw { note });
        c.finish(change)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Grant;

    const AKN: i64 = 1;
    const EHR: i64 = 2;
    const VSOA: i64 = 3;

    fn person(id: i64, grants: &[(Role, Option<i64>)]) -> Principal {
        Principal {
            person_id: Some(id),
            name: "Test".into(),
            grants: grants.iter().map(|&(role, object_id)| Grant { role, object_id }).collect(),
            via: Via::Session,
        }
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    fn escalate() -> EscalationChange {
        EscalationChange::Escalate { note: "n".into(), due_on: day("2021-03-01") }
    }

    fn decide() -> EscalationChange {
        EscalationChange::Decide { decision: "d".into(), rationale: "r".into() }
    }

    fn withdraw() -> EscalationChange {
        EscalationChange::Withdraw { note: String::new() }
    }

    #[test]
    fn an_open_escalation_goes_up_one_step_at_a_time_and_stops_at_the_steering_group() {
        use EscalationState::*;
        use EscalationStep::*;
        assert_eq!(transition(Open, ObjectLeaders, &escalate()), Ok((Open, ObjectOwners)));
        assert_eq!(transition(Open, ObjectOwners, &escalate()), Ok((Open, SteeringGroup)));
        assert_eq!(transition(Open, SteeringGroup, &escalate()), Err(TransitionError::LastStep));
    }

    #[test]
    fn an_open_escalation_is_decided_or_withdrawn_at_any_step_and_nothing_follows() {
        use EscalationState::*;
        for step in EscalationStep::ALL {
            assert_eq!(transition(Open, step, &decide()), Ok((Decided, step)));
            assert_eq!(transition(Open, step, &withdraw()), Ok((Withdrawn, step)));
            for closed in [Decided, Withdrawn] {
                for change in [escalate(), decide(), withdraw()] {
                    assert_eq!(
                        transition(closed, step, &change),
                        Err(TransitionError::NotOpen),
                        "{closed:?} {change:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn steps_are_numbered_as_the_guideline_numbers_them() {
        for step in EscalationStep::ALL {
            assert_eq!(EscalationStep::from_number(step.number()), Ok(step));
        }
        assert!(EscalationStep::from_number(0).is_err() && EscalationStep::from_number(4).is_err());
        for state in EscalationState::ALL {
            assert_eq!(EscalationState::from_key(state.key()), Ok(*state));
        }
        for kind in EscalationEventKind::ALL {
            assert_eq!(EscalationEventKind::from_key(kind.key()), Ok(*kind));
        }
    }

    #[test]
    fn leaders_act_at_step_one_owners_at_two_and_the_steering_group_at_three() {
        let objects = [AKN, EHR];
        let leader = person(1, &[(Role::ObjectLeaderIt, Some(AKN))]);
        let owner = person(2, &[(Role::ObjectOwnerBusiness, Some(EHR))]);
        let other_leader = person(3, &[(Role::ObjectLeaderIt, Some(VSOA))]);
        let specialist = person(4, &[(Role::SpecialistIt, Some(AKN))]);
        let psg = person(5, &[(Role::PsgMember, None)]);
        let admin = person(6, &[(Role::Administrator, None)]);
        let reader = person(7, &[(Role::Reader, None)]);
        use EscalationStep::*;
        assert!(may_act(&leader, &objects, ObjectLeaders));
        assert!(!may_act(&leader, &objects, ObjectOwners));
        assert!(!may_act(&leader, &objects, SteeringGroup), "a leader does not decide at step 3");
        assert!(!may_act(&owner, &objects, ObjectLeaders));
        assert!(may_act(&owner, &objects, ObjectOwners));
        assert!(!may_act(&owner, &objects, SteeringGroup));
        for step in EscalationStep::ALL {
            assert!(may_act(&psg, &objects, step) && may_act(&admin, &objects, step));
            for nobody in [&other_leader, &specialist, &reader] {
                assert!(!may_act(nobody, &objects, step), "{:?} at {step:?}", nobody.grants);
            }
        }
    }

    #[test]
    fn those_who_manage_an_involved_object_raise_and_the_raiser_withdraws() {
        let leader = person(1, &[(Role::ObjectLeaderIt, Some(AKN))]);
        let owner = person(2, &[(Role::ObjectOwnerIt, Some(AKN))]);
        let other_leader = person(3, &[(Role::ObjectLeaderIt, Some(VSOA))]);
        let specialist = person(4, &[(Role::SpecialistIt, Some(AKN))]);
        let psg = person(5, &[(Role::PsgMember, None)]);
        let reader = person(7, &[(Role::Reader, None)]);
        assert!(may_raise(&leader, &[AKN, EHR]) && may_raise(&owner, &[EHR, AKN]) && may_raise(&psg, &[EHR]));
        assert!(
            !may_raise(&other_leader, &[AKN, EHR]) && !may_raise(&specialist, &[AKN]) && !may_raise(&reader, &[AKN])
        );
        assert!(!may_raise(&leader, &[]), "no objects, nothing to manage");
        assert!(may_withdraw(&leader, Some(1)) && may_withdraw(&psg, Some(1)));
        assert!(!may_withdraw(&owner, Some(1)), "only the one who raised it");
        assert!(!may_withdraw(&owner, None));
        let mut token = psg.clone();
        token.via = Via::ApiToken;
        assert!(!may_raise(&token, &[AKN]) && !may_act(&token, &[AKN], EscalationStep::SteeringGroup));
        assert!(!may_withdraw(&Principal::public(), None));
    }

    fn codes(problems: Vec<FieldProblem>) -> Vec<(&'static str, &'static str)> {
        problems.iter().map(|p| (p.field, p.error.code())).collect()
    }

    #[test]
    fn raising_needs_a_title_an_object_and_a_due_date_not_in_the_past() {
        let today = day("2021-02-10");
        let good = RaiseForm {
            year: " 2021 ".into(),
            title: " IT-timmar räcker inte ".into(),
            description: "AKN och EHR behöver samma utvecklare i mars.".into(),
            due_on: "2021-02-10".into(),
        };
        let input = good.check(today, &[2, 1, 2], &[9, 9]).expect("valid");
        assert_eq!(input.year, 2021);
        assert_eq!(input.title, "IT-timmar räcker inte");
        assert_eq!(input.object_ids, [1, 2]);
        assert_eq!(input.initiative_ids, [9]);
        assert_eq!(input.due_on, today, "today is not in the past");

        let empty = RaiseForm::default();
        assert_eq!(
            codes(empty.check(today, &[], &[]).expect_err("refused")),
            [("year", "required"), ("title", "required"), ("objects", "required"), ("due_on", "required")]
        );
        let bad = RaiseForm {
            year: "tjugo".into(),
            title: "x".repeat(201),
            description: "y".repeat(4001),
            due_on: "2021-02-09".into(),
        };
        assert_eq!(
            codes(bad.check(today, &[1], &[]).expect_err("refused")),
            [("year", "not_a_number"), ("title", "too_long"), ("description", "too_long"), ("due_on", "in_past")]
        );
        let not_a_date = RaiseForm { due_on: "31/12".into(), ..good.clone() };
        assert_eq!(codes(not_a_date.check(today, &[1], &[]).expect_err("refused")), [("due_on", "unknown")]);
        let long_enough = RaiseForm { title: "x".repeat(200), description: "y".repeat(4000), ..good };
        assert!(long_enough.check(today, &[1], &[]).is_ok(), "200 and 4000 characters are fine");
    }

    #[test]
    fn deciding_needs_both_a_decision_and_its_rationale_and_escalating_a_note_and_a_date() {
        assert_eq!(
            codes(DecideForm { decision: " ".into(), rationale: String::new() }.check().expect_err("refused")),
            [("decision", "required"), ("rationale", "required")]
        );
        assert_eq!(
            DecideForm { decision: " AKN först ".into(), rationale: "Lagkrav".into() }.check(),
            Ok(EscalationChange::Decide { decision: "AKN först".into(), rationale: "Lagkrav".into() })
        );
        let today = day("2021-02-10");
        assert_eq!(
            codes(EscalateForm { note: String::new(), due_on: "2021-01-01".into() }.check(today).expect_err("refused")),
            [("note", "required"), ("due_on", "in_past")]
        );
        assert_eq!(
            EscalateForm { note: "Ingen lösning".into(), due_on: "2021-03-01".into() }.check(today),
            Ok(EscalationChange::Escalate { note: "Ingen lösning".into(), due_on: day("2021-03-01") })
        );
        assert_eq!(WithdrawForm::default().check(), Ok(EscalationChange::Withdraw { note: String::new() }));
        assert_eq!(
            codes(WithdrawForm { note: "z".repeat(4001) }.check().expect_err("refused")),
            [("note", "too_long")]
        );
    }

    #[test]
    fn an_open_escalation_past_its_due_date_is_overdue() {
        let mut e = Escalation {
            id: 1,
            year: 2021,
            title: "t".into(),
            description: String::new(),
            step: EscalationStep::ObjectLeaders,
            state: EscalationState::Open,
            due_on: day("2021-02-10"),
            raised_by: None,
            raised_by_name: None,
            raised_at: DateTime::UNIX_EPOCH,
            decision: String::new(),
            rationale: String::new(),
            decided_by_name: None,
            decided_at: None,
            version: 1,
            objects: Vec::new(),
            initiatives: Vec::new(),
        };
        assert!(!e.is_overdue(day("2021-02-10")));
        assert!(e.is_overdue(day("2021-02-11")));
        e.state = EscalationState::Decided;
        assert!(!e.is_overdue(day("2021-02-11")), "a decided one is never overdue");
    }
}
