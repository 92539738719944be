//! `/status`: how my objects and the portfolio are doing, and what changed
//! since I last looked — for a phone at 360 px first.
//!
//! Read-only but for one plain form ("Markera som läst"), so the server
//! sends it without the wasm bundle ([`crate::ui::WITHOUT_WASM`]); its data
//! is read with `AsyncDerived`, which is not copied into the page. Reached
//! by a link inside the running app it renders in the browser, and the
//! form then reloads the data in place.

use leptos::prelude::*;
use leptos_meta::Title;

use super::locale::use_locale;
use super::status::ErrorPage;
use super::tables::{fte, hours, money};
use super::use_texts;
use crate::api::{get_status_page, MarkStatusSeen};
use crate::i18n::{fill, format_hours_unit};
use crate::views::{Change, DashboardObject, DrillFilter, StatusPage as Page};

#[component]
pub fn StatusPage() -> impl IntoView {
    let mark = ServerAction::<MarkStatusSeen>::new();
    let data = AsyncDerived::new(move || {
        mark.version().track();
        get_status_page()
    });
    let (t, s) = (use_texts(), use_locale().status_page());
    view! {
        <Title text=format!("{} – {}", s.title, t.app_name)/>
        <Suspense fallback=move || view! { <p class="loading">{s.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <StatusBody page mark/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn StatusBody(page: Page, mark: ServerAction<MarkStatusSeen>) -> impl IntoView {
    let s = use_locale().status_page();
    let year = page.year.map(|y| fill(s.year_note, &[("year", &y.to_string())]));
    let objects_heading = if page.own { s.mine_heading } else { s.attention_heading };
    let changes = page.changes.len() + page.more;
    view! {
        <div class="status-top">
            <h1>{s.title}</h1>
            {year.map(|y| view! { <p class="muted">{y}</p> })}
        </div>
        <nav class="status-jump" aria-label=s.title>
            <a href="#status-objects">{objects_heading}</a>
            <a href="#status-portfolio">{s.portfolio_heading}</a>
            <a href="#status-changes">{s.changes_heading}" ("{changes}")"</a>
        </nav>
        <Objects page=page.clone() heading=objects_heading/>
        <Portfolio page=page.clone()/>
        <Changes page mark/>
    }
}

#[component]
fn Objects(page: Page, heading: &'static str) -> impl IntoView {
    let s = use_locale().status_page();
    let empty = match (page.objects.is_empty(), page.own) {
        (false, _) => None,
        (true, true) => Some(s.mine_none),
        (true, false) => Some(s.attention_none),
    };
    let year = page.year;
    view! {
        <section class="status-section" aria-labelledby="status-objects">
            <h2 id="status-objects">{heading}</h2>
            {(!page.own).then(|| view! { <p class="muted">{s.attention_intro}</p> })}
            {empty.map(|text| view! { <p class="muted">{text}</p> })}
            <ul class="status-cards">
                {page.objects.into_iter().map(|object| view! { <ObjectCard object year/> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn ObjectCard(object: DashboardObject, year: Option<i32>) -> impl IntoView {
    let (t, s) = (use_texts(), use_locale().status_page());
    let code = object.code.clone();
    let page = match year {
        Some(y) => format!("/objects/{code}?year={y}"),
        None => format!("/objects/{code}"),
    };
    let filter = DrillFilter { year, object: Some(code.clone()), ..Default::default() };
    let over = object.plan.as_ref().is_some_and(|p| p.over_capacity());
    let plan = match object.plan {
        None => view! { <p class="muted">{s.no_plan}</p> }.into_any(),
        Some(plan) => {
            let statuses = plan
                .statuses
                .iter()
                .filter(|(_, n)| *n > 0)
                .map(|&(status, n)| {
                    let href = filter.with(|f| f.status = Some(status)).href();
                    view! {
                        <li class=format!("status-count status-{}", status.key())>
                            <a href=href>{t.initiative_status(status)}" "<strong>{n}</strong></a>
                        </li>
                    }
                })
                .collect_view();
            let capacity = plan
                .capacity
                .iter()
                .map(|check| {
                    let unit = |v| match check.limit {
                        crate::domain::Limit::Budget => money(v),
                        _ => format_hours_unit(v),
                    };
                    let (class, template) = if check.is_over() {
                        ("capacity-over", s.capacity_over)
                    } else {
                        ("capacity-ok", s.capacity_under)
                    };
                    let text =
                        fill(template, &[("limit", t.limit(check.limit)), ("amount", &unit(check.margin().abs()))]);
                    view! { <li class=class>{text}</li> }
                })
                .collect_view();
            let href = filter.href();
            view! {
                <p class="status-plan">
                    <span class=format!("badge plan-{}", plan.status.key())>{t.plan_status_label(plan.status)}</span>
                    " "{s.initiatives}": "{plan.initiatives}
                </p>
                <dl class="status-figures">
                    <div>
                        <dt>{s.budget}</dt>
                        <dd data-figure="budget"><a href=href.clone()>{money(plan.total.amount)}</a></dd>
                    </div>
                    <div>
                        <dt>{s.hours}</dt>
                        <dd data-figure="hours"><a href=href.clone()>{hours(plan.total.hours)}" h"</a></dd>
                    </div>
                    <div>
                        <dt>{s.fte}</dt>
                        <dd data-figure="fte"><a href=href>{fte(plan.total.fte)}</a></dd>
                    </div>
                </dl>
                <ul class="card-counts">{statuses}</ul>
                {(!plan.capacity.is_empty()).then(|| view! { <ul class="status-capacity">{capacity}</ul> })}
            }
            .into_any()
        }
    };
    view! {
        <li class="status-card" class:over-capacity=over data-object=code.clone()>
            <h3>
                <a href=page>
                    <span class="code">{code.clone()}</span>" "{object.name.clone()}
                </a>
            </h3>
            {plan}
            <p class="status-links">
                <a href=format!("/escalations?object={code}") data-figure="escalations">
                    {s.escalations}": "<strong>{object.escalations}</strong>
                </a>
                <a href=format!("/contracts?object={code}&within=12") data-figure="contracts">
                    {s.contracts}": "<strong>{object.contracts}</strong>
                </a>
            </p>
        </li>
    }
}

#[component]
fn Portfolio(page: Page) -> impl IntoView {
    let s = use_locale().status_page();
    let figures = page.portfolio;
    let base = page.year.map(|y| format!("/dashboard?year={y}")).unwrap_or_else(|| "/dashboard".to_owned());
    let kpi = |label: &'static str, key: &'static str, value: String, anchor: &'static str| {
        view! {
            <div class="kpi">
                <dt>{label}</dt>
                <dd data-kpi=key><a href=format!("{base}{anchor}")>{value}</a></dd>
            </div>
        }
    };
    view! {
        <section class="status-section" aria-labelledby="status-portfolio">
            <h2 id="status-portfolio">{s.portfolio_heading}</h2>
            <dl class="kpis status-kpis">
                {kpi(s.budget, "budget", money(figures.total.amount), "")}
                {kpi(s.hours, "hours", format_hours_unit(figures.total.hours), "")}
                {kpi(s.fte, "fte", fte(figures.total.fte), "")}
                {kpi(s.initiatives, "initiatives", figures.initiatives.to_string(), "")}
                {kpi(s.escalations, "escalations", figures.escalations.to_string(), "#escalations")}
                {kpi(s.contracts, "contracts", figures.contracts.to_string(), "#contracts")}
                {kpi(s.over_capacity, "over-capacity", figures.over_capacity.to_string(), "#capacity")}
            </dl>
            <p><a class="status-more" href=base.clone()>{s.to_dashboard}</a></p>
        </section>
    }
}

#[component]
fn Changes(page: Page, mark: ServerAction<MarkStatusSeen>) -> impl IntoView {
    let (t, s) = (use_texts(), use_locale().status_page());
    let now = page.now;
    let intro = if page.first_visit {
        s.changes_first.to_owned()
    } else {
        fill(s.changes_since, &[("when", &s.when(page.since, now))])
    };
    let lines = page
        .changes
        .iter()
        .map(|change| {
            let sentence = s.sentence(change, |status| t.initiative_status(status));
            view! { <ChangeLine change=change.clone() sentence when=s.when(change.at, now)/> }
        })
        .collect_view();
    let more = (page.more > 0).then(|| {
        let text = fill(s.more, &[("n", &page.more.to_string())]);
        if page.can_view_audit {
            view! { <p><a class="status-more" href="/audit">{text}" · "{s.to_audit}</a></p> }.into_any()
        } else {
            view! { <p class="muted">{text}</p> }.into_any()
        }
    });
    // To the microsecond, as the store keeps it: the next look starts
    // exactly where this page was made.
    let seen = now.to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
    view! {
        <section class="status-section" aria-labelledby="status-changes">
            <h2 id="status-changes">{s.changes_heading}</h2>
            <p class="muted">{intro}</p>
            {page.changes.is_empty().then(|| view! { <p class="status-none">{s.changes_none}</p> })}
            <ol class="change-list">{lines}</ol>
            {more}
            <ActionForm action=mark attr:class="mark-read">
                <input type="hidden" name="seen" value=seen/>
                <button type="submit" class="primary">{s.mark_read}</button>
                <p class="hint">{s.mark_read_hint}</p>
            </ActionForm>
        </section>
    }
}

#[component]
fn ChangeLine(change: Change, sentence: String, when: String) -> impl IntoView {
    let datetime = change.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let text = match change.href {
        Some(href) => view! { <a href=href>{sentence}</a> }.into_any(),
        None => view! { <span>{sentence}</span> }.into_any(),
    };
    view! {
        <li data-change=change.object_code.unwrap_or_default()>
            {text}
            <time datetime=datetime>{when}</time>
        </li>
    }
}
