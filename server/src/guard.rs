//! Request and response guards applied to every route.
//!
//! Cross-site requests: server functions accept plain form posts, so a
//! foreign page could make a signed-in browser send one. Every request that
//! is not GET/HEAD/OPTIONS must come from our own origin, as the browser's
//! `Sec-Fetch-Site` and `Origin` headers say; otherwise 403 and nothing runs.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub async fn same_origin_only(request: Request, next: Next) -> Response {
    if matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS) || is_same_origin(&request) {
        return next.run(request).await;
    }
    let body = serde_json::json!({ "error": "forbidden", "message": "cross-site request refused" });
    (StatusCode::FORBIDDEN, axum::Json(body)).into_response()
}

fn is_same_origin(request: &Request) -> bool {
    let headers = request.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        if !matches!(site, "same-origin" | "none") {
            return false;
        }
    }
    match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        // No Origin: not a browser cross-site request (browsers send Origin on
        // every cross-site POST), e.g. curl or an integration.
        None => true,
        Some(origin) => {
            let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or_default();
            origin.strip_prefix("http://").or_else(|| origin.strip_prefix("https://")) == Some(host)
        }
    }
}

/// Server functions answer every error with 500 unless the function set a
/// status itself; errors raised before its body runs (a malformed argument)
/// never can. This reads the `AppError` in such a response and gives it
/// its real status, so a user's mistake is a 4xx, never a 500.
pub async fn server_fn_status(request: Request, next: Next) -> Response {
    let is_server_fn = request.uri().path().starts_with(SERVER_FN_PREFIX);
    let response = next.run(request).await;
    if !is_server_fn || response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, 64 * 1024).await.unwrap_or_default();
    if let Ok(error) = serde_json::from_slice::<app::api::AppError>(&bytes) {
        parts.status = StatusCode::from_u16(error.status()).unwrap_or(parts.status);
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// Where server functions live (`#[server(prefix = "/sf")]`).
pub const SERVER_FN_PREFIX: &str = "/sf/";

/// Headers every response carries.
pub async fn security_headers(request: Request<Body>, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    // Pages set their own policy with the response's script nonce (see the
    // app's shell); everything else (JSON, files) gets the strictest one.
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'; base-uri 'none'"),
        );
    }
    response
}

/// Request bodies: 1 MiB, except a plan import's upload (a workbook of up
/// to 5 MiB). A declared length above the limit is refused with 413 before
/// anything is read; a body that runs past it fails while being read.
pub async fn body_limit(request: Request, next: Next) -> Response {
    const BODY_LIMIT: usize = 1024 * 1024;
    let limit =
        if request.uri().path().ends_with("/import/upload") { crate::plan_import::UPLOAD_LIMIT } else { BODY_LIMIT };
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|length| length > limit) {
        return (StatusCode::PAYLOAD_TOO_LARGE, axum::Json(serde_json::json!({"error": "payload_too_large"})))
            .into_response();
    }
    let (parts, body) = request.into_parts();
    let body = Body::new(http_body_util::Limited::new(body, limit));
    next.run(Request::from_parts(parts, body)).await
}
