//! One object: its plan year's budget and FTE tables, its goals grouped by
//! main activity, its object products and IT components.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::domain::{
    BudgetMatrix, Initiative, ItComponent, MainActivity, Object, ObjectCategory, ObjectProduct, PlanYear, Role,
    RoleAssignment,
};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectPage {
    pub object: Object,
    pub nearby: Vec<ObjectRef>,
    pub years: Vec<i32>,
    pub year: Option<i32>,
    pub plan: Option<PlanView>,
    pub products: Vec<ObjectProduct>,
    pub it_components: Vec<ItComponent>,
    /// The management organisation: each role held, with its people.
    pub organisation: Vec<RoleGroup>,
    /// The caller may change this object's plans (links to the edit pages).
    pub can_manage: bool,
    /// The caller may approve and reopen this object's plans.
    pub can_approve: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleGroup {
    pub role: Role,
    pub people: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectRef {
    pub code: String,
    pub name: String,
    pub category: ObjectCategory,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanView {
    pub plan: PlanYear,
    pub matrix: BudgetMatrix,
    /// All four main activities, in the object plan's order.
    pub sections: Vec<ActivitySection>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivitySection {
    pub activity: MainActivity,
    /// In rank order.
    pub initiatives: Vec<InitiativeRow>,
}

/// A goal with the "summa" of each side worked out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InitiativeRow {
    pub initiative: Initiative,
    pub business_sum: Decimal,
    pub it_sum: Decimal,
}

pub struct ObjectPageParts {
    pub object: Object,
    pub nearby: Vec<Object>,
    /// The object's plan years, any order.
    pub plans: Vec<PlanYear>,
    /// The initiatives of the chosen plan year.
    pub initiatives: Vec<Initiative>,
    pub products: Vec<ObjectProduct>,
    pub it_components: Vec<ItComponent>,
    /// In role order.
    pub roles: Vec<RoleAssignment>,
}

/// `parts.initiatives` must belong to the plan of `year` (see
/// [`super::choose_year`]); the caller fetches them after choosing.
pub fn build_object_page(parts: ObjectPageParts, year: Option<i32>) -> ObjectPage {
    let mut years: Vec<i32> = parts.plans.iter().map(|p| p.year).collect();
    years.sort_unstable();
    let plan = parts.plans.into_iter().find(|p| Some(p.year) == year).map(|plan| {
        let matrix = BudgetMatrix::compute(plan.settings, &parts.initiatives);
        let mut initiatives = parts.initiatives;
        initiatives.sort_by_key(|i| i.rank);
        let sections = MainActivity::ALL
            .iter()
            .map(|&activity| ActivitySection {
                activity,
                initiatives: initiatives
                    .iter()
                    .filter(|i| i.main_activity == activity)
                    .map(|i| InitiativeRow {
                        business_sum: i.business.cost(plan.settings.business_rate),
                        it_sum: i.it.cost(plan.settings.it_rate),
                        initiative: i.clone(),
                    })
                    .collect(),
            })
            .collect();
        PlanView { plan, matrix, sections }
    });
    let nearby = parts
        .nearby
        .into_iter()
        .map(|o| ObjectRef { code: o.code.to_string(), name: o.name, category: o.category })
        .collect();
    let mut organisation: Vec<RoleGroup> = Vec::new();
    for assignment in parts.roles {
        match organisation.last_mut() {
            Some(group) if group.role == assignment.role => group.people.push(assignment.person.name),
            _ => organisation.push(RoleGroup { role: assignment.role, people: vec![assignment.person.name] }),
        }
    }
    ObjectPage {
        can_manage: false,
        can_approve: false,
        object: parts.object,
        organisation,
        nearby,
        years,
        year,
        plan,
        products: parts.products,
        it_components: parts.it_components,
    }
}
