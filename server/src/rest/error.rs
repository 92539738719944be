//! API errors as JSON with a real status.

use app::api::AppError;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

pub struct ApiError(pub AppError);

impl ApiError {
    /// 401 with the reason in `message` and a `WWW-Authenticate` challenge.
    pub fn unauthorized(message: &str) -> Response {
        let body = serde_json::json!({ "error": "unauthorized", "message": message });
        let mut response = (StatusCode::UNAUTHORIZED, Json(body)).into_response();
        response.headers_mut().insert(
            axum::http::header::WWW_AUTHENTICATE,
            axum::http::HeaderValue::from_static("Bearer realm=\"styrbord\""),
        );
        response
    }
}

impl From<AppError> for ApiError {
    fn from(error: AppError) -> Self {
        Self(error)
    }
}

impl From<app::store::StoreError> for ApiError {
    fn from(error: app::store::StoreError) -> Self {
        Self(error.into())
    }
}

impl From<PathRejection> for ApiError {
    fn from(rejection: PathRejection) -> Self {
        Self(AppError::BadRequest { message: rejection.body_text() })
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> Self {
        Self(AppError::BadRequest { message: rejection.body_text() })
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.0.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let message = self.0.to_string();
        let mut body = serde_json::to_value(&self.0).unwrap_or_else(|_| serde_json::json!({ "error": "internal" }));
        if let Some(object) = body.as_object_mut() {
            object.entry("message").or_insert_with(|| serde_json::Value::String(message));
        }
        (status, Json(body)).into_response()
    }
}
