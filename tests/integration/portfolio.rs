//! Prioritising across objects over HTTP: the portfolio's list of a year's
//! initiatives from every object, reordered by the steering group only
//! (intents, filtered steps, undo, the IT side's capacity), conflicts from
//! the IT components initiatives touch, concurrent moves that keep one
//! total order, and live updates across instances. Both backends.

use std::time::{Duration, Instant};

use app::demo::DEMO_PASSWORD;
use app::domain::{apply_move, AuditAction, AuditFilter, Move};

use crate::helpers::{backends, next_event, spawn_app, spawn_instance, Backend, TestApp};

const PSG: &str = "cecilia.wahlstrom@linkoping.example";
const LEADER: &str = "naris.radetinac@linkoping.example";
const YEAR: i32 = 2021;

async fn order(app: &TestApp) -> Vec<i64> {
    let order = app.store.portfolio_order(YEAR).await.expect("portfolio").order;
    let mut all: Vec<i64> =
        app.store.initiatives_in_year(YEAR).await.expect("initiatives").iter().map(|i| i.id).collect();
    let mut sorted = order.clone();
    sorted.sort_unstable();
    all.sort_unstable();
    assert_eq!(sorted, all, "every initiative of the year once");
    order
}

fn move_form(item: i64, before: Option<i64>) -> Vec<(&'static str, String)> {
    let mut form = vec![("year", YEAR.to_string()), ("item", item.to_string())];
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

async fn initiative_named(app: &TestApp, name: &str) -> i64 {
    let all = app.store.initiatives_in_year(YEAR).await.expect("initiatives");
    all.iter().find(|i| i.name == name).unwrap_or_else(|| panic!("{name}")).id
}

#[tokio::test]
async fn the_steering_group_orders_the_portfolio_and_refusals_change_nothing() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let psg = app.sign_in(PSG, DEMO_PASSWORD).await;
        let start = order(&app).await;
        assert!(start.len() > 20, "every object's 2021 initiatives: {}", start.len());
        // The demo's head of the order comes first.
        assert_eq!(start[0], initiative_named(&app, "NY - Lösenordsfri inloggning").await);

        // The page: everyone who reads sees the list, in order, with objects.
        let (status, page) = post(&app.client, &app.url, "/sf/portfolio/page", &[("year", YEAR.to_string())]).await;
        assert_eq!(status, 200, "{page}");
        let ids: Vec<i64> = page["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .map(|r| r["initiative"]["id"].as_i64().expect("id"))
            .collect();
        assert_eq!(ids, start);
        assert_eq!(page["rows"][0]["object"]["code"], "FST");
        assert_eq!(page["can_edit"], false, "a reader does not decide");
        let (_, page) = post(&psg, &app.url, "/sf/portfolio/page", &[]).await;
        assert_eq!(
            (page["year"].as_i64(), page["can_edit"].as_bool()),
            (Some(2021), Some(true)),
            "the open year, for the PSG"
        );

        // A move: the server's order comes back and is stored.
        let last = *start.last().expect("last");
        let (status, body) = post(&psg, &app.url, "/sf/portfolio/move", &move_form(last, Some(start[0]))).await;
        assert_eq!(status, 200, "{body} on {backend:?}");
        let expected = apply_move(&start, Move { item: last, before: Some(start[0]) }).expect("move");
        assert_eq!(body["order"], serde_json::json!(expected));
        assert_eq!(order(&app).await, expected);
        // The objects' own orders do not change.
        let plan = app.store.initiative(last).await.expect("query").expect("initiative").plan_year_id;
        let own: Vec<i32> = app.store.initiatives(plan).await.expect("plan").iter().map(|i| i.rank).collect();
        assert_eq!(own, (1..=own.len() as i32).collect::<Vec<_>>());

        // A step down among what a filter shows: past the hidden items.
        let akn_ids: Vec<i64> = page["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .filter(|r| r["object"]["code"] == "AKN")
            .map(|r| r["initiative"]["id"].as_i64().expect("id"))
            .collect();
        let now = order(&app).await;
        let akn_in_order: Vec<i64> = now.iter().copied().filter(|id| akn_ids.contains(id)).collect();
        let (first_akn, second_akn) = (akn_in_order[0], akn_in_order[1]);
        let step = vec![
            ("year", YEAR.to_string()),
            ("item", first_akn.to_string()),
            ("step", "down".to_owned()),
            ("object", "AKN".to_owned()),
        ];
        let (status, body) = post(&psg, &app.url, "/sf/portfolio/step", &step).await;
        assert_eq!(status, 200, "{body}");
        let after: Vec<i64> = order(&app).await.into_iter().filter(|id| akn_ids.contains(id)).collect();
        let mut swapped = akn_in_order.clone();
        swapped.swap(0, 1);
        assert_eq!(after, swapped, "one step down among AKN's: below {second_akn}");

        // Undo, once.
        let (status, _) = post(&psg, &app.url, "/sf/portfolio/undo", &[("year", YEAR.to_string())]).await;
        assert_eq!(status, 200);
        assert_eq!(order(&app).await, now, "back where it was");
        let (status, body) = post(&psg, &app.url, "/sf/portfolio/undo", &[("year", YEAR.to_string())]).await;
        assert_eq!((status, body["message"].as_str()), (409, Some("nothing_to_undo")));

        // Refusals change nothing: bad intents, an object leader, a reader.
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let audit_before = app.store.audit_log(&AuditFilter::default()).await.expect("audit").len();
        let other_year = app.store.initiatives_in_year(2020).await.expect("2020")[0].id;
        for (form, code) in [
            (move_form(other_year, None), "unknown_item"),
            (move_form(last, Some(other_year)), "unknown_target"),
            (move_form(last, Some(last)), "onto_itself"),
        ] {
            let (status, body) = post(&psg, &app.url, "/sf/portfolio/move", &form).await;
            assert_eq!((status, body["message"].as_str()), (400, Some(code)), "{form:?}");
        }
        let (status, _) = post(&leader, &app.url, "/sf/portfolio/move", &move_form(last, None)).await;
        assert_eq!(status, 403, "an object leader reorders the portfolio only through the steering group");
        let (status, _) = post(&app.client, &app.url, "/sf/portfolio/move", &move_form(last, None)).await;
        assert_eq!(status, 403, "a reader");
        let (status, _) = post(&leader, &app.url, "/sf/portfolio/undo", &[("year", YEAR.to_string())]).await;
        assert_eq!(status, 403);
        assert_eq!(order(&app).await, now);
        assert_eq!(app.store.audit_log(&AuditFilter::default()).await.expect("audit").len(), audit_before);
        let records = app.store.audit_log(&AuditFilter::default()).await.expect("audit");
        let reorders = records.iter().filter(|r| r.action == AuditAction::Reorder).count();
        assert_eq!(reorders, 3, "move, step, undo, each audited");

        // The IT side's capacity: checked, versioned, optional.
        let version = app.store.portfolio_order(YEAR).await.expect("portfolio").version;
        let capacity = |hours: &str, version: i64| {
            vec![("year", YEAR.to_string()), ("version", version.to_string()), ("it_hours", hours.to_owned())]
        };
        let (status, body) = post(&psg, &app.url, "/sf/portfolio/capacity", &capacity("-5", version)).await;
        assert_eq!((status, body["field"].as_str()), (400, Some("it_hours")), "{body}");
        let (status, _) = post(&leader, &app.url, "/sf/portfolio/capacity", &capacity("100", version)).await;
        assert_eq!(status, 403);
        let (status, body) = post(&psg, &app.url, "/sf/portfolio/capacity", &capacity("1 234,5", version)).await;
        assert_eq!(status, 200, "{body}");
        let saved = app.store.portfolio_order(YEAR).await.expect("portfolio");
        let typed = app::domain::Hours::parse("1234,5").expect("hours").value();
        assert_eq!(saved.it_hours.map(|h| h.value()), Some(typed), "as typed, exactly");
        let (status, body) = post(&psg, &app.url, "/sf/portfolio/capacity", &capacity("", version)).await;
        assert_eq!(status, 409, "stale: {body}");
        assert_eq!(app.store.portfolio_order(YEAR).await.expect("portfolio").it_hours, saved.it_hours, "kept");
        let (status, _) = post(&psg, &app.url, "/sf/portfolio/capacity", &capacity("", saved.version)).await;
        assert_eq!(status, 200);
        assert_eq!(app.store.portfolio_order(YEAR).await.expect("portfolio").it_hours, None, "no line");

        // The page before hydration: the list in order, filters as a form.
        let (status, html) = app.get_html("/portfolio/priorities?year=2021&object=AKN").await;
        assert_eq!(status, 200);
        assert!(html.contains(r#"<form method="get" action="/portfolio/priorities""#), "filters work without wasm");
        assert!(!html.contains("Lösenordsfri inloggning</a>"), "another object's initiative is filtered out");
        assert!(html.contains("NY - Webbtillgänglighetsdirektivet</a>"), "AKN's show");
        let (status, _) = app.get_html("/portfolio/priorities?year=1999").await;
        assert_eq!(status, 404, "a year without plans");
    }
}

#[tokio::test]
async fn conflicts_come_from_the_it_components_initiatives_touch() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let psg = app.sign_in(PSG, DEMO_PASSWORD).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        // The demo's touches: the integration platform by three objects' top initiatives.
        let resources = app.store.resources_in_year(YEAR).await.expect("resources");
        let treserva = initiative_named(&app, "Treserva - e-tjänst för orosanmälan").await;
        let names: Vec<&str> = resources.iter().filter(|(i, _)| *i == treserva).map(|(_, r)| r.name()).collect();
        assert_eq!(names, vec!["Integrationsplattform", "Treserva", "CGI"], "components by name, then suppliers");
        let (_, page) = post(&psg, &app.url, "/sf/portfolio/page", &[("year", YEAR.to_string())]).await;
        let rows = page["rows"].as_array().expect("rows");
        let claims: Vec<(i64, i64, Vec<app::domain::Resource>)> = rows
            .iter()
            .map(|r| {
                let resources = serde_json::from_value(r["resources"].clone()).expect("resources");
                (
                    r["initiative"]["id"].as_i64().expect("id"),
                    r["initiative"]["plan_year_id"].as_i64().expect("plan"),
                    resources,
                )
            })
            .collect();
        let claims: Vec<app::domain::Claim<'_>> = claims
            .iter()
            .map(|(item, object_id, resources)| app::domain::Claim { item: *item, object_id: *object_id, resources })
            .collect();
        let found = app::domain::collisions(&claims, app::domain::PORTFOLIO_TOP);
        let platform = found.iter().find(|c| c.resource.name() == "Integrationsplattform").expect("a conflict");
        assert_eq!(platform.items.len(), 3, "VSOA, SAM and EHR");

        // Touches are kept by those who manage the initiative's object.
        let akn_2021 = initiative_named(&app, "NY - Webbtillgänglighetsdirektivet").await;
        let (status, editor) =
            post(&leader, &app.url, "/sf/initiative/components", &[("initiative_id", akn_2021.to_string())]).await;
        assert_eq!((status, editor["can_edit"].as_bool()), (200, Some(true)), "{editor}");
        let choice = editor["choices"][0][0].as_i64().expect("an AKN component");
        let form = |ids: &[i64]| {
            let mut form = vec![("initiative_id", akn_2021.to_string())];
            form.extend(ids.iter().map(|id| ("components[]", id.to_string())));
            form
        };
        let (status, body) = post(&leader, &app.url, "/sf/initiative/save_components", &form(&[choice])).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(app.store.initiative_components(akn_2021).await.expect("components"), vec![choice]);
        let (status, body) = post(&leader, &app.url, "/sf/initiative/save_components", &form(&[choice, 987_654])).await;
        assert_eq!((status, body["field"].as_str()), (400, Some("components")), "an unknown component");
        let vsoa = initiative_named(&app, "NY - Digitala hembesök").await;
        let other = vec![("initiative_id", vsoa.to_string())];
        let before = app.store.initiative_components(vsoa).await.expect("components");
        let (status, _) = post(&leader, &app.url, "/sf/initiative/save_components", &other).await;
        assert_eq!(status, 403, "another object's initiative");
        let (status, _) = post(&app.client, &app.url, "/sf/initiative/save_components", &form(&[])).await;
        assert_eq!(status, 403, "a reader");
        assert_eq!(app.store.initiative_components(vsoa).await.expect("components"), before, "unchanged");
        assert_eq!(app.store.initiative_components(akn_2021).await.expect("components"), vec![choice], "unchanged");
        // None ticked: none.
        let (status, _) = post(&leader, &app.url, "/sf/initiative/save_components", &form(&[])).await;
        assert_eq!(status, 200);
        assert!(app.store.initiative_components(akn_2021).await.expect("components").is_empty());
    }
}

#[tokio::test]
async fn concurrent_portfolio_moves_keep_one_order_and_reach_every_instance() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let second = match backend {
            Backend::Postgres => Some(spawn_instance(&app).await),
            Backend::Sqlite => None,
        };
        let urls: Vec<String> = std::iter::once(app.url.clone()).chain(second.clone()).collect();
        let events = format!("{}/portfolio/priorities/{YEAR}/events", urls[urls.len() - 1]);
        let mut watcher = app.client.get(&events).send().await.expect("events");
        assert_eq!(watcher.status().as_u16(), 200);
        assert_eq!(next_event(&mut watcher, "revision", Duration::from_secs(2)).await.as_deref(), Some("0"));

        let start = order(&app).await;
        let mut tasks = Vec::new();
        for n in 0..8 {
            let client = app.sign_in(PSG, DEMO_PASSWORD).await;
            let url = urls[n % urls.len()].clone();
            let items = start.clone();
            tasks.push(tokio::spawn(async move {
                let mut acknowledged = Vec::new();
                let deadline = Instant::now() + Duration::from_secs(5);
                let mut k = n;
                while Instant::now() < deadline {
                    k = k.wrapping_mul(31).wrapping_add(17);
                    let item = items[k % items.len()];
                    let before = (k / 7 % (items.len() + 1)).checked_sub(1).map(|i| items[i]).filter(|&b| b != item);
                    let (status, body) = post(&client, &url, "/sf/portfolio/move", &move_form(item, before)).await;
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
        moves.sort_by_key(|(revision, _)| *revision);
        let mut replay = start.clone();
        for (_, step) in &moves {
            replay = apply_move(&replay, *step).expect("valid");
        }
        assert_eq!(order(&app).await, replay, "the replay of {} acknowledged moves on {backend:?}", moves.len());
        // The watcher (on the other instance, on PostgreSQL) heard of them.
        let heard = next_event(&mut watcher, "reordered", Duration::from_secs(1)).await;
        assert!(heard.is_some_and(|r| r.parse::<i64>().is_ok_and(|r| r > 0)), "a move reached the watcher");
    }
}
