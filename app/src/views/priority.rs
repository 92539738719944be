//! What the priority page shows: a plan's initiatives in rank order with
//! their cost and score, what the object has for the year, the order's
//! revision, and what the reader may do. The capacity line is computed
//! where it is shown (it moves as items move).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::ObjectRef;
use crate::domain::{
    cost_of, score, AssignmentType, Capacity, Initiative, MainActivity, PlanYear, Resource, ScoreBreakdown,
};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriorityRow {
    pub initiative: Initiative,
    pub cost: Decimal,
    pub score: ScoreBreakdown,
    /// The initiative's object, in the portfolio's list (a plan's list
    /// leaves it out: it is the page's).
    pub object: Option<ObjectRef>,
    /// The IT components and suppliers it touches (the portfolio's list).
    pub resources: Vec<Resource>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriorityPage {
    pub object: ObjectRef,
    pub plan: PlanYear,
    /// In rank order.
    pub rows: Vec<PriorityRow>,
    /// The order's revision: live updates newer than this mean reload.
    pub revision: i64,
    pub can_undo: bool,
    /// The reader manages the object and the plan is open.
    pub can_edit: bool,
}

pub fn priority_rows(plan: &PlanYear, initiatives: Vec<Initiative>) -> Vec<PriorityRow> {
    initiatives
        .into_iter()
        .map(|initiative| PriorityRow {
            cost: crate::domain::two_decimals(cost_of(&initiative, &plan.settings)),
            score: score(&initiative.scores),
            initiative,
            object: None,
            resources: Vec::new(),
        })
        .collect()
}

/// The portfolio's priority list for a year: every object's initiatives in
/// the portfolio's order, what the IT side has, and what the reader may do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortfolioPriorityPage {
    pub year: i32,
    /// Years with plans, newest first, for choosing another.
    pub years: Vec<i32>,
    /// In the portfolio's order.
    pub rows: Vec<PriorityRow>,
    /// The objects with a plan that year, for the filter.
    pub objects: Vec<ObjectRef>,
    /// The IT side's hours for the year (the other limits stay unset).
    pub capacity: Capacity,
    /// The capacity's version, for saving it.
    pub version: i64,
    pub revision: i64,
    pub can_undo: bool,
    /// The reader decides the portfolio's priorities (the steering group).
    pub can_edit: bool,
}

/// The portfolio list's filter, as the query string carries it: an object
/// code, an assignment type and a main activity, each empty for all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortfolioFilter {
    pub object: String,
    pub kind: String,
    pub activity: String,
}

impl PortfolioFilter {
    pub fn is_empty(&self) -> bool {
        self.object.is_empty() && self.kind.is_empty() && self.activity.is_empty()
    }

    /// Whether the row shows. Unknown keys filter nothing out rather than
    /// everything (an old bookmark still shows the list).
    pub fn admits(&self, row: &PriorityRow) -> bool {
        let object = self.object.is_empty() || row.object.as_ref().is_some_and(|o| o.code == self.object);
        let kind = AssignmentType::from_key(&self.kind).ok().is_none_or(|k| row.initiative.assignment_type == k);
        let activity = MainActivity::from_key(&self.activity).ok().is_none_or(|a| row.initiative.main_activity == a);
        object && kind && activity
    }
}
