//! Building the application: connect and migrate the database, load demo
//! data into an empty one, assemble the router, bind the port.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use app::api::Identity;
use app::i18n::Locale;
use app::store::{SharedAccessStore, SharedStore};
use app::ui::{shell, App};
use app::views::SignInOptions;
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::routing::get;
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

use crate::auth::{Auth, PageRenderer};
use crate::config::Config;
use crate::db::{connect, ConnectError, SqlStore};

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Database(#[from] ConnectError),
    #[error("loading the demo data failed: {0}")]
    Demo(String),
    #[error("port {port} is already in use on {ip}: stop the other program or choose another port with --port or STYRBORD_PORT")]
    PortInUse { ip: String, port: u16 },
    #[error("cannot listen on {addr}: {reason}")]
    Bind { addr: SocketAddr, reason: String },
    #[error("the server stopped: {0}")]
    Serve(String),
    #[error("single sign-on is misconfigured: {0}")]
    Oidc(String),
    #[error("e-mail is misconfigured: {0}")]
    Mail(String),
}

/// Every route outside the Leptos pages, server functions and `/api/v1`
/// (method, path), for the authorization matrix's completeness test.
pub const OTHER_ROUTES: &[(&str, &str)] = &[
    ("GET", "/health"),
    ("GET", "/lang/{code}"),
    ("GET", "/audit.csv"),
    ("GET", "/calendar/{file}"),
    ("GET", "/objects/{code}/plans/{year}/export.xlsx"),
    ("GET", "/objects/{code}/plans/{year}/export.csv"),
    ("GET", "/contracts/export.xlsx"),
    ("GET", "/contracts/export.csv"),
    ("GET", "/meetings/{id}/protocol.xlsx"),
    ("GET", "/objects/{code}/plans/{year}/priorities/events"),
    ("GET", "/portfolio/priorities/{year}/events"),
    ("POST", "/objects/{code}/plans/{year}/import/upload"),
    ("POST", "/objects/{code}/plans/{year}/next"),
    ("POST", "/auth/sign-in"),
    ("POST", "/auth/sign-out"),
    ("GET", "/auth/oidc/start"),
    ("GET", "/auth/oidc/callback"),
];

pub struct Application {
    listener: TcpListener,
    router: Router,
    addr: SocketAddr,
    store: SharedStore,
    access: SharedAccessStore,
}

impl Application {
    pub async fn build(config: Config) -> Result<Self, StartupError> {
        // Bind first: a port in use is the cheapest failure to report.
        let listener = TcpListener::bind(config.addr).await.map_err(|e| match e.kind() {
            std::io::ErrorKind::AddrInUse => {
                StartupError::PortInUse { ip: config.addr.ip().to_string(), port: config.addr.port() }
            }
            _ => StartupError::Bind { addr: config.addr, reason: e.to_string() },
        })?;
        let addr =
            listener.local_addr().map_err(|e| StartupError::Bind { addr: config.addr, reason: e.to_string() })?;

        tracing::info!(database = ?config.database, "opening the database");
        let sql = SqlStore::new(connect(&config.database).await?);
        sql.listen();
        let store: SharedStore = Arc::new(sql.clone());
        let access: SharedAccessStore = Arc::new(sql.clone());
        if config.demo_data
            && crate::demo::load_if_empty(store.as_ref()).await.map_err(|e| StartupError::Demo(e.to_string()))?
        {
            tracing::info!("loaded the demo portfolio into the empty database");
        }
        let sign_in = sign_in_options(&config, access.as_ref()).await;
        let oidc = match &config.auth.oidc {
            Some(oidc) => {
                let public_url = config.auth.public_url.clone().unwrap_or_else(|| format!("http://{addr}"));
                let provider = crate::auth::oidc::Provider::new(oidc.clone(), &public_url)
                    .map_err(|e| StartupError::Oidc(e.to_string()))?;
                Some(Arc::new(provider))
            }
            None => None,
        };
        spawn_session_purge(access.clone(), &config);
        let public_url = config.auth.public_url.clone().unwrap_or_else(|| format!("http://{addr}"));
        let mailer = crate::reminders::Mailer::new(&config.reminders).map_err(|e| StartupError::Mail(e.to_string()))?;
        crate::reminders::ReminderWorker::new(store.clone(), mailer, config.reminders.lead_months.clone(), &public_url)
            .spawn(config.reminders.interval);
        let router = router(Stores { store: store.clone(), access: access.clone(), sql }, &config, addr, sign_in, oidc);
        Ok(Self { listener, router, addr, store, access })
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn store(&self) -> SharedStore {
        self.store.clone()
    }

    pub fn access(&self) -> SharedAccessStore {
        self.access.clone()
    }

    pub async fn run_until_stopped(self) -> Result<(), StartupError> {
        axum::serve(self.listener, self.router.into_make_service_with_connect_info::<SocketAddr>())
            .with_graceful_shutdown(shutdown_signal())
            .await
            .map_err(|e| StartupError::Serve(e.to_string()))
    }
}

struct Stores {
    store: SharedStore,
    access: SharedAccessStore,
    /// The store itself, for watching plans' order change.
    sql: SqlStore,
}

/// Single sign-on if configured; the demo accounts if the demo is loaded.
async fn sign_in_options(config: &Config, access: &dyn app::store::AccessStore) -> SignInOptions {
    let mut options = SignInOptions { single_sign_on: config.auth.oidc.is_some(), ..Default::default() };
    let Some(&(first, _, _)) = app::demo::DEMO_ACCOUNTS.first() else { return options };
    let demo_loaded = match access.person_by_email(first).await {
        Ok(Some(person)) => matches!(access.password_hash(person.id).await, Ok(Some(_))),
        _ => false,
    };
    if config.demo_data && demo_loaded {
        options.demo_password = Some(app::demo::DEMO_PASSWORD.to_owned());
        options.demo_accounts = app::demo::DEMO_ACCOUNTS
            .iter()
            .map(|&(email, role, object)| (email.to_owned(), role, object.map(str::to_owned)))
            .collect();
    }
    options
}

/// Expired sessions are refused when used; this also clears them from the
/// table every ten minutes.
fn spawn_session_purge(access: SharedAccessStore, config: &Config) {
    let idle = chrono::Duration::from_std(config.auth.session_idle).unwrap_or(chrono::Duration::minutes(30));
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(600));
        loop {
            every.tick().await;
            let now = chrono::Utc::now();
            if let Err(error) = access.purge_sessions(now, now - idle).await {
                tracing::warn!(%error, "purging expired sessions failed");
            }
        }
    });
}

fn router(
    stores: Stores,
    config: &Config,
    addr: SocketAddr,
    sign_in: SignInOptions,
    oidc: Option<Arc<crate::auth::oidc::Provider>>,
) -> Router {
    let Stores { store, access, sql } = stores;
    let options = LeptosOptions::builder()
        .output_name("styrbord")
        .site_root(config.site_root.to_string_lossy().to_string())
        .site_pkg_dir("pkg")
        .site_addr(addr)
        .build();
    let public_url = app::api::PublicUrl(config.auth.public_url.clone());
    let reminders = app::domain::ReminderSettings {
        lead_months: config.reminders.lead_months.clone(),
        email: config.reminders.smtp_url.is_some(),
    };
    let dashboards = app::api::DashboardCache::default();
    let context = {
        let (store, access, public_url) = (store.clone(), access.clone(), public_url.clone());
        move || {
            provide_context(store.clone());
            provide_context(dashboards.clone());
            provide_context(access.clone());
            provide_context(public_url.clone());
            provide_context(reminders.clone());
            provide_context(request_locale());
            provide_context(request_identity());
            provide_context(sign_in.clone());
        }
    };
    let pages: PageRenderer = {
        let render = leptos_axum::render_app_to_stream_with_context(context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        });
        Arc::new(move |request| render(request))
    };
    let auth = Auth::new(access.clone(), config.auth.clone(), oidc, pages);
    let routes = route_list();
    // The bundle, sent precompressed (brotli 11 from the release build) when
    // the browser accepts it; revalidated on each load since names carry no hash.
    let pkg = ServeDir::new(config.site_root.join("pkg")).precompressed_br().precompressed_gzip();
    let pkg = tower::ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static("no-cache")))
        .service(pkg);
    Router::new()
        .route(
            "/health",
            get({
                let store = store.clone();
                move || health(store.clone())
            }),
        )
        .nest_service("/pkg", pkg)
        .route("/lang/{code}", get(crate::lang::switch))
        .route("/audit.csv", get(crate::audit_export::csv).with_state((store.clone(), access.clone())))
        .route(
            "/calendar/{file}",
            get(crate::calendar::feed).with_state(crate::calendar::FeedState {
                store: store.clone(),
                access: access.clone(),
                public_url: public_url.0,
            }),
        )
        .route("/objects/{code}/plans/{year}/export.xlsx", get(crate::plan_export::xlsx).with_state(store.clone()))
        .route("/objects/{code}/plans/{year}/export.csv", get(crate::plan_export::csv).with_state(store.clone()))
        .route("/contracts/export.xlsx", get(crate::contract_export::xlsx).with_state(store.clone()))
        .route("/contracts/export.csv", get(crate::contract_export::csv).with_state(store.clone()))
        .route("/meetings/{id}/protocol.xlsx", get(crate::meeting_export::xlsx).with_state(store.clone()))
        .route(
            "/objects/{code}/plans/{year}/priorities/events",
            get(crate::live::priorities).with_state((store.clone(), sql.clone())),
        )
        .route("/portfolio/priorities/{year}/events", get(crate::live::portfolio).with_state((store.clone(), sql)))
        .route(
            "/objects/{code}/plans/{year}/next",
            axum::routing::post(crate::next_plan::create).with_state(store.clone()),
        )
        .route(
            "/objects/{code}/plans/{year}/import/upload",
            axum::routing::post(crate::plan_import::upload)
                .with_state(store.clone())
                .layer(axum::extract::DefaultBodyLimit::max(crate::plan_import::UPLOAD_LIMIT)),
        )
        .merge(crate::auth::router(auth.clone()))
        .nest(
            "/api/v1",
            crate::rest::router(store.clone()).route_layer(axum::middleware::from_fn(crate::auth::require_reader)),
        )
        .leptos_routes_with_context(&options, routes, context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context(context, shell))
        .with_state(options)
        .layer(axum::middleware::from_fn(crate::guard::server_fn_status))
        .layer(axum::middleware::from_fn_with_state(
            crate::page_cache::PageCacheState { cache: crate::page_cache::PageCache::default(), store: store.clone() },
            crate::page_cache::serve,
        ))
        // Who is asking, after the cross-site check: a forged request is
        // refused before any session is looked up.
        .layer(axum::middleware::from_fn_with_state(auth, crate::auth::identify))
        .layer(axum::middleware::from_fn(crate::guard::same_origin_only))
        .layer(axum::middleware::from_fn(crate::guard::body_limit))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, Duration::from_secs(30)))
        .layer(CompressionLayer::new())
        .layer(axum::middleware::from_fn(crate::guard::security_headers))
}

/// The language asked for by the request's cookie.
fn request_locale() -> Locale {
    use_context::<Parts>()
        .and_then(|parts| parts.headers.get(header::COOKIE)?.to_str().ok().map(Locale::from_cookie_header))
        .unwrap_or_default()
}

/// Who the server's middleware found behind the request.
fn request_identity() -> Identity {
    use_context::<Parts>().and_then(|parts| parts.extensions.get::<Identity>().cloned()).unwrap_or_default()
}

/// For load balancers and monitors: 200 when the database answers, 503
/// (with the reason in the log, not the body) when it does not.
async fn health(store: SharedStore) -> (StatusCode, &'static str) {
    match store.is_empty().await {
        Ok(_) => (StatusCode::OK, "ok"),
        Err(error) => {
            tracing::error!(%error, backend = store.backend(), "health check: the database does not answer");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}

async fn shutdown_signal() {
    let _ = tokio::signal::ctrl_c().await;
}

/// The app's routes, generated once per process. Generating renders the
/// app with a process-wide flag set, and a resource first polled anywhere
/// in the process meanwhile waits forever (leptos_server 0.8's
/// `SuppressResourceLoad`, leptos-rs/leptos#4773). One server per process
/// never meets it; the integration tests start many servers in one
/// process, and an unlucky page render of one hung until the 30 s request
/// timeout while another started (the 408 flake on `/audit`).
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}
