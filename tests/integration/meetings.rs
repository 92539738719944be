//! The steering group's meetings over HTTP as the forms send them: the
//! agenda of a new meeting is the dashboard's open escalations, objects
//! over capacity and contracts needing action; decisions are stored and
//! audited, a stale one is refused; a closed meeting refuses every change;
//! readers read but never change; bad input is refused field by field and
//! changes nothing; the protocol downloads as a workbook holding the
//! decisions; two meetings' snapshots compare. Both backends.

use app::demo::DEMO_PASSWORD;
use app::domain::{AgendaKind, AuditFilter, Capacity, EscalationChange, Hours, Meeting, MeetingState};
use serde_json::Value;

use crate::helpers::{backends, spawn_app, TestApp};

const PSG: &str = "cecilia.wahlstrom@linkoping.example";
const ADMIN: &str = "alva.lind@linkoping.example";

/// A form, the field it gets wrong and the expected error code.
type BadForm<'a> = (Vec<(&'a str, &'a str)>, &'a str, &'a str);

fn in_days(days: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(days)).to_string()
}

async fn person(app: &TestApp, email: &str) -> i64 {
    app.access.person_by_email(email).await.expect("query").expect("person").id
}

/// Puts an object's 2021 plan over capacity: 1 business hour available.
async fn over_capacity(app: &TestApp, code: &str) {
    let object = app.store.object_by_code(code).await.expect("query").expect("object");
    let plan = app.store.plan_years_of(object.id).await.expect("plans").into_iter().find(|p| p.year == 2021);
    let plan = plan.expect("a 2021 plan");
    let capacity = Capacity { business_hours: Some(Hours::parse("1").expect("hours")), ..Capacity::default() };
    let admin = person(app, ADMIN).await;
    app.store.set_capacity(plan.id, plan.version, &capacity, admin).await.expect("capacity");
}

async fn create(app: &TestApp, client: &reqwest::Client, title: &str, attendees: &[i64]) -> (u16, Value) {
    let held_on = in_days(7);
    let ids: Vec<String> = attendees.iter().map(i64::to_string).collect();
    let mut form = vec![("held_on", held_on.as_str()), ("title", title), ("year", "2021")];
    form.extend(ids.iter().map(|id| ("attendees[]", id.as_str())));
    app.call(client, "/sf/meetings/create", &form).await
}

async fn decide(
    app: &TestApp,
    client: &reqwest::Client,
    meeting: i64,
    item: i64,
    version: i64,
    decision: &str,
) -> (u16, Value) {
    let (meeting, item, version) = (meeting.to_string(), item.to_string(), version.to_string());
    let form = [("id", meeting.as_str()), ("item", &item), ("version", &version), ("decision", decision)];
    app.call(client, "/sf/meetings/decide", &form).await
}

async fn meeting(app: &TestApp, id: i64) -> Meeting {
    app.store.meeting(id).await.expect("query").expect("meeting")
}

async fn audit_count(app: &TestApp) -> usize {
    app.store.audit_log(&AuditFilter::default()).await.expect("audit").len()
}

fn sources(meeting: &Meeting, kind: AgendaKind) -> Vec<String> {
    let mut items: Vec<_> = meeting.items.iter().filter(|i| i.kind == kind).collect();
    items.sort_by_key(|i| (i.position, i.id));
    items.into_iter().map(|i| i.source.clone()).collect()
}

#[tokio::test]
async fn a_meetings_agenda_is_the_dashboards_and_its_decisions_stand_once_it_is_closed() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        over_capacity(&app, "AKN").await;
        let psg = app.sign_in(PSG, DEMO_PASSWORD).await;
        let (status, dashboard) = app.call(&psg, "/sf/dashboard", &[("year", "2021")]).await;
        assert_eq!(status, 200, "{dashboard}");
        let ids = |key: &str| -> Vec<String> {
            dashboard[key].as_array().expect("list").iter().map(|e| e["id"].to_string()).collect()
        };
        let escalations = ids("escalations");
        let contracts = ids("contracts");
        let over: Vec<String> = dashboard["objects"]
            .as_array()
            .expect("objects")
            .iter()
            .filter(|o| {
                o["plan"]["capacity"].as_array().is_some_and(|checks| {
                    checks.iter().any(|c| {
                        let n =
                            |k: &str| c[k].as_str().unwrap_or("0").parse::<rust_decimal::Decimal>().expect("decimal");
                        n("demand") > n("capacity")
                    })
                })
            })
            .map(|o| o["code"].as_str().expect("code").to_owned())
            .collect();
        assert!(!escalations.is_empty() && !contracts.is_empty(), "the demo has both on {backend:?}");
        assert_eq!(over, ["AKN"]);

        let attendees = [person(&app, PSG).await, person(&app, ADMIN).await];
        let before = audit_count(&app).await;
        let (status, body) = create(&app, &psg, "  Portföljstyrgrupp mars  ", &attendees).await;
        assert_eq!(status, 200, "{body} on {backend:?}");
        let id = body.as_i64().expect("id");
        let created = meeting(&app, id).await;
        assert_eq!(created.title, "Portföljstyrgrupp mars");
        assert_eq!((created.year, created.state), (2021, MeetingState::Open));
        assert_eq!(created.held_on.to_string(), in_days(7));
        let mut names: Vec<&str> = created.attendees.iter().map(|a| a.name.as_str()).collect();
        names.sort_unstable();
        assert_eq!(names, ["Alva Lind", "Cecilia Wahlström"]);
        assert_eq!(sources(&created, AgendaKind::Escalation), escalations, "in the dashboard's order");
        assert_eq!(sources(&created, AgendaKind::OverCapacity), over);
        assert_eq!(sources(&created, AgendaKind::Contract), contracts);
        assert_eq!(audit_count(&app).await, before + 1, "one audit record");
        // The snapshot is the dashboard as it stood.
        let snapshot: Value =
            serde_json::from_str(&app.store.meeting_snapshot(id).await.expect("query").expect("snapshot"))
                .expect("json");
        assert_eq!(snapshot["total"], dashboard["total"]);

        // A decision on the first escalation, stored with who took it.
        let item = created.items.iter().find(|i| i.kind == AgendaKind::Escalation).expect("an escalation item");
        let (status, body) =
            decide(&app, &psg, id, item.id, item.version, " PSG prioriterar AKN:s arkivering före EHR. ").await;
        assert_eq!(status, 200, "{body}");
        let decided = meeting(&app, id).await;
        let stored = decided.item(item.id).expect("item");
        assert_eq!(stored.decision, "PSG prioriterar AKN:s arkivering före EHR.");
        assert_eq!(stored.decided_by_name.as_deref(), Some("Cecilia Wahlström"));
        assert_eq!(stored.version, item.version + 1);
        // From the version before: someone else decided meanwhile.
        let (status, body) = decide(&app, &psg, id, item.id, item.version, "Något annat").await;
        assert_eq!(status, 409, "{body}");
        assert_eq!(body["message"], "stale");

        // Other business, added and removed.
        let (status, body) = app
            .call(&psg, "/sf/meetings/add_item", &[("id", &id.to_string()), ("title", "Budgetprocessen 2022")])
            .await;
        assert_eq!(status, 200, "{body}");
        let other = body.as_i64().expect("item id");
        assert_eq!(sources(&meeting(&app, id).await, AgendaKind::Other), [""]);
        let (status, _) =
            app.call(&psg, "/sf/meetings/remove_item", &[("id", &id.to_string()), ("item", &other.to_string())]).await;
        assert_eq!(status, 200);
        assert!(meeting(&app, id).await.item(other).is_none());

        // A new escalation-free object over capacity joins on a new snapshot;
        // items already there stay with their decisions.
        over_capacity(&app, "EHR").await;
        let (status, body) = app.call(&psg, "/sf/meetings/snapshot", &[("id", &id.to_string())]).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body, 1, "one item added");
        let retaken = meeting(&app, id).await;
        assert_eq!(sources(&retaken, AgendaKind::OverCapacity), ["AKN", "EHR"]);
        assert_eq!(retaken.item(item.id).expect("kept").decision, stored.decision);
        assert!(retaken.snapshot_taken_at > created.snapshot_taken_at);

        // Closed: every change is refused and nothing moves.
        let (status, _) = app.call(&psg, "/sf/meetings/close", &[("id", &id.to_string())]).await;
        assert_eq!(status, 200);
        assert_eq!(meeting(&app, id).await.state, MeetingState::Closed);
        let audit = audit_count(&app).await;
        let id_text = id.to_string();
        let item_text = item.id.to_string();
        let version = (item.version + 1).to_string();
        let refused: [(&str, Vec<(&str, &str)>); 5] = [
            (
                "/sf/meetings/decide",
                vec![("id", &id_text), ("item", &item_text), ("version", &version), ("decision", "Nytt")],
            ),
            ("/sf/meetings/add_item", vec![("id", &id_text), ("title", "Sent")]),
            ("/sf/meetings/remove_item", vec![("id", &id_text), ("item", &item_text)]),
            ("/sf/meetings/snapshot", vec![("id", &id_text)]),
            ("/sf/meetings/close", vec![("id", &id_text)]),
        ];
        for (path, form) in refused {
            let (status, body) = app.call(&psg, path, &form).await;
            assert_eq!(status, 409, "{path}: {body} on {backend:?}");
            assert_eq!(body["message"], "closed", "{path}");
        }
        assert_eq!(meeting(&app, id).await.item(item.id).expect("item").decision, stored.decision);
        assert_eq!(audit_count(&app).await, audit, "nothing audited: nothing changed");

        // The protocol downloads for anyone who reads (here the demo
        // reader) and holds the decision.
        let response = app.get(&format!("/meetings/{id}/protocol.xlsx")).await;
        assert_eq!(response.status().as_u16(), 200);
        let content_type = response.headers()["content-type"].to_str().expect("header").to_owned();
        assert!(content_type.contains("spreadsheetml"), "{content_type}");
        let workbook = server::workbook::read_xlsx(response.bytes().await.expect("body").to_vec()).expect("xlsx");
        let sheet = workbook.sheets.iter().find(|s| s.name == app::views::PROTOCOL_SHEET).expect("protocol sheet");
        let texts: Vec<String> = sheet.rows.iter().flatten().map(|c| c.as_text()).collect();
        assert!(texts.contains(&stored.decision), "{texts:?}");
        assert!(texts.contains(&"Cecilia Wahlström".to_owned()));
        let meeting_sheet = workbook.sheets.iter().find(|s| s.name == app::views::MEETING_SHEET).expect("meeting");
        assert!(meeting_sheet.rows.iter().flatten().any(|c| c.as_text() == "Alva Lind, Cecilia Wahlström"));
        assert_eq!(app.get("/meetings/999999/protocol.xlsx").await.status().as_u16(), 404);
        assert_eq!(
            app.anonymous
                .get(format!("{}/meetings/{id}/protocol.xlsx", app.url))
                .send()
                .await
                .expect("request")
                .status()
                .as_u16(),
            401
        );

        // The pages render on the server for the reader.
        for path in [format!("/meetings/{id}"), format!("/meetings/{id}/protocol"), "/meetings".to_owned()] {
            let (status, html) = app.get_html(&path).await;
            assert_eq!(status, 200, "{path}");
            assert!(html.contains("Portföljstyrgrupp mars"), "{path}");
        }
        let (_, html) = app.get_html(&format!("/meetings/{id}")).await;
        assert!(html.contains(&stored.decision), "the decision on the meeting's page");
        assert!(!html.contains("Spara beslutet"), "a reader gets no decision form");
    }
}

#[tokio::test]
async fn readers_cannot_run_meetings_and_bad_input_is_refused_by_field_and_changes_nothing() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let psg = app.sign_in(PSG, DEMO_PASSWORD).await;
        let (status, body) = create(&app, &psg, "PSG april", &[]).await;
        assert_eq!(status, 200, "{body}");
        let id = body.as_i64().expect("id").to_string();
        let item = meeting(&app, id.parse().expect("id")).await.items[0].clone();
        let (item_id, version) = (item.id.to_string(), item.version.to_string());
        let leader = app.sign_in("naris.radetinac@linkoping.example", DEMO_PASSWORD).await;
        let before = (app.store.meetings().await.expect("meetings"), audit_count(&app).await);

        // The demo reader and an object leader read but do not change.
        for client in [&app.client, &leader] {
            let (status, _) = create(&app, client, "Eget möte", &[]).await;
            assert_eq!(status, 403, "{backend:?}");
            let (status, _) = app
                .call(
                    client,
                    "/sf/meetings/decide",
                    &[("id", &id), ("item", &item_id), ("version", &version), ("decision", "x")],
                )
                .await;
            assert_eq!(status, 403);
            for (path, form) in [
                ("/sf/meetings/add_item", vec![("id", id.as_str()), ("title", "x")]),
                ("/sf/meetings/remove_item", vec![("id", id.as_str()), ("item", item_id.as_str())]),
                ("/sf/meetings/snapshot", vec![("id", id.as_str())]),
                ("/sf/meetings/close", vec![("id", id.as_str())]),
                ("/sf/meetings/new", vec![]),
            ] {
                let (status, _) = app.call(client, path, &form).await;
                assert_eq!(status, 403, "{path}");
            }
            let (status, page) = app.call(client, "/sf/meetings/page", &[("id", &id)]).await;
            assert_eq!(status, 200, "they read it");
            assert_eq!(page["can_edit"], false);
        }

        // Bad input, field by field, in Swedish on the form.
        let held_on = in_days(3);
        let cases: [BadForm; 6] = [
            (vec![("held_on", &held_on), ("title", "   "), ("year", "2021")], "title", "required"),
            (vec![("held_on", "2027-02-30"), ("title", "PSG"), ("year", "2021")], "held_on", "unknown"),
            (vec![("held_on", "31/3 2027"), ("title", "PSG"), ("year", "2021")], "held_on", "unknown"),
            (vec![("held_on", ""), ("title", "PSG"), ("year", "2021")], "held_on", "required"),
            (vec![("held_on", &held_on), ("title", "PSG"), ("year", "tjugo")], "year", "not_a_number"),
            (
                vec![("held_on", &held_on), ("title", "PSG"), ("year", "2021"), ("attendees[]", "999999")],
                "attendees",
                "unknown",
            ),
        ];
        for (form, field, code) in cases {
            let (status, body) = app.call(&psg, "/sf/meetings/create", &form).await;
            assert_eq!(status, 400, "{form:?}: {body} on {backend:?}");
            assert_eq!((body["field"].as_str(), body["message"].as_str()), (Some(field), Some(code)), "{form:?}");
        }
        let long = "x".repeat(4001);
        for (path, form, field, code) in [
            (
                "/sf/meetings/decide",
                vec![("id", id.as_str()), ("item", item_id.as_str()), ("version", version.as_str()), ("decision", " ")],
                "decision",
                "required",
            ),
            (
                "/sf/meetings/decide",
                vec![
                    ("id", id.as_str()),
                    ("item", item_id.as_str()),
                    ("version", version.as_str()),
                    ("decision", long.as_str()),
                ],
                "decision",
                "too_long",
            ),
            ("/sf/meetings/add_item", vec![("id", id.as_str()), ("title", "")], "title", "required"),
        ] {
            let (status, body) = app.call(&psg, path, &form).await;
            assert_eq!(status, 400, "{path}: {body}");
            assert_eq!((body["field"].as_str(), body["message"].as_str()), (Some(field), Some(code)));
        }
        // Unknown meeting or item: 404.
        let (status, _) = app
            .call(
                &psg,
                "/sf/meetings/decide",
                &[("id", "999999"), ("item", &item_id), ("version", "1"), ("decision", "x")],
            )
            .await;
        assert_eq!(status, 404);
        let (status, _) = app.call(&psg, "/sf/meetings/remove_item", &[("id", &id), ("item", "999999")]).await;
        assert_eq!(status, 404);
        let (status, _) = app.call(&app.client, "/sf/meetings/page", &[("id", "999999")]).await;
        assert_eq!(status, 404);
        assert_eq!(app.get_html("/meetings/999999").await.0, 404);

        assert_eq!((app.store.meetings().await.expect("meetings"), audit_count(&app).await), before, "nothing changed");
        assert_eq!(meeting(&app, id.parse().expect("id")).await.item(item.id), Some(&item));

        // A hostile title is text on every page.
        let (status, body) = create(&app, &psg, "<script>alert('möte')</script>", &[]).await;
        assert_eq!(status, 200, "{body}");
        let hostile = body.as_i64().expect("id");
        for path in [format!("/meetings/{hostile}"), format!("/meetings/{hostile}/protocol"), "/meetings".to_owned()] {
            let (status, html) = app.get_html(&path).await;
            assert_eq!(status, 200);
            assert!(!html.contains("<script>alert("), "{path} escapes the title");
            assert!(html.contains("&lt;script&gt;alert("), "{path} shows the title");
        }
    }
}

#[tokio::test]
async fn two_meetings_snapshots_compare_figure_by_figure_and_object_by_object() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let psg = app.sign_in(PSG, DEMO_PASSWORD).await;
        let (status, body) = app.call(&psg, "/sf/meetings/compare", &[]).await;
        assert_eq!(status, 200, "{body}");
        assert!(body["from"].is_null(), "no meetings: nothing to compare");

        let (_, first) = create(&app, &psg, "PSG mars", &[]).await;
        let first = first.as_i64().expect("id");
        // Between the meetings: an escalation is decided, EHR goes over
        // capacity.
        let open = app.store.escalations(true).await.expect("escalations");
        let escalation = &open[0];
        let admin = person(&app, ADMIN).await;
        let decision = EscalationChange::Decide { decision: "Klart".into(), rationale: "Enigt".into() };
        app.store.change_escalation(escalation.id, escalation.version, &decision, admin).await.expect("decided");
        over_capacity(&app, "EHR").await;
        let (_, second) = create(&app, &psg, "PSG juni", &[]).await;
        let second = second.as_i64().expect("id");

        let (status, c) = app
            .call(&app.client, "/sf/meetings/compare", &[("from", &first.to_string()), ("to", &second.to_string())])
            .await;
        assert_eq!(status, 200, "{c} on {backend:?}");
        assert_eq!((c["from"]["id"].as_i64(), c["to"]["id"].as_i64()), (Some(first), Some(second)));
        let count = |side: &str, key: &str| c[side]["figures"][key].as_u64().expect("count");
        assert_eq!(count("from", "escalations"), count("to", "escalations") + 1);
        assert_eq!((count("from", "over_capacity"), count("to", "over_capacity")), (0, 1));
        assert_eq!(c["from"]["figures"]["total"], c["to"]["figures"]["total"], "the budget did not move");
        let changes = c["changes"].as_array().expect("changes");
        let ehr = changes.iter().find(|o| o["code"] == "EHR").expect("EHR");
        assert_eq!(
            (ehr["over_capacity_before"].as_bool(), ehr["over_capacity_after"].as_bool()),
            (Some(false), Some(true))
        );
        let akn = changes.iter().find(|o| o["code"] == "AKN").expect("AKN");
        assert_eq!(akn["before"], akn["after"]);
        // By default the latest two, earlier first.
        let (_, default) = app.call(&app.client, "/sf/meetings/compare", &[]).await;
        assert_eq!((default["from"]["id"].as_i64(), default["to"]["id"].as_i64()), (Some(first), Some(second)));
        let (status, _) =
            app.call(&app.client, "/sf/meetings/compare", &[("from", "999999"), ("to", &second.to_string())]).await;
        assert_eq!(status, 404);

        let (status, html) = app.get_html(&format!("/meetings/compare?from={first}&to={second}")).await;
        assert_eq!(status, 200);
        assert!(html.contains("PSG mars") && html.contains("PSG juni"));
        assert!(html.contains("data-changed=\"true\""), "EHR marked as changed");
    }
}
