//! What the priority page shows: a plan's initiatives in rank order with
//! their cost and score, what the object has for the year, the order's
//! revision, and what the reader may do. The capacity line is computed
//! where it is shown (it moves as items move).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::ObjectRef;
use crate::domain::{cost_of, score, Initiative, PlanYear, ScoreBreakdown};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriorityRow {
    pub initiative: Initiative,
    pub cost: Decimal,
    pub score: ScoreBreakdown,
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
        })
        .collect()
}
