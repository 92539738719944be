//! The portfolio overview: every object grouped by category, with its plan
//! year's budget, hours and FTE.

use serde::{Deserialize, Serialize};

use crate::domain::{BudgetLine, BudgetMatrix, Initiative, Object, ObjectCategory, PlanStatus, PlanYear};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverviewPage {
    /// Every year any object has a plan for, ascending.
    pub years: Vec<i32>,
    pub year: Option<i32>,
    /// Categories in the guideline's order; empty categories left out.
    pub groups: Vec<CategoryGroup>,
    pub total: BudgetLine,
    /// The caller may add objects (administrators and the steering group).
    pub can_add_objects: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryGroup {
    pub category: ObjectCategory,
    pub objects: Vec<ObjectSummary>,
    pub total: BudgetLine,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectSummary {
    pub code: String,
    pub name: String,
    /// `None` when the object has no plan for the year.
    pub plan: Option<PlanSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanSummary {
    pub status: PlanStatus,
    pub total: BudgetLine,
}

/// `plans` and `initiatives` may hold other years and objects too; only
/// those of `year` (chosen by [`super::choose_year`]) are used.
pub fn build_overview(
    objects: &[Object],
    plans: &[PlanYear],
    initiatives: &[Initiative],
    year: Option<i32>,
) -> OverviewPage {
    let mut years: Vec<i32> = plans.iter().map(|p| p.year).collect();
    years.sort_unstable();
    years.dedup();

    let summary = |object: &Object| {
        let plan = plans.iter().find(|p| p.object_id == object.id && Some(p.year) == year)?;
        let own: Vec<Initiative> = initiatives.iter().filter(|i| i.plan_year_id == plan.id).cloned().collect();
        Some(PlanSummary { status: plan.status, total: BudgetMatrix::compute(plan.settings, &own).total })
    };

    let groups: Vec<CategoryGroup> = ObjectCategory::ALL
        .iter()
        .map(|&category| {
            let mut members: Vec<&Object> = objects.iter().filter(|o| o.category == category).collect();
            members.sort_by(|a, b| a.name.cmp(&b.name));
            let objects: Vec<ObjectSummary> = members
                .into_iter()
                .map(|o| ObjectSummary { code: o.code.to_string(), name: o.name.clone(), plan: summary(o) })
                .collect();
            let total = objects.iter().filter_map(|o| o.plan.as_ref()).map(|p| p.total).sum();
            CategoryGroup { category, objects, total }
        })
        .filter(|g| !g.objects.is_empty())
        .collect();
    let total = groups.iter().map(|g| g.total).sum();
    OverviewPage { years, year, groups, total, can_add_objects: false }
}
