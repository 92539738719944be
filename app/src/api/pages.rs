//! The data behind each page.

use leptos::prelude::*;

use super::AppError;
use crate::views::{ObjectPage, OverviewPage};

#[server(prefix = "/sf", endpoint = "overview")]
pub async fn get_overview(year: Option<i32>) -> Result<OverviewPage, AppError> {
    respond(async {
        let store = store()?;
        let (objects, plans) = (store.objects().await?, store.plan_years().await?);
        let years: Vec<i32> = plans.iter().map(|p| p.year).collect();
        let chosen = crate::views::choose_year(&years, year, this_year());
        let initiatives = match chosen {
            Some(y) => store.initiatives_in_year(y).await?,
            None => Vec::new(),
        };
        Ok(crate::views::build_overview(&objects, &plans, &initiatives, chosen))
    })
    .await
}

#[server(prefix = "/sf", endpoint = "object")]
pub async fn get_object_page(code: String, year: Option<i32>) -> Result<ObjectPage, AppError> {
    respond(async {
        let store = store()?;
        let object = store.object_by_code(&code).await?.ok_or(AppError::NotFound)?;
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
        Ok(crate::views::build_object_page(parts, chosen))
    })
    .await
}

#[cfg(feature = "ssr")]
fn store() -> Result<crate::store::SharedStore, AppError> {
    use_context::<crate::store::SharedStore>().ok_or_else(|| {
        tracing::error!("no store in context");
        AppError::Internal
    })
}

#[cfg(feature = "ssr")]
fn this_year() -> i32 {
    use chrono::Datelike;
    chrono::Utc::now().year()
}

/// Runs a server function's body and gives its error the right HTTP status
/// (server_fn answers every error with 500 unless told otherwise).
#[cfg(feature = "ssr")]
async fn respond<T>(body: impl std::future::Future<Output = Result<T, AppError>>) -> Result<T, AppError> {
    let result = body.await;
    if let Err(error) = &result {
        if let (Some(response), Ok(status)) =
            (use_context::<leptos_axum::ResponseOptions>(), http::StatusCode::from_u16(error.status()))
        {
            response.set_status(status);
        }
    }
    result
}
