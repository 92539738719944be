//! Calendar feeds over real HTTP: a signed-in reader creates a feed
//! through the server function, a calendar program (no session) fetches
//! the `.ics`, which parses with the `icalendar` crate, keeps RFC 5545's
//! line rules, and holds exactly the notice deadlines and procurement
//! starts the date engine gives for the contracts it covers. Revoked,
//! unknown and role-less feeds are 404; nobody revokes another's feed.
//! Both backends.

use std::collections::BTreeSet;

use app::demo::DEMO_PASSWORD;
use app::domain::{add_months, clock, sub_months, Contract, Grant, Role};
use app::store::NewPerson;
use chrono::NaiveDate;
use icalendar::{Component, DatePerhapsTime};

use crate::helpers::{backends, spawn_app, TestApp, ADMIN};

/// One event as a subscriber sees it: UID, start, end, summary.
type Seen = (String, NaiveDate, NaiveDate, String);

/// Creates a feed as `client`; its id and https address.
async fn create(app: &TestApp, client: &reqwest::Client, scope: &str) -> (i64, String) {
    let (status, body) = app.call(client, "/sf/calendar/create", &[("scope", scope)]).await;
    assert_eq!(status, 200, "{body}");
    let url = body["https_url"].as_str().expect("https_url").to_owned();
    let webcal = body["webcal_url"].as_str().expect("webcal_url");
    assert_eq!(webcal, url.replacen("http://", "webcal://", 1), "the same address as webcal://");
    assert!(url.starts_with(&format!("{}/calendar/sbc_", app.url)), "{url}");
    assert!(url.ends_with(".ics"));
    (body["feed"]["id"].as_i64().expect("feed id"), url)
}

/// Fetches a feed as a calendar program would: no session.
async fn fetch(app: &TestApp, url: &str) -> (u16, String) {
    let response = app.anonymous.get(url).send().await.expect("request");
    let status = response.status().as_u16();
    if status == 200 {
        let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
        assert_eq!(header("content-type").as_deref(), Some("text/calendar; charset=utf-8"));
        assert_eq!(header("cache-control").as_deref(), Some("private, max-age=300"));
    }
    (status, response.text().await.expect("body"))
}

/// RFC 5545's line rules, checked on the raw text: CRLF after every line
/// and no other line break, no line over 75 octets, BEGIN/END nested and
/// balanced, one VCALENDAR around everything.
fn check_structure(ics: &str) {
    assert!(ics.ends_with("\r\n"), "ends with CRLF");
    let body = &ics[..ics.len() - 2];
    let lines: Vec<&str> = body.split("\r\n").collect();
    let mut open: Vec<&str> = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        assert!(!line.contains('\n') && !line.contains('\r'), "line {n} has a bare line break: {line:?}");
        assert!(line.len() <= 75, "line {n} is {} octets: {line:?}", line.len());
        assert!(!line.is_empty(), "line {n} is empty");
        if let Some(name) = line.strip_prefix("BEGIN:") {
            open.push(name);
        } else if let Some(name) = line.strip_prefix("END:") {
            assert_eq!(open.pop(), Some(name), "line {n}: END:{name} closes what was opened");
        }
        if n > 0 && n + 1 < lines.len() {
            assert!(!open.is_empty(), "line {n} is outside the VCALENDAR");
        }
    }
    assert!(open.is_empty(), "unclosed: {open:?}");
    assert_eq!(lines.first(), Some(&"BEGIN:VCALENDAR"));
    assert_eq!(lines.last(), Some(&"END:VCALENDAR"));
    for required in ["VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"] {
        assert!(lines.contains(&required), "{required}");
    }
    assert!(lines.iter().any(|l| l.starts_with("PRODID:")));
}

/// The events, read by the `icalendar` crate.
fn parse(ics: &str) -> BTreeSet<Seen> {
    let calendar: icalendar::Calendar = ics.parse().expect("icalendar parses the feed");
    let day = |value: Option<DatePerhapsTime>| match value {
        Some(DatePerhapsTime::Date(date)) => date,
        other => panic!("an all-day date, not {other:?}"),
    };
    calendar
        .components
        .iter()
        .filter_map(|component| component.as_event())
        .map(|event| {
            (
                event.get_uid().expect("UID").to_owned(),
                day(event.get_start()),
                day(event.get_end()),
                event.get_summary().expect("SUMMARY").to_owned(),
            )
        })
        .collect()
}

/// What the feed must hold for these contracts, worked out here from the
/// date engine: the terms from a year back to 36 months ahead, each date
/// kept if it is at most a year old or its term has not ended.
fn expected(contracts: &[Contract], today: NaiveDate, english: bool) -> BTreeSet<Seen> {
    let (until, since) = (add_months(today, 36), sub_months(today, 12));
    let mut events = BTreeSet::new();
    for contract in contracts {
        let mut terms = contract.terms(today, until);
        terms.extend(contract.terms(since, until));
        for term in terms {
            let dates = [
                ("notice", if english { "Notice deadline" } else { "Senast uppsägning" }, term.notice_deadline),
                (
                    "procurement",
                    if english { "Start procurement" } else { "Starta upphandling" },
                    term.procurement_start,
                ),
            ];
            for (kind, label, date) in dates {
                if term.end >= today || date >= since {
                    events.insert((
                        format!("contract-{}-{kind}-{date}@styrbord", contract.id),
                        date,
                        date.succ_opt().expect("next day"),
                        format!("{label}: {}, {}", contract.reference, contract.supplier),
                    ));
                }
            }
        }
    }
    events
}

#[tokio::test]
async fn a_feed_of_all_contracts_holds_exactly_the_deadlines_the_engine_computes() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let (id, url) = create(&app, &app.client, "all").await;
        let (status, ics) = fetch(&app, &url).await;
        assert_eq!(status, 200, "{ics}");
        check_structure(&ics);
        assert!(ics.contains("\r\n "), "long lines were folded (and checked above)");
        assert!(ics.contains("X-WR-CALNAME:Styrbord – avtal\r\n"));
        assert!(ics.contains("REFRESH-INTERVAL;VALUE=DURATION:PT4H\r\n"));

        let contracts = app.store.contracts().await.expect("contracts");
        let want = expected(&contracts, clock::today(), false);
        let seen = parse(&ics);
        assert!(want.len() >= 10, "the demo contracts give deadlines to check: {}", want.len());
        assert_eq!(seen, want, "on {backend:?}");
        let notices = want.iter().filter(|(uid, ..)| uid.contains("-notice-")).count();
        assert_eq!(ics.matches("BEGIN:VALARM").count(), notices, "an alarm on each notice deadline");
        assert_eq!(ics.matches("TRIGGER:-P7D\r\n").count(), notices);
        // Each event links to its contract.
        for contract in &contracts {
            if want.iter().any(|(uid, ..)| uid.starts_with(&format!("contract-{}-", contract.id))) {
                assert!(ics.contains(&format!("URL:{}/contracts/{}\r\n", app.url, contract.id)));
            }
        }

        // The same feed again: the same events, the same UIDs.
        let (_, again) = fetch(&app, &url).await;
        assert_eq!(parse(&again), seen);

        // The list shows it, fetched.
        let (status, list) = app.call(&app.client, "/sf/calendar/list", &[]).await;
        assert_eq!(status, 200);
        let feed = list["feeds"].as_array().expect("feeds").iter().find(|f| f["id"] == id).cloned().expect("listed");
        assert!(feed["object"].is_null(), "all contracts");
        assert!(feed["last_used_at"].is_string(), "last use noted: {feed}");
        assert!(feed["revoked_at"].is_null());
        assert!(!list.to_string().contains("sbc_"), "the secret is never listed");
    }
}

#[tokio::test]
async fn an_object_feed_holds_only_that_objects_contracts() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let contracts = app.store.contracts().await.expect("contracts");
        let (akn, others): (Vec<Contract>, Vec<Contract>) =
            contracts.into_iter().partition(|c| c.object_codes.iter().any(|code| code == "AKN"));
        let today = clock::today();
        assert!(!expected(&akn, today, false).is_empty(), "AKN has deadlines");
        assert!(!expected(&others, today, false).is_empty(), "other objects have deadlines the feed must leave out");

        let (_, url) = create(&app, &app.client, "AKN").await;
        let (status, ics) = fetch(&app, &url).await;
        assert_eq!(status, 200);
        check_structure(&ics);
        assert!(ics.contains("X-WR-CALNAME:Styrbord – avtal – AKN\r\n"));
        assert_eq!(parse(&ics), expected(&akn, today, false), "on {backend:?}");

        let (status, list) = app.call(&app.client, "/sf/calendar/list", &[]).await;
        assert_eq!(status, 200);
        assert_eq!(list["feeds"][0]["object"]["code"], "AKN");

        // An object that does not exist is refused at its field.
        let (status, body) = app.call(&app.client, "/sf/calendar/create", &[("scope", "NOPE")]).await;
        assert_eq!(status, 400, "{body}");
        assert_eq!((body["field"].as_str(), body["message"].as_str()), (Some("scope"), Some("unknown")), "{body}");
    }
}

#[tokio::test]
async fn a_feed_speaks_the_language_it_was_created_in() {
    let app = spawn_app(crate::helpers::Backend::Sqlite).await;
    let english = app.sign_in(crate::helpers::READER, DEMO_PASSWORD).await;
    let response = english.get(format!("{}/lang/en", app.url)).send().await.expect("switch");
    assert_eq!(response.status().as_u16(), 303);
    let (_, url) = create(&app, &english, "all").await;
    let (status, ics) = fetch(&app, &url).await;
    assert_eq!(status, 200);
    assert!(ics.contains("X-WR-CALNAME:Styrbord – contracts\r\n"));
    let contracts = app.store.contracts().await.expect("contracts");
    assert_eq!(parse(&ics), expected(&contracts, clock::today(), true));
}

#[tokio::test]
async fn revoked_and_unknown_feeds_are_not_found() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let (id, url) = create(&app, &app.client, "all").await;
        assert_eq!(fetch(&app, &url).await.0, 200);
        let (status, body) = app.call(&app.client, "/sf/calendar/revoke", &[("id", &id.to_string())]).await;
        assert_eq!(status, 200, "{body}");
        let (status, body) = fetch(&app, &url).await;
        assert_eq!((status, body.as_str()), (404, "no such calendar"), "revoked on {backend:?}");
        // Revoking twice: nothing left to revoke.
        let (status, _) = app.call(&app.client, "/sf/calendar/revoke", &[("id", &id.to_string())]).await;
        assert_eq!(status, 404);
        let (_, list) = app.call(&app.client, "/sf/calendar/list", &[]).await;
        assert!(list["feeds"][0]["revoked_at"].is_string(), "shown as revoked: {list}");

        let unknown = format!("{}/calendar/sbc_{}.ics", app.url, "A".repeat(43));
        assert_eq!(fetch(&app, &unknown).await, (404, "no such calendar".to_owned()));
        // The secret without `.ics`, or no secret at all.
        let bare = url.trim_end_matches(".ics");
        assert_eq!(fetch(&app, bare).await.0, 404);
        assert_eq!(fetch(&app, &format!("{}/calendar/.ics", app.url)).await.0, 404);
    }
}

#[tokio::test]
async fn nobody_revokes_or_sees_anothers_feed() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let (id, url) = create(&app, &app.client, "all").await;
        let admin = app.sign_in(ADMIN, DEMO_PASSWORD).await;
        let (status, _) = app.call(&admin, "/sf/calendar/revoke", &[("id", &id.to_string())]).await;
        assert_eq!(status, 404, "someone else's feed is no feed of theirs, on {backend:?}");
        assert_eq!(fetch(&app, &url).await.0, 200, "still served");
        let (status, list) = app.call(&admin, "/sf/calendar/list", &[]).await;
        assert_eq!(status, 200);
        assert_eq!(list["feeds"].as_array().map(Vec::len), Some(0), "the administrator lists only their own");
        let (status, _) = app.call(&app.anonymous, "/sf/calendar/create", &[("scope", "all")]).await;
        assert_eq!(status, 401, "nobody signed in makes no feed");
    }
}

#[tokio::test]
async fn a_person_who_lost_every_role_gets_not_found() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let email = "rolf.utan@linkoping.example";
        let person = NewPerson {
            name: "Rolf Utan".into(),
            email: email.into(),
            password_hash: Some(app::secrets::hash_password("rolf-password-1").expect("hash")),
            roles: vec![Grant { role: Role::Reader, object_id: None }],
        };
        let rolf = app.access.create_person(&person, None).await.expect("person");
        let client = app.sign_in(email, "rolf-password-1").await;
        let (_, url) = create(&app, &client, "all").await;
        assert_eq!(fetch(&app, &url).await.0, 200);

        assert!(app.access.revoke_role(rolf.id, Role::Reader, None, None).await.expect("revoke"));
        assert_eq!(fetch(&app, &url).await, (404, "no such calendar".to_owned()), "on {backend:?}");
        let (status, _) = app.call(&client, "/sf/calendar/create", &[("scope", "all")]).await;
        assert_eq!(status, 403, "nor makes a new one");

        // Roles are read at every fetch: given one back, the feed answers.
        let akn = app.access.object_id("AKN").await.expect("query").expect("AKN");
        assert!(app.access.grant_role(rolf.id, Role::SpecialistIt, Some(akn), None).await.expect("grant"));
        assert_eq!(fetch(&app, &url).await.0, 200);
    }
}
