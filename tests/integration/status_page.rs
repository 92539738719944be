//! `/status`, the phone's status page, over HTTP: the AKN leader finds AKN
//! among his objects with the dashboard's figures; a change someone else
//! makes is under "since you last looked" (also after a reload) until he
//! marks it as read, which moves his baseline; changes he may not read
//! and his own are left out; the public is refused; the page comes without
//! the wasm bundle and is never served stale from the page cache; marking
//! as read refuses forged and bad requests and changes nothing then. Both
//! backends.

use app::demo::DEMO_PASSWORD;
use app::domain::{InitiativeStatus, Role, StatusInput};
use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::helpers::{backends, plain, spawn_app, TestApp, ADMIN};

const LEADER: &str = "naris.radetinac@linkoping.example";

async fn status(app: &TestApp, client: &reqwest::Client) -> Value {
    let (code, body) = app.call(client, "/sf/status", &[]).await;
    assert_eq!(code, 200, "{body}");
    body
}

async fn page(app: &TestApp, client: &reqwest::Client) -> String {
    let response = client.get(format!("{}/status", app.url)).send().await.expect("request");
    assert_eq!(response.status().as_u16(), 200);
    plain(&response.text().await.expect("body"))
}

fn time(value: &Value) -> DateTime<Utc> {
    value.as_str().expect("a time").parse().expect("RFC 3339")
}

async fn person_id(app: &TestApp, email: &str) -> i64 {
    app.access.person_by_email(email).await.expect("query").expect("person").id
}

/// Someone reports a status on one of AKN's initiatives of `year`.
async fn report(app: &TestApp, actor: i64, year: i32, status: InitiativeStatus) -> String {
    let akn = app.store.object_by_code("AKN").await.expect("query").expect("AKN");
    let plan = app.store.plan_years_of(akn.id).await.expect("plans").into_iter().find(|p| p.year == year);
    let initiative = app.store.initiatives(plan.expect("plan").id).await.expect("initiatives").remove(0);
    let input = StatusInput {
        status,
        date: chrono::NaiveDate::from_ymd_opt(year, 6, 1).expect("date"),
        comment: String::new(),
    };
    app.store.report_status(initiative.id, &input, actor).await.expect("reported");
    initiative.name
}

#[tokio::test]
async fn the_akn_leader_sees_akn_among_his_objects_with_the_dashboards_figures() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let page_data = status(&app, &leader).await;
        assert_eq!(page_data["own"], true);
        let (_, dashboard) = app.call(&leader, "/sf/dashboard", &[]).await;
        assert_eq!(page_data["year"], dashboard["year"], "the dashboard's default year");
        let objects = page_data["objects"].as_array().expect("objects");
        assert_eq!(objects.len(), 1, "Naris leads AKN only");
        let akn = &objects[0];
        assert_eq!(akn["code"], "AKN");
        let on_dashboard =
            dashboard["objects"].as_array().unwrap().iter().find(|o| o["code"] == "AKN").expect("AKN on the dashboard");
        assert_eq!(akn, on_dashboard, "the same figures as the dashboard on {backend:?}");
        assert_eq!(page_data["portfolio"]["total"], dashboard["total"]);
        assert_eq!(page_data["portfolio"]["initiatives"], dashboard["initiatives"]);

        // The page shows them the Swedish way, each linking on.
        let html = page(&app, &leader).await;
        assert!(!html.contains("/pkg/styrbord.js"), "no wasm bundle");
        let card = html.split("data-object=\"AKN\"").nth(1).expect("AKN's card").split("</li>").next().unwrap();
        let amount: rust_decimal::Decimal = akn["plan"]["total"]["amount"].as_str().unwrap().parse().unwrap();
        let money = plain(&app::i18n::format_money(amount, "kr"));
        let year = dashboard["year"].as_i64().unwrap();
        assert!(html.contains(&format!("href=\"/objects/AKN?year={year}\"")), "the object page");
        assert!(html.contains(&format!("href=\"/dashboard/rows?year={year}&")), "its rows");
        assert!(html.contains("href=\"/escalations?object=AKN\""), "its escalations");
        assert!(html.contains("href=\"/contracts?object=AKN&"), "its contracts");
        assert!(card.contains(&money), "{money} on AKN's card");
        assert!(html.contains("Mina objekt"));
        assert!(html.contains(&format!("href=\"/dashboard?year={year}\"")), "the portfolio leads to the dashboard");

        // The steering group has no objects of its own: those needing
        // attention instead.
        let psg = app.sign_in("cecilia.wahlstrom@linkoping.example", DEMO_PASSWORD).await;
        let psg_page = status(&app, &psg).await;
        assert_eq!(psg_page["own"], false);
        for object in psg_page["objects"].as_array().unwrap() {
            let over = object["plan"]["capacity"]
                .as_array()
                .is_some_and(|c| c.iter().any(|c| decimal(&c["demand"]) > decimal(&c["capacity"])));
            assert!(
                over || object["escalations"].as_u64() > Some(0) || object["contracts"].as_u64() > Some(0),
                "{} needs attention",
                object["code"]
            );
        }
        let html = page(&app, &psg).await;
        assert!(html.contains("Objekt som behöver uppmärksamhet"));
    }
}

fn decimal(value: &Value) -> rust_decimal::Decimal {
    value.as_str().unwrap_or("0").parse().unwrap_or_default()
}

#[tokio::test]
async fn a_change_by_someone_else_stays_until_marked_as_read_which_moves_the_baseline() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let (naris, admin) = (person_id(&app, LEADER).await, person_id(&app, ADMIN).await);
        let first = status(&app, &leader).await;
        assert_eq!(first["first_visit"], true);
        let week = time(&first["now"]) - time(&first["since"]);
        assert_eq!(week.num_days(), 7, "a first visit looks a week back");

        let name = report(&app, admin, 2021, InitiativeStatus::Delayed).await;
        report(&app, naris, 2020, InitiativeStatus::Done).await;
        let seen = status(&app, &leader).await;
        let changes = seen["changes"].as_array().expect("changes");
        assert_eq!(changes.len(), 1, "only the administrator's change, not his own: {changes:#?}");
        assert_eq!(changes[0]["actor"], "Alva Lind");
        assert_eq!(changes[0]["subject"], name.as_str());
        assert_eq!(changes[0]["object_code"], "AKN");
        let html = page(&app, &leader).await;
        let sentence = format!("Alva Lind satte status försenad på insatsen {name} i AKN");
        assert!(html.contains(&sentence), "{sentence} on {backend:?}");
        assert!(html.contains("i dag "), "the time of day, today");
        // Looking again loses nothing.
        assert!(page(&app, &leader).await.contains(&sentence), "still there after a reload");

        // Marked as read: gone, and the baseline is where the page was made.
        let (code, body) = app.call(&leader, "/sf/status/seen", &[("seen", seen["now"].as_str().unwrap())]).await;
        assert_eq!(code, 200, "{body}");
        let baseline = app.store.status_seen_at(naris).await.expect("query").expect("a baseline");
        assert_eq!(baseline, time(&seen["now"]));
        let after = status(&app, &leader).await;
        assert_eq!(after["changes"], Value::Array(Vec::new()));
        assert_eq!((after["first_visit"].clone(), time(&after["since"])), (Value::Bool(false), baseline));
        let html = page(&app, &leader).await;
        assert!(!html.contains(&sentence), "not served stale from the page cache on {backend:?}");
        assert!(html.contains("Inga ändringar sedan dess."));

        // A page made earlier never moves the baseline back.
        let (code, _) = app.call(&leader, "/sf/status/seen", &[("seen", first["now"].as_str().unwrap())]).await;
        assert_eq!(code, 200);
        assert_eq!(app.store.status_seen_at(naris).await.unwrap(), Some(baseline));

        // The next change by someone else shows again.
        report(&app, admin, 2021, InitiativeStatus::AtRisk).await;
        assert_eq!(status(&app, &leader).await["changes"].as_array().unwrap().len(), 1);

        // Without script: the browser's own form post comes back to the page.
        let response = leader
            .post(format!("{}/sf/status/seen", app.url))
            .header("accept", "text/html")
            .header("referer", format!("{}/status", app.url))
            .form(&[("seen", Utc::now().to_rfc3339())])
            .send()
            .await
            .expect("request");
        assert!(response.status().is_redirection(), "{}", response.status());
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        assert!(location.trim_end_matches('?').ends_with("/status"), "back to the page: {location}");
        assert_eq!(status(&app, &leader).await["changes"].as_array().unwrap().len(), 0);
    }
}

#[tokio::test]
async fn changes_he_may_not_read_are_not_shown_and_names_are_text() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let admin = person_id(&app, ADMIN).await;
        let akn = app.access.object_id("AKN").await.expect("query").expect("AKN");
        // Another person's calendar feed of AKN, a role on AKN, an API token
        // and sign-ins: all in the audit trail, none his to read here.
        app.store.create_calendar_feed(admin, Some(akn), "status-test-hash", "sv").await.expect("feed");
        let reader = person_id(&app, crate::helpers::READER).await;
        app.access.grant_role(reader, Role::SpecialistIt, Some(akn), Some(admin)).await.expect("grant");
        app.access.create_api_token(admin, "status", "status-token-hash").await.expect("token");
        app.sign_in(ADMIN, DEMO_PASSWORD).await;
        let records = app.store.audit_log(&Default::default()).await.expect("audit");
        assert!(records.iter().any(|r| r.entity == "calendar_feed" && r.object_id == Some(akn)));
        assert_eq!(status(&app, &leader).await["changes"], Value::Array(Vec::new()), "on {backend:?}");

        // A hostile name is shown as text.
        let admin_client = app.sign_in(ADMIN, DEMO_PASSWORD).await;
        let plan = app.store.plan_years_of(akn).await.unwrap().into_iter().find(|p| p.year == 2021).unwrap();
        let (code, body) = app
            .call(
                &admin_client,
                "/sf/plan/create_initiative",
                &[
                    ("plan_year_id", &plan.id.to_string()),
                    ("name", "<img src=x onerror=alert(1)>"),
                    ("main_activity", "change_management"),
                    ("assignment_type", "develop"),
                    ("priority", ""),
                    ("business_hours", "1"),
                    ("business_other", "0"),
                    ("it_hours", "0"),
                    ("it_other", "0"),
                ],
            )
            .await;
        assert!(code < 300, "{code} {body}");
        let html = page(&app, &leader).await;
        assert!(!html.contains("<img src=x"), "no markup from a name");
        assert!(html.contains("&lt;img src=x onerror=alert(1)"), "the name as text");
    }
}

#[tokio::test]
async fn the_public_and_people_without_a_role_are_refused() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let response = app.anonymous.get(format!("{}/status", app.url)).send().await.expect("request");
        assert!(response.status().is_redirection(), "signed-out people are sent to sign in");
        let (code, _) = app.call(&app.anonymous, "/sf/status", &[]).await;
        assert_eq!(code, 401);
        let (code, _) = app.call(&app.anonymous, "/sf/status/seen", &[("seen", "2026-01-01T00:00:00Z")]).await;
        assert_eq!(code, 401);

        // Someone without any role reads nothing, and has no status page.
        let hash = app::secrets::hash_password("status-password-1").expect("hash");
        let person = app::store::NewPerson {
            name: "Utan Roll".into(),
            email: "utan.roll@linkoping.example".into(),
            password_hash: Some(hash),
            roles: Vec::new(),
        };
        app.access.create_person(&person, None).await.expect("person");
        let no_role = app.sign_in("utan.roll@linkoping.example", "status-password-1").await;
        let (code, _) = app.call(&no_role, "/sf/status", &[]).await;
        assert_eq!(code, 403);
        let response = no_role.get(format!("{}/status", app.url)).send().await.expect("request");
        assert_eq!(response.status().as_u16(), 403);

        // With public status pages on, the public reads the overview but
        // has no status page: it is someone's.
        let admin = app.sign_in(ADMIN, DEMO_PASSWORD).await;
        let (code, _) = app.call(&admin, "/sf/admin/public_status", &[("enabled", "true")]).await;
        assert_eq!(code, 200);
        let response = app.anonymous.get(format!("{}/status", app.url)).send().await.expect("request");
        assert_eq!(response.status().as_u16(), 401, "on {backend:?}");
        let (code, _) = app.call(&app.anonymous, "/sf/status", &[]).await;
        assert_eq!(code, 401);
    }
}

#[tokio::test]
async fn marking_as_read_refuses_forged_and_bad_requests_and_changes_nothing() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let naris = person_id(&app, LEADER).await;
        let now = Utc::now().to_rfc3339();
        for (header, value) in [("origin", "https://evil.example"), ("sec-fetch-site", "cross-site")] {
            let response = leader
                .post(format!("{}/sf/status/seen", app.url))
                .header(header, value)
                .form(&[("seen", now.as_str())])
                .send()
                .await
                .expect("request");
            assert_eq!(response.status().as_u16(), 403, "{header}: {value}");
        }
        let future = (Utc::now() + chrono::Duration::hours(1)).to_rfc3339();
        let bad: &[&[(&str, &str)]] = &[
            &[("seen", "yesterday")],
            &[("seen", "")],
            &[("seen", "2026-13-01T00:00:00Z")],
            &[("seen", future.as_str())],
            &[],
        ];
        for form in bad {
            let (code, body) = app.call(&leader, "/sf/status/seen", form).await;
            assert!((400..500).contains(&code), "{form:?}: {code} {body} on {backend:?}");
        }
        assert_eq!(app.store.status_seen_at(naris).await.expect("query"), None, "nothing changed on {backend:?}");
        assert_eq!(status(&app, &leader).await["first_visit"], true);
    }
}
