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
