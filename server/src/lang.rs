//! `GET /lang/{code}?to=/path`: remember the interface language in a cookie
//! and go back. A plain link, so it works before (and without) hydration.

use app::i18n::Locale;
use axum::extract::{Path, Query};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Back {
    to: Option<String>,
}

pub async fn switch(Path(code): Path<String>, Query(back): Query<Back>) -> Response {
    let Some(locale) = Locale::from_code(&code) else {
        return (StatusCode::NOT_FOUND, "unknown language").into_response();
    };
    let cookie = format!("{}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly", Locale::COOKIE, locale.code());
    let target = back.to.filter(|to| is_local_path(to)).unwrap_or_else(|| "/".into());
    (StatusCode::SEE_OTHER, [(header::SET_COOKIE, cookie), (header::LOCATION, target)]).into_response()
}

/// Only paths on this site: no `//host` or `/\host` open redirects.
fn is_local_path(to: &str) -> bool {
    to.starts_with('/') && !to.starts_with("//") && !to.contains('\\') && !to.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::is_local_path;

    #[test]
    fn only_local_paths_are_followed() {
        assert!(is_local_path("/objects/AKN?year=2020"));
        assert!(!is_local_path("//evil.example/"));
        assert!(!is_local_path("/\\evil.example"));
        assert!(!is_local_path("https://evil.example"));
        assert!(!is_local_path("/a\r\nSet-Cookie: x"));
    }
}
