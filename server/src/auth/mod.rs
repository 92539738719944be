//! Who is asking: sessions (browser), API tokens (integrations), or nobody.
//!
//! [`identify`] runs before every route. It resolves the session cookie or
//! the bearer token to a [`Principal`], puts it in the request (server
//! functions read it from Leptos context, API routes from the request), and
//! turns away requests without one: pages redirect to the sign-in page, API
//! and server-function calls get 401. What a principal may do is decided by
//! `app::domain::Principal::can`, in each server function and route.

mod handlers;
mod limiter;
pub mod oidc;

use std::future::Future;
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::Arc;

use app::api::Identity;
use app::domain::{Permission, Principal, Via};
use app::secrets::digest;
use app::store::{SharedAccessStore, StoreError};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;

pub use handlers::SESSION_COOKIE;
pub use limiter::Limiter;

use crate::config::AuthConfig;
use crate::rest::ApiError;

/// Renders an app page for an internal request: the sign-in page with an
/// error, sent with the real status (401, 429) instead of a redirect.
pub type PageRenderer = Arc<dyn Fn(Request<Body>) -> Pin<Box<dyn Future<Output = Response> + Send>> + Send + Sync>;

/// Everything sign-in needs, shared by the middleware and the handlers.
#[derive(Clone)]
pub struct Auth {
    pub(crate) store: SharedAccessStore,
    pub(crate) config: Arc<AuthConfig>,
    pub(crate) limiter: Arc<Limiter>,
    pub(crate) oidc: Option<Arc<oidc::Provider>>,
    pub(crate) pages: PageRenderer,
}

impl Auth {
    pub fn new(
        store: SharedAccessStore,
        config: AuthConfig,
        oidc: Option<Arc<oidc::Provider>>,
        pages: PageRenderer,
    ) -> Self {
        let limiter = Arc::new(Limiter::new(&config));
        Self { store, config: Arc::new(config), limiter, oidc, pages }
    }

    /// The client's address: the peer, or, when the peer is a trusted proxy,
    /// the last address in `X-Forwarded-For` that is not itself a trusted
    /// proxy. A client cannot choose its own bucket by sending the header.
    pub(crate) fn client_ip(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        if !self.config.trusted_proxies.contains(&peer) {
            return peer;
        }
        let forwarded = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|ip| ip.trim().parse::<IpAddr>().ok())
            .collect::<Vec<_>>();
        forwarded.into_iter().rev().find(|ip| !self.config.trusted_proxies.contains(ip)).unwrap_or(peer)
    }

    /// Whether cookies get `Secure`: as configured, or when the request came
    /// over HTTPS (as a trusted proxy says).
    pub(crate) fn secure(&self, peer: IpAddr, headers: &HeaderMap) -> bool {
        self.config.secure_cookies.unwrap_or_else(|| {
            self.config.trusted_proxies.contains(&peer)
                && headers.get("x-forwarded-proto").and_then(|v| v.to_str().ok()) == Some("https")
        })
    }

    async fn principal_for(&self, person_id: i64, via: Via) -> Result<Option<Principal>, StoreError> {
        let Some(person) = self.store.person(person_id).await? else { return Ok(None) };
        let grants = self.store.grants_of(person_id).await?;
        Ok(Some(Principal { person_id: Some(person.id), name: person.name, grants, via }))
    }

    /// The signed-in person of a session cookie, ending the session if it
    /// has passed its idle timeout or absolute lifetime.
    async fn session_principal(&self, session_id: &str) -> Result<Option<Principal>, StoreError> {
        let hash = digest(session_id);
        let Some(session) = self.store.session(&hash).await? else { return Ok(None) };
        let now = self.config.clock.now();
        let idle = chrono::Duration::from_std(self.config.session_idle).unwrap_or(chrono::Duration::minutes(30));
        if now >= session.expires_at || now - session.last_seen_at >= idle {
            self.store.end_session(&hash, false).await?;
            return Ok(None);
        }
        // Note activity at most once a minute: a page load makes several requests.
        if now - session.last_seen_at >= chrono::Duration::minutes(1) {
            self.store.touch_session(&hash, now).await?;
        }
        self.principal_for(session.person_id, Via::Session).await
    }

    async fn token_principal(&self, token: &str, path: &str) -> Result<Option<Principal>, StoreError> {
        let Some((token_id, person_id)) = self.store.api_token_by_hash(&digest(token)).await? else {
            return Ok(None);
        };
        self.store.record_token_use(token_id, person_id, path).await?;
        self.principal_for(person_id, Via::ApiToken).await
    }
}

/// The routes for signing in and out.
pub fn router<S: Clone + Send + Sync + 'static>(auth: Auth) -> Router<S> {
    Router::new()
        .route("/auth/sign-in", post(handlers::sign_in))
        .route("/auth/sign-out", post(handlers::sign_out))
        .route("/auth/oidc/start", get(handlers::oidc_start))
        .route("/auth/oidc/callback", get(handlers::oidc_callback))
        .with_state(auth)
}

/// Paths anyone may reach without signing in.
fn is_open(path: &str) -> bool {
    matches!(
        path,
        "/sign-in" | "/health" | "/favicon.ico" | "/api/v1/openapi.json" | "/sf/session" | "/sf/sign_in_options"
    ) || ["/auth/", "/pkg/", "/lang/"].iter().any(|prefix| path.starts_with(prefix))
}

pub async fn identify(State(auth): State<Auth>, mut request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    // Health checks and the bundle need no one: no session lookup, so they
    // answer even while the database does not.
    if path == "/health" || path.starts_with("/pkg/") || path == "/favicon.ico" {
        return next.run(request).await;
    }
    // Calendar feeds carry their own credential, the secret in the path:
    // a calendar program has no session, and a browser's is not needed.
    if path.starts_with("/calendar/") {
        return next.run(request).await;
    }
    let is_api = path.starts_with("/api/");
    let resolved = match bearer_token(request.headers()) {
        // Tokens are for the API only; a browser page never takes one.
        Some(token) if is_api => match auth.token_principal(token, &path).await {
            Ok(Some(principal)) => Ok(Some(principal)),
            Ok(None) => return ApiError::unauthorized("the API token is unknown or revoked").into_response(),
            Err(error) => Err(error),
        },
        _ => match session_cookie(request.headers()) {
            Some(id) => auth.session_principal(&id).await,
            None => Ok(None),
        },
    };
    let principal = match resolved {
        Ok(principal) => principal,
        Err(error) => {
            tracing::error!(%error, "resolving the session failed");
            return (StatusCode::SERVICE_UNAVAILABLE, "the database does not answer").into_response();
        }
    };
    let principal = match principal {
        Some(p) => Some(p),
        // Public status pages: anonymous readers of pages and their data.
        None if !is_api && request.method() == Method::GET || path.starts_with(crate::guard::SERVER_FN_PREFIX) => {
            match auth.store.public_status_pages().await {
                Ok(true) => Some(Principal::public()),
                Ok(false) => None,
                Err(error) => {
                    tracing::error!(%error, "reading the public status setting failed");
                    None
                }
            }
        }
        None => None,
    };
    if principal.is_none() && !is_open(&path) {
        return refuse_anonymous(&request, is_api);
    }
    request.extensions_mut().insert(Identity(principal));
    next.run(request).await
}

/// No session: a page goes to the sign-in page and comes back afterwards;
/// everything else gets 401 with a JSON body.
fn refuse_anonymous(request: &Request, is_api: bool) -> Response {
    let path = request.uri().path();
    if is_api {
        return ApiError::unauthorized("sign in or send an API token (Authorization: Bearer …)").into_response();
    }
    // Pages (not server functions, not files such as /audit.csv, not event
    // streams) go to the sign-in page.
    let is_page = !path.starts_with(crate::guard::SERVER_FN_PREFIX)
        && !path.rsplit('/').next().unwrap_or("").contains('.')
        && !path.ends_with("/events");
    if request.method() == Method::GET && is_page {
        let back = request.uri().path_and_query().map(|pq| pq.as_str()).unwrap_or("/");
        let target = if back == "/" { "/sign-in".to_owned() } else { format!("/sign-in?next={}", encode(back)) };
        return Redirect::to(&target).into_response();
    }
    let body = serde_json::to_value(app::api::AppError::Unauthorized).unwrap_or_default();
    (StatusCode::UNAUTHORIZED, axum::Json(body)).into_response()
}

/// The API's own check: every route reads the portfolio.
pub async fn require_reader(request: Request, next: Next) -> Response {
    let identity = request.extensions().get::<Identity>().and_then(|i| i.0.as_ref());
    match identity {
        _ if request.uri().path() == "/openapi.json" => next.run(request).await,
        Some(p) if p.via != Via::Public && p.can(Permission::ReadPortfolio) => next.run(request).await,
        Some(p) if p.via != Via::Public => ApiError(app::api::AppError::Forbidden).into_response(),
        _ => ApiError::unauthorized("sign in or send an API token").into_response(),
    }
}

fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::AUTHORIZATION)?.to_str().ok()?.strip_prefix("Bearer ").map(str::trim)
}

pub(crate) fn session_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value.trim().to_owned())
        .filter(|value| !value.is_empty())
}

/// Percent-encodes a path for a query value.
pub(crate) fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => out.push(byte as char),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// Only a path on this site may be a place to return to: `/x`, never
/// `//evil.example` or `/\evil.example` (which browsers treat as hosts).
pub(crate) fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.starts_with("/\\")
                && !path.chars().any(|c| c.is_control() || c == '\\')
                && !path.starts_with("/auth/") =>
        {
            path.to_owned()
        }
        _ => "/".to_owned(),
    }
}

pub(crate) fn header_value(text: &str) -> HeaderValue {
    HeaderValue::from_str(text).unwrap_or_else(|_| HeaderValue::from_static(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_places_to_return_to() {
        assert_eq!(safe_next(Some("/objects/AKN?year=2020")), "/objects/AKN?year=2020");
        for hostile in
            ["//evil.example", "/\\evil.example", "https://evil.example", "javascript:alert(1)", "", "/auth/sign-out"]
        {
            assert_eq!(safe_next(Some(hostile)), "/", "{hostile}");
        }
        assert_eq!(safe_next(None), "/");
    }

    #[test]
    fn session_cookie_is_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_static("styrbord_lang=en; styrbord_session=abc; x=y"));
        assert_eq!(session_cookie(&headers).as_deref(), Some("abc"));
        headers.insert(header::COOKIE, HeaderValue::from_static("styrbord_session="));
        assert_eq!(session_cookie(&headers), None);
    }
}
