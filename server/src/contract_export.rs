//! `/contracts/export.xlsx` and `.csv`: the contract register, filtered
//! as the register page is (the same query string), with the dates the
//! engine computes today. Anyone who may read the portfolio may export;
//! every text cell is neutralised so a name cannot run as a formula.

use std::collections::HashMap;

use app::api::{AppError, Identity};
use app::domain::workbook::{export_contracts, export_contracts_csv};
use app::domain::{clock, Permission};
use app::store::SharedStore;
use app::views::{contract_row, sort_by_next, ContractFilter};
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Extension;
use serde::Deserialize;

use crate::plan_export::Format;
use crate::rest::ApiError;

/// The register page's filters; unknown values are ignored as there.
#[derive(Debug, Default, Deserialize)]
pub struct Filter {
    #[serde(default)]
    object: String,
    #[serde(default)]
    supplier: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    within: String,
}

pub async fn xlsx(state: State<SharedStore>, identity: Option<Extension<Identity>>, query: Query<Filter>) -> Response {
    export(state, identity, query, Format::Xlsx).await
}

pub async fn csv(state: State<SharedStore>, identity: Option<Extension<Identity>>, query: Query<Filter>) -> Response {
    export(state, identity, query, Format::Csv).await
}

async fn export(
    State(store): State<SharedStore>,
    identity: Option<Extension<Identity>>,
    Query(filter): Query<Filter>,
    format: Format,
) -> Response {
    let principal = identity.and_then(|Extension(identity)| identity.0);
    if !principal.as_ref().is_some_and(|p| p.can(Permission::ReadPortfolio)) {
        return ApiError(AppError::Unauthorized).into_response();
    }
    match file(&store, filter, format).await {
        Ok(response) => response,
        Err(error) => ApiError(error).into_response(),
    }
}

async fn file(store: &SharedStore, filter: Filter, format: Format) -> Result<Response, AppError> {
    let today = clock::today();
    let all = store.contracts().await?;
    let filter = ContractFilter::from_query(&filter.object, &filter.supplier, &filter.status, &filter.within, "");
    // The register's filter and order (without its timeline and quarters),
    // then the contracts themselves.
    let mut rows: Vec<_> =
        all.iter().map(|c| contract_row(c, today)).filter(|row| filter.matches(row, today)).collect();
    sort_by_next(&mut rows);
    let mut by_id: HashMap<i64, _> = all.into_iter().map(|c| (c.id, c)).collect();
    let contracts: Vec<_> = rows.iter().filter_map(|row| by_id.remove(&row.id)).collect();
    let name = format!("avtal-{today}");
    let no_store = (header::CACHE_CONTROL, "no-store".to_owned());
    let (content_type, extension, body) = match format {
        Format::Csv => ("text/csv; charset=utf-8", "csv", export_contracts_csv(&contracts, today).into_bytes()),
        Format::Xlsx => {
            let workbook = export_contracts(&contracts, today);
            // Writing a workbook is CPU work: off the async threads.
            let bytes = tokio::task::spawn_blocking(move || crate::workbook::write_xlsx(&workbook))
                .await
                .map_err(|error| {
                    tracing::error!(%error, "workbook task failed");
                    AppError::Internal
                })?
                .map_err(|error| {
                    tracing::error!(%error, "workbook could not be written");
                    AppError::Internal
                })?;
            ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", bytes)
        }
    };
    let disposition = format!("attachment; filename=\"{name}.{extension}\"");
    Ok(([(header::CONTENT_TYPE, content_type.to_owned()), (header::CONTENT_DISPOSITION, disposition), no_store], body)
        .into_response())
}
