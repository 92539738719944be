//! Signing in (password or single sign-on) and out. Plain form posts and
//! redirects: they work before the page's wasm has loaded, and a refused
//! sign-in answers with the sign-in page and its real status (401, 429).

use std::net::SocketAddr;

use app::secrets::{digest, random_token, verify_password, DUMMY_HASH};
use app::store::StoredSession;
use axum::body::Body;
use axum::extract::rejection::FormRejection;
use axum::extract::{ConnectInfo, Query, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;

use super::{encode, header_value, safe_next, session_cookie, Auth};

pub const SESSION_COOKIE: &str = "styrbord_session";

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

pub async fn sign_in(
    State(auth): State<Auth>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    form: Result<Form<SignInForm>, FormRejection>,
) -> Response {
    let Ok(Form(form)) = form else {
        return refused(&auth, &headers, StatusCode::BAD_REQUEST, "missing", "", None).await;
    };
    let email = form.email.trim().to_lowercase();
    let next = safe_next(form.next.as_deref());
    if email.is_empty() || form.password.is_empty() {
        return refused(&auth, &headers, StatusCode::BAD_REQUEST, "missing", &email, Some(&next)).await;
    }
    // Limits first: a refused attempt never reaches the password hash.
    let ip = auth.client_ip(peer.ip(), &headers);
    if let Err(wait) = auth.limiter.attempt(ip, &email) {
        tracing::warn!(%ip, "sign-in throttled");
        let minutes = wait.as_secs().div_ceil(60).max(1);
        let mut response = refused(
            &auth,
            &headers,
            StatusCode::TOO_MANY_REQUESTS,
            &format!("throttled&wait={minutes}"),
            &email,
            Some(&next),
        )
        .await;
        response.headers_mut().insert(header::RETRY_AFTER, header_value(&wait.as_secs().max(1).to_string()));
        return response;
    }

    let person = match auth.store.person_by_email(&email).await {
        Ok(person) => person,
        Err(error) => return unavailable(error),
    };
    let stored = match &person {
        Some(person) => match auth.store.password_hash(person.id).await {
            Ok(hash) => hash,
            Err(error) => return unavailable(error),
        },
        None => None,
    };
    // Unknown e-mail or no password: verify against a dummy hash anyway, so
    // the answer takes as long as for a wrong password.
    let has_password = stored.is_some();
    let hash = stored.unwrap_or_else(|| DUMMY_HASH.to_owned());
    let password = form.password;
    let matches = tokio::task::spawn_blocking(move || verify_password(&password, &hash)).await.unwrap_or(false);

    let person = match person {
        Some(person) if matches && has_password => person,
        person => {
            auth.limiter.failed(&email);
            let reason = if person.is_some() { "wrong_password" } else { "unknown_account" };
            if let Err(error) = auth.store.record_failed_sign_in(person.map(|p| p.id), reason).await {
                return unavailable(error);
            }
            return refused(&auth, &headers, StatusCode::UNAUTHORIZED, "credentials", &email, Some(&next)).await;
        }
    };
    auth.limiter.succeeded(&email);
    let secure = auth.secure(peer.ip(), &headers);
    match start_session(&auth, person.id, "password", &headers, secure).await {
        Ok(cookie) => signed_in(cookie, &next),
        Err(response) => response,
    }
}

/// A new session for the person, with a fresh random id (a session id set
/// before sign-in is never carried over), replacing any the browser had.
pub(super) async fn start_session(
    auth: &Auth,
    person_id: i64,
    method: &str,
    headers: &HeaderMap,
    secure: bool,
) -> Result<String, Response> {
    if let Some(old) = session_cookie(headers) {
        auth.store.end_session(&digest(&old), false).await.map_err(unavailable)?;
    }
    let id = random_token("");
    let now = auth.config.clock.now();
    let lifetime = chrono::Duration::from_std(auth.config.session_lifetime).unwrap_or(chrono::Duration::hours(10));
    let session = StoredSession { person_id, created_at: now, last_seen_at: now, expires_at: now + lifetime };
    auth.store.create_session(&digest(&id), &session, method).await.map_err(unavailable)?;
    Ok(cookie(&id, auth.config.session_lifetime.as_secs(), secure))
}

fn cookie(value: &str, max_age: u64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}")
}

fn signed_in(cookie: String, next: &str) -> Response {
    let mut response = Redirect::to(next).into_response();
    response.headers_mut().insert(header::SET_COOKIE, header_value(&cookie));
    response.headers_mut().insert(header::CACHE_CONTROL, header_value("no-store"));
    response
}

pub async fn sign_out(
    State(auth): State<Auth>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
) -> Response {
    if let Some(id) = session_cookie(&headers) {
        if let Err(error) = auth.store.end_session(&digest(&id), true).await {
            return unavailable(error);
        }
    }
    let mut response = Redirect::to("/sign-in?notice=signed_out").into_response();
    let clear = cookie("", 0, auth.secure(peer.ip(), &headers));
    response.headers_mut().insert(header::SET_COOKIE, header_value(&clear));
    response
}

/// The sign-in page again, with the reason and the given e-mail filled in.
pub(super) async fn refused(
    auth: &Auth,
    headers: &HeaderMap,
    status: StatusCode,
    error: &str,
    email: &str,
    next: Option<&str>,
) -> Response {
    let mut uri = format!("/sign-in?error={error}&email={}", encode(email));
    if let Some(next) = next.filter(|n| *n != "/") {
        uri.push_str(&format!("&next={}", encode(next)));
    }
    let mut request = Request::get(uri).body(Body::empty()).unwrap_or_default();
    for name in [header::COOKIE, header::ACCEPT_LANGUAGE, header::HOST] {
        if let Some(value) = headers.get(&name) {
            request.headers_mut().insert(name, value.clone());
        }
    }
    let mut response = (auth.pages)(request).await;
    *response.status_mut() = status;
    response.headers_mut().insert(header::CACHE_CONTROL, header_value("no-store"));
    response
}

pub(super) fn unavailable(error: app::store::StoreError) -> Response {
    tracing::error!(%error, "sign-in: the database failed");
    (StatusCode::SERVICE_UNAVAILABLE, "the database does not answer; try again shortly").into_response()
}

#[derive(Deserialize)]
pub struct OidcStart {
    next: Option<String>,
}

/// Sends the browser to the identity provider.
pub async fn oidc_start(State(auth): State<Auth>, Query(query): Query<OidcStart>, headers: HeaderMap) -> Response {
    let Some(provider) = auth.oidc.clone() else {
        return refused(&auth, &headers, StatusCode::NOT_FOUND, "sso_off", "", None).await;
    };
    match provider.start(auth.store.as_ref(), &safe_next(query.next.as_deref())).await {
        Ok(url) => Redirect::to(url.as_str()).into_response(),
        Err(error) => {
            tracing::error!(%error, "single sign-on could not start");
            refused(&auth, &headers, StatusCode::BAD_GATEWAY, "sso_failed", "", None).await
        }
    }
}

#[derive(Deserialize)]
pub struct OidcCallback {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// The provider sends the browser back here with a code; the person it
/// names gets a session if Styrbord knows them.
pub async fn oidc_callback(
    State(auth): State<Auth>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Query(query): Query<OidcCallback>,
    headers: HeaderMap,
) -> Response {
    let Some(provider) = auth.oidc.clone() else {
        return refused(&auth, &headers, StatusCode::NOT_FOUND, "sso_off", "", None).await;
    };
    let (Some(code), Some(state), None) = (query.code, query.state, query.error) else {
        return refused(&auth, &headers, StatusCode::UNAUTHORIZED, "sso_failed", "", None).await;
    };
    let outcome = match provider.finish(auth.store.as_ref(), &code, &state).await {
        Ok(outcome) => outcome,
        Err(error) => {
            tracing::warn!(%error, "single sign-on refused");
            return refused(&auth, &headers, StatusCode::UNAUTHORIZED, "sso_failed", "", None).await;
        }
    };
    let Some(person_id) = outcome.person_id else {
        if let Err(error) = auth.store.record_failed_sign_in(None, "unknown_sso_account").await {
            return unavailable(error);
        }
        return refused(&auth, &headers, StatusCode::FORBIDDEN, "sso_unknown", "", None).await;
    };
    let secure = auth.secure(peer.ip(), &headers);
    match start_session(&auth, person_id, "sso", &headers, secure).await {
        Ok(cookie) => signed_in(cookie, &outcome.next_path),
        Err(response) => response,
    }
}
