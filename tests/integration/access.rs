//! Sign-in, sessions, throttling, API tokens, the authorization matrix,
//! cross-site request probes and hostile text. Both backends.

use std::collections::BTreeSet;

use app::demo::DEMO_PASSWORD;
use app::domain::{AuditAction, AuditFilter, Grant, Role};
use app::store::NewPerson;
use server::config::Clock;

use crate::helpers::{backends, cookie_client, spawn_app, spawn_app_configured, TestApp, ADMIN, READER};

fn audit_count(records: &[app::domain::AuditRecord], action: AuditAction) -> usize {
    records.iter().filter(|r| r.action == action).count()
}

async fn audit(app: &TestApp) -> Vec<app::domain::AuditRecord> {
    app.store.audit_log(&AuditFilter::default()).await.expect("audit")
}

#[tokio::test]
async fn without_a_session_only_the_sign_in_page_is_reachable() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let anon = &app.anonymous;
        let get = |path: &str| anon.get(format!("{}{path}", app.url)).send();
        let home = get("/").await.expect("request");
        assert_eq!(home.status().as_u16(), 303);
        assert_eq!(home.headers()["location"], "/sign-in");
        let object = get("/objects/AKN?year=2020").await.expect("request");
        assert_eq!(object.headers()["location"], "/sign-in?next=/objects/AKN%3Fyear%3D2020");
        for path in ["/admin/people", "/audit", "/account"] {
            assert_eq!(get(path).await.expect("request").status().as_u16(), 303, "{path}");
        }
        let api = get("/api/v1/objects").await.expect("request");
        assert_eq!(api.status().as_u16(), 401);
        assert!(api.headers().contains_key("www-authenticate"));
        let body: serde_json::Value = api.json().await.expect("JSON");
        assert_eq!(body["error"], "unauthorized");
        let (status, body) = app.call(anon, "/sf/overview", &[]).await;
        assert_eq!((status, body["error"].as_str()), (401, Some("unauthorized")));
        assert_eq!(get("/audit.csv").await.expect("request").status().as_u16(), 401);
        let sign_in = get("/sign-in").await.expect("request");
        assert_eq!(sign_in.status().as_u16(), 200);
        let html = sign_in.text().await.expect("body");
        assert!(html.contains("action=\"/auth/sign-in\""), "the form posts to the server");
        assert!(html.contains("autocomplete=\"current-password\""));
        assert!(!html.contains("18 988 100"), "no portfolio data before sign-in");
        assert_eq!(get("/health").await.expect("request").status().as_u16(), 200);
    }
}

#[tokio::test]
async fn sign_in_gives_a_fresh_httponly_session_that_sign_out_ends_on_the_server() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        // A session id planted before sign-in (fixation) is not adopted.
        let planted = "planted-session-id";
        let response = app
            .anonymous
            .post(format!("{}/auth/sign-in", app.url))
            .header("cookie", format!("styrbord_session={planted}"))
            .form(&[("email", "Alva.Lind@linkoping.example"), ("password", DEMO_PASSWORD), ("next", "/audit")])
            .send()
            .await
            .expect("request");
        assert_eq!(response.status().as_u16(), 303);
        assert_eq!(response.headers()["location"], "/audit", "back where the reader was going");
        let cookie = response.headers()["set-cookie"].to_str().expect("ascii").to_owned();
        for attribute in ["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=36000"] {
            assert!(cookie.contains(attribute), "{attribute} in {cookie}");
        }
        assert!(!cookie.contains("Secure"), "plain HTTP here: {cookie}");
        let id = cookie.split(';').next().and_then(|pair| pair.split_once('=')).expect("pair").1.to_owned();
        assert_ne!(id, planted);
        assert!(id.len() >= 43, "256 random bits");
        let with = |id: &str| {
            app.anonymous.get(format!("{}/audit", app.url)).header("cookie", format!("styrbord_session={id}")).send()
        };
        assert_eq!(with(&id).await.expect("request").status().as_u16(), 200);
        assert_eq!(with(planted).await.expect("request").status().as_u16(), 303);

        let out = app
            .anonymous
            .post(format!("{}/auth/sign-out", app.url))
            .header("cookie", format!("styrbord_session={id}"))
            .send()
            .await
            .expect("request");
        assert_eq!(out.status().as_u16(), 303);
        assert!(out.headers()["set-cookie"].to_str().expect("ascii").contains("Max-Age=0"));
        // The browser forgot it; a copy of the cookie is dead too.
        assert_eq!(with(&id).await.expect("request").status().as_u16(), 303, "{backend:?}");
        let records = audit(&app).await;
        assert_eq!(audit_count(&records, AuditAction::SignOut), 1);
        // The reader's sign-in by the helper, and this one.
        assert_eq!(audit_count(&records, AuditAction::SignIn), 2);
    }
}

#[tokio::test]
async fn a_wrong_password_is_a_401_page_and_an_audit_record_without_personal_data() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let attempt = |email: &'static str| {
            app.anonymous
                .post(format!("{}/auth/sign-in", app.url))
                .form(&[("email", email), ("password", "not the password")])
                .send()
        };
        let wrong = attempt(ADMIN).await.expect("request");
        assert_eq!(wrong.status().as_u16(), 401);
        assert!(wrong.headers().get("set-cookie").is_none());
        let html = wrong.text().await.expect("body");
        assert!(html.contains("Fel e-postadress eller lösenord."), "the reason, in Swedish");
        assert!(html.contains(&format!("value=\"{ADMIN}\"")), "the e-mail stays filled in");
        let unknown = attempt("nobody@linkoping.example").await.expect("request");
        assert_eq!(unknown.status().as_u16(), 401, "unknown accounts look the same");
        let missing = app
            .anonymous
            .post(format!("{}/auth/sign-in", app.url))
            .form(&[("email", ADMIN)])
            .send()
            .await
            .expect("request");
        assert_eq!(missing.status().as_u16(), 400);

        let records = audit(&app).await;
        let failed: Vec<_> = records.iter().filter(|r| r.action == AuditAction::SignInFailed).collect();
        assert_eq!(failed.len(), 2, "{backend:?}");
        let admin = app.access.person_by_email(ADMIN).await.expect("query").expect("admin");
        assert!(failed.iter().any(|r| r.actor_id == Some(admin.id)));
        assert!(failed.iter().any(|r| r.actor_id.is_none()));
        for record in &records {
            let text = format!("{:?} {:?} {:?}", record.entity_id, record.before, record.after);
            assert!(!text.contains('@') && !text.contains("Alva"), "no personal data in the log: {text}");
        }
    }
}

#[tokio::test]
async fn sessions_end_after_their_idle_timeout_and_their_lifetime() {
    // The default 30 minutes idle and 10 hours in all, on a clock the test moves.
    for backend in backends() {
        let clock = Clock::manual("2026-11-24T08:00:00Z".parse().expect("time"));
        let app = spawn_app_configured(backend, |c| c.auth.clock = clock.clone()).await;
        let status = |client: &reqwest::Client| {
            let request = client.get(format!("{}/audit", app.url)).send();
            async move { request.await.expect("request").status().as_u16() }
        };

        let client = app.sign_in(ADMIN, DEMO_PASSWORD).await;
        clock.advance(chrono::Duration::minutes(29));
        assert_eq!(status(&client).await, 200, "29 minutes idle {backend:?}");
        clock.advance(chrono::Duration::minutes(29));
        assert_eq!(status(&client).await, 200, "activity restarts the idle time {backend:?}");
        clock.advance(chrono::Duration::minutes(30));
        assert_eq!(status(&client).await, 303, "30 minutes idle {backend:?}");
        assert_eq!(status(&client).await, 303, "the ended session stays ended {backend:?}");

        let client = app.sign_in(ADMIN, DEMO_PASSWORD).await;
        for _ in 0..23 {
            clock.advance(chrono::Duration::minutes(25));
            assert_eq!(status(&client).await, 200, "active session {backend:?}");
        }
        // 9 h 35 min so far; the session ends at 10 h however active it is.
        clock.advance(chrono::Duration::minutes(24));
        assert_eq!(status(&client).await, 200, "9 h 59 min {backend:?}");
        clock.advance(chrono::Duration::minutes(1));
        assert_eq!(status(&client).await, 303, "10 hours {backend:?}");
    }
}

#[tokio::test]
async fn sign_in_is_throttled_per_address_before_hashing_whatever_x_forwarded_for_says() {
    for backend in backends() {
        let app = spawn_app_configured(backend, |c| c.auth.sign_in_limit_ip = 3).await;
        let try_as = |n: usize| {
            app.anonymous
                .post(format!("{}/auth/sign-in", app.url))
                .header("x-forwarded-for", format!("203.0.113.{n}"))
                .form(&[("email", format!("person{n}@linkoping.example")), ("password", "guess-guess-guess".into())])
                .send()
        };
        // The helper's own sign-in counts: two more attempts fill the window.
        for n in 0..2 {
            assert_eq!(try_as(n).await.expect("request").status().as_u16(), 401);
        }
        for n in 2..5 {
            let response = try_as(n).await.expect("request");
            assert_eq!(response.status().as_u16(), 429, "attempt {n} on {backend:?}");
            let wait: u64 = response.headers()["retry-after"].to_str().expect("ascii").parse().expect("seconds");
            assert!(wait > 60 && wait <= 900, "{wait}");
            assert!(response.text().await.expect("body").contains("För många inloggningsförsök"));
        }
        // Refused attempts never reached the password check: no failure records for them.
        assert_eq!(audit_count(&audit(&app).await, AuditAction::SignInFailed), 2);

        // Behind a trusted proxy, its X-Forwarded-For names the client.
        let proxied = spawn_app_configured(backend, |c| {
            c.auth.sign_in_limit_ip = 3;
            c.auth.trusted_proxies = vec!["127.0.0.1".parse().expect("ip")];
        })
        .await;
        for n in 0..5 {
            let response = proxied
                .anonymous
                .post(format!("{}/auth/sign-in", proxied.url))
                .header("x-forwarded-for", format!("203.0.113.{n}"))
                .form(&[("email", "someone@linkoping.example"), ("password", "guess-guess-guess")])
                .send()
                .await
                .expect("request");
            assert_eq!(response.status().as_u16(), 401, "client {n} has its own window");
        }
    }
}

#[tokio::test]
async fn an_account_is_locked_after_its_failures_even_against_the_right_password() {
    for backend in backends() {
        let app = spawn_app_configured(backend, |c| c.auth.sign_in_limit_account = 2).await;
        for _ in 0..2 {
            let response = app
                .anonymous
                .post(format!("{}/auth/sign-in", app.url))
                .form(&[("email", ADMIN), ("password", "wrong-password-1")])
                .send()
                .await
                .expect("request");
            assert_eq!(response.status().as_u16(), 401);
        }
        let right = app
            .anonymous
            .post(format!("{}/auth/sign-in", app.url))
            .form(&[("email", ADMIN), ("password", DEMO_PASSWORD)])
            .send()
            .await
            .expect("request");
        assert_eq!(right.status().as_u16(), 429, "{backend:?}");
        assert!(right.headers().get("set-cookie").is_none());
        // Other accounts are not affected.
        app.sign_in(READER, DEMO_PASSWORD).await;
    }
}

#[tokio::test]
async fn api_tokens_read_the_api_only_are_audited_stored_hashed_and_revocable() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let (status, created) = app.call(&app.client, "/sf/account/create_token", &[("name", "Power BI")]).await;
        assert_eq!(status, 200, "{created}");
        let secret = created["secret"].as_str().expect("secret").to_owned();
        let id = created["token"]["id"].as_i64().expect("id");
        assert!(secret.starts_with("sbt_"));
        let bearer = |path: &str| {
            app.anonymous.get(format!("{}{path}", app.url)).header("authorization", format!("Bearer {secret}")).send()
        };
        let objects = bearer("/api/v1/objects").await.expect("request");
        assert_eq!(objects.status().as_u16(), 200);
        let records = audit(&app).await;
        let used = records.iter().find(|r| r.action == AuditAction::TokenUse).expect("token use audited");
        assert_eq!(used.entity_id.as_deref(), Some(id.to_string().as_str()));
        assert!(used.after.as_deref().unwrap_or_default().contains("/api/v1/objects"));
        // Pages and server functions do not take tokens; tokens never write.
        assert_eq!(bearer("/").await.expect("request").status().as_u16(), 303);
        let write = app
            .anonymous
            .post(format!("{}/sf/account/create_token", app.url))
            .header("authorization", format!("Bearer {secret}"))
            .form(&[("name", "sneaky")])
            .send()
            .await
            .expect("request");
        assert_eq!(write.status().as_u16(), 401);

        // Only the hash is stored.
        let tokens = app.access.api_tokens_of(app.access.person_by_email(READER).await.unwrap().unwrap().id).await;
        assert_eq!(tokens.expect("tokens").len(), 1);
        assert!(app.access.api_token_by_hash(&secret).await.expect("query").is_none());
        assert!(app.access.api_token_by_hash(&app::secrets::digest(&secret)).await.expect("query").is_some());

        // Someone else cannot revoke it by its id (IDOR): "not found", and it still works.
        let admin = app.sign_in(ADMIN, DEMO_PASSWORD).await;
        let (status, _) = app.call(&admin, "/sf/account/revoke_token", &[("id", &id.to_string())]).await;
        assert_eq!(status, 404);
        assert_eq!(bearer("/api/v1/objects").await.expect("request").status().as_u16(), 200);
        let (status, _) = app.call(&app.client, "/sf/account/revoke_token", &[("id", &id.to_string())]).await;
        assert_eq!(status, 200);
        let revoked = bearer("/api/v1/objects").await.expect("request");
        assert_eq!(revoked.status().as_u16(), 401, "{backend:?}");
        let (status, body) = app.call(&app.client, "/sf/account/create_token", &[("name", "  ")]).await;
        assert_eq!((status, body["field"].as_str()), (400, Some("name")));
    }
}

/// Who makes a request in the authorization matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Who {
    Nobody,
    NoRole,
    Admin,
    Psg,
    OwnerBusiness,
    OwnerIt,
    LeaderBusiness,
    LeaderIt,
    Coordinator,
    SpecialistBusiness,
    SpecialistIt,
    Reader,
    /// Object leader (IT) of VSOA, not of AKN.
    OtherLeader,
}

use Who::*;

const EVERYONE: &[Who] = &[
    Nobody,
    NoRole,
    Admin,
    Psg,
    OwnerBusiness,
    OwnerIt,
    LeaderBusiness,
    LeaderIt,
    Coordinator,
    SpecialistBusiness,
    SpecialistIt,
    Reader,
    OtherLeader,
];
const SIGNED_IN: &[Who] = &[
    NoRole,
    Admin,
    Psg,
    OwnerBusiness,
    OwnerIt,
    LeaderBusiness,
    LeaderIt,
    Coordinator,
    SpecialistBusiness,
    SpecialistIt,
    Reader,
    OtherLeader,
];
/// Everyone with a role reads the whole portfolio.
const READERS: &[Who] = &[
    Admin,
    Psg,
    OwnerBusiness,
    OwnerIt,
    LeaderBusiness,
    LeaderIt,
    Coordinator,
    SpecialistBusiness,
    SpecialistIt,
    Reader,
    OtherLeader,
];

/// (method, route as registered, concrete path, form body, who is allowed).
type MatrixRow = (&'static str, &'static str, String, Vec<(&'static str, String)>, &'static [Who]);
/// A role and the object it is held on, if any.
type RoleGrant = (Role, Option<i64>);
/// A form, the field it gets wrong and the expected error code.
type BadForm<'a> = (&'a [(&'a str, &'a str)], &'a str, &'a str);

/// Who manages AKN's plan: its owners and leaders, and administrators.
const MANAGERS: &[Who] = &[Admin, OwnerBusiness, OwnerIt, LeaderBusiness, LeaderIt];
/// Who keeps the shared supplier register: the steering group and anyone
/// managing some object (the other object's leader too).
const SUPPLIER_KEEPERS: &[Who] = &[Admin, Psg, OwnerBusiness, OwnerIt, LeaderBusiness, LeaderIt, OtherLeader];
/// Who approves and reopens AKN's plans.
const OWNERS: &[Who] = &[Admin, OwnerBusiness, OwnerIt];
/// Who reports status on AKN's initiatives: managers and specialists.
const REPORTERS: &[Who] =
    &[Admin, OwnerBusiness, OwnerIt, LeaderBusiness, LeaderIt, Coordinator, SpecialistBusiness, SpecialistIt];

/// The expected answer of every endpoint to every kind of caller, as data:
/// (method, path as registered, concrete path, form body, who is allowed).
/// Allowed means anything but 401/403 (and never a 5xx); refused means
/// 401 or 403.
fn matrix() -> Vec<MatrixRow> {
    let form = |pairs: &[(&'static str, &str)]| pairs.iter().map(|&(k, v)| (k, v.to_owned())).collect::<Vec<_>>();
    let mut rows = vec![
        // Server functions: reads.
        ("POST", "/sf/session", "/sf/session".into(), form(&[]), EVERYONE),
        ("POST", "/sf/sign_in_options", "/sf/sign_in_options".into(), form(&[]), EVERYONE),
        ("POST", "/sf/overview", "/sf/overview".into(), form(&[]), READERS),
        ("POST", "/sf/object", "/sf/object".into(), form(&[("code", "AKN")]), READERS),
        ("POST", "/sf/account", "/sf/account".into(), form(&[]), SIGNED_IN),
        ("POST", "/sf/admin/people", "/sf/admin/people".into(), form(&[]), &[Admin][..]),
        ("POST", "/sf/audit", "/sf/audit".into(), form(&[]), &[Admin, Psg][..]),
        // Server functions: changes.
        ("POST", "/sf/account/create_token", "/sf/account/create_token".into(), form(&[("name", "matrix")]), SIGNED_IN),
        ("POST", "/sf/account/revoke_token", "/sf/account/revoke_token".into(), form(&[("id", "999999")]), SIGNED_IN),
        (
            "POST",
            "/sf/admin/add_person",
            "/sf/admin/add_person".into(),
            form(&[("name", "Ny Person"), ("email", "ny.person@linkoping.example"), ("password", "")]),
            &[Admin][..],
        ),
        (
            "POST",
            "/sf/admin/grant_role",
            "/sf/admin/grant_role".into(),
            form(&[("person_id", "PERSON"), ("role", "reader"), ("object", "")]),
            &[Admin][..],
        ),
        (
            "POST",
            "/sf/admin/revoke_role",
            "/sf/admin/revoke_role".into(),
            form(&[("person_id", "PERSON"), ("role", "psg_member"), ("object", "")]),
            &[Admin][..],
        ),
        (
            "POST",
            "/sf/admin/public_status",
            "/sf/admin/public_status".into(),
            form(&[("enabled", "false")]),
            &[Admin][..],
        ),
        // Changing a plan (AKN 2021, a draft). Edits name version 0, which is
        // never stored: allowed callers get 409 and nothing changes.
        ("POST", "/sf/plan/initiative", "/sf/plan/initiative".into(), form(&[("id", "DRAFT")]), READERS),
        ("POST", "/sf/plan/editor", "/sf/plan/editor".into(), form(&[("code", "AKN"), ("year", "2021")]), READERS),
        ("POST", "/sf/plan/compare", "/sf/plan/compare".into(), form(&[("code", "AKN")]), READERS),
        // Objects: a malformed code or an unknown category is refused (400)
        // for those allowed, so nothing changes.
        ("POST", "/sf/objects/editor", "/sf/objects/editor".into(), form(&[("code", "AKN")]), MANAGERS),
        ("POST", "/sf/objects/may_add", "/sf/objects/may_add".into(), form(&[]), &[Admin, Psg][..]),
        (
            "POST",
            "/sf/objects/create",
            "/sf/objects/create".into(),
            form(&[("code", "x"), ("name", "Matris"), ("category", "core"), ("description", "")]),
            &[Admin, Psg][..],
        ),
        (
            "POST",
            "/sf/objects/update",
            "/sf/objects/update".into(),
            form(&[("id", "OBJECT"), ("version", "0"), ("name", "Matris"), ("category", "x"), ("description", "")]),
            MANAGERS,
        ),
        // What objects are made of, with refused input (an empty name, an
        // id that is nobody's): allowed callers get 400 or 404, nothing changes.
        ("POST", "/sf/catalog/editor", "/sf/catalog/editor".into(), form(&[("code", "AKN")]), MANAGERS),
        (
            "POST",
            "/sf/catalog/save_business_component",
            "/sf/catalog/save_business_component".into(),
            form(&[("code", "AKN"), ("name", " "), ("description", "")]),
            MANAGERS,
        ),
        (
            "POST",
            "/sf/catalog/remove_business_component",
            "/sf/catalog/remove_business_component".into(),
            form(&[("code", "AKN"), ("id", "0"), ("version", "1")]),
            MANAGERS,
        ),
        (
            "POST",
            "/sf/catalog/save_it_component",
            "/sf/catalog/save_it_component".into(),
            form(&[("code", "AKN"), ("name", ""), ("description", ""), ("supplier", "")]),
            MANAGERS,
        ),
        (
            "POST",
            "/sf/catalog/link_it_component",
            "/sf/catalog/link_it_component".into(),
            form(&[("code", "AKN"), ("id", "")]),
            MANAGERS,
        ),
        (
            "POST",
            "/sf/catalog/unlink_it_component",
            "/sf/catalog/unlink_it_component".into(),
            form(&[("code", "AKN"), ("id", "0")]),
            MANAGERS,
        ),
        (
            "POST",
            "/sf/catalog/save_product",
            "/sf/catalog/save_product".into(),
            form(&[("code", "AKN"), ("name", ""), ("description", "")]),
            MANAGERS,
        ),
        (
            "POST",
            "/sf/catalog/remove_product",
            "/sf/catalog/remove_product".into(),
            form(&[("code", "AKN"), ("id", "0"), ("version", "1")]),
            MANAGERS,
        ),
        (
            "POST",
            "/sf/catalog/move_product",
            "/sf/catalog/move_product".into(),
            form(&[("code", "AKN"), ("id", "0"), ("version", "1"), ("up", "true")]),
            MANAGERS,
        ),
        // Prioritisation, with refused input for those allowed (an item
        // that is nobody's, an unknown step, a capacity that is no number;
        // nothing to undo yet): 400 or 409, nothing changes.
        ("POST", "/sf/priority/page", "/sf/priority/page".into(), form(&[("code", "AKN"), ("year", "2021")]), READERS),
        (
            "POST",
            "/sf/priority/move",
            "/sf/priority/move".into(),
            form(&[("plan_year_id", "PLAN"), ("item", "0")]),
            MANAGERS,
        ),
        (
            "POST",
            "/sf/priority/step",
            "/sf/priority/step".into(),
            form(&[("plan_year_id", "PLAN"), ("item", "DRAFT"), ("step", "sideways")]),
            MANAGERS,
        ),
        ("POST", "/sf/priority/undo", "/sf/priority/undo".into(), form(&[("plan_year_id", "PLAN")]), MANAGERS),
        (
            "POST",
            "/sf/priority/capacity",
            "/sf/priority/capacity".into(),
            form(&[
                ("plan_year_id", "PLAN"),
                ("version", "0"),
                ("business_hours", "x"),
                ("it_hours", ""),
                ("budget", ""),
            ]),
            MANAGERS,
        ),
        (
            "GET",
            "/objects/{code}/plans/{year}/priorities/events",
            "/objects/AKN/plans/2021/priorities/events".into(),
            form(&[]),
            READERS,
        ),
        // Across objects: the steering group decides the portfolio's order
        // (refused input for them: an unknown item, step or number;
        // nothing to undo yet); those who manage an initiative's object
        // keep the IT components it touches.
        ("POST", "/sf/portfolio/page", "/sf/portfolio/page".into(), form(&[("year", "2021")]), READERS),
        (
            "POST",
            "/sf/portfolio/move",
            "/sf/portfolio/move".into(),
            form(&[("year", "2021"), ("item", "0")]),
            &[Admin, Psg][..],
        ),
        (
            "POST",
            "/sf/portfolio/step",
            "/sf/portfolio/step".into(),
            form(&[("year", "2021"), ("item", "DRAFT"), ("step", "sideways")]),
            &[Admin, Psg][..],
        ),
        ("POST", "/sf/portfolio/undo", "/sf/portfolio/undo".into(), form(&[("year", "2021")]), &[Admin, Psg][..]),
        (
            "POST",
            "/sf/portfolio/capacity",
            "/sf/portfolio/capacity".into(),
            form(&[("year", "2021"), ("version", "1"), ("it_hours", "x")]),
            &[Admin, Psg][..],
        ),
        ("GET", "/portfolio/priorities/{year}/events", "/portfolio/priorities/2021/events".into(), form(&[]), READERS),
        (
            "POST",
            "/sf/initiative/components",
            "/sf/initiative/components".into(),
            form(&[("initiative_id", "DRAFT")]),
            READERS,
        ),
        (
            "POST",
            "/sf/initiative/save_components",
            "/sf/initiative/save_components".into(),
            form(&[("initiative_id", "DRAFT"), ("components[]", "987654")]),
            MANAGERS,
        ),
        ("POST", "/sf/catalog/suppliers", "/sf/catalog/suppliers".into(), form(&[]), READERS),
        (
            "POST",
            "/sf/catalog/save_supplier",
            "/sf/catalog/save_supplier".into(),
            form(&[("name", "")]),
            SUPPLIER_KEEPERS,
        ),
        (
            "POST",
            "/sf/catalog/remove_supplier",
            "/sf/catalog/remove_supplier".into(),
            form(&[("id", "0"), ("version", "1")]),
            SUPPLIER_KEEPERS,
        ),
        ("POST", "/sf/plan/report", "/sf/plan/report".into(), form(&[("code", "AKN"), ("year", "2020")]), READERS),
        // Outcome with a refused value: allowed callers get 400, nothing changes.
        (
            "POST",
            "/sf/plan/outcome",
            "/sf/plan/outcome".into(),
            form(&[
                ("id", "DRAFT"),
                ("business_hours", "x"),
                ("business_other", ""),
                ("it_hours", ""),
                ("it_other", ""),
            ]),
            MANAGERS,
        ),
        // The yearly cycle. Version 0 is never stored: allowed callers get
        // 409; the next-year form with a malformed id gets 400.
        (
            "POST",
            "/sf/plan/approve",
            "/sf/plan/approve".into(),
            form(&[("plan_year_id", "PLAN"), ("version", "0")]),
            OWNERS,
        ),
        (
            "POST",
            "/sf/plan/reopen",
            "/sf/plan/reopen".into(),
            form(&[("plan_year_id", "PLAN"), ("version", "0")]),
            OWNERS,
        ),
        (
            "POST",
            "/objects/{code}/plans/{year}/next",
            "/objects/AKN/plans/2021/next".into(),
            form(&[("keep", "x")]),
            MANAGERS,
        ),
        // Import drafts belong to the person who uploaded them: anyone else
        // who may read gets 404 for this unknown id, as for another's draft.
        ("POST", "/sf/plan/import_preview", "/sf/plan/import_preview".into(), form(&[("id", "imp_none")]), READERS),
        ("POST", "/sf/plan/apply_import", "/sf/plan/apply_import".into(), form(&[("id", "imp_none")]), READERS),
        // Without a file part the upload is a draft that says "no file".
        (
            "POST",
            "/objects/{code}/plans/{year}/import/upload",
            "/objects/AKN/plans/2021/import/upload".into(),
            form(&[("file", "")]),
            MANAGERS,
        ),
        (
            "POST",
            "/sf/plan/create_initiative",
            "/sf/plan/create_initiative".into(),
            form(&[
                ("plan_year_id", "PLAN"),
                ("name", "Matrisens delmål"),
                ("main_activity", "operations"),
                ("assignment_type", "maintain"),
                ("priority", ""),
                ("business_hours", "1"),
                ("business_other", ""),
                ("it_hours", ""),
                ("it_other", ""),
            ]),
            MANAGERS,
        ),
        (
            "POST",
            "/sf/plan/update_initiative",
            "/sf/plan/update_initiative".into(),
            form(&[
                ("id", "DRAFT"),
                ("version", "0"),
                ("name", "Matrisens ändring"),
                ("main_activity", "operations"),
                ("assignment_type", "maintain"),
                ("priority", ""),
                ("business_hours", "1"),
                ("business_other", ""),
                ("it_hours", ""),
                ("it_other", ""),
            ]),
            MANAGERS,
        ),
        (
            "POST",
            "/sf/plan/delete_initiative",
            "/sf/plan/delete_initiative".into(),
            form(&[("id", "DRAFT"), ("version", "0")]),
            MANAGERS,
        ),
        (
            "POST",
            "/sf/plan/report_status",
            "/sf/plan/report_status".into(),
            form(&[("id", "DRAFT"), ("status", "on_track"), ("date", "2021-03-01"), ("comment", "")]),
            REPORTERS,
        ),
        (
            "POST",
            "/sf/plan/settings",
            "/sf/plan/settings".into(),
            form(&[
                ("plan_year_id", "PLAN"),
                ("version", "0"),
                ("business_rate", "655"),
                ("it_rate", "655"),
                ("hours_per_fte", "1700"),
            ]),
            MANAGERS,
        ),
        // Other routes.
        ("GET", "/health", "/health".into(), form(&[]), EVERYONE),
        ("GET", "/lang/{code}", "/lang/en".into(), form(&[]), EVERYONE),
        ("GET", "/audit.csv", "/audit.csv".into(), form(&[]), &[Admin, Psg][..]),
        (
            "GET",
            "/objects/{code}/plans/{year}/export.xlsx",
            "/objects/AKN/plans/2020/export.xlsx".into(),
            form(&[]),
            READERS,
        ),
        (
            "GET",
            "/objects/{code}/plans/{year}/export.csv",
            "/objects/AKN/plans/2020/export.csv".into(),
            form(&[]),
            READERS,
        ),
        ("POST", "/auth/sign-in", "/auth/sign-in".into(), form(&[("email", ""), ("password", "")]), EVERYONE),
        ("GET", "/auth/oidc/start", "/auth/oidc/start".into(), form(&[]), EVERYONE),
        ("GET", "/auth/oidc/callback", "/auth/oidc/callback".into(), form(&[]), EVERYONE),
        // Escalations: read by all readers; raised by those who manage an
        // involved object (AKN) or sit in the PSG; the demo question at step
        // 1 about AKN and EHR taken further or decided by AKN's leaders (and
        // the PSG); withdrawn by its raiser (a demo leader) or the PSG. Those
        // allowed send refused input (400): nothing changes.
        // Contract reminders: anyone who reads the portfolio.
        ("POST", "/sf/reminders/mine", "/sf/reminders/mine".into(), form(&[]), READERS),
        ("POST", "/sf/reminders/contract", "/sf/reminders/contract".into(), form(&[("id", "1")]), READERS),
        ("POST", "/sf/escalations/list", "/sf/escalations/list".into(), form(&[]), READERS),
        ("POST", "/sf/escalations/summary", "/sf/escalations/summary".into(), form(&[]), READERS),
        ("POST", "/sf/escalations/page", "/sf/escalations/page".into(), form(&[("id", "ESCALATION")]), READERS),
        ("POST", "/sf/escalations/new", "/sf/escalations/new".into(), form(&[]), SUPPLIER_KEEPERS),
        (
            "POST",
            "/sf/escalations/raise",
            "/sf/escalations/raise".into(),
            form(&[("year", "2021"), ("title", ""), ("description", ""), ("due_on", ""), ("objects[]", "AKN")]),
            &[Admin, Psg, OwnerBusiness, OwnerIt, LeaderBusiness, LeaderIt][..],
        ),
        (
            "POST",
            "/sf/escalations/escalate",
            "/sf/escalations/escalate".into(),
            form(&[("id", "ESCALATION"), ("version", "1"), ("note", ""), ("due_on", "")]),
            &[Admin, Psg, LeaderBusiness, LeaderIt][..],
        ),
        (
            "POST",
            "/sf/escalations/decide",
            "/sf/escalations/decide".into(),
            form(&[("id", "ESCALATION"), ("version", "1"), ("decision", ""), ("rationale", "")]),
            &[Admin, Psg, LeaderBusiness, LeaderIt][..],
        ),
        (
            "POST",
            "/sf/escalations/withdraw",
            "/sf/escalations/withdraw".into(),
            form(&[("id", "ESCALATION"), ("version", "1"), ("note", "x".repeat(4001).as_str())]),
            &[Admin, Psg][..],
        ),
        // Calendar feeds: anyone who reads makes and revokes their own
        // (refused input for them: an unknown object, a feed that is
        // nobody's). The feed itself needs no session: an unknown secret
        // is 404 for everyone.
        ("POST", "/sf/calendar/list", "/sf/calendar/list".into(), form(&[]), READERS),
        ("POST", "/sf/calendar/create", "/sf/calendar/create".into(), form(&[("scope", "NOPE")]), READERS),
        ("POST", "/sf/calendar/revoke", "/sf/calendar/revoke".into(), form(&[("id", "999999")]), READERS),
        ("GET", "/calendar/{file}", "/calendar/sbc_matrix.ics".into(), form(&[]), EVERYONE),
        // Contracts: read by all readers; a new one by anyone managing some
        // object; an AKN-only contract changed by AKN's managers only, with
        // refused input (400), a stale version (409) or an object not the
        // contract's (400): nothing changes.
        ("POST", "/sf/dashboard", "/sf/dashboard".into(), form(&[("year", "2021")]), READERS),
        ("POST", "/sf/dashboard/rows", "/sf/dashboard/rows".into(), form(&[("query", "year=2021")]), READERS),
        // The phone's status page, and marking its changes as read (a time
        // that is no time is refused with 400 for those allowed).
        ("POST", "/sf/status", "/sf/status".into(), form(&[]), READERS),
        ("POST", "/sf/status/seen", "/sf/status/seen".into(), form(&[("seen", "not a time")]), READERS),
        ("POST", "/sf/contracts/list", "/sf/contracts/list".into(), form(&[]), READERS),
        ("POST", "/sf/contracts/summary", "/sf/contracts/summary".into(), form(&[]), READERS),
        ("POST", "/sf/contracts/page", "/sf/contracts/page".into(), form(&[("id", "CONTRACT")]), READERS),
        ("POST", "/sf/contracts/editor", "/sf/contracts/editor".into(), form(&[("id", "CONTRACT")]), MANAGERS),
        ("GET", "/contracts/export.csv", "/contracts/export.csv".into(), form(&[]), READERS),
        ("GET", "/contracts/export.xlsx", "/contracts/export.xlsx".into(), form(&[]), READERS),
        (
            "POST",
            "/sf/contracts/save",
            "/sf/contracts/save".into(),
            form(&[("id", "CONTRACT"), ("version", "1"), ("reference", ""), ("objects[]", "AKN")]),
            MANAGERS,
        ),
        (
            "POST",
            "/sf/contracts/term",
            "/sf/contracts/term".into(),
            form(&[("id", "CONTRACT"), ("version", "1"), ("kind", "bogus")]),
            MANAGERS,
        ),
        (
            "POST",
            "/sf/contracts/delete",
            "/sf/contracts/delete".into(),
            form(&[("id", "CONTRACT"), ("version", "0")]),
            MANAGERS,
        ),
        (
            "POST",
            "/sf/contracts/procure",
            "/sf/contracts/procure".into(),
            form(&[("id", "CONTRACT"), ("object", "NOPE")]),
            MANAGERS,
        ),
        // Steering group meetings: read by all readers; created, edited,
        // decided and closed by the steering group and administrators only.
        // Those allowed send refused input (400) or name no such meeting or
        // item (404): nothing changes.
        ("POST", "/sf/meetings/list", "/sf/meetings/list".into(), form(&[]), READERS),
        ("POST", "/sf/meetings/page", "/sf/meetings/page".into(), form(&[("id", "MEETING")]), READERS),
        ("POST", "/sf/meetings/protocol", "/sf/meetings/protocol".into(), form(&[("id", "MEETING")]), READERS),
        ("POST", "/sf/meetings/compare", "/sf/meetings/compare".into(), form(&[]), READERS),
        ("GET", "/meetings/{id}/protocol.xlsx", "/meetings/MEETING/protocol.xlsx".into(), form(&[]), READERS),
        ("POST", "/sf/meetings/new", "/sf/meetings/new".into(), form(&[]), &[Admin, Psg][..]),
        (
            "POST",
            "/sf/meetings/create",
            "/sf/meetings/create".into(),
            form(&[("held_on", ""), ("title", ""), ("year", "2021")]),
            &[Admin, Psg][..],
        ),
        (
            "POST",
            "/sf/meetings/add_item",
            "/sf/meetings/add_item".into(),
            form(&[("id", "MEETING"), ("title", "")]),
            &[Admin, Psg][..],
        ),
        (
            "POST",
            "/sf/meetings/remove_item",
            "/sf/meetings/remove_item".into(),
            form(&[("id", "MEETING"), ("item", "999999")]),
            &[Admin, Psg][..],
        ),
        (
            "POST",
            "/sf/meetings/decide",
            "/sf/meetings/decide".into(),
            form(&[("id", "MEETING"), ("item", "999999"), ("version", "1"), ("decision", "")]),
            &[Admin, Psg][..],
        ),
        ("POST", "/sf/meetings/snapshot", "/sf/meetings/snapshot".into(), form(&[("id", "999999")]), &[Admin, Psg][..]),
        ("POST", "/sf/meetings/close", "/sf/meetings/close".into(), form(&[("id", "999999")]), &[Admin, Psg][..]),
        // Last: it ends the caller's session.
        ("POST", "/auth/sign-out", "/auth/sign-out".into(), form(&[]), EVERYONE),
    ];
    for &route in server::rest::ROUTES {
        let concrete =
            route.replace("{code}", "AKN").replace("{year}", "2020").replace("{id}", "INITIATIVE").replace("//", "/");
        let allowed = if route == "/openapi.json" { EVERYONE } else { READERS };
        rows.insert(0, ("GET", route, format!("/api/v1{concrete}"), form(&[]), allowed));
    }
    // Reordering through the API: an empty body is refused (400) for those
    // allowed, after the check of who is asking.
    for &(method, route) in server::rest::WRITE_ROUTES {
        let concrete = route.replace("{code}", "AKN").replace("{year}", "2021");
        // Before the sign-out row, which stays last.
        let at = rows.len() - 1;
        // The portfolio's order is the steering group's.
        let allowed = if route.starts_with("/portfolio") { &[Admin, Psg][..] } else { MANAGERS };
        rows.insert(at, (method, route, format!("/api/v1{concrete}"), form(&[]), allowed));
    }
    rows
}

/// People with one role each (object roles on AKN), all with one password.
async fn matrix_people(app: &TestApp) -> Vec<(Who, Option<reqwest::Client>)> {
    let akn = app.access.object_id("AKN").await.expect("query").expect("AKN");
    let vsoa = app.access.object_id("VSOA").await.expect("query").expect("VSOA");
    let hash = app::secrets::hash_password("matrix-password-1").expect("hash");
    let roles: &[(Who, Option<RoleGrant>)] = &[
        (NoRole, None),
        (Admin, Some((Role::Administrator, None))),
        (Psg, Some((Role::PsgMember, None))),
        (OwnerBusiness, Some((Role::ObjectOwnerBusiness, Some(akn)))),
        (OwnerIt, Some((Role::ObjectOwnerIt, Some(akn)))),
        (LeaderBusiness, Some((Role::ObjectLeaderBusiness, Some(akn)))),
        (LeaderIt, Some((Role::ObjectLeaderIt, Some(akn)))),
        (Coordinator, Some((Role::ProductCoordinator, Some(akn)))),
        (SpecialistBusiness, Some((Role::SpecialistBusiness, Some(akn)))),
        (SpecialistIt, Some((Role::SpecialistIt, Some(akn)))),
        (Reader, Some((Role::Reader, None))),
        (OtherLeader, Some((Role::ObjectLeaderIt, Some(vsoa)))),
    ];
    let mut people = vec![(Nobody, None)];
    for &(who, grant) in roles {
        let email = format!("matrix.{}@linkoping.example", format!("{who:?}").to_lowercase());
        let person = NewPerson {
            name: format!("Matrix {who:?}"),
            email: email.clone(),
            password_hash: Some(hash.clone()),
            roles: grant.map(|(role, object_id)| Grant { role, object_id }).into_iter().collect(),
        };
        app.access.create_person(&person, None).await.expect("person");
        people.push((who, Some(app.sign_in(&email, "matrix-password-1").await)));
    }
    people
}

#[tokio::test]
async fn the_authorization_matrix_holds_for_every_role_and_endpoint() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let initiative = app.store.initiatives_in_year(2020).await.expect("initiatives")[0].id.to_string();
        let contract = app.store.contracts().await.expect("contracts")[0].id.to_string();
        let target = app.access.person_by_email(READER).await.expect("query").expect("reader").id.to_string();
        let akn = app.store.object_by_code("AKN").await.expect("query").expect("AKN");
        let draft = app.store.plan_years_of(akn.id).await.expect("plans").into_iter().find(|p| p.year == 2021);
        let draft = draft.expect("AKN 2021");
        let draft_initiative = app.store.initiatives(draft.id).await.expect("initiatives")[0].id.to_string();
        let people = matrix_people(&app).await;
        let admin = app.sign_in(ADMIN, DEMO_PASSWORD).await;
        let held_on = chrono::Utc::now().date_naive().to_string();
        let (status, meeting) = app
            .call(&admin, "/sf/meetings/create", &[("held_on", &held_on), ("title", "Matris"), ("year", "2021")])
            .await;
        assert_eq!(status, 200, "{meeting}");
        let meeting = meeting.as_i64().expect("meeting id").to_string();
        let escalation = app.store.escalations(true).await.expect("escalations");
        let escalation = escalation
            .iter()
            .find(|e| e.step == app::domain::EscalationStep::ObjectLeaders && e.objects.iter().any(|o| o.code == "AKN"))
            .expect("a demo escalation at step 1 about AKN")
            .id
            .to_string();
        let akn_contract = app.store.contracts().await.expect("contracts");
        let akn_contract = akn_contract
            .iter()
            .find(|c| c.object_codes == ["AKN"])
            .expect("a demo contract of AKN alone")
            .id
            .to_string();
        for (method, route, path, form, allowed) in matrix() {
            let path = if route.starts_with("/contracts") || path.starts_with("/api/v1/contracts/") {
                path.replace("INITIATIVE", &contract)
            } else {
                path.replace("INITIATIVE", &initiative)
            };
            let path = path.replace("MEETING", &meeting);
            let form: Vec<(&str, String)> = form
                .into_iter()
                .map(|(k, v)| match v.as_str() {
                    "PERSON" => (k, target.clone()),
                    "DRAFT" => (k, draft_initiative.clone()),
                    "PLAN" => (k, draft.id.to_string()),
                    "OBJECT" => (k, akn.id.to_string()),
                    "ESCALATION" => (k, escalation.clone()),
                    "CONTRACT" => (k, akn_contract.clone()),
                    "MEETING" => (k, meeting.clone()),
                    _ => (k, v),
                })
                .collect();
            for (who, client) in &people {
                let client = client.as_ref().unwrap_or(&app.anonymous);
                let url = format!("{}{path}", app.url);
                let request = match method {
                    "GET" => client.get(url),
                    _ => client.post(url).form(&form),
                };
                let status = request.send().await.expect("request").status().as_u16();
                let refused = status == 401 || status == 403;
                assert!(status < 500, "{method} {path} as {who:?}: {status} on {backend:?}");
                assert_eq!(!refused, allowed.contains(who), "{method} {path} as {who:?}: {status} on {backend:?}");
            }
        }
    }
}

#[tokio::test]
async fn every_server_function_and_route_has_a_row_in_the_matrix() {
    let rows: BTreeSet<(String, String)> =
        matrix().into_iter().map(|(method, route, _, _, _)| (method.to_owned(), route.to_owned())).collect();
    let mut missing = Vec::new();
    for (path, method) in leptos::server_fn::axum::server_fn_paths() {
        if !rows.contains(&(method.to_string(), path.to_owned())) {
            missing.push(format!("server function {method} {path}"));
        }
    }
    for &route in server::rest::ROUTES {
        if !rows.contains(&("GET".to_owned(), route.to_owned())) {
            missing.push(format!("API route GET /api/v1{route}"));
        }
    }
    for &(method, route) in server::rest::WRITE_ROUTES {
        if !rows.contains(&(method.to_owned(), route.to_owned())) {
            missing.push(format!("API route {method} /api/v1{route}"));
        }
    }
    for &(method, route) in server::startup::OTHER_ROUTES {
        if !rows.contains(&(method.to_owned(), route.to_owned())) {
            missing.push(format!("route {method} {route}"));
        }
    }
    assert!(missing.is_empty(), "endpoints without a row in the authorization matrix: {missing:#?}");
}

/// Counts of everything a forged request could change.
async fn snapshot(app: &TestApp) -> (usize, usize, usize, bool, usize) {
    let people = app.access.people_accounts().await.expect("people");
    let roles: usize = people.iter().map(|p| p.roles.len()).sum();
    let admin = app.access.person_by_email(ADMIN).await.expect("query").expect("admin");
    let tokens = app.access.api_tokens_of(admin.id).await.expect("tokens").len();
    let public = app.access.public_status_pages().await.expect("setting");
    (people.len(), roles, tokens, public, audit(app).await.len())
}

#[tokio::test]
async fn cross_site_requests_to_every_changing_endpoint_are_refused_and_change_nothing() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let admin = app.sign_in(ADMIN, DEMO_PASSWORD).await;
        let target = app.access.person_by_email(READER).await.expect("query").expect("reader").id.to_string();
        let before = snapshot(&app).await;
        let posts: Vec<_> = matrix().into_iter().filter(|(method, ..)| *method == "POST").collect();
        let probes: &[(&str, &str, &str)] = &[
            ("origin", "https://evil.example", "application/x-www-form-urlencoded"),
            ("sec-fetch-site", "cross-site", "application/x-www-form-urlencoded"),
            ("sec-fetch-site", "same-site", "application/x-www-form-urlencoded"),
            ("origin", "null", "text/plain"),
            ("origin", "https://evil.example", "text/plain"),
        ];
        for (_, route, path, form, _) in &posts {
            let body = form
                .iter()
                .map(|(k, v)| format!("{k}={}", v.replace("PERSON", &target).replace(' ', "+")))
                .collect::<Vec<_>>()
                .join("&");
            // A forged request would add a person, grant admin, turn public pages on, …
            let body = match *route {
                "/sf/admin/public_status" => "enabled=true".to_owned(),
                "/sf/admin/grant_role" => format!("person_id={target}&role=administrator&object="),
                _ => body,
            };
            for &(header, value, content_type) in probes {
                let response = admin
                    .post(format!("{}{path}", app.url))
                    .header(header, value)
                    .header("content-type", content_type)
                    .body(body.clone())
                    .send()
                    .await
                    .expect("request");
                assert_eq!(response.status().as_u16(), 403, "{path} with {header}: {value} ({content_type})");
            }
        }
        assert_eq!(snapshot(&app).await, before, "nothing changed on {backend:?}");
        // The same requests from our own origin go through.
        let (status, _) = app.call(&admin, "/sf/admin/public_status", &[("enabled", "false")]).await;
        assert_eq!(status, 200);
    }
}

const HOSTILE: &[&str] = &[
    "</textarea><script>alert('x')</script>",
    "\"><img src=x onerror=alert(1)>",
    "javascript:alert(document.cookie)",
    "<svg/onload=alert(1)>",
];

#[tokio::test]
async fn hostile_text_in_every_field_is_shown_as_text_on_every_page() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let admin = app.sign_in(ADMIN, DEMO_PASSWORD).await;
        for (n, &text) in HOSTILE.iter().enumerate() {
            let email = format!("hostile{n}@linkoping.example");
            let (status, body) =
                app.call(&admin, "/sf/admin/add_person", &[("name", text), ("email", &email), ("password", "")]).await;
            assert_eq!(status, 200, "{body}");
            let id = app.access.person_by_email(&email).await.expect("query").expect("person").id.to_string();
            let (status, _) = app
                .call(
                    &admin,
                    "/sf/admin/grant_role",
                    &[("person_id", &id), ("role", "specialist_it"), ("object", "AKN")],
                )
                .await;
            assert_eq!(status, 200);
            let (status, _) = app.call(&admin, "/sf/account/create_token", &[("name", text)]).await;
            assert_eq!(status, 200);
        }
        // Pages that show names of people and tokens.
        for path in ["/admin/people", "/account", "/audit", "/objects/AKN?year=2020"] {
            let html =
                admin.get(format!("{}{path}", app.url)).send().await.expect("request").text().await.expect("body");
            for needle in ["<script>alert", "<img src=x", "<svg/onload", "</textarea><script>"] {
                assert!(!html.contains(needle), "{needle} injected on {path} ({backend:?})");
            }
            assert!(!html.contains("href=\"javascript:"), "a javascript: link on {path}");
            assert!(html.contains("&lt;svg/onload=alert(1)"), "shown as text on {path}");
        }
        // The sign-in page's hidden field and single sign-on link take `next` as text only.
        let html = app
            .anonymous
            .get(format!("{}/sign-in?next=%22%3E%3Cscript%3Ealert(1)%3C/script%3E", app.url))
            .send()
            .await
            .expect("request")
            .text()
            .await
            .expect("body");
        assert!(!html.contains("<script>alert(1)"));
        let hostile_next = cookie_client()
            .post(format!("{}/auth/sign-in", app.url))
            .form(&[("email", ADMIN), ("password", DEMO_PASSWORD), ("next", "javascript:alert(1)")])
            .send()
            .await
            .expect("request");
        assert_eq!(hostile_next.headers()["location"], "/", "only local paths to return to");
    }
}

#[tokio::test]
async fn administrators_manage_people_and_roles_with_field_errors_and_an_audit_trail() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let admin = app.sign_in(ADMIN, DEMO_PASSWORD).await;
        let before = snapshot(&app).await;
        let bad: &[BadForm] = &[
            (&[("name", " "), ("email", "a@b.se"), ("password", "")], "name", "required"),
            (&[("name", "A"), ("email", "not-an-email"), ("password", "")], "email", "email"),
            (&[("name", "A"), ("email", READER), ("password", "")], "email", "taken"),
            (&[("name", "A"), ("email", "a@b.se"), ("password", "short")], "password", "too_short"),
        ];
        for (form, field, message) in bad {
            let (status, body) = app.call(&admin, "/sf/admin/add_person", form).await;
            assert_eq!(status, 400, "{body}");
            assert_eq!((body["field"].as_str(), body["message"].as_str()), (Some(*field), Some(*message)));
        }
        assert_eq!(snapshot(&app).await, before, "bad input changes nothing on {backend:?}");

        let (status, _) = app
            .call(
                &admin,
                "/sf/admin/add_person",
                &[("name", "Sara Ny"), ("email", "sara.ny@linkoping.example"), ("password", "ett långt lösenord")],
            )
            .await;
        assert_eq!(status, 200);
        let sara = app.access.person_by_email("sara.ny@linkoping.example").await.expect("query").expect("Sara");
        let id = sara.id.to_string();
        let grant = |role: &'static str, object: &'static str| {
            let id = id.clone();
            let admin = admin.clone();
            let app = &app;
            async move {
                app.call(&admin, "/sf/admin/grant_role", &[("person_id", &id), ("role", role), ("object", object)])
                    .await
            }
        };
        assert_eq!(grant("object_leader_it", "").await.1["field"], "object", "object roles need an object");
        assert_eq!(grant("reader", "AKN").await.1["field"], "object", "portfolio roles take none");
        assert_eq!(grant("emperor", "").await.1["field"], "role");
        assert_eq!(grant("object_leader_it", "NOPE").await.1["field"], "object");
        assert_eq!(grant("object_leader_it", "AKN").await.0, 200);
        let (status, _) = app
            .call(&admin, "/sf/admin/grant_role", &[("person_id", "999999"), ("role", "reader"), ("object", "")])
            .await;
        assert_eq!(status, 404);

        // Sara can sign in with her password and now leads AKN.
        let sara_client = app.sign_in("sara.ny@linkoping.example", "ett långt lösenord").await;
        let html =
            sara_client.get(format!("{}/objects/AKN?year=2020", app.url)).send().await.unwrap().text().await.unwrap();
        assert!(html.contains("Sara Ny"));
        let (status, _) = app
            .call(
                &admin,
                "/sf/admin/revoke_role",
                &[("person_id", &id), ("role", "object_leader_it"), ("object", "AKN")],
            )
            .await;
        assert_eq!(status, 200);
        let admin_id = app.access.person_by_email(ADMIN).await.unwrap().unwrap().id.to_string();
        let (status, body) = app
            .call(
                &admin,
                "/sf/admin/revoke_role",
                &[("person_id", &admin_id), ("role", "administrator"), ("object", "")],
            )
            .await;
        assert_eq!((status, body["message"].as_str()), (400, Some("own_admin")));

        let records = audit(&app).await;
        assert_eq!(audit_count(&records, AuditAction::RoleChange), 2, "grant and revoke on {backend:?}");
        let akn = app.access.object_id("AKN").await.unwrap();
        assert!(records.iter().filter(|r| r.action == AuditAction::RoleChange).all(|r| r.object_id == akn));
        assert!(records.iter().any(|r| r.action == AuditAction::Create && r.entity == "person"));

        // The audit page filters, and the CSV says the same.
        let csv = admin.get(format!("{}/audit.csv?object=AKN", app.url)).send().await.expect("request");
        assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
        let csv = csv.text().await.expect("body");
        assert_eq!(csv.lines().count(), 3, "header and two role changes: {csv}");
        assert!(csv.contains("Rolländring"));
        let (status, body) = app.call(&admin, "/sf/audit", &[("from", "2026-13-01")]).await;
        assert_eq!((status, body["field"].as_str()), (400, Some("from")));
        let reader_csv = app.client.get(format!("{}/audit.csv", app.url)).send().await.expect("request");
        assert_eq!(reader_csv.status().as_u16(), 403);
    }
}

#[tokio::test]
async fn public_status_pages_open_reading_to_everyone_and_nothing_else() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let admin = app.sign_in(ADMIN, DEMO_PASSWORD).await;
        let (status, _) = app.call(&admin, "/sf/admin/public_status", &[("enabled", "true")]).await;
        assert_eq!(status, 200);
        let get = |path: &str| app.anonymous.get(format!("{}{path}", app.url)).send();
        assert_eq!(get("/").await.expect("request").status().as_u16(), 200, "{backend:?}");
        assert_eq!(get("/objects/AKN").await.expect("request").status().as_u16(), 200);
        assert_eq!(
            get("/api/v1/objects").await.expect("request").status().as_u16(),
            401,
            "the API still needs a token"
        );
        let (status, _) = app.call(&app.anonymous, "/sf/admin/public_status", &[("enabled", "false")]).await;
        assert_eq!(status, 401, "public readers change nothing");
        let (status, _) = app.call(&app.anonymous, "/sf/audit", &[]).await;
        assert_eq!(status, 401);
        let (status, _) = app.call(&admin, "/sf/admin/public_status", &[("enabled", "false")]).await;
        assert_eq!(status, 200);
        assert_eq!(get("/").await.expect("request").status().as_u16(), 303);
    }
}
