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

/// Two plan years of an object side by side; by default the latest two.
#[server(prefix = "/sf", endpoint = "plan/compare")]
pub async fn get_year_comparison(
    code: String,
    from: Option<i32>,
    to: Option<i32>,
) -> Result<crate::views::YearComparison, AppError> {
    use crate::api::support::{require, respond, store};
    use crate::domain::Permission;
    respond(async {
        require(Permission::ReadPortfolio)?;
        let store = store()?;
        let object = store.object_by_code(&code).await?.ok_or(AppError::NotFound)?;
        let mut plans = store.plan_years_of(object.id).await?;
        plans.sort_by_key(|p| p.year);
        let years: Vec<i32> = plans.iter().map(|p| p.year).collect();
        let latest = years.last().copied();
        let to = to.or(latest).ok_or(AppError::NotFound)?;
        let from = from.or_else(|| years.iter().copied().filter(|&y| y < to).max()).unwrap_or(to);
        let pick = |year: i32| plans.iter().find(|p| p.year == year).cloned().ok_or(AppError::NotFound);
        let (from_plan, to_plan) = (pick(from)?, pick(to)?);
        let from_initiatives = store.initiatives(from_plan.id).await?;
        let to_initiatives = store.initiatives(to_plan.id).await?;
        let reference =
            crate::views::ObjectRef { code: object.code.to_string(), name: object.name, category: object.category };
        Ok(crate::views::compare_years(reference, years, (from_plan, &from_initiatives), (to_plan, &to_initiatives)))
    })
    .await
}

/// A plan year's object report: status, comments, planned against actual.
#[server(prefix = "/sf", endpoint = "plan/report")]
pub async fn get_object_report(code: String, year: i32) -> Result<crate::views::ObjectReport, AppError> {
    use crate::api::support::{require, respond, store};
    use crate::domain::Permission;
    respond(async {
        require(Permission::ReadPortfolio)?;
        let store = store()?;
        let object = store.object_by_code(&code).await?.ok_or(AppError::NotFound)?;
        let plan =
            store.plan_years_of(object.id).await?.into_iter().find(|p| p.year == year).ok_or(AppError::NotFound)?;
        let initiatives = store.initiatives(plan.id).await?;
        let outcomes = store.outcomes(plan.id).await?;
        let comments = store.latest_comments(plan.id).await?;
        let reference =
            crate::views::ObjectRef { code: object.code.to_string(), name: object.name, category: object.category };
        Ok(crate::views::build_object_report(reference, plan, &initiatives, &outcomes, &comments))
    })
    .await
}
