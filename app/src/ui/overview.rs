//! `/`: the portfolio at a glance, object by object, grouped by category.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::contract::ContractAttention;
use super::escalation::OpenEscalations;
use super::status::ErrorPage;
use super::tables::{fte, hours, money, Scroller, YearPicker};
use super::use_texts;
use crate::api::get_overview;
use crate::views::{CategoryGroup, ObjectSummary, OverviewPage as Overview};

#[component]
pub fn OverviewPage() -> impl IntoView {
    let query = use_query_map();
    let year = move || query.read().get("year").and_then(|y| y.parse::<i32>().ok());
    let data = Resource::new(year, get_overview);
    let t = use_texts();
    view! {
        <Title text=format!("{} – {}", t.overview_title, t.app_name)/>
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(overview) => view! { <OverviewBody overview/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn OverviewBody(overview: Overview) -> impl IntoView {
    let t = use_texts();
    let count: usize = overview.groups.iter().map(|g| g.objects.len()).sum();
    let year = overview.year;
    view! {
        <div class="page-head">
            <div>
                <h1>{t.overview_title}{year.map(|y| format!(" {y}"))}</h1>
                <p class="lead">{t.overview_intro}</p>
                // On a phone, the status page first (shown by style/status.css
                // at narrow widths only).
                <p class="phone-status-link">
                    <a href="/status">{super::locale::use_locale().status_page().phone_link}</a>
                </p>
                {overview.can_add_objects.then(|| view! { <p><a class="button" href="/new-object">{t.new_object}</a></p> })}
            </div>
            <YearPicker years=overview.years.clone() selected=year base="/".to_string()/>
        </div>
        <OpenEscalations/>
        <ContractAttention/>
        <section class="totals" aria-labelledby="portfolio-total">
            <h2 id="portfolio-total" class="visually-hidden">{t.portfolio_total}</h2>
            <dl class="kpis">
                <div class="kpi">
                    <dt>{t.portfolio_total}</dt>
                    <dd data-total="budget">{money(overview.total.amount)}</dd>
                </div>
                <div class="kpi">
                    <dt>{t.col_hours}</dt>
                    <dd data-total="hours">{hours(overview.total.hours)}</dd>
                </div>
                <div class="kpi">
                    <dt>{t.col_fte}</dt>
                    <dd data-total="fte">{fte(overview.total.fte)}</dd>
                </div>
                <div class="kpi">
                    <dt>{t.objects_count}</dt>
                    <dd>{count}</dd>
                </div>
            </dl>
        </section>
        {overview.years.is_empty().then(|| view! { <p>{t.no_plans_at_all}</p> })}
        {overview
            .groups
            .into_iter()
            .map(|group| view! { <CategorySection group year/> })
            .collect_view()}
    }
}

#[component]
fn CategorySection(group: CategoryGroup, year: Option<i32>) -> impl IntoView {
    let t = use_texts();
    let heading = t.category(group.category);
    let id = format!("category-{}", group.category.key());
    let labelled_by = id.clone();
    view! {
        <section class="category" aria-labelledby=labelled_by data-category=group.category.key()>
            <h2 id=id>{heading}</h2>
            <Scroller label=heading.to_string()>
                <table class="numbers stack">
                    <thead>
                        <tr>
                            <th scope="col">{t.col_object}</th>
                            <th scope="col" class="num">{t.col_budget}</th>
                            <th scope="col" class="num">{t.col_hours}</th>
                            <th scope="col" class="num">{t.col_fte}</th>
                            <th scope="col">{t.plan_status}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {group.objects.into_iter().map(|o| view! { <ObjectRow object=o year/> }).collect_view()}
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">{t.row_sum}</th>
                            <td class="num" data-label=t.col_budget>{money(group.total.amount)}</td>
                            <td class="num" data-label=t.col_hours>{hours(group.total.hours)}</td>
                            <td class="num" data-label=t.col_fte>{fte(group.total.fte)}</td>
                            <td class="empty"></td>
                        </tr>
                    </tfoot>
                </table>
            </Scroller>
        </section>
    }
}

#[component]
fn ObjectRow(object: ObjectSummary, year: Option<i32>) -> impl IntoView {
    let t = use_texts();
    let href = match year {
        Some(y) => format!("/objects/{}?year={y}", object.code),
        None => format!("/objects/{}", object.code),
    };
    let cells = match object.plan {
        Some(plan) => view! {
            <td class="num" data-col="budget" data-label=t.col_budget>{money(plan.total.amount)}</td>
            <td class="num" data-col="hours" data-label=t.col_hours>{hours(plan.total.hours)}</td>
            <td class="num" data-col="fte" data-label=t.col_fte>{fte(plan.total.fte)}</td>
            <td data-label=t.plan_status><span class=format!("badge plan-{}", plan.status.key())>{t.plan_status_label(plan.status)}</span></td>
        }
        .into_any(),
        None => view! { <td colspan="4" class="muted">{t.no_plan_for_year}</td> }.into_any(),
    };
    let code = object.code;
    let key = code.clone();
    view! {
        <tr data-object=key>
            <th scope="row">
                <A href=href>
                    <span class="code">{code}</span>
                    " "
                    <span class="name">{object.name}</span>
                </A>
            </th>
            {cells}
        </tr>
    }
}
