//! What the plan's edit pages show: the item being edited, the rest of its
//! plan (so the budget and FTE tables can be worked out again while the
//! person types), and what the caller may do.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ObjectRef;
use crate::domain::{BudgetMatrix, Initiative, PlanSettings, PlanYear, StatusReport};

/// `/initiatives/:id`: one initiative with its plan, status history and
/// the caller's rights.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InitiativeEditor {
    pub initiative: Initiative,
    pub plan: PlanYear,
    pub object: ObjectRef,
    /// The plan's other initiatives, for the live budget tables.
    pub others: Vec<Initiative>,
    /// Newest first.
    pub history: Vec<StatusReport>,
    /// May change or delete the initiative (object owners and leaders,
    /// administrators) while the plan is open.
    pub can_edit: bool,
    /// May report its status (also object specialists).
    pub can_report: bool,
    /// The server's date, the default of a new status report.
    pub today: NaiveDate,
    /// What it actually took, once recorded.
    pub outcome: Option<crate::domain::Outcome>,
    /// May record its outcome (managers; approved plans too).
    pub can_record_outcome: bool,
}

/// A plan year's edit pages (new initiative, settings): the plan and all
/// its initiatives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanEditor {
    pub object: ObjectRef,
    pub plan: PlanYear,
    pub initiatives: Vec<Initiative>,
    pub can_edit: bool,
}

/// The budget matrix of a plan with `edited` in place of the stored
/// initiative of the same id (or added, when it is new): what the tables
/// will show once the edit is saved.
pub fn live_matrix(settings: PlanSettings, others: &[Initiative], edited: Option<&Initiative>) -> BudgetMatrix {
    let mut all: Vec<Initiative> = others.iter().filter(|i| edited.is_none_or(|e| e.id != i.id)).cloned().collect();
    all.extend(edited.cloned());
    BudgetMatrix::compute(settings, &all)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AssignmentType, Hours, InitiativeStatus, MainActivity, Money, PlanSettings, SideEffort};

    fn initiative(id: i64, hours: &str) -> Initiative {
        Initiative {
            id,
            plan_year_id: 1,
            rank: id as i32,
            name: format!("Delmål {id}"),
            main_activity: MainActivity::ChangeManagement,
            assignment_type: AssignmentType::Develop,
            priority: None,
            status: InitiativeStatus::NotStarted,
            business: SideEffort::new(Hours::parse(hours).unwrap(), Money::ZERO),
            it: SideEffort::default(),
            scores: Default::default(),
            version: 1,
        }
    }

    #[test]
    fn the_live_matrix_replaces_the_edited_initiative_and_adds_a_new_one() {
        let rate = Money::parse("655").unwrap();
        let settings = PlanSettings::new(rate, rate, Hours::parse("1700").unwrap()).unwrap();
        let stored = vec![initiative(1, "10"), initiative(2, "20")];
        assert_eq!(live_matrix(settings, &stored, None).total.hours, "30".parse().unwrap());
        let edited = initiative(2, "25,5");
        assert_eq!(live_matrix(settings, &stored, Some(&edited)).total.hours, "35.5".parse().unwrap());
        let new = initiative(0, "4");
        let added = live_matrix(settings, &stored, Some(&new));
        assert_eq!(added.total.hours, "34".parse().unwrap());
        assert_eq!(added.total.amount, "22270".parse().unwrap());
    }
}
