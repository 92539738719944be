//! Prioritising over HTTP: moves as intents decided by the server, steps,
//! undo, capacity, refusals that change nothing; concurrent reordering
//! that never loses or repeats an item and equals a replay of what was
//! acknowledged; live updates by server-sent events, across two instances
//! on one PostgreSQL. Both backends.

use std::time::{Duration, Instant};

use app::demo::DEMO_PASSWORD;
use app::domain::{apply_move, AuditAction, AuditFilter, Move};

use crate::helpers::{backends, next_event, spawn_app, spawn_instance, Backend, TestApp};

const LEADER: &str = "naris.radetinac@linkoping.example";
/// Reports status on AKN, but does not order its plan.
const SPECIALIST: &str = "jonas.wiman@linkoping.example";

async fn draft_plan(app: &TestApp) -> (i64, Vec<i64>) {
    let akn = app.store.object_by_code("AKN").await.expect("query").expect("AKN");
    let plan = app.store.plan_years_of(akn.id).await.expect("plans").into_iter().find(|p| p.year == 2021);
    let plan = plan.expect("AKN 2021").id;
    (plan, order(app, plan).await)
}

async fn order(app: &TestApp, plan: i64) -> Vec<i64> {
    let initiatives = app.store.initiatives(plan).await.expect("initiatives");
    let ranks: Vec<i32> = initiatives.iter().map(|i| i.rank).collect();
    assert_eq!(ranks, (1..=initiatives.len() as i32).collect::<Vec<_>>(), "ranks are 1..n");
    initiatives.iter().map(|i| i.id).collect()
}

fn move_form(plan: i64, item: i64, before: Option<i64>) -> Vec<(&'static str, String)> {
    let mut form = vec![("plan_year_id", plan.to_string()), ("item", item.to_string())];
    if let Some(before) = before {
        form.push(("before", before.to_string()));
    }
    form
}

async fn post(client: &reqwest::Client, url: &str, path: &str, form: &[(&str, String)]) -> (u16, serde_json::Value) {
    let response = client.post(format!("{url}{path}")).form(form).send().await.expect("request");
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or_default())
}

#[tokio::test]
async fn a_leader_reorders_by_intent_steps_undoes_and_sets_capacity_and_refusals_change_nothing() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let (plan, start) = draft_plan(&app).await;
        assert!(start.len() >= 3, "AKN 2021 has goals to order");
        let last = *start.last().expect("last");

        // The last goal to the top: the server's order comes back.
        let (status, body) = post(&leader, &app.url, "/sf/priority/move", &move_form(plan, last, Some(start[0]))).await;
        assert_eq!(status, 200, "{body} on {backend:?}");
        let expected = apply_move(&start, Move { item: last, before: Some(start[0]) }).expect("move");
        assert_eq!(order(&app, plan).await, expected);
        assert_eq!(body["order"], serde_json::json!(expected));
        let revision = body["revision"].as_i64().expect("revision");
        assert!(revision > 0);

        // A step down, then undo it.
        let step = vec![("plan_year_id", plan.to_string()), ("item", last.to_string()), ("step", "down".into())];
        let (status, _) = post(&leader, &app.url, "/sf/priority/step", &step).await;
        assert_eq!(status, 200);
        assert_eq!(order(&app, plan).await[1], last);
        let (status, body) = post(&leader, &app.url, "/sf/priority/undo", &[("plan_year_id", plan.to_string())]).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(order(&app, plan).await, expected, "back where it was");
        let (status, body) = post(&leader, &app.url, "/sf/priority/undo", &[("plan_year_id", plan.to_string())]).await;
        assert_eq!((status, body["message"].as_str()), (409, Some("nothing_to_undo")), "an undo is not undone");

        // Refusals: each changes nothing.
        let specialist = app.sign_in(SPECIALIST, DEMO_PASSWORD).await;
        let audit_before = app.store.audit_log(&AuditFilter::default()).await.expect("audit").len();
        let other_plan = {
            let vsoa = app.store.object_by_code("VSOA").await.expect("query").expect("VSOA");
            let plans = app.store.plan_years_of(vsoa.id).await.expect("plans");
            app.store.initiatives(plans[0].id).await.expect("initiatives")[0].id
        };
        let locked = {
            let akn = app.store.object_by_code("AKN").await.expect("query").expect("AKN");
            let plans = app.store.plan_years_of(akn.id).await.expect("plans");
            plans.into_iter().find(|p| p.year == 2020).expect("AKN 2020").id
        };
        let locked_item = app.store.initiatives(locked).await.expect("initiatives")[0].id;
        for (form, status_expected, code) in [
            (move_form(plan, other_plan, None), 400, Some("unknown_item")),
            (move_form(plan, last, Some(other_plan)), 400, Some("unknown_target")),
            (move_form(plan, last, Some(last)), 400, Some("onto_itself")),
            (move_form(locked, locked_item, None), 409, Some("locked")),
        ] {
            let (status, body) = post(&leader, &app.url, "/sf/priority/move", &form).await;
            assert_eq!(status, status_expected, "{form:?}: {body}");
            assert_eq!(body["message"].as_str(), code, "{body}");
        }
        let (status, _) = post(&specialist, &app.url, "/sf/priority/move", &move_form(plan, last, None)).await;
        assert_eq!(status, 403, "a specialist");
        let (status, _) = post(&app.client, &app.url, "/sf/priority/move", &move_form(plan, last, None)).await;
        assert_eq!(status, 403, "a reader");
        assert_eq!(order(&app, plan).await, expected, "refusals change nothing");
        assert_eq!(app.store.audit_log(&AuditFilter::default()).await.expect("audit").len(), audit_before);

        // Every move audited as a reorder of that initiative.
        let records = app.store.audit_log(&AuditFilter::default()).await.expect("audit");
        let reorders = records.iter().filter(|r| r.action == AuditAction::Reorder && r.entity == "initiative").count();
        assert_eq!(reorders, 3, "move, step, undo");

        // Capacity: optional per limit, checked, versioned.
        let version = app.store.plan_year_by_id(plan).await.expect("query").expect("plan").version.to_string();
        let capacity = |business: &str, version: &str| {
            vec![
                ("plan_year_id", plan.to_string()),
                ("version", version.to_owned()),
                ("business_hours", business.to_owned()),
                ("it_hours", String::new()),
                ("budget", "1 000 000".to_owned()),
            ]
        };
        let (status, body) = post(&leader, &app.url, "/sf/priority/capacity", &capacity("-5", &version)).await;
        assert_eq!((status, body["field"].as_str()), (400, Some("business_hours")), "{body}");
        let (status, _) = post(&leader, &app.url, "/sf/priority/capacity", &capacity("2 000", &version)).await;
        assert_eq!(status, 200);
        let stored = app.store.plan_year_by_id(plan).await.expect("query").expect("plan").capacity;
        assert_eq!(stored.business_hours.map(|h| h.value().to_string()), Some("2000.00".into()));
        assert_eq!((stored.it_hours, stored.budget.map(|b| b.value().to_string())), (None, Some("1000000.00".into())));
        let (status, body) = post(&leader, &app.url, "/sf/priority/capacity", &capacity("1", &version)).await;
        assert_eq!((status, body["error"].as_str()), (409, Some("stale")));

        // Through the API too, as JSON; tokens are read-only.
        let api = format!("{}/api/v1/objects/AKN/plan-years/2021/moves", app.url);
        let response = leader
            .post(&api)
            .json(&serde_json::json!({ "item": start[0], "before": null, "reason": "Beslut i objektstyrgruppen" }))
            .send()
            .await
            .expect("request");
        assert_eq!(response.status().as_u16(), 200);
        let moved: serde_json::Value = response.json().await.expect("json");
        assert_eq!(moved["order"].as_array().and_then(|o| o.last()).and_then(|v| v.as_i64()), Some(start[0]));
        let records = app.store.audit_log(&AuditFilter::default()).await.expect("audit");
        assert!(
            records[0].after.as_deref().is_some_and(|a| a.contains("Beslut i objektstyrgruppen")),
            "the reason is kept"
        );
        let response = leader.post(&api).json(&serde_json::json!({ "item": "x" })).send().await.expect("request");
        assert_eq!(response.status().as_u16(), 400);
        let response = leader.post(format!("{api}/undo")).send().await.expect("request");
        assert_eq!(response.status().as_u16(), 200);
        assert_eq!(order(&app, plan).await, expected, "undone");

        // The page lists the goals in the new order.
        let html = leader.get(format!("{}/objects/AKN/plans/2021/priorities", app.url)).send().await.expect("page");
        assert_eq!(html.status().as_u16(), 200);
        let html = html.text().await.expect("body");
        let first = format!(r#"data-priority-row="{last}""#);
        let second = format!(r#"data-priority-row="{}""#, start[0]);
        assert!(html.find(&first).expect("row") < html.find(&second).expect("row"), "in rank order");
    }
}

/// Eight clients reorder one list at once for a while; afterwards the
/// ranks are 1..n with every item once, and replaying the acknowledged
/// moves in revision order from the start gives exactly the stored order.
async fn reorder_concurrently(app: &TestApp, urls: &[String], clients: usize, for_how_long: Duration) {
    let (plan, start) = draft_plan(app).await;
    let mut tasks = Vec::new();
    for n in 0..clients {
        let client = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let url = urls[n % urls.len()].clone();
        let items = start.clone();
        tasks.push(tokio::spawn(async move {
            let mut acknowledged = Vec::new();
            let deadline = Instant::now() + for_how_long;
            let mut k = n;
            while Instant::now() < deadline {
                k = k.wrapping_mul(31).wrapping_add(17);
                let item = items[k % items.len()];
                let before = (k / 7 % (items.len() + 1)).checked_sub(1).map(|i| items[i]).filter(|&b| b != item);
                let (status, body) = post(&client, &url, "/sf/priority/move", &move_form(plan, item, before)).await;
                assert_eq!(status, 200, "{body}");
                acknowledged.push((body["revision"].as_i64().expect("revision"), Move { item, before }));
            }
            acknowledged
        }));
    }
    let mut moves = Vec::new();
    for task in tasks {
        moves.extend(task.await.expect("client"));
    }
    assert!(moves.len() >= clients * 5, "only {} moves", moves.len());
    moves.sort_by_key(|(revision, _)| *revision);
    let revisions: Vec<i64> = moves.iter().map(|(r, _)| *r).collect();
    let mut distinct = revisions.clone();
    distinct.dedup();
    // A move that changed nothing (already there) is acknowledged without
    // a new revision; the others have one each.
    let mut replay = start.clone();
    let mut last_revision = 0;
    for (revision, step) in &moves {
        let next = apply_move(&replay, *step).expect("a valid move");
        if next != replay {
            assert!(*revision > last_revision, "each real move has its own revision");
            last_revision = *revision;
        }
        replay = next;
    }
    let stored = order(app, plan).await;
    let mut sorted = stored.clone();
    sorted.sort_unstable();
    let mut expected = start.clone();
    expected.sort_unstable();
    assert_eq!(sorted, expected, "no item lost or repeated");
    assert_eq!(stored, replay, "the stored order is the replay of {} acknowledged moves", moves.len());
    eprintln!("{} moves by {clients} clients, {} revisions", moves.len(), distinct.len());
}

#[tokio::test]
async fn eight_clients_reordering_at_once_never_lose_or_repeat_an_item() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        reorder_concurrently(&app, std::slice::from_ref(&app.url), 8, Duration::from_secs(10)).await;
    }
}

#[tokio::test]
async fn watchers_see_a_move_within_a_second_and_across_instances() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let (plan, start) = draft_plan(&app).await;
        let events = format!("{}/objects/AKN/plans/2021/priorities/events", app.url);
        let mut here = app.client.get(&events).send().await.expect("events");
        assert_eq!(here.status().as_u16(), 200);
        assert_eq!(next_event(&mut here, "revision", Duration::from_secs(2)).await.as_deref(), Some("0"));

        // A second instance on the same PostgreSQL database.
        let second = match backend {
            Backend::Postgres => Some(spawn_instance(&app).await),
            Backend::Sqlite => None,
        };
        let mut there = match &second {
            Some(url) => Some(
                app.client.get(format!("{url}/objects/AKN/plans/2021/priorities/events")).send().await.expect("events"),
            ),
            None => None,
        };
        if let Some(there) = there.as_mut() {
            assert_eq!(next_event(there, "revision", Duration::from_secs(2)).await.as_deref(), Some("0"));
        }

        let sent = Instant::now();
        let (status, body) =
            post(&leader, &app.url, "/sf/priority/move", &move_form(plan, start[1], Some(start[0]))).await;
        assert_eq!(status, 200, "{body}");
        let revision = body["revision"].as_i64().expect("revision").to_string();
        let seen = next_event(&mut here, "reordered", Duration::from_secs(1)).await;
        assert_eq!(seen.as_deref(), Some(revision.as_str()), "this instance, within a second on {backend:?}");
        if let Some(there) = there.as_mut() {
            let seen = next_event(there, "reordered", Duration::from_secs(1)).await;
            assert_eq!(seen.as_deref(), Some(revision.as_str()), "the other instance, within a second");
        }
        eprintln!("{backend:?}: seen after {:?}", sent.elapsed());

        // Moves sent to both instances at once keep one total order.
        if let Some(url) = &second {
            reorder_concurrently(&app, &[app.url.clone(), url.clone()], 8, Duration::from_secs(3)).await;
        }
    }
}
