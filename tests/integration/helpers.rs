//! Spawning the app and its database for a test.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};

use app::store::{SharedAccessStore, SharedStore};
use server::config::Config;
use server::db::DatabaseTarget;
use server::startup::Application;

pub struct TestApp {
    pub url: String,
    /// Signed in as the demo reader when demo data is loaded; otherwise
    /// the same as `anonymous`.
    pub client: reqwest::Client,
    /// No session.
    pub anonymous: reqwest::Client,
    pub store: SharedStore,
    pub access: SharedAccessStore,
    pub database: TestDatabase,
}

/// The demo reader, who may read everything and change nothing.
pub const READER: &str = "elin.forsberg@linkoping.example";
pub const ADMIN: &str = "alva.lind@linkoping.example";

/// A client that keeps cookies and does not follow redirects.
pub fn cookie_client() -> reqwest::Client {
    reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).cookie_store(true).build().expect("client")
}

impl TestApp {
    /// Signs in through the form and returns the browser-like client.
    pub async fn sign_in(&self, email: &str, password: &str) -> reqwest::Client {
        let client = cookie_client();
        let response = client
            .post(format!("{}/auth/sign-in", self.url))
            .form(&[("email", email), ("password", password)])
            .send()
            .await
            .expect("sign-in request");
        assert_eq!(response.status().as_u16(), 303, "{email} signs in");
        client
    }

    /// Calls a server function as a form post; status and JSON body.
    pub async fn call(&self, client: &reqwest::Client, path: &str, form: &[(&str, &str)]) -> (u16, serde_json::Value) {
        let response = client.post(format!("{}{path}", self.url)).form(form).send().await.expect("request");
        let status = response.status().as_u16();
        let body = response.text().await.expect("body");
        (status, serde_json::from_str(&body).unwrap_or(serde_json::Value::String(body)))
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(format!("{}{path}", self.url)).send().await.expect("request")
    }

    pub async fn get_json(&self, path: &str) -> (u16, serde_json::Value) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        let content_type = response.headers().get("content-type").map(|v| v.to_str().unwrap_or("").to_owned());
        assert_eq!(content_type.as_deref(), Some("application/json"), "{path} answers JSON");
        (status, response.json().await.expect("JSON body"))
    }

    pub async fn get_html(&self, path: &str) -> (u16, String) {
        let response = self.get(path).await;
        (response.status().as_u16(), response.text().await.expect("body"))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The backends this run covers: SQLite, and PostgreSQL if configured.
pub fn backends() -> Vec<Backend> {
    if postgres_admin_url().is_some() {
        vec![Backend::Sqlite, Backend::Postgres]
    } else {
        eprintln!("note: PostgreSQL tests skipped: TEST_DATABASE_URL is not set");
        vec![Backend::Sqlite]
    }
}

fn postgres_admin_url() -> Option<String> {
    std::env::var("TEST_DATABASE_URL").ok().filter(|v| !v.is_empty())
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, true).await
}

pub async fn spawn_app_with(backend: Backend, demo_data: bool) -> TestApp {
    spawn_app_serving(backend, demo_data, PathBuf::from("target/site")).await
}

pub async fn spawn_app_serving(backend: Backend, demo_data: bool, site_root: PathBuf) -> TestApp {
    spawn_app_configured(backend, |config| {
        config.demo_data = demo_data;
        config.site_root = site_root;
    })
    .await
}

/// An app with demo data and the default settings, changed by `tweak`.
pub async fn spawn_app_configured(backend: Backend, tweak: impl FnOnce(&mut Config)) -> TestApp {
    let database = TestDatabase::create(backend).await;
    let mut config =
        Config::new("127.0.0.1:0".parse().expect("address"), database.target.clone(), PathBuf::from("target/site"));
    tweak(&mut config);
    let demo_data = config.demo_data;
    let app = Application::build(config).await.expect("the app starts");
    let (url, store, access) = (app.url(), app.store(), app.access());
    tokio::spawn(app.run_until_stopped());
    let anonymous = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
    let mut test_app = TestApp { url, client: anonymous.clone(), anonymous, store, access, database };
    if demo_data {
        test_app.client = test_app.sign_in(READER, app::demo::DEMO_PASSWORD).await;
    }
    test_app
}

/// A second instance of the app on `app`'s database (PostgreSQL: several
/// instances share one), serving on a port of its own; its URL.
pub async fn spawn_instance(app: &TestApp) -> String {
    let config =
        Config::new("127.0.0.1:0".parse().expect("address"), app.database.target.clone(), PathBuf::from("target/site"));
    let instance = Application::build(config).await.expect("the second instance starts");
    let url = instance.url();
    tokio::spawn(instance.run_until_stopped());
    url
}

/// A database of its own: a SQLite file in a temporary directory, or a
/// fresh PostgreSQL database dropped when the test ends.
pub struct TestDatabase {
    pub target: DatabaseTarget,
    _dir: Option<tempfile::TempDir>,
    postgres: Option<(String, String)>,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

impl TestDatabase {
    pub async fn create(backend: Backend) -> Self {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temporary directory");
                let target = DatabaseTarget::Sqlite(dir.path().join("styrbord.db"));
                Self { target, _dir: Some(dir), postgres: None }
            }
            Backend::Postgres => {
                let admin = postgres_admin_url().expect("TEST_DATABASE_URL");
                let name = format!(
                    "styrbord_test_{}_{}_{}",
                    std::process::id(),
                    COUNTER.fetch_add(1, Ordering::SeqCst),
                    chrono::Utc::now().timestamp_subsec_nanos()
                );
                let mut connection = <sqlx::PgConnection as sqlx::Connection>::connect(&admin).await.expect("admin");
                sqlx::Executor::execute(&mut connection, format!("CREATE DATABASE {name}").as_str())
                    .await
                    .expect("create test database");
                let url = replace_database(&admin, &name);
                Self { target: DatabaseTarget::Postgres(url), _dir: None, postgres: Some((admin, name)) }
            }
        }
    }
}

impl TestDatabase {
    /// Drops a PostgreSQL test database now, cutting its connections: a
    /// database that has gone away under a running server.
    pub async fn vanish(&self) {
        if let Some((admin, name)) = &self.postgres {
            let mut c = <sqlx::PgConnection as sqlx::Connection>::connect(admin).await.expect("admin");
            let sql = format!("DROP DATABASE {name} WITH (FORCE)");
            sqlx::Executor::execute(&mut c, sql.as_str()).await.expect("drop");
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Some((admin, name)) = self.postgres.take() {
            // Drop runs outside async: use a small runtime of its own.
            let _ = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
                runtime.block_on(async {
                    if let Ok(mut c) = <sqlx::PgConnection as sqlx::Connection>::connect(&admin).await {
                        let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                        let _ = sqlx::Executor::execute(&mut c, sql.as_str()).await;
                    }
                });
            })
            .join();
        }
    }
}

/// The same server URL with another database name.
fn replace_database(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let host_end = base.find("://").map_or(0, |i| i + 3);
    let base = match base[host_end..].find('/') {
        Some(slash) => &base[..host_end + slash],
        None => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

/// Swedish thousands separators are no-break spaces; tests write plain ones.
pub fn plain(text: &str) -> String {
    text.replace('\u{a0}', " ")
}

/// Reads server-sent events until one named `event` arrives (or `wait`
/// passes), and gives its data.
pub async fn next_event(response: &mut reqwest::Response, event: &str, wait: std::time::Duration) -> Option<String> {
    let deadline = std::time::Instant::now() + wait;
    let mut buffer = String::new();
    while std::time::Instant::now() < deadline {
        let chunk = tokio::time::timeout(deadline - std::time::Instant::now(), response.chunk()).await.ok()?.ok()??;
        buffer.push_str(&String::from_utf8_lossy(&chunk));
        while let Some(end) = buffer.find("\n\n") {
            let block: String = buffer.drain(..end + 2).collect();
            let name = block.lines().find_map(|l| l.strip_prefix("event:")).map(str::trim);
            let data = block.lines().find_map(|l| l.strip_prefix("data:")).map(str::trim);
            if name == Some(event) {
                return data.map(str::to_owned);
            }
        }
    }
    None
}
