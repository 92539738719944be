//! The escalation register over HTTP as the forms send it: a leader
//! raises a question for two objects, the leaders and then the owners
//! take it up a step, the steering group decides with a rationale; each
//! step only by those who act at it; bad input is refused field by field
//! and changes nothing; a stale version is a 409 with what is stored; the
//! open list puts the steering group's questions first. Both backends.

use app::demo::DEMO_PASSWORD;
use app::domain::{AuditFilter, Escalation, EscalationEventKind, EscalationState, EscalationStep, Grant, Role};
use app::store::NewPerson;

use crate::helpers::{backends, spawn_app, TestApp};

/// Object leader, IT side, of AKN.
const LEADER: &str = "naris.radetinac@linkoping.example";
/// Object owner, business side, of AKN.
const OWNER: &str = "maria.ottosson@linkoping.example";
const PSG: &str = "cecilia.wahlstrom@linkoping.example";
const SPECIALIST: &str = "jonas.wiman@linkoping.example";

/// A form as owned pairs, a refused form with its field and code, and a
/// borrowed one with its field and code.
type OwnedForm = Vec<(String, String)>;
type Case<'a> = (OwnedForm, &'a str, &'a str);
type BadForm<'a> = (&'a [(&'a str, &'a str)], &'a str, &'a str);

fn refs<'a>(form: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    form.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

fn in_days(days: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(days)).to_string()
}

/// An object leader of VSOA, who has nothing to do with AKN or EHR.
async fn other_leader(app: &TestApp) -> reqwest::Client {
    let vsoa = app.access.object_id("VSOA").await.expect("query").expect("VSOA");
    let person = NewPerson {
        name: "Vera Annan".into(),
        email: "vera.annan@linkoping.example".into(),
        password_hash: Some(app::secrets::hash_password("other-leader-password").expect("hash")),
        roles: vec![Grant { role: Role::ObjectLeaderIt, object_id: Some(vsoa) }],
    };
    app.access.create_person(&person, None).await.expect("person");
    app.sign_in("vera.annan@linkoping.example", "other-leader-password").await
}

async fn escalation(app: &TestApp, id: i64) -> Escalation {
    app.store.escalation(id).await.expect("query").expect("escalation")
}

/// Everything a refused call could have changed.
async fn snapshot(app: &TestApp) -> (Vec<Escalation>, usize) {
    let all = app.store.escalations(false).await.expect("escalations");
    (all, app.store.audit_log(&AuditFilter::default()).await.expect("audit").len())
}

/// The first initiative of an object's 2021 plan.
async fn initiative_of(app: &TestApp, code: &str) -> i64 {
    let object = app.store.object_by_code(code).await.expect("query").expect("object");
    let plan = app.store.plan_years_of(object.id).await.expect("plans").into_iter().find(|p| p.year == 2021);
    app.store.initiatives(plan.expect("2021 plan").id).await.expect("initiatives")[0].id
}

async fn raise(
    app: &TestApp,
    client: &reqwest::Client,
    title: &str,
    extra: &[(&str, &str)],
) -> (u16, serde_json::Value) {
    let due = in_days(10);
    let mut form =
        vec![("year", "2021"), ("title", title), ("description", "Samma utvecklare behövs i mars."), ("due_on", &due)];
    form.extend_from_slice(extra);
    app.call(client, "/sf/escalations/raise", &form).await
}

#[tokio::test]
async fn a_leader_raises_the_owners_take_it_up_and_the_steering_group_decides() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let owner = app.sign_in(OWNER, DEMO_PASSWORD).await;
        let psg = app.sign_in(PSG, DEMO_PASSWORD).await;
        let (akn_goal, ehr_goal) = (initiative_of(&app, "AKN").await, initiative_of(&app, "EHR").await);
        let audit_before = app.store.audit_log(&AuditFilter::default()).await.expect("audit").len();

        let (status, body) = raise(
            &app,
            &leader,
            "  IT-timmar i mars  ",
            &[
                ("objects[]", "EHR"),
                ("objects[]", "AKN"),
                ("initiatives[]", &akn_goal.to_string()),
                ("initiatives[]", &ehr_goal.to_string()),
            ],
        )
        .await;
        assert_eq!(status, 200, "{body} on {backend:?}");
        let id = body.as_i64().expect("id");
        let raised = escalation(&app, id).await;
        assert_eq!(raised.title, "IT-timmar i mars");
        assert_eq!(
            (raised.step, raised.state, raised.version),
            (EscalationStep::ObjectLeaders, EscalationState::Open, 1)
        );
        assert_eq!(raised.objects.iter().map(|o| o.code.as_str()).collect::<Vec<_>>(), ["AKN", "EHR"]);
        assert_eq!(raised.initiatives.len(), 2);
        assert_eq!(raised.raised_by_name.as_deref(), Some("Naris Radetinac"));
        assert_eq!(raised.due_on.to_string(), in_days(10));

        // The page shows who must act: the leaders of both objects.
        let (status, page) = app.call(&psg, "/sf/escalations/page", &[("id", &id.to_string())]).await;
        assert_eq!(status, 200, "{page}");
        let actors: Vec<&str> =
            page["actors"].as_array().expect("actors").iter().map(|a| a["name"].as_str().unwrap_or("")).collect();
        assert!(actors.contains(&"Naris Radetinac") && actors.contains(&"Urban Nilsson"), "{actors:?}");
        assert!(actors.len() >= 3, "EHR's leaders too: {actors:?}");
        assert_eq!(page["can_escalate"], true);

        // Step 1 → 2 by the leader, with a note and a new due date.
        let version = |v: i64| v.to_string();
        let (status, body) = app
            .call(
                &leader,
                "/sf/escalations/escalate",
                &[
                    ("id", &id.to_string()),
                    ("version", &version(1)),
                    ("note", "Ingen omplanering håller."),
                    ("due_on", &in_days(20)),
                ],
            )
            .await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["step"], "object_owners");
        // At step 2 the leader no longer acts.
        let (status, _) = app
            .call(
                &leader,
                "/sf/escalations/escalate",
                &[("id", &id.to_string()), ("version", "2"), ("note", "x"), ("due_on", &in_days(20))],
            )
            .await;
        assert_eq!(status, 403);
        // Step 2 → 3 by an owner.
        let (status, body) = app
            .call(
                &owner,
                "/sf/escalations/escalate",
                &[("id", &id.to_string()), ("version", "2"), ("note", "Ägarna är oense."), ("due_on", &in_days(30))],
            )
            .await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(escalation(&app, id).await.step, EscalationStep::SteeringGroup);
        // No step after the steering group.
        let (status, body) = app
            .call(
                &psg,
                "/sf/escalations/escalate",
                &[("id", &id.to_string()), ("version", "3"), ("note", "x"), ("due_on", &in_days(30))],
            )
            .await;
        assert_eq!((status, body["message"].as_str()), (409, Some("last_step")), "{body}");

        // At step 3 only the steering group decides.
        let decide = |version: &str, decision: &str, rationale: &str| {
            vec![
                ("id", id.to_string()),
                ("version", version.to_owned()),
                ("decision", decision.to_owned()),
                ("rationale", rationale.to_owned()),
            ]
        };
        for client in [&leader, &owner] {
            let (status, _) =
                app.call(client, "/sf/escalations/decide", &refs(&decide("3", "AKN först", "Lagkrav"))).await;
            assert_eq!(status, 403, "only the PSG decides at step 3");
        }
        let before = snapshot(&app).await;
        // A stale version: 409 with what is stored now.
        let (status, body) =
            app.call(&psg, "/sf/escalations/decide", &refs(&decide("2", "AKN först", "Lagkrav"))).await;
        assert_eq!((status, body["error"].as_str()), (409, Some("stale")), "{body}");
        assert_eq!(body["version"], 3);
        assert!(body["current"].to_string().contains("\"3\""), "{body}");
        // A decision needs its rationale.
        let (status, body) = app.call(&psg, "/sf/escalations/decide", &refs(&decide("3", "AKN först", "  "))).await;
        assert_eq!(
            (status, body["field"].as_str(), body["message"].as_str()),
            (400, Some("rationale"), Some("required"))
        );
        assert_eq!(snapshot(&app).await, before, "refusals change nothing on {backend:?}");

        let form = decide(
            "3",
            "AKN:s e-arkiv går först; EHR flyttar uppgraderingen till maj.",
            "Arkivlagen kräver leverans i april.",
        );
        let (status, body) = app.call(&psg, "/sf/escalations/decide", &refs(&form)).await;
        assert_eq!(status, 200, "{body}");
        let decided = escalation(&app, id).await;
        assert_eq!(decided.state, EscalationState::Decided);
        assert_eq!(decided.rationale, "Arkivlagen kräver leverans i april.");
        assert_eq!(decided.decided_by_name.as_deref(), Some("Cecilia Wahlström"));
        assert!(decided.decided_at.is_some());
        assert_eq!(decided.version, 4);

        // Nothing after a decision.
        let (status, body) =
            app.call(&psg, "/sf/escalations/withdraw", &[("id", &id.to_string()), ("version", "4")]).await;
        assert_eq!((status, body["message"].as_str()), (409, Some("not_open")), "{body}");

        let history = app.store.escalation_events(id).await.expect("history");
        let kinds: Vec<EscalationEventKind> = history.iter().map(|e| e.kind).collect();
        use EscalationEventKind::*;
        assert_eq!(kinds, [Raised, Escalated, Escalated, Decided]);
        assert_eq!(history[1].note, "Ingen omplanering håller.");
        assert_eq!(history[2].step, EscalationStep::SteeringGroup);
        let audit = app.store.audit_log(&AuditFilter::default()).await.expect("audit");
        let records: Vec<_> = audit
            .iter()
            .filter(|r| r.entity == "escalation" && r.entity_id.as_deref() == Some(&id.to_string()))
            .collect();
        assert_eq!(records.len(), 4, "one audit record per change");
        assert_eq!(audit.len(), audit_before + 4);

        // The page, rendered on the server, tells the story.
        let response = psg.get(format!("{}/escalations/{id}", app.url)).send().await.expect("request");
        assert_eq!(response.status().as_u16(), 200);
        let html = response.text().await.expect("body");
        for text in ["IT-timmar i mars", "Arkivlagen kräver leverans i april.", "Historik", "Beslutad"] {
            assert!(html.contains(text), "{text} on the page");
        }
        assert_eq!(app.get("/escalations/999999").await.status().as_u16(), 404);
    }
}

#[tokio::test]
async fn bad_input_and_those_who_may_not_act_are_refused_and_change_nothing() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let specialist = app.sign_in(SPECIALIST, DEMO_PASSWORD).await;
        let other = other_leader(&app).await;
        let vsoa_goal = initiative_of(&app, "VSOA").await.to_string();
        let before = snapshot(&app).await;

        let long_title = "x".repeat(201);
        let long_text = "y".repeat(4001);
        let (yesterday, soon) = (in_days(-1), in_days(5));
        let good: Vec<(&str, &str)> =
            vec![("year", "2021"), ("title", "Krock"), ("description", ""), ("due_on", &soon), ("objects[]", "AKN")];
        let with = |field: &str, value: &'static str| -> OwnedForm {
            good.iter()
                .map(|&(k, v)| (k.to_owned(), if k == field { value.to_owned() } else { v.to_owned() }))
                .collect()
        };
        let owned = |form: &[(&str, &str)]| form.iter().map(|&(k, v)| (k.to_owned(), v.to_owned())).collect::<Vec<_>>();
        let mut cases: Vec<Case> = vec![
            (with("title", "  "), "title", "required"),
            (with("year", "tjugo"), "year", "not_a_number"),
            (with("due_on", ""), "due_on", "required"),
            (with("due_on", "31/12"), "due_on", "unknown"),
            (with("objects[]", "NOPE"), "objects", "unknown"),
        ];
        let mut too_long = owned(&good);
        too_long[1].1 = long_title.clone();
        cases.push((too_long, "title", "too_long"));
        let mut long_description = owned(&good);
        long_description[2].1 = long_text.clone();
        cases.push((long_description, "description", "too_long"));
        let mut past = owned(&good);
        past[3].1 = yesterday.clone();
        cases.push((past, "due_on", "in_past"));
        cases.push((owned(&good[..4]), "objects", "required"));
        let mut foreign = owned(&good);
        foreign.push(("initiatives[]".into(), vsoa_goal.clone()));
        cases.push((foreign, "initiatives", "unknown"));
        for (form, field, code) in &cases {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let (status, body) = app.call(&leader, "/sf/escalations/raise", &form).await;
            assert_eq!(status, 400, "{field}: {body} on {backend:?}");
            assert_eq!((body["field"].as_str(), body["message"].as_str()), (Some(*field), Some(*code)), "{body}");
        }

        // Who may not raise for AKN: a specialist, a reader, another object's leader.
        for client in [&specialist, &app.client, &other] {
            let (status, _) = app.call(client, "/sf/escalations/raise", &good).await;
            assert_eq!(status, 403);
        }
        let (status, _) = app.call(&app.anonymous, "/sf/escalations/raise", &good).await;
        assert_eq!(status, 401);

        // A demo question at step 1 about AKN and EHR: neither the reader,
        // the specialist nor another object's leader acts on it.
        let open = app.store.escalations(true).await.expect("open");
        let first = open.iter().find(|e| e.step == EscalationStep::ObjectLeaders).expect("a demo question at step 1");
        let id = first.id.to_string();
        let version = first.version.to_string();
        let escalate = [("id", id.as_str()), ("version", version.as_str()), ("note", "x"), ("due_on", soon.as_str())];
        let decide = [("id", id.as_str()), ("version", version.as_str()), ("decision", "d"), ("rationale", "r")];
        let withdraw = [("id", id.as_str()), ("version", version.as_str())];
        for client in [&specialist, &app.client, &other] {
            assert_eq!(app.call(client, "/sf/escalations/escalate", &escalate).await.0, 403);
            assert_eq!(app.call(client, "/sf/escalations/decide", &decide).await.0, 403);
            assert_eq!(app.call(client, "/sf/escalations/withdraw", &withdraw).await.0, 403);
        }
        // Bad input from one who may act.
        let bad_escalations: [BadForm; 3] = [
            (&[("id", &id), ("version", &version), ("note", ""), ("due_on", &soon)], "note", "required"),
            (&[("id", &id), ("version", &version), ("note", "x"), ("due_on", &yesterday)], "due_on", "in_past"),
            (&[("id", &id), ("version", &version), ("note", &long_text), ("due_on", &soon)], "note", "too_long"),
        ];
        for (form, field, code) in bad_escalations {
            let (status, body) = app.call(&leader, "/sf/escalations/escalate", form).await;
            assert_eq!(
                (status, body["field"].as_str(), body["message"].as_str()),
                (400, Some(field), Some(code)),
                "{body}"
            );
        }
        let (status, body) = app
            .call(
                &leader,
                "/sf/escalations/decide",
                &[("id", &id), ("version", &version), ("decision", ""), ("rationale", "")],
            )
            .await;
        assert_eq!((status, body["field"].as_str()), (400, Some("decision")), "{body}");
        let (status, _) = app
            .call(
                &leader,
                "/sf/escalations/escalate",
                &[("id", "999999"), ("version", "1"), ("note", "x"), ("due_on", &soon)],
            )
            .await;
        assert_eq!(status, 404);
        let (status, _) = app.call(&leader, "/sf/escalations/escalate", &[("id", &id), ("version", "x")]).await;
        assert_eq!(status, 400, "a malformed form");
        assert_eq!(snapshot(&app).await, before, "nothing changed on {backend:?}");
    }
}

#[tokio::test]
async fn only_the_raiser_or_the_steering_group_withdraws() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let owner = app.sign_in(OWNER, DEMO_PASSWORD).await;
        let (status, body) =
            raise(&app, &leader, "Dubbelbokad testmiljö", &[("objects[]", "AKN"), ("objects[]", "VSOA")]).await;
        assert_eq!(status, 200, "{body}");
        let id = body.as_i64().expect("id").to_string();
        let (status, _) = app.call(&owner, "/sf/escalations/withdraw", &[("id", &id), ("version", "1")]).await;
        assert_eq!(status, 403, "an owner who did not raise it");
        let (status, body) = app
            .call(&leader, "/sf/escalations/withdraw", &[("id", &id), ("version", "1"), ("note", "Löst i OLF.")])
            .await;
        assert_eq!(status, 200, "{body} on {backend:?}");
        assert_eq!(body["state"], "withdrawn");
        let history = app.store.escalation_events(id.parse().expect("id")).await.expect("history");
        assert_eq!(
            history.last().map(|e| (e.kind, e.note.as_str())),
            Some((EscalationEventKind::Withdrawn, "Löst i OLF."))
        );
    }
}

#[tokio::test]
async fn the_open_list_puts_the_steering_groups_questions_first_with_who_must_act_and_overdue_marks() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let psg = app.sign_in(PSG, DEMO_PASSWORD).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;

        // The demo's questions: one at step 1, one with the owners and overdue.
        let (status, list) = app.call(&psg, "/sf/escalations/list", &[]).await;
        assert_eq!(status, 200, "{list}");
        let rows = list["rows"].as_array().expect("rows").clone();
        assert_eq!(rows.len(), 2, "{list}");
        let overdue = rows.iter().find(|r| r["overdue"] == true).expect("an overdue demo question");
        assert_eq!(overdue["step"], "object_owners");
        let owners: Vec<&str> =
            overdue["actors"].as_array().expect("actors").iter().filter_map(|a| a.as_str()).collect();
        assert!(owners.contains(&"Maria Ottosson") && owners.contains(&"Annika Berglund"), "{owners:?}");
        assert!(!owners.contains(&"Naris Radetinac"), "leaders act at step 1 only");
        assert_eq!(list["can_raise"], true);

        // One raised to the steering group comes first.
        let (_, body) = raise(&app, &leader, "Till PSG", &[("objects[]", "AKN")]).await;
        let id = body.as_i64().expect("id");
        let id_text = id.to_string();
        let psg_up = |version: &'static str| {
            let (id, due) = (id_text.clone(), in_days(9));
            let psg = psg.clone();
            let app = &app;
            async move {
                app.call(
                    &psg,
                    "/sf/escalations/escalate",
                    &[("id", &id), ("version", version), ("note", "Vidare."), ("due_on", &due)],
                )
                .await
            }
        };
        assert_eq!(psg_up("1").await.0, 200);
        assert_eq!(psg_up("2").await.0, 200);
        let (_, list) = app.call(&app.client, "/sf/escalations/list", &[]).await;
        assert_eq!(list["rows"][0]["id"], id, "the steering group's first: {list}");
        assert_eq!(list["rows"][0]["step"], "steering_group");
        assert_eq!(list["can_raise"], false, "a reader reads only");
        let (_, summary) = app.call(&psg, "/sf/escalations/summary", &[]).await;
        assert_eq!(
            (summary["open"].as_u64(), summary["at_steering_group"].as_u64(), summary["overdue"].as_u64()),
            (Some(3), Some(1), Some(1))
        );

        // Decided ones leave the open list and show under "all".
        let form = [
            ("id", id.to_string()),
            ("version", "3".into()),
            ("decision", "Nej".into()),
            ("rationale", "Resurser saknas".into()),
        ];
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(app.call(&psg, "/sf/escalations/decide", &form).await.0, 200);
        let (_, open) = app.call(&psg, "/sf/escalations/list", &[]).await;
        assert_eq!(open["rows"].as_array().map(Vec::len), Some(2));
        let (_, all) = app.call(&psg, "/sf/escalations/list", &[("all", "true")]).await;
        assert_eq!(all["rows"].as_array().map(Vec::len), Some(3));
        assert_eq!(all["rows"][2]["state"], "decided", "closed ones last");

        // The pages render on the server: the list, the overview's count, the form.
        let (status, html) = app.get_html("/escalations").await;
        assert_eq!(status, 200);
        assert!(html.contains("Försenad") && html.contains("Eskaleringar"), "overdue marked, in Swedish");
        let (_, overview) = app.get_html("/").await;
        assert!(overview.contains("data-open-escalations=\"2\""), "the overview counts open questions");
        let new = leader
            .get(format!("{}/escalations/new?objects=AKN,EHR&year=2021&title=Krock", app.url))
            .send()
            .await
            .expect("request");
        assert_eq!(new.status().as_u16(), 200);
        let html = new.text().await.expect("body");
        assert!(html.contains("value=\"Krock\""), "the title from the link");
        assert!(
            html.contains("id=\"raise-object-EHR\"") && html.contains("value=\"EHR\" checked"),
            "the objects from the link"
        );
        let reader_new = app.get("/escalations/new").await;
        assert_eq!(reader_new.status().as_u16(), 403, "a reader may not raise");
    }
}
