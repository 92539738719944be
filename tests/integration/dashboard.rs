//! The steering group's dashboard over HTTP: its figures agree with the
//! object plans (AKN 2020 to the krona) and add up every way they are
//! split; every figure's rows sum to it; a change is on the dashboard at
//! the next request, also when it was made through another instance; the
//! page comes as HTML without the wasm bundle; readers may look, the
//! public may not. Both backends.

use app::domain::{BudgetMatrix, Initiative, InitiativeStatus, StatusInput};
use rust_decimal::Decimal;
use serde_json::Value;

use crate::helpers::{backends, plain, spawn_app, spawn_instance, TestApp};

fn dec(value: &Value) -> Decimal {
    value.as_str().unwrap_or_else(|| panic!("a decimal string: {value}")).parse().expect("decimal")
}

/// A dashboard (or drill-down) line's amount, hours and FTE.
fn line(value: &Value) -> (Decimal, Decimal, Decimal) {
    (dec(&value["amount"]), dec(&value["hours"]), dec(&value["fte"]))
}

fn sum_lines<'a>(values: impl Iterator<Item = &'a Value>) -> (Decimal, Decimal, Decimal) {
    values.map(line).fold(Default::default(), |(a, h, f), (a2, h2, f2)| (a + a2, h + h2, f + f2))
}

async fn dashboard(app: &TestApp, year: &str) -> Value {
    let (status, body) = app.call(&app.client, "/sf/dashboard", &[("year", year)]).await;
    assert_eq!(status, 200, "{body}");
    body
}

fn object<'a>(dashboard: &'a Value, code: &str) -> &'a Value {
    dashboard["objects"].as_array().expect("objects").iter().find(|o| o["code"] == code).expect("object")
}

async fn initiatives_of(app: &TestApp, code: &str, year: i32) -> (BudgetMatrix, Vec<Initiative>) {
    let object = app.store.object_by_code(code).await.expect("query").expect("object");
    let plan =
        app.store.plan_years_of(object.id).await.expect("plans").into_iter().find(|p| p.year == year).expect("plan");
    let initiatives = app.store.initiatives(plan.id).await.expect("initiatives");
    (BudgetMatrix::compute(plan.settings, &initiatives), initiatives)
}

#[tokio::test]
async fn the_dashboard_agrees_with_the_plans_and_adds_up_every_way() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let d = dashboard(&app, "2020").await;
        assert_eq!(d["year"], 2020);
        let akn = &object(&d, "AKN")["plan"];
        // The AKN object plan's own totals, to the krona.
        assert_eq!(line(&akn["total"]), (Decimal::from(18_988_100), Decimal::from(16_172), "9.49".parse().unwrap()));
        let (matrix, _) = initiatives_of(&app, "AKN", 2020).await;
        assert_eq!(dec(&akn["total"]["amount"]), matrix.total.amount, "{backend:?}");

        let total = line(&d["total"]);
        let planned = d["objects"].as_array().unwrap().iter().filter(|o| !o["plan"].is_null());
        assert_eq!(sum_lines(planned.map(|o| &o["plan"]["total"])), total, "objects add up to the total");
        for split in ["by_type", "by_side", "by_activity", "by_category"] {
            let parts = d[split].as_array().expect(split).iter().map(|pair| &pair[1]);
            assert_eq!(sum_lines(parts), total, "{split} adds up to the total on {backend:?}");
        }
        let statuses: u64 = d["statuses"].as_array().unwrap().iter().map(|p| p[1].as_u64().unwrap()).sum();
        assert_eq!(statuses, d["initiatives"].as_u64().unwrap());

        // The overview shows the same portfolio total.
        let (_, overview) = app.call(&app.client, "/sf/overview", &[("year", "2020")]).await;
        assert_eq!(line(&overview["total"]), total);
    }
}

#[tokio::test]
async fn every_figure_drills_down_to_rows_that_sum_to_it() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let d = dashboard(&app, "2020").await;
        let rows = |query: String| {
            let app = &app;
            async move {
                let (status, body) = app.call(&app.client, "/sf/dashboard/rows", &[("query", &query)]).await;
                assert_eq!(status, 200, "{body}");
                body
            }
        };
        let all = rows("year=2020".into()).await;
        assert_eq!(line(&all["total"]), line(&d["total"]));
        assert_eq!(all["rows"].as_array().unwrap().len() as u64, d["initiatives"].as_u64().unwrap());

        let akn = &object(&d, "AKN")["plan"];
        for (kind, figure) in akn["by_type"].as_array().unwrap().iter().map(|p| (p[0].as_str().unwrap(), &p[1])) {
            let drilled = rows(format!("year=2020&object=AKN&type={kind}")).await;
            assert_eq!(line(&drilled["total"]), line(figure), "AKN {kind} on {backend:?}");
            let amounts: Decimal = drilled["rows"].as_array().unwrap().iter().map(|r| dec(&r["amount"])).sum();
            assert_eq!(amounts, dec(&figure["amount"]), "the rows' own amounts add up too");
        }
        let it_ops = rows("year=2020&side=it&activity=operations".into()).await;
        assert!(it_ops["rows"].as_array().unwrap().iter().all(|r| r["activity"] == "operations"));
        let activity = d["by_activity"].as_array().unwrap().iter().find(|p| p[0] == "operations").unwrap();
        let business = rows("year=2020&side=business&activity=operations".into()).await;
        let both = (dec(&it_ops["total"]["amount"]) + dec(&business["total"]["amount"]), dec(&activity[1]["amount"]));
        assert_eq!(both.0, both.1, "the two sides of an activity add up to it");

        // Nonsense in the address widens the selection; it is no error.
        let odd = rows("year=2020&side=sideways&object=%3Cb%3E".into()).await;
        assert_eq!(odd["rows"].as_array().unwrap().len(), 0, "no object is called <b>");
        assert_eq!(odd["filter"]["side"], Value::Null);
    }
}

#[tokio::test]
async fn a_change_is_on_the_dashboard_at_the_next_request_on_every_instance() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let other = spawn_instance(&app).await;
        let before = dashboard(&app, "2020").await;
        // Both instances have built (and cached) the dashboard.
        let response = app.client.post(format!("{other}/sf/dashboard")).form(&[("year", "2020")]).send().await.unwrap();
        assert_eq!(response.json::<Value>().await.unwrap()["total"], before["total"]);

        // A status report (allowed on the approved 2020 plan) stops one
        // initiative: the status counts move.
        let (_, initiatives) = initiatives_of(&app, "AKN", 2020).await;
        let changed = initiatives.iter().find(|i| i.status != InitiativeStatus::Stopped).expect("an initiative");
        let count = |d: &Value, status: &str| {
            d["statuses"].as_array().unwrap().iter().find(|p| p[0] == status).unwrap()[1].as_u64().unwrap()
        };
        let actor = app.access.person_by_email(crate::helpers::ADMIN).await.unwrap().unwrap().id;
        let report = StatusInput {
            status: InitiativeStatus::Stopped,
            date: chrono::NaiveDate::from_ymd_opt(2020, 6, 1).unwrap(),
            comment: "Stoppat av styrgruppen.".into(),
        };
        app.store.report_status(changed.id, &report, actor).await.expect("reported");

        let after = dashboard(&app, "2020").await;
        assert_eq!(count(&after, "stopped"), count(&before, "stopped") + 1, "{backend:?}");
        let response = app.client.post(format!("{other}/sf/dashboard")).form(&[("year", "2020")]).send().await.unwrap();
        let seen = response.json::<Value>().await.unwrap();
        assert_eq!(seen["statuses"], after["statuses"], "the other instance sees it too on {backend:?}");
        assert_eq!(after["total"], before["total"], "a status changes no money");
    }
}

#[tokio::test]
async fn the_dashboard_page_is_html_without_the_bundle_and_only_for_readers() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let (status, html) = app.get_html("/dashboard?year=2020").await;
        assert_eq!(status, 200);
        assert!(!html.contains("/pkg/styrbord.js"), "no wasm bundle on the dashboard");
        let (_, overview) = app.get_html("/?year=2020").await;
        assert!(overview.contains("/pkg/styrbord.js"), "the other pages hydrate");
        let html = plain(&html);
        let heading = html.split("<h1>").nth(1).and_then(|h| h.split("</h1>").next()).expect("a heading");
        assert!(heading.starts_with("Portföljstyrning") && heading.contains("2020"), "{heading} on {backend:?}");
        let budget = html.split("data-kpi=\"budget\"").nth(1).expect("budget figure");
        let d = dashboard(&app, "2020").await;
        let total = app::i18n::format_money(dec(&d["total"]["amount"]), "kr").replace('\u{a0}', " ");
        assert!(budget[..200].contains(&total), "{total} in {}", &budget[..200]);
        assert!(budget[..200].contains("href=\"/dashboard/rows?year=2020\""), "the figure is a link");
        let akn = html.split("<tr data-object=\"AKN\"").nth(1).expect("AKN row");
        assert!(akn.split("</tr>").next().unwrap().contains("18 988 100 kr"));
        let bar = html
            .split("<svg ")
            .filter_map(|b| b.split('>').next())
            .find(|b| b.contains("class=\"stack\""))
            .expect("a bar");
        assert!(bar.contains("role=\"img\"") && bar.contains("aria-label=\""), "charts say what they show: {bar}");
        assert!(html.contains("<details class=\"chart-table\">"), "and have a table");

        let (status, rows) = app.get_html("/dashboard/rows?year=2020&object=AKN").await;
        assert_eq!(status, 200);
        assert!(!rows.contains("/pkg/styrbord.js"));
        let rows = plain(&rows);
        assert!(rows.contains("data-total=\"budget\">18 988 100 kr"), "the rows' total is the figure's");

        // The public may not read it.
        let response = app.anonymous.post(format!("{}/sf/dashboard", app.url)).form(&[("year", "2020")]).send().await;
        assert_eq!(response.unwrap().status().as_u16(), 401);
        let response = app.anonymous.get(format!("{}/dashboard", app.url)).send().await.unwrap();
        assert_ne!(response.status().as_u16(), 200, "signed-out people are sent to sign in");
    }
}

#[tokio::test]
async fn a_synthetic_portfolio_loads_on_both_backends_and_the_dashboard_sums_it() {
    use app::demo::synthetic::{dataset, Size};

    let size = Size { objects: 12, initiatives: 600, contracts: 150, year: 2026, seed: 3 };
    let today = app::domain::clock::today();
    let data = dataset(size, today);
    for backend in backends() {
        let mut app = crate::helpers::spawn_app_with(backend, false).await;
        app.store.load(&data, None).await.expect("the synthetic portfolio loads");
        app.client = app.sign_in(crate::helpers::READER, app::demo::DEMO_PASSWORD).await;
        let d = dashboard(&app, "2026").await;
        let objects = d["objects"].as_array().expect("objects");
        assert_eq!(objects.len(), 12);
        assert_eq!(d["initiatives"].as_u64(), Some(600), "{backend:?}");
        // The total is the plans' own budget matrices added up.
        let mut amount = Decimal::ZERO;
        for plan in data.plan_years.iter().filter(|p| p.year == 2026) {
            let (matrix, _) = initiatives_of(&app, &plan.object, 2026).await;
            assert_eq!(dec(&object(&d, &plan.object)["plan"]["total"]["amount"]), matrix.total.amount);
            amount += matrix.total.amount;
        }
        assert_eq!(dec(&d["total"]["amount"]), amount, "{backend:?}");
        assert_eq!(d["previous_year"], 2025);
        assert!(!d["previous_total"].is_null(), "the year before has plans too");
        // Contracts ending within a year are there to act on, most urgent first.
        let soon = data.contracts.iter().filter(|c| c.end >= today && c.end <= app::domain::add_months(today, 12));
        assert!(soon.count() > 0);
        let contracts = d["contracts"].as_array().expect("contracts");
        assert!(!contracts.is_empty(), "contracts needing action are listed on {backend:?}");
        assert_eq!(d["escalations"].as_array().map(Vec::len), Some(data.escalations.len()));
    }
}
