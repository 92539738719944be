//! Editing an object's plan through its server functions: good input is
//! saved and audited, bad input is refused field by field and changes
//! nothing, a stale edit is a conflict that shows what is stored now, and
//! an approved plan is locked. Both backends.

use app::demo::DEMO_PASSWORD;
use app::domain::{AuditAction, AuditFilter, Initiative, InitiativeStatus};

use crate::helpers::{backends, spawn_app, TestApp};

/// The demo leader of AKN on the IT side, and a specialist there.
const LEADER: &str = "naris.radetinac@linkoping.example";
const SPECIALIST: &str = "jonas.wiman@linkoping.example";

async fn plan_id(app: &TestApp, code: &str, year: i32) -> i64 {
    let object = app.store.object_by_code(code).await.expect("query").expect("object");
    let plans = app.store.plan_years_of(object.id).await.expect("plans");
    plans.iter().find(|p| p.year == year).expect("plan year").id
}

async fn first_initiative(app: &TestApp, code: &str, year: i32) -> Initiative {
    let plan = plan_id(app, code, year).await;
    app.store.initiatives(plan).await.expect("initiatives").remove(0)
}

async fn audit_len(app: &TestApp) -> usize {
    app.store.audit_log(&AuditFilter::default()).await.expect("audit").len()
}

fn edit_form<'a>(id: &'a str, version: &'a str, changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("id", id),
        ("version", version),
        ("name", "Ny e-tjänst för ansökan"),
        ("main_activity", "change_management"),
        ("assignment_type", "develop"),
        ("priority", ""),
        ("business_hours", "1 313,50"),
        ("business_other", ""),
        ("it_hours", "40"),
        ("it_other", "25 000"),
    ];
    for &(field, value) in changes {
        form.iter_mut().find(|(f, _)| *f == field).expect("a field").1 = value;
    }
    form
}

#[tokio::test]
async fn a_leader_edits_an_initiative_and_the_change_is_audited_with_before_and_after() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let before = first_initiative(&app, "AKN", 2021).await;
        let (id, version) = (before.id.to_string(), before.version.to_string());
        let (status, body) = app.call(&leader, "/sf/plan/update_initiative", &edit_form(&id, &version, &[])).await;
        assert_eq!(status, 200, "{body} on {backend:?}");
        let after = app.store.initiative(before.id).await.expect("query").expect("initiative");
        assert_eq!(after.name, "Ny e-tjänst för ansökan");
        assert_eq!(after.business.hours.to_string(), "1313.50");
        assert_eq!(after.it.other.to_string(), "25000.00");
        assert_eq!((after.version, after.rank), (before.version + 1, before.rank));
        assert_eq!(body["version"], after.version, "the answer is the saved initiative");

        let records = app.store.audit_log(&AuditFilter::default()).await.expect("audit");
        let update = records.iter().find(|r| r.action == AuditAction::Update).expect("an update record");
        assert_eq!(update.entity, "initiative");
        assert_eq!(update.entity_id.as_deref(), Some(id.as_str()));
        assert!(update.before.as_deref().is_some_and(|b| b.contains(&before.name)), "{update:?}");
        assert!(update.after.as_deref().is_some_and(|a| a.contains("Ny e-tjänst för ansökan")), "{update:?}");
    }
}

#[tokio::test]
async fn bad_input_is_refused_next_to_its_field_and_changes_nothing() {
    let cases: &[(&str, &str, &str)] = &[
        ("name", "   ", "required"),
        ("name", &"x".repeat(201), "too_long"),
        ("main_activity", "gardening", "unknown"),
        ("assignment_type", "", "unknown"),
        ("priority", "0", "not_positive"),
        ("business_hours", "-1", "negative"),
        ("business_hours", "1,005", "too_many_decimals"),
        ("it_hours", "12 h", "not_a_number"),
        ("it_other", "1.313,50", "not_a_number"),
    ];
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let before = first_initiative(&app, "AKN", 2021).await;
        let (id, version) = (before.id.to_string(), before.version.to_string());
        let audit_before = audit_len(&app).await;
        for &(field, value, code) in cases {
            let (status, body) =
                app.call(&leader, "/sf/plan/update_initiative", &edit_form(&id, &version, &[(field, value)])).await;
            assert_eq!(status, 400, "{field}={value:?} on {backend:?}: {body}");
            assert_eq!(body["error"], "validation");
            assert_eq!(body["field"], field, "{body}");
            assert_eq!(body["message"], code, "{field}={value:?}: {body}");
        }
        let (status, body) = app.call(&leader, "/sf/plan/update_initiative", &[("id", id.as_str())]).await;
        assert_eq!(status, 400, "missing fields: {body}");
        assert_eq!(app.store.initiative(before.id).await.expect("query"), Some(before), "{backend:?}");
        assert_eq!(audit_len(&app).await, audit_before, "{backend:?}");
    }
}

#[tokio::test]
async fn the_second_of_two_edits_from_the_same_version_is_a_conflict_showing_what_is_stored() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let before = first_initiative(&app, "AKN", 2021).await;
        let (id, version) = (before.id.to_string(), before.version.to_string());
        let first = edit_form(&id, &version, &[("name", "Först in")]);
        assert_eq!(app.call(&leader, "/sf/plan/update_initiative", &first).await.0, 200);
        let second = edit_form(&id, &version, &[("name", "Sist in"), ("it_hours", "99")]);
        let (status, body) = app.call(&leader, "/sf/plan/update_initiative", &second).await;
        assert_eq!(status, 409, "{body} on {backend:?}");
        assert_eq!(body["error"], "stale");
        assert_eq!(body["version"], before.version + 1);
        let name = body["current"].as_array().expect("fields").iter().find(|f| f[0] == "name").expect("name");
        assert_eq!(name[1], "Först in", "{body}");
        let stored = app.store.initiative(before.id).await.expect("query").expect("initiative");
        assert_eq!((stored.name.as_str(), stored.it.hours.to_string().as_str()), ("Först in", "40.00"));

        // Deleting from the old version is refused the same way.
        let (status, _) = app.call(&leader, "/sf/plan/delete_initiative", &[("id", &id), ("version", &version)]).await;
        assert_eq!(status, 409);
        assert!(app.store.initiative(before.id).await.expect("query").is_some());
    }
}

#[tokio::test]
async fn an_approved_plan_is_locked() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let before = first_initiative(&app, "AKN", 2020).await;
        let (id, version) = (before.id.to_string(), before.version.to_string());
        let (status, body) = app.call(&leader, "/sf/plan/update_initiative", &edit_form(&id, &version, &[])).await;
        assert_eq!((status, body["message"].as_str()), (409, Some("locked")), "{body}");
        let plan = plan_id(&app, "AKN", 2020).await.to_string();
        let (status, _) = app
            .call(
                &leader,
                "/sf/plan/settings",
                &[
                    ("plan_year_id", &plan),
                    ("version", "1"),
                    ("business_rate", "700"),
                    ("it_rate", "700"),
                    ("hours_per_fte", "1700"),
                ],
            )
            .await;
        assert_eq!(status, 409);
        assert_eq!(app.store.initiative(before.id).await.expect("query"), Some(before));
    }
}

#[tokio::test]
async fn initiatives_are_created_last_and_deleted_without_leaving_a_gap() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let plan = plan_id(&app, "AKN", 2021).await;
        let count = app.store.initiatives(plan).await.expect("initiatives").len();
        let plan_text = plan.to_string();
        let mut form = edit_form("", "", &[("name", "Upphandling av e-arkiv")]);
        form.retain(|(k, _)| *k != "id" && *k != "version");
        form.push(("plan_year_id", &plan_text));
        let (status, body) = app.call(&leader, "/sf/plan/create_initiative", &form).await;
        assert_eq!(status, 200, "{body}");
        let initiatives = app.store.initiatives(plan).await.expect("initiatives");
        let created = initiatives.last().expect("one");
        assert_eq!((created.name.as_str(), created.rank), ("Upphandling av e-arkiv", count as i32 + 1));
        assert_eq!(created.status, InitiativeStatus::NotStarted);

        let first = &initiatives[0];
        let (status, _) = app
            .call(
                &leader,
                "/sf/plan/delete_initiative",
                &[("id", &first.id.to_string()), ("version", &first.version.to_string())],
            )
            .await;
        assert_eq!(status, 200);
        let ranks: Vec<i32> = app.store.initiatives(plan).await.expect("initiatives").iter().map(|i| i.rank).collect();
        assert_eq!(ranks, (1..=count as i32).collect::<Vec<_>>(), "{backend:?}");
        let records = app.store.audit_log(&AuditFilter::default()).await.expect("audit");
        assert!(records.iter().any(|r| r.action == AuditAction::Create && r.entity == "initiative"));
        assert!(records
            .iter()
            .any(|r| r.action == AuditAction::Delete && r.before.as_deref().is_some_and(|b| b.contains(&first.name))));
    }
}

#[tokio::test]
async fn a_specialist_reports_status_with_a_dated_comment_and_the_history_is_kept() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let specialist = app.sign_in(SPECIALIST, DEMO_PASSWORD).await;
        let initiative = first_initiative(&app, "AKN", 2020).await;
        let id = initiative.id.to_string();
        // Specialists report status (also on an approved plan), but do not edit.
        for (status, date, comment) in
            [("at_risk", "2020-03-02", "Leverantören är sen"), ("on_track", "2020-04-01", "")]
        {
            let (code, body) = app
                .call(
                    &specialist,
                    "/sf/plan/report_status",
                    &[("id", &id), ("status", status), ("date", date), ("comment", comment)],
                )
                .await;
            assert_eq!(code, 200, "{body} on {backend:?}");
        }
        let (code, body) = app
            .call(
                &specialist,
                "/sf/plan/report_status",
                &[("id", &id), ("status", "fine"), ("date", "2020-02-30"), ("comment", "")],
            )
            .await;
        assert_eq!((code, body["field"].as_str()), (400, Some("status")), "{body}");
        let (code, _) = app
            .call(&specialist, "/sf/plan/update_initiative", &edit_form(&id, &initiative.version.to_string(), &[]))
            .await;
        assert_eq!(code, 403);

        let history = app.store.status_reports(initiative.id).await.expect("history");
        let got: Vec<_> = history.iter().map(|r| (r.status, r.as_of.to_string(), r.comment.as_str())).collect();
        assert_eq!(
            got,
            [
                (InitiativeStatus::OnTrack, "2020-04-01".to_owned(), ""),
                (InitiativeStatus::AtRisk, "2020-03-02".to_owned(), "Leverantören är sen"),
            ],
            "newest first on {backend:?}"
        );
        assert_eq!(history[0].reported_by.as_deref(), Some("Jonas Wiman"));
        let now = app.store.initiative(initiative.id).await.expect("query").expect("initiative");
        assert_eq!((now.status, now.version), (InitiativeStatus::OnTrack, initiative.version));
        // The object report's latest comment: the newest that has one.
        let comments = app.store.latest_comments(initiative.plan_year_id).await.expect("comments");
        assert_eq!(comments, [(initiative.id, "Leverantören är sen".to_owned())], "{backend:?}");
    }
}

#[tokio::test]
async fn plan_settings_are_validated_and_saved() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let plan = plan_id(&app, "AKN", 2021).await;
        let plan_text = plan.to_string();
        let form = |rate: &'static str, hours: &'static str| {
            vec![
                ("plan_year_id", plan_text.clone()),
                ("version", "1".to_owned()),
                ("business_rate", rate.to_owned()),
                ("it_rate", "655".to_owned()),
                ("hours_per_fte", hours.to_owned()),
            ]
        };
        let call = |form: Vec<(&'static str, String)>| {
            let leader = leader.clone();
            let url = format!("{}/sf/plan/settings", app.url);
            async move {
                let response = leader.post(url).form(&form).send().await.expect("request");
                (response.status().as_u16(), response.json::<serde_json::Value>().await.expect("json"))
            }
        };
        let (status, body) = call(form("700", "0")).await;
        assert_eq!(
            (status, body["field"].as_str(), body["message"].as_str()),
            (400, Some("hours_per_fte"), Some("not_positive"))
        );
        let (status, body) = call(form("7 00,5", "1700")).await;
        assert_eq!(status, 200, "{body}");
        let saved = app.store.plan_year_by_id(plan).await.expect("query").expect("plan");
        assert_eq!(saved.settings.business_rate.to_string(), "700.50");
        let (status, body) = call(form("800", "1700")).await;
        assert_eq!((status, body["error"].as_str()), (409, Some("stale")), "{body}");
    }
}

const READER: &str = "elin.forsberg@linkoping.example";

async fn page(client: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String) {
    let response = client.get(format!("{}{path}", app.url)).send().await.expect("request");
    (response.status().as_u16(), response.text().await.expect("body"))
}

#[tokio::test]
async fn the_edit_pages_offer_forms_to_leaders_and_facts_to_readers() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let reader = app.sign_in(READER, DEMO_PASSWORD).await;
        let initiative = first_initiative(&app, "AKN", 2021).await;
        let path = format!("/initiatives/{}", initiative.id);

        let (status, html) = page(&leader, &app, &path).await;
        assert_eq!(status, 200, "{backend:?}");
        assert!(html.contains("action=\"/sf/plan/update_initiative\""), "the leader gets the edit form");
        assert!(html.contains("action=\"/sf/plan/delete_initiative\""));
        assert!(html.contains("action=\"/sf/plan/report_status\""));
        assert!(html.contains("data-live-budget"), "with the plan's tables");
        assert!(html.contains(&format!("name=\"version\" value=\"{}\"", initiative.version)));

        let (status, html) = page(&reader, &app, &path).await;
        assert_eq!(status, 200);
        assert!(!html.contains("/sf/plan/update_initiative"), "a reader gets no edit form");
        assert!(!html.contains("/sf/plan/report_status"), "nor a status form");
        assert!(html.contains(&initiative.name));

        for path in ["/objects/AKN/plans/2021/new", "/objects/AKN/plans/2021/settings"] {
            let (status, html) = page(&leader, &app, path).await;
            assert_eq!(status, 200, "{path}");
            assert!(html.contains("class=\"plan-form\""), "{path} has its form");
        }
        let (status, _) = page(&leader, &app, "/objects/AKN/plans/1999/new").await;
        assert_eq!(status, 404, "no plan that year");
        let (status, _) = page(&leader, &app, "/initiatives/99999999").await;
        assert_eq!(status, 404);

        // The object page links to the edit pages for its leader only.
        let (_, html) = page(&leader, &app, "/objects/AKN?year=2021").await;
        assert!(html.contains("href=\"/objects/AKN/plans/2021/new\""));
        assert!(html.contains(&format!("href=\"/initiatives/{}\"", initiative.id)));
        let (_, html) = page(&reader, &app, "/objects/AKN?year=2021").await;
        assert!(!html.contains("/objects/AKN/plans/2021/new"));

        // The approved 2020 plan is locked: no forms, a notice instead.
        let locked = first_initiative(&app, "AKN", 2020).await;
        let (status, html) = page(&leader, &app, &format!("/initiatives/{}", locked.id)).await;
        assert_eq!(status, 200);
        assert!(html.contains("data-locked"));
        assert!(!html.contains("/sf/plan/update_initiative"));
    }
}

#[tokio::test]
async fn a_plain_form_post_creates_and_lands_on_the_new_initiative() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let plan = plan_id(&app, "AKN", 2021).await;
        let plan = plan.to_string();
        let response = leader
            .post(format!("{}/sf/plan/create_initiative", app.url))
            .header("accept", "text/html")
            .header("referer", format!("{}/objects/AKN/plans/2021/new", app.url))
            .form(&[
                ("plan_year_id", plan.as_str()),
                ("name", "Utan wasm"),
                ("main_activity", "user_support"),
                ("assignment_type", "maintain"),
                ("priority", ""),
                ("business_hours", "12,5"),
                ("business_other", ""),
                ("it_hours", ""),
                ("it_other", ""),
            ])
            .send()
            .await
            .expect("request");
        assert_eq!(response.status().as_u16(), 302, "{backend:?}");
        let location = response.headers()["location"].to_str().expect("location").to_owned();
        let id: i64 = location.strip_prefix("/initiatives/").expect("to the new initiative").parse().expect("an id");
        let created = app.store.initiative(id).await.expect("query").expect("created");
        assert_eq!(created.name, "Utan wasm");
        assert_eq!(created.business.hours.to_string(), "12.50");
    }
}

#[tokio::test]
async fn hostile_initiative_names_and_comments_are_shown_as_text() {
    // Closing the title first: leptos_meta writes titles unescaped.
    let hostile = "</title></textarea><script>alert(1)</script>\"><img src=x onerror=alert(2)>";
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let initiative = first_initiative(&app, "AKN", 2021).await;
        let (id, version) = (initiative.id.to_string(), initiative.version.to_string());
        let (status, body) =
            app.call(&leader, "/sf/plan/update_initiative", &edit_form(&id, &version, &[("name", hostile)])).await;
        assert_eq!(status, 200, "{body}");
        let (status, body) = app
            .call(
                &leader,
                "/sf/plan/report_status",
                &[("id", &id), ("status", "at_risk"), ("date", "2021-03-01"), ("comment", hostile)],
            )
            .await;
        assert_eq!(status, 200, "{body}");
        for path in
            [format!("/initiatives/{id}"), "/objects/AKN?year=2021".into(), "/objects/AKN/plans/2021/new".into()]
        {
            let (status, html) = page(&leader, &app, &path).await;
            assert_eq!(status, 200);
            assert!(!html.contains("<script>alert(1)"), "{path} ({backend:?})");
            assert!(!html.contains("<img src=x"), "{path}");
            assert!(
                html.contains("&lt;/textarea&gt;&lt;script&gt;") || path.ends_with("/new"),
                "shown as text on {path}"
            );
            assert_eq!(html.matches("</title>").count(), 1, "the title stays one title on {path}");
        }
    }
}

#[tokio::test]
async fn a_plan_exported_as_xlsx_and_csv_reads_back_as_the_stored_plan() {
    use app::domain::workbook::{read_plan, read_plan_csv};
    for backend in backends() {
        let app = spawn_app(backend).await;
        let reader = app.sign_in(READER, DEMO_PASSWORD).await;
        let plan = plan_id(&app, "AKN", 2020).await;
        let stored = app.store.initiatives(plan).await.expect("initiatives");
        let settings = app.store.plan_year_by_id(plan).await.expect("query").expect("plan").settings;

        let response =
            reader.get(format!("{}/objects/AKN/plans/2020/export.xlsx", app.url)).send().await.expect("xlsx");
        assert_eq!(response.status().as_u16(), 200, "{backend:?}");
        assert_eq!(response.headers()["content-disposition"], "attachment; filename=\"AKN-2020.xlsx\"");
        let bytes = response.bytes().await.expect("body").to_vec();
        let workbook = server::workbook::read_xlsx(bytes).expect("an xlsx file");
        let import = read_plan(&workbook, "AKN", 2020).expect("reads back");
        assert_eq!(import.settings, settings);
        assert_eq!(import.initiatives.len(), stored.len());
        for (read, stored) in import.initiatives.iter().zip(&stored) {
            assert_eq!(read.id, Some(stored.id));
            assert_eq!(read.input.applied_to(stored), *stored, "{}", stored.name);
            assert_eq!((read.status, read.scores), (stored.status, stored.scores));
        }

        let response = reader.get(format!("{}/objects/AKN/plans/2020/export.csv", app.url)).send().await.expect("csv");
        assert_eq!(response.status().as_u16(), 200);
        let text = response.text().await.expect("body");
        let import = read_plan_csv(&text, "AKN", 2020).expect("reads back");
        assert_eq!(import.initiatives.len(), stored.len());
        assert_eq!(import.settings, settings);

        for missing in ["/objects/NOPE/plans/2020/export.xlsx", "/objects/AKN/plans/1999/export.csv"] {
            let response = reader.get(format!("{}{missing}", app.url)).send().await.expect("request");
            assert_eq!(response.status().as_u16(), 404, "{missing}");
        }
        let anonymous = app.anonymous.get(format!("{}/objects/AKN/plans/2020/export.csv", app.url)).send().await;
        assert_eq!(anonymous.expect("request").status().as_u16(), 401);
    }
}

#[tokio::test]
async fn exported_names_that_look_like_formulas_are_neutralised() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let initiative = first_initiative(&app, "AKN", 2021).await;
        let (id, version) = (initiative.id.to_string(), initiative.version.to_string());
        let formula = "=HYPERLINK(\"http://evil.example\",\"klicka\")";
        let (status, body) =
            app.call(&leader, "/sf/plan/update_initiative", &edit_form(&id, &version, &[("name", formula)])).await;
        assert_eq!(status, 200, "{body}");
        let csv = leader.get(format!("{}/objects/AKN/plans/2021/export.csv", app.url)).send().await.expect("csv");
        let text = csv.text().await.expect("body");
        assert!(text.contains("'=HYPERLINK"), "neutralised in CSV ({backend:?})");
        assert!(!text.contains(";=HYPERLINK") && !text.contains(";\"=HYPERLINK"), "never a bare formula");
        let xlsx = leader.get(format!("{}/objects/AKN/plans/2021/export.xlsx", app.url)).send().await.expect("xlsx");
        let workbook = server::workbook::read_xlsx(xlsx.bytes().await.expect("body").to_vec()).expect("xlsx");
        let texts: Vec<String> = workbook
            .sheets
            .iter()
            .flat_map(|s| s.rows.iter().flatten())
            .filter_map(|c| match c {
                app::domain::workbook::Cell::Text(t) => Some(t.clone()),
                _ => None,
            })
            .collect();
        assert!(texts.iter().any(|t| t.starts_with("'=HYPERLINK")));
        assert!(!texts.iter().any(|t| t.starts_with("=HYPERLINK")));
    }
}

#[tokio::test]
async fn concurrent_saves_all_succeed_and_every_new_initiative_gets_its_own_rank() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let plan = plan_id(&app, "AKN", 2021).await;
        let before = app.store.initiatives(plan).await.expect("initiatives").len();
        let plan = plan.to_string();
        let saves: Vec<_> = (0..16)
            .map(|n| {
                let (leader, url, plan) =
                    (leader.clone(), format!("{}/sf/plan/create_initiative", app.url), plan.clone());
                async move {
                    let name = format!("Samtidigt {n}");
                    let form = [
                        ("plan_year_id", plan.as_str()),
                        ("name", name.as_str()),
                        ("main_activity", "operations"),
                        ("assignment_type", "maintain"),
                        ("priority", ""),
                        ("business_hours", "1"),
                        ("business_other", ""),
                        ("it_hours", ""),
                        ("it_other", ""),
                    ];
                    leader.post(url).form(&form).send().await.expect("request").status().as_u16()
                }
            })
            .map(tokio::spawn)
            .collect();
        let mut statuses = Vec::new();
        for save in saves {
            statuses.push(save.await.expect("task"));
        }
        assert!(statuses.iter().all(|&s| s == 200), "{statuses:?} on {backend:?}");
        let after = app.store.initiatives(plan_id(&app, "AKN", 2021).await).await.expect("initiatives");
        assert_eq!(after.len(), before + 16);
        let mut ranks: Vec<i32> = after.iter().map(|i| i.rank).collect();
        ranks.sort_unstable();
        assert_eq!(ranks, (1..=after.len() as i32).collect::<Vec<_>>(), "no rank twice, none missing");
    }
}
