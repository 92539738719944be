//! The plan's yearly cycle: the object owner approves a plan (locking it)
//! or reopens it, an explicit and audited act. Next year's plan is made by
//! a plain form route on the server (its checkboxes post repeated fields).

use leptos::prelude::*;

use super::AppError;
use crate::domain::PlanYear;

#[cfg(feature = "ssr")]
async fn set_status(plan_year_id: i64, version: i64, status: crate::domain::PlanStatus) -> Result<PlanYear, AppError> {
    use crate::api::support::{person_id, require, store};
    use crate::domain::Permission;
    use crate::store::StoreError;
    require(Permission::ReadPortfolio)?;
    let store = store()?;
    let plan = store.plan_year_by_id(plan_year_id).await?.ok_or(AppError::NotFound)?;
    let actor = person_id(&require(Permission::ApprovePlan(plan.object_id))?)?;
    store.set_plan_status(plan.id, version, status, actor).await.map_err(|error| match error {
        StoreError::Stale => AppError::Conflict { message: "stale".into() },
        other => other.into(),
    })
}

#[server(prefix = "/sf", endpoint = "plan/approve")]
pub async fn approve_plan(plan_year_id: i64, version: i64) -> Result<PlanYear, AppError> {
    crate::api::support::respond(set_status(plan_year_id, version, crate::domain::PlanStatus::Approved)).await
}

#[server(prefix = "/sf", endpoint = "plan/reopen")]
pub async fn reopen_plan(plan_year_id: i64, version: i64) -> Result<PlanYear, AppError> {
    crate::api::support::respond(set_status(plan_year_id, version, crate::domain::PlanStatus::Draft)).await
}
