//! The contract register over HTTP as its forms send it: an object leader
//! registers a contract, edits it, exercises its options (the end moves and
//! the history keeps it), makes its procurement initiative once; bad input
//! is refused field by field and changes nothing; a stale edit is a 409
//! with what is stored; only those who manage one of its objects change
//! it; the export is filtered like the page and neutralises formulas.
//! Both backends.

use app::demo::DEMO_PASSWORD;
use app::domain::{add_months, clock, AuditFilter, Contract, ContractEventKind, Grant, Role};
use app::store::NewPerson;

use crate::helpers::{backends, spawn_app, TestApp, READER};

/// Object leader, IT side, of AKN.
const LEADER: &str = "naris.radetinac@linkoping.example";
const SPECIALIST: &str = "jonas.wiman@linkoping.example";

fn date_in(months: u32) -> String {
    add_months(clock::today(), months).to_string()
}

/// A valid form for a new AKN contract, with what the store offers.
async fn form(app: &TestApp, reference: &str) -> Vec<(String, String)> {
    let choices = app.store.contract_choices().await.expect("choices");
    let supplier =
        choices.suppliers.iter().find(|(_, n)| n == "Formpipe").map_or(choices.suppliers[0].1.clone(), |s| s.1.clone());
    let component = choices.it_components[0].0;
    let owner = choices.people[0].0;
    [
        ("reference", reference.to_owned()),
        ("supplier", supplier),
        ("start", "2020-01-01".to_owned()),
        ("end", date_in(30)),
        ("notice_months", "6".to_owned()),
        ("option_count", "2".to_owned()),
        ("option_months", "12".to_owned()),
        ("options_used", "0".to_owned()),
        ("auto_renewal_months", String::new()),
        ("yearly_cost", "1 200 000,50".to_owned()),
        ("line_organisation", choices.line_organisations[0].1.clone()),
        ("owner", owner.to_string()),
        ("deputy", String::new()),
        ("procurement_lead_months", "12".to_owned()),
        ("notes", "Ramavtal via Adda.".to_owned()),
        ("objects[]", "AKN".to_owned()),
        ("it_components[]", component.to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

/// A form as owned (name, value) pairs.
type Form = Vec<(String, String)>;

fn refs(form: &[(String, String)]) -> Vec<(&str, &str)> {
    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

/// The form with `field` set to `value` (or removed when `None`).
fn with(form: &[(String, String)], field: &str, value: Option<&str>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = form.iter().filter(|(k, _)| k != field).cloned().collect();
    if let Some(value) = value {
        out.push((field.to_owned(), value.to_owned()));
    }
    out
}

async fn contract(app: &TestApp, id: i64) -> Contract {
    app.store.contract(id).await.expect("query").expect("contract")
}

/// Everything a refused call could have changed.
async fn snapshot(app: &TestApp) -> (Vec<Contract>, usize) {
    (
        app.store.contracts().await.expect("contracts"),
        app.store.audit_log(&AuditFilter::default()).await.expect("audit").len(),
    )
}

async fn person(app: &TestApp, email: &str) -> i64 {
    app.access.person_by_email(email).await.expect("query").expect("person").id
}

#[tokio::test]
async fn a_leader_registers_edits_and_extends_a_contract_with_history_and_audit() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let form = form(&app, "  AVT-TEST-1  ").await;
        let (status, body) = app.call(&leader, "/sf/contracts/save", &refs(&form)).await;
        assert_eq!(status, 200, "{body} on {backend:?}");
        let id = body.as_i64().expect("id");
        let stored = contract(&app, id).await;
        assert_eq!(stored.reference, "AVT-TEST-1", "trimmed");
        assert_eq!(stored.object_codes, ["AKN"]);
        assert_eq!(stored.it_components.len(), 1);
        assert_eq!(stored.yearly_cost.value().to_string(), "1200000.50");
        assert_eq!((stored.options.count, stored.options.months, stored.options.used), (2, 12, 0));
        assert_eq!(stored.end.to_string(), date_in(30));
        assert_eq!(stored.version, 1);

        // The page shows the engine's dates.
        let (status, page) = app.call(&leader, "/sf/contracts/page", &[("id", &id.to_string())]).await;
        assert_eq!(status, 200, "{page}");
        let deadline = add_months(clock::today(), 24).to_string();
        assert_eq!(page["row"]["term"]["notice_deadline"], deadline.as_str());
        assert_eq!(page["can_edit"], true);

        // An edit from version 1 saves; a second one from version 1 is stale.
        let edit = with(&with(&form, "notes", Some("Förlängd dialog.")), "id", Some(&id.to_string()));
        let edit = with(&edit, "version", Some("1"));
        let (status, body) = app.call(&leader, "/sf/contracts/save", &refs(&edit)).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(contract(&app, id).await.notes, "Förlängd dialog.");
        let stale = with(&edit, "notes", Some("Skriver över?"));
        let (status, body) = app.call(&leader, "/sf/contracts/save", &refs(&stale)).await;
        assert_eq!(status, 409, "{body}");
        assert_eq!(body["error"], "stale");
        assert!(body["current"].to_string().contains("Förlängd dialog."), "what is stored now: {body}");
        assert_eq!(contract(&app, id).await.notes, "Förlängd dialog.", "the stale edit changed nothing");

        // Exercising both options moves the end by 24 months; a third is refused.
        for expected in [42, 54] {
            let version = contract(&app, id).await.version.to_string();
            let (status, body) = app
                .call(
                    &leader,
                    "/sf/contracts/term",
                    &[
                        ("id", &id.to_string()),
                        ("version", &version),
                        ("kind", "option_exercised"),
                        ("note", "Nämndbeslut"),
                    ],
                )
                .await;
            assert_eq!(status, 200, "{body}");
            assert_eq!(contract(&app, id).await.current_end(clock::today()).to_string(), date_in(expected));
        }
        let version = contract(&app, id).await.version.to_string();
        let (status, body) = app
            .call(
                &leader,
                "/sf/contracts/term",
                &[("id", &id.to_string()), ("version", &version), ("kind", "option_exercised")],
            )
            .await;
        assert_eq!((status, body["message"].as_str()), (409, Some("no_options_left")), "{body}");
        let (status, body) = app
            .call(&leader, "/sf/contracts/term", &[("id", &id.to_string()), ("version", &version), ("kind", "renewed")])
            .await;
        assert_eq!((status, body["message"].as_str()), (409, Some("not_renewing")), "{body}");
        let (status, body) = app
            .call(&leader, "/sf/contracts/term", &[("id", &id.to_string()), ("version", &version), ("kind", "bogus")])
            .await;
        assert_eq!((status, body["field"].as_str()), (400, Some("kind")), "{body}");

        let history = app.store.contract_events(id).await.expect("history");
        assert_eq!(history.len(), 2, "newest first");
        assert_eq!(history[0].kind, ContractEventKind::OptionExercised);
        assert_eq!((history[0].previous_end.to_string(), history[0].new_end.to_string()), (date_in(42), date_in(54)));
        assert_eq!(history[1].previous_end.to_string(), date_in(30));
        assert_eq!(history[0].by.as_deref(), Some("Naris Radetinac"));
        assert_eq!(history[0].note, "Nämndbeslut");

        let audit = app.store.audit_log(&AuditFilter::default()).await.expect("audit");
        let entries: Vec<&str> = audit
            .iter()
            .filter(|r| r.entity == "contract" && r.entity_id.as_deref() == Some(&id.to_string()))
            .map(|r| r.action.key())
            .collect();
        assert_eq!(entries, ["update", "update", "update", "create"], "newest first, on {backend:?}");

        // Deleting from a stale version is refused; from the current one it goes.
        let (status, _) = app.call(&leader, "/sf/contracts/delete", &[("id", &id.to_string()), ("version", "1")]).await;
        assert_eq!(status, 409);
        let (status, body) =
            app.call(&leader, "/sf/contracts/delete", &[("id", &id.to_string()), ("version", &version)]).await;
        assert_eq!(status, 200, "{body}");
        assert!(app.store.contract(id).await.expect("query").is_none());
    }
}

#[tokio::test]
async fn bad_input_is_refused_field_by_field_and_changes_nothing() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let good = form(&app, "AVT-TEST-2").await;
        let before = snapshot(&app).await;
        let cases: Vec<(Form, &str, &str)> = vec![
            (with(&good, "reference", Some("  ")), "reference", "required"),
            (with(&good, "end", Some("2019-12-31")), "end", "before_start"),
            (with(&good, "start", Some("1 januari")), "start", "unknown"),
            (with(&good, "notice_months", Some("-1")), "notice_months", "negative"),
            (with(&good, "notice_months", Some("sex")), "notice_months", "not_a_number"),
            (with(&good, "procurement_lead_months", Some("121")), "procurement_lead_months", "too_large"),
            (with(&good, "options_used", Some("3")), "options_used", "too_large"),
            (with(&good, "yearly_cost", Some("12,345")), "yearly_cost", "too_many_decimals"),
            (with(&good, "yearly_cost", Some("-5")), "yearly_cost", "negative"),
            (with(&good, "supplier", Some("Ingen Sådan AB")), "supplier", "unknown"),
            (with(&good, "line_organisation", Some("Påhittade förvaltningen")), "line_organisation", "unknown"),
            (with(&good, "owner", Some("999999")), "owner", "unknown"),
            (with(&good, "deputy", Some("Anna")), "deputy", "unknown"),
            (with(&good, "objects[]", None), "objects", "required"),
            (with(&good, "objects[]", Some("NOPE")), "objects", "unknown"),
            (with(&good, "objects[]", Some("VSOA")), "objects", "not_managed"),
            (with(&good, "it_components[]", Some("999999")), "it_components", "unknown"),
            (with(&good, "notes", Some(&"x".repeat(2001))), "notes", "too_long"),
        ];
        for (form, field, code) in cases {
            let (status, body) = app.call(&leader, "/sf/contracts/save", &refs(&form)).await;
            assert_eq!(status, 400, "{field}: {body} on {backend:?}");
            assert_eq!(body["error"], "validation", "{field}: {body}");
            assert_eq!((body["field"].as_str(), body["message"].as_str()), (Some(field), Some(code)), "{body}");
        }
        // A contract that does not exist is a 404, not a new one.
        let missing = with(&with(&good, "id", Some("999999")), "version", Some("1"));
        let (status, _) = app.call(&leader, "/sf/contracts/save", &refs(&missing)).await;
        assert_eq!(status, 404);
        assert_eq!(snapshot(&app).await, before, "nothing changed on {backend:?}");
    }
}

#[tokio::test]
async fn only_those_who_manage_one_of_its_objects_change_a_contract() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let good = form(&app, "AVT-TEST-3").await;
        let (status, body) = app.call(&leader, "/sf/contracts/save", &refs(&good)).await;
        assert_eq!(status, 200, "{body}");
        let id = body.as_i64().expect("id").to_string();

        let vsoa = app.access.object_id("VSOA").await.expect("query").expect("VSOA");
        let person = NewPerson {
            name: "Vera Annan".into(),
            email: "vera.annan@linkoping.example".into(),
            password_hash: Some(app::secrets::hash_password("other-leader-password").expect("hash")),
            roles: vec![Grant { role: Role::ObjectLeaderIt, object_id: Some(vsoa) }],
        };
        app.access.create_person(&person, None).await.expect("person");
        let other = app.sign_in("vera.annan@linkoping.example", "other-leader-password").await;
        let reader = app.sign_in(READER, DEMO_PASSWORD).await;
        let specialist = app.sign_in(SPECIALIST, DEMO_PASSWORD).await;
        let anonymous = crate::helpers::cookie_client();
        let before = snapshot(&app).await;
        let edit = with(&with(&good, "id", Some(&id)), "version", Some("1"));
        for (who, client, expected) in [
            ("reader", &reader, 403),
            ("specialist", &specialist, 403),
            ("VSOA leader", &other, 403),
            ("nobody", &anonymous, 401),
        ] {
            let (status, body) = app.call(client, "/sf/contracts/save", &refs(&edit)).await;
            assert_eq!(status, expected, "{who} edits: {body}");
            let (status, _) = app
                .call(client, "/sf/contracts/term", &[("id", &id), ("version", "1"), ("kind", "option_exercised")])
                .await;
            assert_eq!(status, expected, "{who} exercises an option");
            let (status, _) = app.call(client, "/sf/contracts/delete", &[("id", &id), ("version", "1")]).await;
            assert_eq!(status, expected, "{who} deletes");
        }
        // Readers and specialists create none; they still read the register.
        for client in [&reader, &specialist] {
            let (status, _) = app.call(client, "/sf/contracts/save", &refs(&good)).await;
            assert_eq!(status, 403);
            let (status, list) = app.call(client, "/sf/contracts/list", &[]).await;
            assert_eq!(status, 200, "{list}");
            assert_eq!(list["can_create"], false);
        }
        let (status, _) = app.call(&anonymous, "/sf/contracts/list", &[]).await;
        assert_eq!(status, 401);
        assert_eq!(snapshot(&app).await, before, "nothing changed on {backend:?}");
    }
}

#[tokio::test]
async fn procurement_makes_one_initiative_in_the_objects_plan_for_the_right_year() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        // Ends in 10 months with 3 months' notice and 12 months' lead time,
        // no options: procurement should already have started.
        let form = with(
            &with(&with(&form(&app, "AVT-TEST-4").await, "end", Some(&date_in(10))), "notice_months", Some("3")),
            "option_count",
            Some("0"),
        );
        let form = with(&with(&form, "option_months", Some("0")), "options_used", Some("0"));
        let (status, body) = app.call(&leader, "/sf/contracts/save", &refs(&form)).await;
        assert_eq!(status, 200, "{body}");
        let id = body.as_i64().expect("id").to_string();
        let year = chrono::Datelike::year(&clock::today());

        // No AKN plan for this year yet: the page says so, the call refuses.
        let (_, page) = app.call(&leader, "/sf/contracts/page", &[("id", &id)]).await;
        assert_eq!(page["row"]["status"], "act_now", "{page}");
        assert_eq!(page["procurement_targets"][0]["plan_exists"], false, "{page}");
        let (status, body) = app.call(&leader, "/sf/contracts/procure", &[("id", &id), ("object", "AKN")]).await;
        assert_eq!((status, body["message"].as_str()), (409, Some(format!("no_plan:{year}").as_str())), "{body}");

        // Plans up to this year, then the initiative goes into this year's.
        let akn = app.access.object_id("AKN").await.expect("query").expect("AKN");
        let actor = person(&app, LEADER).await;
        let mut plan =
            app.store.plan_years_of(akn).await.expect("plans").into_iter().max_by_key(|p| p.year).expect("plan");
        while plan.year < year {
            plan = app.store.create_next_plan(plan.id, &[], actor).await.expect("next plan");
        }
        let (status, body) = app.call(&leader, "/sf/contracts/procure", &[("id", &id), ("object", "EHR")]).await;
        assert_eq!(
            (status, body["field"].as_str()),
            (400, Some("object")),
            "not one of the contract's objects: {body}"
        );
        let (status, body) = app.call(&leader, "/sf/contracts/procure", &[("id", &id), ("object", "AKN")]).await;
        assert_eq!(status, 200, "{body} on {backend:?}");
        let initiative = app.store.initiative(body.as_i64().expect("id")).await.expect("query").expect("initiative");
        assert_eq!(initiative.plan_year_id, plan.id, "this year's AKN plan");
        assert!(
            initiative.name.starts_with("Upphandling ") && initiative.name.ends_with("(AVT-TEST-4)"),
            "{}",
            initiative.name
        );
        let (status, body) = app.call(&leader, "/sf/contracts/procure", &[("id", &id), ("object", "AKN")]).await;
        assert_eq!((status, body["message"].as_str()), (409, Some("procurement_exists")), "once only: {body}");
        let count = app
            .store
            .initiatives(plan.id)
            .await
            .expect("initiatives")
            .iter()
            .filter(|i| i.name.contains("AVT-TEST-4"))
            .count();
        assert_eq!(count, 1);
        let (_, page) = app.call(&leader, "/sf/contracts/page", &[("id", &id)]).await;
        assert_eq!(page["procurement"]["initiative_id"], initiative.id, "{page}");
    }
}

#[tokio::test]
async fn the_export_is_filtered_like_the_page_and_neutralises_formulas() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let form = with(&form(&app, "=HYPERLINK(\"http://evil\")").await, "notes", Some("@SUM(1)"));
        let (status, body) = app.call(&leader, "/sf/contracts/save", &refs(&form)).await;
        assert_eq!(status, 200, "{body}");

        let get = |path: &'static str| {
            let client = leader.clone();
            let url = format!("{}{path}", app.url);
            async move { client.get(url).send().await.expect("request") }
        };
        let response = get("/contracts/export.csv?object=AKN").await;
        assert_eq!(response.status().as_u16(), 200);
        assert!(response.headers()["content-disposition"].to_str().unwrap_or("").contains(".csv"));
        let csv = response.text().await.expect("body");
        assert!(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""), "neutralised: {}", &csv[..csv.len().min(400)]);
        assert!(csv.contains(";'@SUM(1)"), "notes neutralised too");
        let lines = csv.lines().count();
        let all = app.store.contracts().await.expect("contracts");
        let akn = all.iter().filter(|c| c.object_codes.iter().any(|o| o == "AKN")).count();
        assert_eq!(lines, akn + 1, "a header and AKN's contracts only");

        let response = get("/contracts/export.xlsx").await;
        assert_eq!(response.status().as_u16(), 200);
        let bytes = response.bytes().await.expect("body");
        assert!(bytes.starts_with(b"PK"), "an xlsx is a zip");

        let anonymous = crate::helpers::cookie_client();
        let response = anonymous.get(format!("{}/contracts/export.csv", app.url)).send().await.expect("request");
        assert_eq!(response.status().as_u16(), 401);
    }
}

#[tokio::test]
async fn the_pages_render_on_the_server_with_hostile_text_as_text() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let hostile = "<script>alert(1)</script>";
        let form = with(&form(&app, hostile).await, "notes", Some("</textarea><script>alert(2)</script>"));
        let (status, body) = app.call(&leader, "/sf/contracts/save", &refs(&form)).await;
        assert_eq!(status, 200, "{body}");
        let id = body.as_i64().expect("id");

        let page = |path: String| {
            let client = leader.clone();
            let url = format!("{}{path}", app.url);
            async move {
                let response = client.get(url).send().await.expect("request");
                (response.status().as_u16(), response.text().await.expect("body"))
            }
        };
        let (status, html) = page("/contracts".into()).await;
        assert_eq!(status, 200);
        for text in ["Att agera på nu", "Tidslinje, 36 månader", "Årskostnad per kvartal", "&lt;script&gt;alert(1)"]
        {
            assert!(html.contains(text), "{text} on {backend:?}");
        }
        let (status, html) = page(format!("/contracts/{id}")).await;
        assert_eq!(status, 200);
        assert!(html.contains("Senast uppsägning") && html.contains("&lt;/textarea&gt;"), "{backend:?}");
        let (status, html) = page(format!("/contracts/{id}/edit")).await;
        assert_eq!(status, 200);
        assert!(html.contains("Spara avtalet"));
        for (status, html) in [
            page("/contracts".into()).await,
            page(format!("/contracts/{id}")).await,
            page(format!("/contracts/{id}/edit")).await,
        ] {
            assert_eq!(status, 200);
            assert!(!html.contains("<script>alert("), "no user text as markup on {backend:?}");
        }
        let (status, _) = page("/contracts/999999".into()).await;
        assert_eq!(status, 404, "an unknown contract is a 404 page");
        let reader = app.sign_in(READER, DEMO_PASSWORD).await;
        let response = reader.get(format!("{}/contracts/{id}/edit", app.url)).send().await.expect("request");
        assert_eq!(response.status().as_u16(), 403, "a reader gets no edit form");
    }
}
