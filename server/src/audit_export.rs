//! `/audit.csv`: the audit trail as the audit page filters it, for the
//! registry or a spreadsheet. Same permission as the page.

use app::api::{AppError, Identity};
use app::domain::Permission;
use app::i18n::Locale;
use app::store::{SharedAccessStore, SharedStore};
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use serde::Deserialize;

use crate::rest::ApiError;

#[derive(Deserialize)]
pub struct Filter {
    object: Option<String>,
    person: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

pub async fn csv(
    State((store, access)): State<(SharedStore, SharedAccessStore)>,
    identity: Option<Extension<Identity>>,
    headers: HeaderMap,
    filter: Result<Query<Filter>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let principal = identity.and_then(|Extension(identity)| identity.0);
    match &principal {
        Some(p) if p.can(Permission::ViewAudit) => {}
        Some(p) if p.via != app::domain::Via::Public => return ApiError(AppError::Forbidden).into_response(),
        _ => return ApiError(AppError::Unauthorized).into_response(),
    }
    let Query(filter) = match filter {
        Ok(filter) => filter,
        Err(rejection) => return ApiError::from(rejection).into_response(),
    };
    let page = match app::api::audit_page(&store, &access, filter.object, filter.person, filter.from, filter.to).await {
        Ok(page) => page,
        Err(error) => return ApiError(error).into_response(),
    };
    let locale = headers.get(header::COOKIE).and_then(|v| v.to_str().ok()).map(Locale::from_cookie_header);
    let t = locale.unwrap_or_default().texts();
    let header_row =
        [t.col_time, t.col_actor, t.col_action, t.col_entity, t.col_object, t.col_before, t.col_after, t.col_id];
    let body = app::views::audit_csv(&page.entries, header_row, |action| t.audit_action(action).to_owned());
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"styrbord-audit.csv\""),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}
