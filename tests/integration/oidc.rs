//! Single sign-on against a real OpenID Connect provider that the test
//! starts locally (`tests/oidc/provider.mjs`, the `oidc-provider` package):
//! discovery, the code flow with PKCE, the signed ID token, and matching
//! the provider's account to a person in Styrbord.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use app::domain::{AuditAction, AuditFilter, AuditRecord};
use serde_json::json;
use server::config::OidcConfig;

use crate::helpers::{backends, cookie_client, spawn_app_configured, Backend, TestApp, ADMIN, READER};

/// The provider process, stopped when the test ends.
struct Provider {
    child: Child,
    issuer: String,
    http: reqwest::Client,
}

impl Drop for Provider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Provider {
    fn start(redirect_uri: &str) -> Self {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/oidc/provider.mjs");
        let mut child = Command::new("node")
            .arg(script)
            .arg(redirect_uri)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("node runs the test provider (scripts/setup.sh installs oidc-provider)");
        let stdout = child.stdout.take().expect("provider stdout");
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).expect("provider output");
        let issuer = line.trim().strip_prefix("ready ").unwrap_or_else(|| panic!("provider did not start: {line}"));
        Self { issuer: issuer.to_owned(), child, http: reqwest::Client::new() }
    }

    /// The provider account that signs in at the next authorization.
    async fn sign_in_next_as(&self, subject: &str, email: &str, verified: bool) {
        let account = json!({"sub": subject, "email": email, "email_verified": verified, "name": "Test"});
        let response = self
            .http
            .post(format!("{}/test/next-account", self.issuer))
            .body(account.to_string())
            .send()
            .await
            .expect("provider control");
        assert_eq!(response.status().as_u16(), 204);
    }
}

/// A free port, so the app's callback address is known before it starts.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("port").local_addr().expect("address").port()
}

async fn spawn_with_provider(backend: Backend) -> (TestApp, Provider) {
    let _ = tracing_subscriber::fmt().with_env_filter("warn").with_test_writer().try_init();
    let port = free_port();
    let provider = Provider::start(&format!("http://127.0.0.1:{port}/auth/oidc/callback"));
    let issuer = provider.issuer.clone();
    let app = spawn_app_configured(backend, |config| {
        config.addr = format!("127.0.0.1:{port}").parse().expect("address");
        config.auth.oidc =
            Some(OidcConfig { issuer, client_id: "styrbord".into(), client_secret: "styrbord-test-secret".into() });
    })
    .await;
    (app, provider)
}

/// Walks the browser's way from the sign-in button through the provider
/// and back; returns the client and the app's answer to the callback.
async fn single_sign_on(app: &TestApp, provider: &Provider) -> (reqwest::Client, reqwest::Response, String) {
    let client = cookie_client();
    let mut url = format!("{}/auth/oidc/start?next=/objects", app.url);
    for _ in 0..10 {
        let response = client.get(&url).send().await.expect("request");
        let back_home = url.starts_with(&format!("{}/auth/oidc/callback", app.url));
        if back_home {
            return (client, response, url);
        }
        assert_eq!(response.status().as_u16(), 303, "{url} redirects: {}", response.text().await.unwrap_or_default());
        let location = response.headers()["location"].to_str().expect("location").to_owned();
        url = if location.starts_with('/') {
            let origin = if url.starts_with(&provider.issuer) { &provider.issuer } else { &app.url };
            format!("{origin}{location}")
        } else {
            location
        };
    }
    panic!("the sign-in never came back to the app");
}

/// Whether an audit record is a sign-in through single sign-on.
fn by_sso(record: &AuditRecord) -> bool {
    let after = record.after.as_deref().and_then(|a| serde_json::from_str::<serde_json::Value>(a).ok());
    record.action == AuditAction::SignIn && after.is_some_and(|a| a["method"] == "sso")
}

async fn signed_in(app: &TestApp, client: &reqwest::Client) -> bool {
    let home = client.get(format!("{}/", app.url)).send().await.expect("request");
    home.status().as_u16() == 200
}

#[tokio::test]
async fn a_verified_known_email_signs_in_and_links_the_provider_account() {
    for backend in backends() {
        let (app, provider) = spawn_with_provider(backend).await;
        let admin = app.access.person_by_email(ADMIN).await.expect("store").expect("the demo administrator");

        provider.sign_in_next_as("entra-alva", ADMIN, true).await;
        let (client, response, _) = single_sign_on(&app, &provider).await;
        assert_eq!(response.status().as_u16(), 303, "{backend:?}");
        assert_eq!(response.headers()["location"], "/objects", "{backend:?}: back where the person was going");
        let cookie = response.headers()["set-cookie"].to_str().expect("cookie").to_owned();
        assert!(cookie.starts_with("styrbord_session=") && cookie.contains("HttpOnly"), "{cookie}");
        assert!(signed_in(&app, &client).await, "{backend:?}");

        let records = app.store.audit_log(&AuditFilter::default()).await.expect("audit");
        let sso: Vec<_> = records.iter().filter(|r| by_sso(r)).collect();
        assert_eq!(sso.len(), 1, "{backend:?}: one audited single sign-on");
        assert_eq!(sso[0].actor_id, Some(admin.id));

        // Linked by subject: the provider's account is still Alva when its
        // e-mail changes to one Styrbord does not know, even unverified.
        provider.sign_in_next_as("entra-alva", "alva@elsewhere.example", false).await;
        let (client, response, _) = single_sign_on(&app, &provider).await;
        assert_eq!(response.status().as_u16(), 303, "{backend:?}");
        assert!(signed_in(&app, &client).await, "{backend:?}");
        let records = app.store.audit_log(&AuditFilter::default()).await.expect("audit");
        let latest = records.iter().find(|r| r.action == AuditAction::SignIn).expect("sign-in record");
        assert_eq!(latest.actor_id, Some(admin.id), "{backend:?}");
    }
}

#[tokio::test]
async fn unknown_or_unverified_emails_are_refused_and_nobody_is_created() {
    for backend in backends() {
        let (app, provider) = spawn_with_provider(backend).await;
        let people_before = app.access.people().await.expect("people").len();

        for (subject, email, verified) in
            [("stranger", "stranger@elsewhere.example", true), ("unverified", READER, false)]
        {
            provider.sign_in_next_as(subject, email, verified).await;
            let (client, response, _) = single_sign_on(&app, &provider).await;
            assert_eq!(response.status().as_u16(), 403, "{backend:?} {email}");
            assert!(response.headers().get("set-cookie").is_none(), "{backend:?}: no session");
            let page = response.text().await.expect("body");
            assert!(page.contains("<form"), "{backend:?}: the sign-in page explains the refusal");
            assert!(!signed_in(&app, &client).await, "{backend:?} {email}");
        }
        assert_eq!(app.access.people().await.expect("people").len(), people_before, "{backend:?}");
        let records = app.store.audit_log(&AuditFilter::default()).await.expect("audit");
        let refused = records.iter().filter(|r| r.action == AuditAction::SignInFailed).count();
        assert_eq!(refused, 2, "{backend:?}: both refusals are audited");
        assert!(!records.iter().any(by_sso), "{backend:?}");
    }
}

#[tokio::test]
async fn a_forged_or_replayed_state_is_refused() {
    for backend in backends() {
        let (app, provider) = spawn_with_provider(backend).await;

        let client = cookie_client();
        let forged = client
            .get(format!("{}/auth/oidc/callback?code=anything&state=forged", app.url))
            .send()
            .await
            .expect("request");
        assert_eq!(forged.status().as_u16(), 401, "{backend:?}");
        assert!(!signed_in(&app, &client).await, "{backend:?}");

        provider.sign_in_next_as("entra-alva", ADMIN, true).await;
        let (_, response, callback) = single_sign_on(&app, &provider).await;
        assert_eq!(response.status().as_u16(), 303, "{backend:?}");
        // The same callback again: the state was used up, the code too.
        let replay = cookie_client();
        let again = replay.get(&callback).send().await.expect("request");
        assert_eq!(again.status().as_u16(), 401, "{backend:?}");
        assert!(!signed_in(&app, &replay).await, "{backend:?}");
    }
}
