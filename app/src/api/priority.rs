//! Prioritising a plan's initiatives. A client sends an intent ("move X
//! before Y", a step, or undo); the store decides the order in one
//! transaction. Those who manage the object reorder its open plans;
//! everyone who reads the portfolio sees the order.

use leptos::prelude::*;

use super::AppError;
use crate::domain::Reordered;
use crate::views::PriorityPage;

#[cfg(feature = "ssr")]
mod server {
    use crate::api::support::{person_id, require, store};
    use crate::api::AppError;
    use crate::domain::{Permission, PlanYear};
    use crate::store::StoreError;

    /// The plan by id and the caller who may reorder it (the object from
    /// the stored plan, never from the request).
    pub async fn managed_plan(plan_year_id: i64) -> Result<(PlanYear, i64), AppError> {
        require(Permission::ReadPortfolio)?;
        let plan = store()?.plan_year_by_id(plan_year_id).await?.ok_or(AppError::NotFound)?;
        let actor = person_id(&require(Permission::ManageObject(plan.object_id))?)?;
        Ok((plan, actor))
    }

    pub fn refusal(error: StoreError) -> AppError {
        match error {
            StoreError::Invalid(code) => AppError::Validation { field: "item".into(), message: code },
            StoreError::Locked => AppError::Conflict { message: "locked".into() },
            other => other.into(),
        }
    }
}

#[server(prefix = "/sf", endpoint = "priority/page")]
pub async fn get_priorities(code: String, year: i32) -> Result<PriorityPage, AppError> {
    use crate::api::support::{require, respond, store};
    use crate::domain::{Permission, PlanStatus};
    respond(async {
        let principal = require(Permission::ReadPortfolio)?;
        let store = store()?;
        let object = store.object_by_code(&code).await?.ok_or(AppError::NotFound)?;
        let plan =
            store.plan_years_of(object.id).await?.into_iter().find(|p| p.year == year).ok_or(AppError::NotFound)?;
        let initiatives = store.initiatives(plan.id).await?;
        let (revision, can_undo) = store.plan_revision(plan.id).await?;
        let can_edit = principal.can(Permission::ManageObject(object.id)) && plan.status == PlanStatus::Draft;
        Ok(PriorityPage {
            rows: crate::views::priority_rows(&plan, initiatives),
            object: crate::views::ObjectRef {
                code: object.code.to_string(),
                name: object.name,
                category: object.category,
            },
            plan,
            revision,
            can_undo: can_edit && can_undo,
            can_edit,
        })
    })
    .await
}

/// "Move `item` before `before`" (or last): the drag and drop and the
/// keyboard send this.
#[server(prefix = "/sf", endpoint = "priority/move")]
pub async fn move_initiative(
    plan_year_id: i64,
    item: i64,
    before: Option<i64>,
    #[server(default)] reason: String,
) -> Result<Reordered, AppError> {
    use crate::api::support::{respond, store};
    use crate::domain::Move;
    respond(async {
        let (plan, actor) = server::managed_plan(plan_year_id).await?;
        let reason: String = reason.trim().chars().take(crate::domain::COMMENT_MAX_CHARS).collect();
        store()?.move_initiative(plan.id, Move { item, before }, &reason, actor).await.map_err(server::refusal)
    })
    .await
}

/// One step up or down, or to the top: the buttons send this (a plain
/// form before hydration).
#[server(prefix = "/sf", endpoint = "priority/step")]
pub async fn step_initiative(plan_year_id: i64, item: i64, step: String) -> Result<Reordered, AppError> {
    use crate::api::support::{invalid, respond, store};
    use crate::domain::{step_move, Step};
    respond(async {
        let (plan, actor) = server::managed_plan(plan_year_id).await?;
        let step = match step.as_str() {
            "up" => Step::Up,
            "down" => Step::Down,
            "top" => Step::Top,
            _ => return Err(invalid("step", "unknown")),
        };
        let store = store()?;
        let order: Vec<i64> = store.initiatives(plan.id).await?.iter().map(|i| i.id).collect();
        if !order.contains(&item) {
            return Err(invalid("item", "unknown_item"));
        }
        match step_move(&order, item, step) {
            Some(intent) => store.move_initiative(plan.id, intent, "", actor).await.map_err(server::refusal),
            // Already at that end: nothing moves.
            None => Ok(Reordered { revision: store.plan_revision(plan.id).await?.0, order }),
        }
    })
    .await
}

#[server(prefix = "/sf", endpoint = "priority/undo")]
pub async fn undo_move(plan_year_id: i64) -> Result<Reordered, AppError> {
    use crate::api::support::{respond, store};
    respond(async {
        let (plan, actor) = server::managed_plan(plan_year_id).await?;
        store()?.undo_last_move(plan.id, actor).await.map_err(server::refusal)
    })
    .await
}

/// What the object has for the year: hours per side and a budget, each
/// optional (empty: no line for it).
#[server(prefix = "/sf", endpoint = "priority/capacity")]
pub async fn set_capacity(
    plan_year_id: i64,
    version: i64,
    business_hours: String,
    it_hours: String,
    budget: String,
) -> Result<crate::domain::PlanYear, AppError> {
    use crate::api::support::{refused, respond, store};
    use crate::domain::CapacityForm;
    use crate::store::StoreError;
    respond(async {
        let (plan, actor) = server::managed_plan(plan_year_id).await?;
        let capacity = CapacityForm { business_hours, it_hours, budget }.check().map_err(refused)?;
        let store = store()?;
        match store.set_capacity(plan.id, version, &capacity, actor).await {
            Err(StoreError::Stale) => {
                let current = store.plan_year_by_id(plan.id).await?.ok_or(AppError::NotFound)?;
                Err(AppError::Stale { version: current.version, current: CapacityForm::of(&current.capacity).fields() })
            }
            other => other.map_err(server::refusal),
        }
    })
    .await
}

// The portfolio's order across objects: everyone who reads the portfolio
// sees it; the steering group decides it.

/// The portfolio's list for `year` (none: the newest year with an open
/// plan, else the newest with any).
#[server(prefix = "/sf", endpoint = "portfolio/page")]
pub async fn get_portfolio_priorities(year: Option<i32>) -> Result<crate::views::PortfolioPriorityPage, AppError> {
    use std::collections::HashMap;

    use crate::api::support::{require, respond, store};
    use crate::domain::{Capacity, Permission, PlanStatus};
    use crate::views::{ObjectRef, PortfolioPriorityPage};
    respond(async {
        let principal = require(Permission::ReadPortfolio)?;
        let store = store()?;
        let plans = store.plan_years().await?;
        let mut years: Vec<i32> = plans.iter().map(|p| p.year).collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        let open = plans.iter().filter(|p| p.status == PlanStatus::Draft).map(|p| p.year).max();
        let year = match year {
            Some(year) if years.contains(&year) => year,
            Some(_) => return Err(AppError::NotFound),
            None => open.or_else(|| years.first().copied()).ok_or(AppError::NotFound)?,
        };
        let objects: HashMap<i64, ObjectRef> = store
            .objects()
            .await?
            .into_iter()
            .map(|o| (o.id, ObjectRef { code: o.code.to_string(), name: o.name, category: o.category }))
            .collect();
        let plans: HashMap<i64, &crate::domain::PlanYear> =
            plans.iter().filter(|p| p.year == year).map(|p| (p.id, p)).collect();
        let mut resources: HashMap<i64, Vec<crate::domain::Resource>> = HashMap::new();
        for (initiative, resource) in store.resources_in_year(year).await? {
            resources.entry(initiative).or_default().push(resource);
        }
        let mut initiatives: HashMap<i64, crate::domain::Initiative> =
            store.initiatives_in_year(year).await?.into_iter().map(|i| (i.id, i)).collect();
        let order = store.portfolio_order(year).await?;
        let rows = order
            .order
            .iter()
            .filter_map(|id| initiatives.remove(id))
            .filter_map(|initiative| {
                let plan = plans.get(&initiative.plan_year_id)?;
                let mut row = crate::views::priority_rows(plan, vec![initiative]).pop()?;
                row.object = objects.get(&plan.object_id).cloned();
                row.resources = resources.remove(&row.initiative.id).unwrap_or_default();
                Some(row)
            })
            .collect();
        let mut with_plans: Vec<ObjectRef> =
            plans.values().filter_map(|p| objects.get(&p.object_id).cloned()).collect();
        with_plans.sort_by(|a, b| a.code.cmp(&b.code));
        let can_edit = principal.can(Permission::DecidePortfolio);
        Ok(PortfolioPriorityPage {
            year,
            years,
            rows,
            objects: with_plans,
            capacity: Capacity { it_hours: order.it_hours, ..Capacity::default() },
            version: order.version,
            revision: order.revision,
            can_undo: can_edit && order.can_undo,
            can_edit,
        })
    })
    .await
}

#[cfg(feature = "ssr")]
fn decider() -> Result<i64, AppError> {
    use crate::api::support::{person_id, require};
    person_id(&require(crate::domain::Permission::DecidePortfolio)?)
}

#[server(prefix = "/sf", endpoint = "portfolio/move")]
pub async fn move_in_portfolio(
    year: i32,
    item: i64,
    before: Option<i64>,
    #[server(default)] reason: String,
) -> Result<Reordered, AppError> {
    use crate::api::support::{respond, store};
    use crate::domain::Move;
    respond(async {
        let actor = decider()?;
        let reason: String = reason.trim().chars().take(crate::domain::COMMENT_MAX_CHARS).collect();
        store()?.move_in_portfolio(year, Move { item, before }, &reason, actor).await.map_err(server::refusal)
    })
    .await
}

/// One step up or down, or to the top, among the items the filter shows
/// (the buttons; a plain form before hydration).
#[server(prefix = "/sf", endpoint = "portfolio/step")]
pub async fn step_in_portfolio(
    year: i32,
    item: i64,
    step: String,
    #[server(default)] object: String,
    #[server(default)] kind: String,
    #[server(default)] activity: String,
) -> Result<Reordered, AppError> {
    use crate::api::support::{invalid, respond, store};
    use crate::domain::{step_move, within_view, Step};
    use crate::views::PortfolioFilter;
    respond(async {
        let actor = decider()?;
        let step = match step.as_str() {
            "up" => Step::Up,
            "down" => Step::Down,
            "top" => Step::Top,
            _ => return Err(invalid("step", "unknown")),
        };
        let store = store()?;
        let order = store.portfolio_order(year).await?;
        if !order.order.contains(&item) {
            return Err(invalid("item", "unknown_item"));
        }
        let filter = PortfolioFilter { object, kind, activity };
        let visible = if filter.is_empty() {
            order.order.clone()
        } else {
            let page = get_portfolio_priorities(Some(year)).await?;
            page.rows.iter().filter(|r| filter.admits(r)).map(|r| r.initiative.id).collect()
        };
        match step_move(&visible, item, step) {
            Some(intent) => store
                .move_in_portfolio(year, within_view(&order.order, &visible, intent), "", actor)
                .await
                .map_err(server::refusal),
            None => Ok(Reordered { revision: order.revision, order: order.order }),
        }
    })
    .await
}

#[server(prefix = "/sf", endpoint = "portfolio/undo")]
pub async fn undo_portfolio_move(year: i32) -> Result<Reordered, AppError> {
    use crate::api::support::{respond, store};
    respond(async {
        let actor = decider()?;
        store()?.undo_portfolio_move(year, actor).await.map_err(server::refusal)
    })
    .await
}

/// The IT side's hours for the year (empty: no line).
#[server(prefix = "/sf", endpoint = "portfolio/capacity")]
pub async fn set_portfolio_capacity(year: i32, version: i64, it_hours: String) -> Result<(), AppError> {
    use crate::api::support::{refused, respond, store};
    use crate::domain::CapacityForm;
    use crate::store::StoreError;
    respond(async {
        let actor = decider()?;
        let form = CapacityForm { it_hours, ..CapacityForm::default() };
        let capacity = form.check().map_err(refused)?;
        let store = store()?;
        match store.set_portfolio_capacity(year, version, capacity.it_hours, actor).await {
            Err(StoreError::Stale) => {
                let current = store.portfolio_order(year).await?;
                let it_hours = CapacityForm::of(&crate::domain::Capacity {
                    it_hours: current.it_hours,
                    ..crate::domain::Capacity::default()
                })
                .it_hours;
                Err(AppError::Stale { version: current.version, current: vec![("it_hours".into(), it_hours)] })
            }
            other => other.map_err(server::refusal),
        }
    })
    .await
}

/// What the initiative page's "IT components touched" part shows: the
/// object's IT components to choose from (and any other already chosen),
/// which are chosen, and whether the reader may change them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct InitiativeComponents {
    /// (id, name, supplier name).
    pub choices: Vec<(i64, String, Option<String>)>,
    pub selected: Vec<i64>,
    pub can_edit: bool,
}

#[server(prefix = "/sf", endpoint = "initiative/components")]
pub async fn get_initiative_components(initiative_id: i64) -> Result<InitiativeComponents, AppError> {
    use crate::api::support::{require, respond, store};
    use crate::domain::Permission;
    respond(async {
        let principal = require(Permission::ReadPortfolio)?;
        let store = store()?;
        let initiative = store.initiative(initiative_id).await?.ok_or(AppError::NotFound)?;
        let plan = store.plan_year_by_id(initiative.plan_year_id).await?.ok_or(AppError::NotFound)?;
        let selected = store.initiative_components(initiative_id).await?;
        let mut choices: Vec<(i64, String, Option<String>)> = store
            .it_components(plan.object_id)
            .await?
            .into_iter()
            .map(|c| (c.id, c.name, c.supplier.map(|s| s.name)))
            .collect();
        let missing: Vec<i64> = selected.iter().copied().filter(|id| !choices.iter().any(|c| c.0 == *id)).collect();
        if !missing.is_empty() {
            for (id, name) in store.it_component_choices().await? {
                if missing.contains(&id) {
                    choices.push((id, name, None));
                }
            }
        }
        choices.sort_by_key(|c| c.1.to_lowercase());
        Ok(InitiativeComponents {
            choices,
            selected,
            can_edit: principal.can(Permission::ManageObject(plan.object_id)),
        })
    })
    .await
}

/// Replaces the IT components an initiative touches (tick boxes
/// `components[]`; none ticked: none).
#[server(prefix = "/sf", endpoint = "initiative/save_components")]
pub async fn save_initiative_components(
    initiative_id: i64,
    #[server(default)] components: Vec<i64>,
) -> Result<(), AppError> {
    use crate::api::support::{invalid, person_id, require, respond, store};
    use crate::domain::Permission;
    use crate::store::StoreError;
    respond(async {
        require(Permission::ReadPortfolio)?;
        let store = store()?;
        let initiative = store.initiative(initiative_id).await?.ok_or(AppError::NotFound)?;
        let plan = store.plan_year_by_id(initiative.plan_year_id).await?.ok_or(AppError::NotFound)?;
        let actor = person_id(&require(Permission::ManageObject(plan.object_id))?)?;
        if components.len() > 200 {
            return Err(invalid("components", "too_many"));
        }
        match store.set_initiative_components(initiative_id, &components, actor).await {
            Err(StoreError::Invalid(code)) => Err(invalid("components", &code)),
            other => other.map_err(AppError::from),
        }
    })
    .await
}
