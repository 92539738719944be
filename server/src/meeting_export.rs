//! `/meetings/{id}/protocol.xlsx`: a meeting's protocol for the registry
//! (the meeting with its attendees and key figures, the agenda with each
//! decision, and every object's figures in the snapshot). Anyone who may
//! read the portfolio may download it; every text cell is neutralised so
//! a decision cannot run as a formula.

use app::api::{AppError, Identity};
use app::domain::Permission;
use app::store::SharedStore;
use app::views::{protocol, protocol_workbook, Dashboard};
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Extension;

use crate::rest::ApiError;

pub async fn xlsx(
    State(store): State<SharedStore>,
    identity: Option<Extension<Identity>>,
    path: Result<Path<i64>, axum::extract::rejection::PathRejection>,
) -> Response {
    let principal = identity.and_then(|Extension(identity)| identity.0);
    if !principal.as_ref().is_some_and(|p| p.can(Permission::ReadPortfolio)) {
        return ApiError(AppError::Unauthorized).into_response();
    }
    let Ok(Path(id)) = path else {
        return ApiError(AppError::NotFound).into_response();
    };
    match file(&store, id).await {
        Ok(response) => response,
        Err(error) => ApiError(error).into_response(),
    }
}

async fn file(store: &SharedStore, id: i64) -> Result<Response, AppError> {
    let meeting = store.meeting(id).await?.ok_or(AppError::NotFound)?;
    let text = store.meeting_snapshot(id).await?.ok_or(AppError::NotFound)?;
    let snapshot: Dashboard = serde_json::from_str(&text).map_err(|error| {
        tracing::error!(%error, meeting = id, "a meeting's snapshot does not read as a dashboard");
        AppError::Internal
    })?;
    let name = format!("protokoll-{}-{}", meeting.held_on, meeting.id);
    let workbook = protocol_workbook(&protocol(meeting, &snapshot));
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
    let content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_owned();
    let disposition = format!("attachment; filename=\"{name}.xlsx\"");
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response())
}
