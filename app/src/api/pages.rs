//! The data behind each page.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::support::{require, respond, store, this_year};
use super::AppError;
#[cfg(feature = "ssr")]
use crate::domain::Permission;
use crate::views::{ObjectPage, OverviewPage};

#[server(prefix = "/sf", endpoint = "overview")]
pub async fn get_overview(year: Option<i32>) -> Result<OverviewPage, AppError> {
    respond(async {
        let principal = require(Permission::ReadPortfolio)?;
        let store = store()?;
        let (objects, plans) = (store.objects().await?, store.plan_years().await?);
        let years: Vec<i32> = plans.iter().map(|p| p.year).collect();
        let chosen = crate::views::choose_year(&years, year, this_year());
        let initiatives = match chosen {
            Some(y) => store.initiatives_in_year(y).await?,
            None => Vec::new(),
        };
        let can_add_objects = principal.can(Permission::DecidePortfolio);
        Ok(OverviewPage { can_add_objects, ..crate::views::build_overview(&objects, &plans, &initiatives, chosen) })
    })
    .await
}

#[server(prefix = "/sf", endpoint = "object")]
pub async fn get_object_page(code: String, year: Option<i32>) -> Result<ObjectPage, AppError> {
    respond(async {
        let principal = require(Permission::ReadPortfolio)?;
        let store = store()?;
        let object = store.object_by_code(&code).await?.ok_or(AppError::NotFound)?;
        let can_manage = principal.can(Permission::ManageObject(object.id));
        let can_approve = principal.can(Permission::ApprovePlan(object.id));
        let plans = store.plan_years_of(object.id).await?;
        let years: Vec<i32> = plans.iter().map(|p| p.year).collect();
        let chosen = crate::views::choose_year(&years, year, this_year());
        let initiatives = match plans.iter().find(|p| Some(p.year) == chosen) {
            Some(plan) => store.initiatives(plan.id).await?,
            None => Vec::new(),
        };
        let parts = crate::views::ObjectPageParts {
            nearby: store.nearby_objects(object.id).await?,
            products: store.products(object.id).await?,
            it_components: store.it_components(object.id).await?,
            roles: store.roles_of(object.id).await?,
            object,
            plans,
            initiatives,
        };
        Ok(crate::views::ObjectPage { can_manage, can_approve, ..crate::views::build_object_page(parts, chosen) })
    })
    .await
}
