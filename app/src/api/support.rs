//! What every server function needs on the server: the stores from
//! context, who is asking, and errors with their real HTTP status.

use leptos::prelude::*;

use super::{AppError, Identity};
use crate::domain::{Permission, Principal, Via};
use crate::store::{SharedAccessStore, SharedStore};

pub fn store() -> Result<SharedStore, AppError> {
    use_context::<SharedStore>().ok_or_else(|| {
        tracing::error!("no store in context");
        AppError::Internal
    })
}

pub fn access_store() -> Result<SharedAccessStore, AppError> {
    use_context::<SharedAccessStore>().ok_or_else(|| {
        tracing::error!("no access store in context");
        AppError::Internal
    })
}

/// The person asking, if they hold `permission`: 401 when nobody is
/// signed in (or only the public is reading), 403 when they may not.
pub fn require(permission: Permission) -> Result<Principal, AppError> {
    match use_context::<Identity>().and_then(|identity| identity.0) {
        None => Err(AppError::Unauthorized),
        Some(principal) if principal.can(permission) => Ok(principal),
        Some(principal) if principal.via == Via::Public => Err(AppError::Unauthorized),
        Some(_) => Err(AppError::Forbidden),
    }
}

/// The signed-in person's id (sessions only, never the public).
pub fn person_id(principal: &Principal) -> Result<i64, AppError> {
    principal.person_id.ok_or(AppError::Unauthorized)
}

pub fn this_year() -> i32 {
    use chrono::Datelike;
    chrono::Utc::now().year()
}

/// Runs a server function's body and gives its error the right HTTP status
/// (server_fn answers every error with 500 unless told otherwise).
///
/// Except for a plain HTML form post (before hydration, or without wasm):
/// server_fn answers it with a redirect back to the form's page carrying
/// the error in the URL, where the page shows it next to its field. A 4xx
/// status would replace that redirect and leave the browser on raw JSON.
pub async fn respond<T>(body: impl std::future::Future<Output = Result<T, AppError>>) -> Result<T, AppError> {
    let result = body.await;
    if let Err(error) = &result {
        if let (Some(response), Ok(status)) =
            (use_context::<leptos_axum::ResponseOptions>(), http::StatusCode::from_u16(error.status()))
        {
            if !is_form_post() {
                response.set_status(status);
            }
        }
    }
    result
}

/// A browser's own form submission to a server function: a POST to it that
/// asks for HTML and says where from. (A page rendered on the server runs
/// its server functions in the page's own request, a GET: their errors set
/// the page's status, a 404 for an unknown item.)
fn is_form_post() -> bool {
    use_context::<http::request::Parts>().is_some_and(|parts| {
        let header = |name: http::header::HeaderName| parts.headers.get(name).and_then(|v| v.to_str().ok());
        parts.method == http::Method::POST
            && parts.uri.path().starts_with("/sf/")
            && header(http::header::ACCEPT).is_some_and(|accept| accept.contains("text/html"))
            && header(http::header::REFERER).is_some()
    })
}

/// A field-level validation error.
pub fn invalid(field: &str, message: &str) -> AppError {
    AppError::Validation { field: field.to_owned(), message: message.to_owned() }
}

/// A form the domain refused, as the API and the no-script form report it:
/// its first refused field (the browser shows them all as they are typed).
pub fn refused(problems: Vec<crate::domain::FieldProblem>) -> AppError {
    match problems.into_iter().next() {
        Some(p) => AppError::Validation { field: p.field.to_owned(), message: p.error.code().to_owned() },
        None => AppError::Internal,
    }
}
