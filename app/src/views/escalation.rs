//! The escalation register's pages: the list (open ones first, those
//! with the steering group on top), one escalation with who must act and
//! its history, and the form that raises one.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::{
    Escalation, EscalationEvent, EscalationInitiative, EscalationState, EscalationStep, Role, RoleAssignment,
};

/// A person who must act at an escalation's step, and on which object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub name: String,
    pub role: Role,
    pub object_code: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EscalationRow {
    pub id: i64,
    pub title: String,
    pub year: i32,
    pub step: EscalationStep,
    pub state: EscalationState,
    /// Object codes.
    pub objects: Vec<String>,
    /// Who must act (names), while open; empty at step 3 (the PSG).
    pub actors: Vec<String>,
    pub due_on: NaiveDate,
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EscalationList {
    pub rows: Vec<EscalationRow>,
    /// Closed ones too.
    pub show_all: bool,
    /// The caller manages some object or sits in the steering group.
    pub can_raise: bool,
    pub today: NaiveDate,
    /// Only those concerning this object (by code), when asked.
    #[serde(default)]
    pub object: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EscalationPage {
    pub escalation: Escalation,
    /// Who must act at the current step (empty at step 3 and when closed).
    pub actors: Vec<Actor>,
    pub history: Vec<EscalationEvent>,
    pub can_escalate: bool,
    pub can_decide: bool,
    pub can_withdraw: bool,
    pub overdue: bool,
    pub today: NaiveDate,
}

/// An object to choose when raising.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectOption {
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewEscalation {
    /// Every object, by code.
    pub objects: Vec<ObjectOption>,
    /// The initiatives a link asked for that exist, with their objects.
    pub initiatives: Vec<EscalationInitiative>,
    pub today: NaiveDate,
}

/// The holders of the step's acting roles on the escalation's objects, in
/// the objects' order, each person and role once per object.
pub fn actors_of(step: EscalationStep, roles: &[RoleAssignment]) -> Vec<Actor> {
    let mut actors: Vec<Actor> = Vec::new();
    for assignment in roles.iter().filter(|r| step.acting_roles().contains(&r.role)) {
        let actor = Actor {
            name: assignment.person.name.clone(),
            role: assignment.role,
            object_code: assignment.object_code.clone().unwrap_or_default(),
        };
        if !actors.contains(&actor) {
            actors.push(actor);
        }
    }
    actors
}

/// Names once each, in order.
pub fn actor_names(actors: &[Actor]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for actor in actors {
        if !names.contains(&actor.name) {
            names.push(actor.name.clone());
        }
    }
    names
}

pub fn escalation_row(escalation: &Escalation, actors: &[Actor], today: NaiveDate) -> EscalationRow {
    let open = escalation.state == EscalationState::Open;
    EscalationRow {
        id: escalation.id,
        title: escalation.title.clone(),
        year: escalation.year,
        step: escalation.step,
        state: escalation.state,
        objects: escalation.objects.iter().map(|o| o.code.clone()).collect(),
        actors: if open { actor_names(actors) } else { Vec::new() },
        due_on: escalation.due_on,
        overdue: escalation.is_overdue(today),
    }
}

/// Open first, the steering group's (step 3) at the top of those, then by
/// due date; closed ones after, newest due date first.
pub fn sort_rows(rows: &mut [EscalationRow]) {
    rows.sort_by(|a, b| {
        let open = |r: &EscalationRow| r.state == EscalationState::Open;
        open(b)
            .cmp(&open(a))
            .then_with(|| {
                if open(a) {
                    b.step.cmp(&a.step).then(a.due_on.cmp(&b.due_on))
                } else {
                    b.due_on.cmp(&a.due_on)
                }
            })
            .then(a.id.cmp(&b.id))
    });
}

/// Comma-separated query values (`AKN,EHR`, `12,34`): trimmed, no blanks.
pub fn split_list(text: &str) -> Vec<String> {
    text.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Person;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    fn assignment(id: i64, name: &str, role: Role, code: &str) -> RoleAssignment {
        RoleAssignment {
            person: Person { id, name: name.into(), email: format!("{id}@example") },
            role,
            object_code: Some(code.into()),
        }
    }

    #[test]
    fn leaders_act_at_step_one_and_owners_at_step_two_each_named_once() {
        let roles = vec![
            assignment(1, "Maria", Role::ObjectOwnerBusiness, "AKN"),
            assignment(2, "Naris", Role::ObjectLeaderIt, "AKN"),
            assignment(3, "Jonas", Role::SpecialistIt, "AKN"),
            assignment(4, "Emma", Role::ObjectLeaderBusiness, "EHR"),
            assignment(2, "Naris", Role::ObjectLeaderIt, "EHR"),
        ];
        let leaders = actors_of(EscalationStep::ObjectLeaders, &roles);
        assert_eq!(leaders.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["Naris", "Emma", "Naris"]);
        assert_eq!(actor_names(&leaders), ["Naris", "Emma"]);
        let owners = actors_of(EscalationStep::ObjectOwners, &roles);
        assert_eq!(owners.len(), 1);
        assert_eq!((owners[0].name.as_str(), owners[0].object_code.as_str()), ("Maria", "AKN"));
        assert!(actors_of(EscalationStep::SteeringGroup, &roles).is_empty(), "the PSG acts as a whole");
    }

    fn row(id: i64, step: EscalationStep, state: EscalationState, due: &str) -> EscalationRow {
        EscalationRow {
            id,
            title: String::new(),
            year: 2021,
            step,
            state,
            objects: Vec::new(),
            actors: Vec::new(),
            due_on: day(due),
            overdue: false,
        }
    }

    #[test]
    fn open_ones_come_first_with_the_steering_groups_on_top_then_by_due_date() {
        use EscalationState::*;
        use EscalationStep::*;
        let mut rows = vec![
            row(1, ObjectLeaders, Open, "2021-03-01"),
            row(2, SteeringGroup, Decided, "2021-05-01"),
            row(3, ObjectOwners, Open, "2021-02-01"),
            row(4, SteeringGroup, Open, "2021-04-01"),
            row(5, ObjectLeaders, Open, "2021-01-01"),
            row(6, ObjectLeaders, Withdrawn, "2021-06-01"),
        ];
        sort_rows(&mut rows);
        assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), [4, 3, 5, 1, 6, 2]);
    }

    #[test]
    fn lists_in_links_are_split_on_commas() {
        assert_eq!(split_list(" AKN, EHR ,,"), ["AKN", "EHR"]);
        assert!(split_list("").is_empty());
    }
}
