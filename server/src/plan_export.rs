//! `/objects/{code}/plans/{year}/export.xlsx` and `.csv`: an object's plan
//! year laid out like the object plan's tables (a settings sheet, one sheet
//! per main activity, the budget and FTE summaries), for Excel. Anyone who
//! may read the portfolio may export; every text cell is neutralised so a
//! name cannot run as a formula.

use app::api::{AppError, Identity};
use app::domain::workbook::{export_plan, export_plan_csv};
use app::domain::Permission;
use app::store::SharedStore;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Extension;

use crate::rest::ApiError;

/// The two file formats, by the path's last segment.
#[derive(Clone, Copy)]
pub enum Format {
    Xlsx,
    Csv,
}

pub async fn xlsx(
    state: State<SharedStore>,
    identity: Option<Extension<Identity>>,
    path: Result<Path<(String, i32)>, axum::extract::rejection::PathRejection>,
) -> Response {
    export(state, identity, path, Format::Xlsx).await
}

pub async fn csv(
    state: State<SharedStore>,
    identity: Option<Extension<Identity>>,
    path: Result<Path<(String, i32)>, axum::extract::rejection::PathRejection>,
) -> Response {
    export(state, identity, path, Format::Csv).await
}

async fn export(
    State(store): State<SharedStore>,
    identity: Option<Extension<Identity>>,
    path: Result<Path<(String, i32)>, axum::extract::rejection::PathRejection>,
    format: Format,
) -> Response {
    let principal = identity.and_then(|Extension(identity)| identity.0);
    if !principal.as_ref().is_some_and(|p| p.can(Permission::ReadPortfolio)) {
        return ApiError(AppError::Unauthorized).into_response();
    }
    let Ok(Path((code, year))) = path else {
        return ApiError(AppError::NotFound).into_response();
    };
    match file(&store, &code, year, format).await {
        Ok(response) => response,
        Err(error) => ApiError(error).into_response(),
    }
}

async fn file(store: &SharedStore, code: &str, year: i32, format: Format) -> Result<Response, AppError> {
    let object = store.object_by_code(code).await?.ok_or(AppError::NotFound)?;
    let plan = store.plan_years_of(object.id).await?.into_iter().find(|p| p.year == year).ok_or(AppError::NotFound)?;
    let initiatives = store.initiatives(plan.id).await?;
    let name = format!("{}-{}", object.code, plan.year);
    let no_store = (header::CACHE_CONTROL, "no-store".to_owned());
    match format {
        Format::Csv => {
            let body = export_plan_csv(&object.code.to_string(), &object.name, &plan, &initiatives);
            let disposition = format!("attachment; filename=\"{name}.csv\"");
            Ok((
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                    (header::CONTENT_DISPOSITION, disposition),
                    no_store,
                ],
                body,
            )
                .into_response())
        }
        Format::Xlsx => {
            let workbook = export_plan(&object.code.to_string(), &object.name, &plan, &initiatives);
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
            let disposition = format!("attachment; filename=\"{name}.xlsx\"");
            Ok((
                [
                    (
                        header::CONTENT_TYPE,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_owned(),
                    ),
                    (header::CONTENT_DISPOSITION, disposition),
                    no_store,
                ],
                bytes,
            )
                .into_response())
        }
    }
}
