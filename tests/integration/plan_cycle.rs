//! The plan's yearly cycle over HTTP: the object owner approves a plan,
//! which locks it, and reopens it, both audited; next year's plan is made
//! from this year's with the initiatives that continue. Both backends.

use app::demo::DEMO_PASSWORD;
use app::domain::{AuditAction, AuditFilter, InitiativeStatus, PlanStatus, PlanYear};

use crate::helpers::{backends, spawn_app, TestApp};

const OWNER: &str = "maria.ottosson@linkoping.example";
const LEADER: &str = "naris.radetinac@linkoping.example";

async fn plan(app: &TestApp, year: i32) -> Option<PlanYear> {
    let object = app.store.object_by_code("AKN").await.expect("query").expect("AKN");
    app.store.plan_years_of(object.id).await.expect("plans").into_iter().find(|p| p.year == year)
}

#[tokio::test]
async fn the_owner_approves_a_plan_which_locks_it_and_reopens_it_on_the_record() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let owner = app.sign_in(OWNER, DEMO_PASSWORD).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let draft = plan(&app, 2021).await.expect("AKN 2021");
        let (id, version) = (draft.id.to_string(), draft.version.to_string());

        let (status, _) = app.call(&leader, "/sf/plan/approve", &[("plan_year_id", &id), ("version", &version)]).await;
        assert_eq!(status, 403, "a leader does not approve ({backend:?})");
        let (status, body) =
            app.call(&owner, "/sf/plan/approve", &[("plan_year_id", &id), ("version", &version)]).await;
        assert_eq!(status, 200, "{body}");
        let approved = plan(&app, 2021).await.expect("plan");
        assert_eq!(approved.status, PlanStatus::Approved);

        // Locked: an edit is refused and the page says so.
        let first = app.store.initiatives(draft.id).await.expect("initiatives").remove(0);
        let (fid, fversion) = (first.id.to_string(), first.version.to_string());
        let form = [
            ("id", fid.as_str()),
            ("version", fversion.as_str()),
            ("name", "Efter fastställandet"),
            ("main_activity", first.main_activity.key()),
            ("assignment_type", first.assignment_type.key()),
            ("priority", ""),
            ("business_hours", ""),
            ("business_other", ""),
            ("it_hours", ""),
            ("it_other", ""),
        ];
        let (status, body) = app.call(&leader, "/sf/plan/update_initiative", &form).await;
        assert_eq!((status, body["message"].as_str()), (409, Some("locked")));
        let html = owner.get(format!("{}/objects/AKN?year=2021", app.url)).send().await.expect("page");
        let html = html.text().await.expect("body");
        assert!(html.contains("action=\"/sf/plan/reopen\""), "the owner is offered to reopen");

        // Approving twice is a conflict; an old version is stale.
        let (status, _) = app.call(&owner, "/sf/plan/approve", &[("plan_year_id", &id), ("version", &version)]).await;
        assert_eq!(status, 409);

        let version = approved.version.to_string();
        let (status, body) = app.call(&owner, "/sf/plan/reopen", &[("plan_year_id", &id), ("version", &version)]).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(plan(&app, 2021).await.expect("plan").status, PlanStatus::Draft);
        assert_eq!(app.call(&leader, "/sf/plan/update_initiative", &form).await.0, 200, "open again for edits");

        let records = app.store.audit_log(&AuditFilter::default()).await.expect("audit");
        let statuses: Vec<_> = records
            .iter()
            .filter(|r| r.action == AuditAction::Update && r.entity == "plan_year")
            .filter_map(|r| serde_json::from_str::<serde_json::Value>(r.after.as_deref()?).ok())
            .filter_map(|after| after.get("status").and_then(|s| s.as_str()).map(str::to_owned))
            .collect();
        assert_eq!(statuses, ["draft", "approved"], "newest first: reopened after approved");
    }
}

#[tokio::test]
async fn next_years_plan_continues_the_chosen_initiatives_from_the_start() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let this = plan(&app, 2021).await.expect("AKN 2021");
        let initiatives = app.store.initiatives(this.id).await.expect("initiatives");
        let keep = [initiatives[2].id.to_string(), initiatives[0].id.to_string()];
        let post = |fields: Vec<(&'static str, String)>| {
            let url = format!("{}/objects/AKN/plans/2021/next", app.url);
            let leader = leader.clone();
            async move { leader.post(url).form(&fields).send().await.expect("request") }
        };

        let bad = post(vec![("keep", "999999999".into())]).await;
        assert_eq!(bad.status().as_u16(), 400, "{backend:?}");
        assert!(plan(&app, 2022).await.is_none(), "nothing made");

        let page = leader.get(format!("{}/objects/AKN/plans/2021/next-year", app.url)).send().await.expect("page");
        assert!(page.text().await.expect("body").contains("name=\"keep\""));

        let made = post(keep.iter().map(|id| ("keep", id.clone())).collect()).await;
        assert_eq!(made.status().as_u16(), 303);
        assert_eq!(made.headers()["location"], "/objects/AKN?year=2022");
        let next = plan(&app, 2022).await.expect("AKN 2022");
        assert_eq!((next.status, next.settings), (PlanStatus::Draft, this.settings));
        let continued = app.store.initiatives(next.id).await.expect("initiatives");
        let names: Vec<&str> = continued.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, [initiatives[0].name.as_str(), initiatives[2].name.as_str()], "this year's order");
        assert_eq!(continued.iter().map(|i| i.rank).collect::<Vec<_>>(), [1, 2]);
        assert!(continued.iter().all(|i| i.status == InitiativeStatus::NotStarted));
        assert_eq!(continued[0].business, initiatives[0].business);

        let again = post(vec![]).await;
        assert_eq!(again.status().as_u16(), 409, "next year has a plan already");
    }
}

#[tokio::test]
async fn two_years_compare_side_by_side_with_akn_2020s_total() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let (status, body) = app.call(&app.client, "/sf/plan/compare", &[("code", "AKN")]).await;
        assert_eq!(status, 200, "{body} on {backend:?}");
        assert_eq!((body["from"]["year"].as_i64(), body["to"]["year"].as_i64()), (Some(2020), Some(2021)));
        assert_eq!(body["total"]["from"], "18988100.00", "AKN 2020's budget, as the plan document has it");
        let (status, html) = app.get_html("/objects/AKN/compare?from=2020&to=2021").await;
        assert_eq!(status, 200);
        assert!(crate::helpers::plain(&html).contains("18 988 100 kr"), "the 2020 total, the Swedish way");
        assert!(html.contains("data-compare=\"initiatives\""));
        let (status, _) = app.get_html("/objects/AKN/compare?from=1999&to=2021").await;
        assert_eq!(status, 404);
    }
}

#[tokio::test]
async fn outcome_is_recorded_on_an_approved_plan_and_the_object_report_sets_it_against_the_plan() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let approved = plan(&app, 2020).await.expect("AKN 2020");
        assert_eq!(approved.status, PlanStatus::Approved);
        let first = app.store.initiatives(approved.id).await.expect("initiatives").remove(0);
        let id = first.id.to_string();
        let outcome = |hours: &'static str| {
            vec![
                ("id", id.clone()),
                ("business_hours", hours.into()),
                ("business_other", "1 000".into()),
                ("it_hours", "".into()),
                ("it_other", "".into()),
            ]
        };
        let call = |form: Vec<(&'static str, String)>| {
            let leader = leader.clone();
            let url = format!("{}/sf/plan/outcome", app.url);
            async move {
                let response = leader.post(url).form(&form).send().await.expect("request");
                response.status().as_u16()
            }
        };
        assert_eq!(call(outcome("12,345")).await, 400, "{backend:?}");
        assert!(app.store.outcomes(approved.id).await.expect("outcomes").is_empty(), "refused input changes nothing");
        assert_eq!(call(outcome("100")).await, 200);
        assert_eq!(call(outcome("120")).await, 200, "corrected");
        let recorded = app.store.outcomes(approved.id).await.expect("outcomes");
        assert_eq!(recorded.len(), 1);
        assert_eq!(recorded[0].1.business.hours.to_string(), "120.00");
        let records = app.store.audit_log(&AuditFilter::default()).await.expect("audit");
        assert_eq!(records.iter().filter(|r| r.entity == "outcome").count(), 2, "created, then updated");

        let (status, report) = app.call(&app.client, "/sf/plan/report", &[("code", "AKN"), ("year", "2020")]).await;
        assert_eq!(status, 200, "{report}");
        assert_eq!(report["total"]["planned_cost"], "18988100.00", "the plan document's total");
        assert_eq!(report["total"]["actual_cost"], "79600.00", "120 h × 655 kr + 1 000 kr");
        assert_eq!(report["with_outcome"], 1);
        let (status, html) = app.get_html("/objects/AKN/plans/2020/report").await;
        assert_eq!(status, 200);
        let html = crate::helpers::plain(&html);
        assert!(html.contains("18 988 100 kr") && html.contains("79 600 kr"));
        assert!(html.contains(&format!("data-report-row=\"{}\"", first.id)));
    }
}
