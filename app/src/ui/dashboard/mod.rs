//! `/dashboard`: the portfolio steering group's view of a year, and
//! `/dashboard/rows`: the initiatives behind any of its figures.
//!
//! Both are read-only and complete as server HTML: every figure is a link,
//! the year picker is links, each chart's table is a `<details>`. The server
//! sends them without the wasm bundle (see [`crate::ui::WITHOUT_WASM`]), so
//! they load fast on a phone; reached by a link inside the app they render
//! in the browser like any other page. Their data is read with
//! `AsyncDerived`, which the server does not copy into the page for
//! hydration, as nothing hydrates it.

mod charts;
mod rows;

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use rust_decimal::Decimal;

pub use rows::DrillPage;

use self::charts::{share_text, ChartDefs, Legend, StackBar};
use super::locale::use_locale;
use super::status::ErrorPage;
use super::tables::{fte, hours, money, Scroller, YearPicker};
use super::use_texts;
use crate::domain::{AssignmentType, BudgetLine, InitiativeStatus, MainActivity, ObjectCategory, Side};
use crate::i18n::{fill, format_date};
use crate::views::{Dashboard, DashboardObject, DashboardPlan, DrillFilter};

#[component]
pub fn DashboardPage() -> impl IntoView {
    let query = use_query_map();
    let year = move || query.read().get("year").and_then(|y| y.parse::<i32>().ok());
    let data = AsyncDerived::new(move || crate::api::get_dashboard(year()));
    let (t, d) = (use_texts(), use_locale().dashboard());
    view! {
        <Title text=format!("{} – {}", d.title, t.app_name)/>
        <Suspense fallback=move || view! { <p class="loading">{d.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(dashboard) => view! { <DashboardBody dashboard/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A signed change against an earlier figure: `+1 234 kr`, `−56 kr`.
fn change(now: Decimal, before: Decimal) -> String {
    let difference = now - before;
    let sign = if difference > Decimal::ZERO { "+" } else { "" };
    format!("{sign}{}", money(difference))
}

fn line_of<K: PartialEq>(lines: &[(K, BudgetLine)], key: K) -> BudgetLine {
    lines.iter().find(|(k, _)| *k == key).map(|(_, l)| *l).unwrap_or_default()
}

#[component]
fn DashboardBody(dashboard: Arc<Dashboard>) -> impl IntoView {
    let d = use_locale().dashboard();
    let year = dashboard.year;
    let filter = DrillFilter { year, ..Default::default() };
    let total = dashboard.total;
    let previous = dashboard.previous_total.zip(dashboard.previous_year).map(|(line, y)| {
        fill(d.vs_previous, &[("year", &y.to_string()), ("change", &change(total.amount, line.amount))])
    });
    let over: Vec<String> = dashboard.over_capacity().map(|o| o.code.clone()).collect();
    let act_now = dashboard.contracts.len();
    view! {
        <ChartDefs/>
        <div class="page-head">
            <div>
                <h1>{d.title}{year.map(|y| format!(" {y}"))}</h1>
                <p class="lead">{d.intro}</p>
                <p class="no-print"><a href="/meetings">{d.meetings_link}</a>" · "<a href="/status">{d.status_link}</a></p>
            </div>
            <YearPicker years=dashboard.years.clone() selected=year base="/dashboard".to_string()/>
        </div>
        {dashboard.years.is_empty().then(|| view! { <p>{d.no_plans}</p> })}
        <section aria-label=d.title>
            <dl class="kpis dashboard-kpis">
                <div class="kpi">
                    <dt>{d.kpi_budget}</dt>
                    <dd data-kpi="budget"><a href=filter.href()>{money(total.amount)}</a></dd>
                    {previous.map(|text| view! { <dd class="kpi-note">{text}</dd> })}
                </div>
                <div class="kpi">
                    <dt>{d.kpi_hours}</dt>
                    <dd data-kpi="hours"><a href=filter.href()>{hours(total.hours)}</a></dd>
                </div>
                <div class="kpi">
                    <dt>{d.kpi_fte}</dt>
                    <dd data-kpi="fte"><a href=filter.href()>{fte(total.fte)}</a></dd>
                </div>
                <div class="kpi">
                    <dt>{d.kpi_initiatives}</dt>
                    <dd data-kpi="initiatives"><a href=filter.href()>{dashboard.initiatives}</a></dd>
                </div>
                <div class="kpi">
                    <dt>{d.kpi_escalations}</dt>
                    <dd data-kpi="escalations"><a href="#escalations">{dashboard.escalations.len()}</a></dd>
                </div>
                <div class="kpi">
                    <dt>{d.kpi_contracts}</dt>
                    <dd data-kpi="contracts"><a href="#contracts">{act_now}</a></dd>
                </div>
                <div class="kpi">
                    <dt>{d.kpi_over_capacity}</dt>
                    <dd data-kpi="over-capacity"><a href="#capacity">{over.len()}</a></dd>
                </div>
            </dl>
        </section>
        <Splits dashboard=dashboard.clone()/>
        <ObjectBars dashboard=dashboard.clone()/>
        <ObjectTable dashboard=dashboard.clone()/>
        <div class="dashboard-columns">
            <Statuses dashboard=dashboard.clone()/>
            <History dashboard=dashboard.clone()/>
        </div>
        <Outcomes dashboard=dashboard.clone()/>
        <Capacity dashboard=dashboard.clone()/>
        <div class="dashboard-columns">
            <Escalations dashboard=dashboard.clone()/>
            <Contracts dashboard/>
        </div>
        <p class="print-hint no-print">{d.print_hint}</p>
    }
}

/// One split of the portfolio total (by type, side, activity, category):
/// a 100 % bar and its table, each figure a link to its rows.
#[component]
fn Split(
    heading: &'static str,
    id: &'static str,
    parts: Vec<(&'static str, BudgetLine, DrillFilter)>,
    total: BudgetLine,
) -> impl IntoView {
    let d = use_locale().dashboard();
    let names: Vec<&'static str> = parts.iter().map(|(name, _, _)| *name).collect();
    let label = parts
        .iter()
        .map(|(name, line, _)| format!("{name} {}", share_text(line.amount, total.amount)))
        .collect::<Vec<_>>()
        .join(", ");
    let bar: Vec<(usize, Decimal)> = parts.iter().enumerate().map(|(i, (_, line, _))| (i, line.amount)).collect();
    view! {
        <div class="split" data-split=id>
            <h3 id=format!("split-{id}")>{heading}</h3>
            <StackBar parts=bar max=total.amount label=format!("{heading}: {label}")/>
            <Legend names label=d.legend/>
            <table class="numbers compact" aria-labelledby=format!("split-{id}")>
                <thead>
                    <tr>
                        <th scope="col">{d.col_part}</th>
                        <th scope="col" class="num">{d.col_budget}</th>
                        <th scope="col" class="num">{d.col_share}</th>
                        <th scope="col" class="num split-fte">{d.col_fte}</th>
                    </tr>
                </thead>
                <tbody>
                    {parts
                        .into_iter()
                        .map(|(name, line, filter)| {
                            view! {
                                <tr>
                                    <th scope="row">{name}</th>
                                    <td class="num" data-label=d.col_budget><a href=filter.href()>{money(line.amount)}</a></td>
                                    <td class="num" data-label=d.col_share>{share_text(line.amount, total.amount)}</td>
                                    <td class="num split-fte" data-label=d.col_fte><a href=filter.href()>{fte(line.fte)}</a></td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn Splits(dashboard: Arc<Dashboard>) -> impl IntoView {
    let (t, d) = (use_texts(), use_locale().dashboard());
    let base = DrillFilter { year: dashboard.year, ..Default::default() };
    let by_type = AssignmentType::ALL
        .iter()
        .map(|&k| (t.assignment_type(k), line_of(&dashboard.by_type, k), base.with(|f| f.assignment_type = Some(k))))
        .collect();
    let by_side = Side::ALL
        .iter()
        .map(|&k| (t.side(k), line_of(&dashboard.by_side, k), base.with(|f| f.side = Some(k))))
        .collect();
    let by_activity = MainActivity::ALL
        .iter()
        .map(|&k| (t.activity(k), line_of(&dashboard.by_activity, k), base.with(|f| f.activity = Some(k))))
        .collect();
    let by_category = dashboard
        .by_category
        .iter()
        .map(|&(k, line)| (t.category(k), line, base.with(|f| f.category = Some(k))))
        .collect();
    view! {
        <section class="dashboard-section" aria-labelledby="splits">
            <h2 id="splits">{d.splits_heading}</h2>
            <div class="splits">
                <Split heading=d.split_type id="type" parts=by_type total=dashboard.total/>
                <Split heading=d.split_side id="side" parts=by_side total=dashboard.total/>
                <Split heading=d.split_activity id="activity" parts=by_activity total=dashboard.total/>
                <Split heading=d.split_category id="category" parts=by_category total=dashboard.total/>
            </div>
        </section>
    }
}

/// Stacked bars, one per object with a plan, largest first, split by
/// assignment type; the table is the same figures.
#[component]
fn ObjectBars(dashboard: Arc<Dashboard>) -> impl IntoView {
    let (t, d) = (use_texts(), use_locale().dashboard());
    let mut planned: Vec<(&DashboardObject, &DashboardPlan)> =
        dashboard.objects.iter().filter_map(|o| o.plan.as_ref().map(|p| (o, p))).collect();
    planned.sort_by(|a, b| b.1.total.amount.cmp(&a.1.total.amount).then_with(|| a.0.name.cmp(&b.0.name)));
    let max = planned.first().map(|(_, p)| p.total.amount).unwrap_or_default();
    let names: Vec<&'static str> = AssignmentType::ALL.iter().map(|&k| t.assignment_type(k)).collect();
    let year = dashboard.year;
    let rows = planned
        .iter()
        .map(|(object, plan)| {
            let parts: Vec<(usize, Decimal)> =
                plan.by_type.iter().enumerate().map(|(i, (_, line))| (i, line.amount)).collect();
            let label = plan
                .by_type
                .iter()
                .filter(|(_, l)| !l.amount.is_zero())
                .map(|(k, l)| format!("{} {}", t.assignment_type(*k), money(l.amount)))
                .collect::<Vec<_>>()
                .join(", ");
            let filter = DrillFilter { year, object: Some(object.code.clone()), ..Default::default() };
            view! {
                <li class="bar-row" data-object=object.code.clone()>
                    <a class="bar-name" href=filter.href()>
                        <span class="code">{object.code.clone()}</span>" "{object.name.clone()}
                    </a>
                    <StackBar parts max label=format!("{}: {label}", object.name)/>
                    <span class="bar-value num">{money(plan.total.amount)}</span>
                </li>
            }
        })
        .collect_view();
    let table_rows = planned
        .iter()
        .map(|(object, plan)| {
            let filter = DrillFilter { year, object: Some(object.code.clone()), ..Default::default() };
            view! {
                <tr>
                    <th scope="row">{object.name.clone()}</th>
                    {plan
                        .by_type
                        .iter()
                        .map(|(k, line)| {
                            let href = filter.with(|f| f.assignment_type = Some(*k)).href();
                            view! { <td class="num" data-label=t.assignment_type(*k)><a href=href>{money(line.amount)}</a></td> }
                        })
                        .collect_view()}
                    <td class="num" data-label=d.col_budget><a href=filter.href()>{money(plan.total.amount)}</a></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="dashboard-section" aria-labelledby="bars">
            <h2 id="bars">{d.bars_heading}</h2>
            <p class="muted">{d.bars_intro}</p>
            <Legend names=names.clone() label=d.legend/>
            <ol class="bar-chart">{rows}</ol>
            <details class="chart-table">
                <summary>{d.show_table}</summary>
                <Scroller label=d.bars_heading>
                    <table class="numbers stack">
                        <thead>
                            <tr>
                                <th scope="col">{d.col_object}</th>
                                {names.iter().map(|n| view! { <th scope="col" class="num">{*n}</th> }).collect_view()}
                                <th scope="col" class="num">{d.col_budget}</th>
                            </tr>
                        </thead>
                        <tbody>{table_rows}</tbody>
                    </table>
                </Scroller>
            </details>
        </section>
    }
}

/// The object table: every object's figures, each a link to its rows.
#[component]
fn ObjectTable(dashboard: Arc<Dashboard>) -> impl IntoView {
    let (t, d) = (use_texts(), use_locale().dashboard());
    let year = dashboard.year;
    let caption = fill(d.objects_caption, &[("year", &year.map(|y| y.to_string()).unwrap_or_default())]);
    let mut categories: Vec<ObjectCategory> = dashboard.objects.iter().map(|o| o.category).collect();
    categories.dedup();
    let body = categories
        .into_iter()
        .map(|category| {
            let objects: Vec<&DashboardObject> = dashboard.objects.iter().filter(|o| o.category == category).collect();
            let total = line_of(&dashboard.by_category, category);
            let filter = DrillFilter { year, category: Some(category), ..Default::default() };
            view! {
                <tbody data-category=category.key()>
                    <tr class="group-head">
                        <th scope="rowgroup" colspan="9">{t.category(category)}</th>
                    </tr>
                    {objects.into_iter().map(|o| view! { <ObjectRow object=o.clone() year/> }).collect_view()}
                    <tr class="sum">
                        <th scope="row">{t.row_sum}</th>
                        <td class="empty"></td>
                        <td class="num" data-label=d.col_budget><a href=filter.href()>{money(total.amount)}</a></td>
                        <td class="num" data-label=d.col_hours><a href=filter.href()>{hours(total.hours)}</a></td>
                        <td class="num" data-label=d.col_fte><a href=filter.href()>{fte(total.fte)}</a></td>
                        <td class="empty" colspan="4"></td>
                    </tr>
                </tbody>
            }
        })
        .collect_view();
    view! {
        <section class="dashboard-section" aria-labelledby="objects">
            <h2 id="objects">{d.objects_heading}</h2>
            <p class="muted">{caption}</p>
            <Scroller label=d.objects_heading>
                <table class="numbers stack dashboard-objects">
                    <thead>
                        <tr>
                            <th scope="col">{d.col_object}</th>
                            <th scope="col">{d.col_plan}</th>
                            <th scope="col" class="num">{d.col_budget}</th>
                            <th scope="col" class="num">{d.col_hours}</th>
                            <th scope="col" class="num">{d.col_fte}</th>
                            <th scope="col" class="num">{d.col_change}</th>
                            <th scope="col">{d.col_statuses}</th>
                            <th scope="col">{d.col_capacity}</th>
                            <th scope="col" class="num">{d.col_escalations}" / "{d.col_contracts}</th>
                        </tr>
                    </thead>
                    {body}
                    <tfoot>
                        <tr>
                            <th scope="row">{t.row_sum}</th>
                            <td class="empty"></td>
                            <td class="num" data-label=d.col_budget>{money(dashboard.total.amount)}</td>
                            <td class="num" data-label=d.col_hours>{hours(dashboard.total.hours)}</td>
                            <td class="num" data-label=d.col_fte>{fte(dashboard.total.fte)}</td>
                            <td class="num" data-label=d.col_change>
                                {dashboard.previous_total.map(|p| change(dashboard.total.amount, p.amount))}
                            </td>
                            <td class="empty" colspan="3"></td>
                        </tr>
                    </tfoot>
                </table>
            </Scroller>
        </section>
    }
}

#[component]
fn ObjectRow(object: DashboardObject, year: Option<i32>) -> impl IntoView {
    let (t, d) = (use_texts(), use_locale().dashboard());
    let filter = DrillFilter { year, object: Some(object.code.clone()), ..Default::default() };
    let page = match year {
        Some(y) => format!("/objects/{}?year={y}", object.code),
        None => format!("/objects/{}", object.code),
    };
    let name = view! {
        <th scope="row">
            <a href=page>
                <span class="code">{object.code.clone()}</span>" "<span class="name">{object.name.clone()}</span>
            </a>
        </th>
    };
    let attention = view! {
        <td class="num" data-label=format!("{} / {}", d.col_escalations, d.col_contracts)>
            <a href=format!("/escalations?object={}", object.code) aria-label=format!("{}: {}", d.col_escalations, object.escalations)>
                {object.escalations}
            </a>
            " / "
            <a href=format!("/contracts?object={}&within=12", object.code) aria-label=format!("{}: {}", d.col_contracts, object.contracts)>
                {object.contracts}
            </a>
        </td>
    };
    let Some(plan) = object.plan else {
        return view! {
            <tr data-object=object.code.clone() class="no-plan">
                {name}
                <td colspan="7" class="muted">{d.no_plan}</td>
                {attention}
            </tr>
        }
        .into_any();
    };
    let capacity = plan
        .capacity
        .iter()
        .map(|check| {
            let amount = match check.limit {
                crate::domain::Limit::Budget => money(check.margin().abs()),
                _ => crate::i18n::format_hours_unit(check.margin().abs()),
            };
            let (class, text) = if check.is_over() {
                ("capacity-over", fill(d.capacity_over, &[("amount", &amount)]))
            } else {
                ("capacity-ok", fill(d.capacity_under, &[("amount", &amount)]))
            };
            view! { <li class=class>{d.limit(check.limit)}": "{text}</li> }
        })
        .collect_view();
    let priorities = year.map(|y| format!("/objects/{}/plans/{y}/priorities", object.code)).unwrap_or_default();
    let statuses = plan
        .statuses
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|&(status, n)| {
            let href = filter.with(|f| f.status = Some(status)).href();
            view! {
                <li class=format!("status-count status-{}", status.key())>
                    <a href=href>{t.initiative_status(status)}": "<strong>{n}</strong></a>
                </li>
            }
        })
        .collect_view();
    let change_text = plan.previous.map(|p| change(plan.total.amount, p.amount));
    let compare = match year {
        Some(y) => format!("/objects/{}/compare?from={}&to={y}", object.code, y - 1),
        None => format!("/objects/{}/compare", object.code),
    };
    let over = plan.over_capacity();
    view! {
        <tr data-object=object.code.clone() class:over-capacity=over>
            {name}
            <td data-label=d.col_plan>
                <span class=format!("badge plan-{}", plan.status.key())>{t.plan_status_label(plan.status)}</span>
            </td>
            <td class="num" data-label=d.col_budget data-col="budget"><a href=filter.href()>{money(plan.total.amount)}</a></td>
            <td class="num" data-label=d.col_hours data-col="hours"><a href=filter.href()>{hours(plan.total.hours)}</a></td>
            <td class="num" data-label=d.col_fte data-col="fte"><a href=filter.href()>{fte(plan.total.fte)}</a></td>
            <td class="num" data-label=d.col_change>
                {change_text.map(|text| view! { <a href=compare.clone()>{text}</a> })}
            </td>
            <td data-label=d.col_statuses><ul class="status-counts">{statuses}</ul></td>
            <td data-label=d.col_capacity>
                {(!plan.capacity.is_empty()).then(|| view! { <a href=priorities><ul class="capacity-list">{capacity}</ul></a> })}
            </td>
            {attention}
        </tr>
    }
    .into_any()
}

#[component]
fn Statuses(dashboard: Arc<Dashboard>) -> impl IntoView {
    let (t, d) = (use_texts(), use_locale().dashboard());
    let total: usize = dashboard.statuses.iter().map(|(_, n)| n).sum();
    let parts: Vec<(usize, Decimal)> =
        dashboard.statuses.iter().enumerate().map(|(i, (_, n))| (i, Decimal::from(*n))).collect();
    let names: Vec<&'static str> = InitiativeStatus::ALL.iter().map(|&s| t.initiative_status(s)).collect();
    let label = dashboard
        .statuses
        .iter()
        .map(|(s, n)| format!("{} {n}", t.initiative_status(*s)))
        .collect::<Vec<_>>()
        .join(", ");
    let base = DrillFilter { year: dashboard.year, ..Default::default() };
    view! {
        <section class="dashboard-section" aria-labelledby="statuses">
            <h2 id="statuses">{d.statuses_heading}</h2>
            <StackBar parts max=Decimal::from(total) label=format!("{}: {label}", d.statuses_heading)/>
            <Legend names label=d.legend/>
            <table class="numbers compact">
                <thead>
                    <tr>
                        <th scope="col">{d.col_status}</th>
                        <th scope="col" class="num">{d.kpi_initiatives}</th>
                        <th scope="col" class="num">{d.col_share}</th>
                    </tr>
                </thead>
                <tbody>
                    {dashboard
                        .statuses
                        .iter()
                        .map(|&(status, n)| {
                            let href = base.with(|f| f.status = Some(status)).href();
                            view! {
                                <tr data-status=status.key()>
                                    <th scope="row">{t.initiative_status(status)}</th>
                                    <td class="num"><a href=href>{n}</a></td>
                                    <td class="num">{share_text(Decimal::from(n), Decimal::from(total))}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </section>
    }
}

#[component]
fn History(dashboard: Arc<Dashboard>) -> impl IntoView {
    let d = use_locale().dashboard();
    let max = dashboard.history.iter().map(|(_, l)| l.amount).max().unwrap_or_default();
    view! {
        <section class="dashboard-section" aria-labelledby="history">
            <h2 id="history">{d.history_heading}</h2>
            <p class="muted">{d.history_intro}</p>
            <table class="numbers compact bar-table">
                <thead>
                    <tr>
                        <th scope="col">{d.col_year}</th>
                        <th scope="col" class="chart-col"><span class="visually-hidden">{d.bars_heading}</span></th>
                        <th scope="col" class="num">{d.col_budget}</th>
                        <th scope="col" class="num">{d.col_fte}</th>
                    </tr>
                </thead>
                <tbody>
                    {dashboard
                        .history
                        .iter()
                        .map(|&(y, line)| {
                            let current = Some(y) == dashboard.year;
                            let series = if current { 0 } else { 1 };
                            let href = DrillFilter { year: Some(y), ..Default::default() }.href();
                            view! {
                                <tr class:current-year=current>
                                    <th scope="row"><a href=format!("/dashboard?year={y}")>{y}</a></th>
                                    <td class="chart-col">
                                        <StackBar parts=vec![(series, line.amount)] max label=format!("{y}: {}", money(line.amount))/>
                                    </td>
                                    <td class="num"><a href=href.clone()>{money(line.amount)}</a></td>
                                    <td class="num"><a href=href>{fte(line.fte)}</a></td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </section>
    }
}

#[component]
fn Outcomes(dashboard: Arc<Dashboard>) -> impl IntoView {
    let d = use_locale().dashboard();
    let with: Vec<(&DashboardObject, &DashboardPlan)> = dashboard
        .objects
        .iter()
        .filter_map(|o| o.plan.as_ref().filter(|p| p.outcome.actual_cost.is_some()).map(|p| (o, p)))
        .collect();
    let max = with
        .iter()
        .flat_map(|(_, p)| [p.outcome.planned_cost, p.outcome.actual_cost.unwrap_or_default()])
        .max()
        .unwrap_or_default();
    let year = dashboard.year;
    let empty = with.is_empty();
    let rows = with
                            .into_iter()
                            .map(|(o, p)| {
                                let actual = p.outcome.actual_cost.unwrap_or_default();
                                let report = year
                                    .map(|y| format!("/objects/{}/plans/{y}/report", o.code))
                                    .unwrap_or_default();
                                view! {
                                    <tr data-object=o.code.clone()>
                                        <th scope="row">{o.name.clone()}</th>
                                        <td class="chart-col">
                                            <StackBar parts=vec![(0, p.outcome.planned_cost)] max label=format!("{}: {}", d.col_planned, money(p.outcome.planned_cost))/>
                                            <StackBar parts=vec![(1, actual)] max label=format!("{}: {}", d.col_actual, money(actual))/>
                                        </td>
                                        <td class="num" data-label=d.col_planned><a href=report.clone()>{money(p.outcome.planned_cost)}</a></td>
                                        <td class="num" data-label=d.col_actual><a href=report.clone()>{money(actual)}</a></td>
                                        <td class="num" data-label=d.col_deviation>
                                            <a href=report>{p.outcome.deviation().map(|dev| change(dev, Decimal::ZERO))}</a>
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view();
    let body = if empty {
        view! { <p class="muted">{d.outcome_none}</p> }.into_any()
    } else {
        view! {
            <Legend names=vec![d.col_planned, d.col_actual] label=d.legend/>
            <Scroller label=d.outcome_heading>
                <table class="numbers bar-table stack">
                    <thead>
                        <tr>
                            <th scope="col">{d.col_object}</th>
                            <th scope="col" class="chart-col"><span class="visually-hidden">{d.outcome_heading}</span></th>
                            <th scope="col" class="num">{d.col_planned}</th>
                            <th scope="col" class="num">{d.col_actual}</th>
                            <th scope="col" class="num">{d.col_deviation}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows}
                    </tbody>
                </table>
            </Scroller>
        }
        .into_any()
    };
    view! {
        <section class="dashboard-section" aria-labelledby="outcome">
            <h2 id="outcome">{d.outcome_heading}</h2>
            <p class="muted">{d.outcome_intro}</p>
            {body}
        </section>
    }
}

#[component]
fn Capacity(dashboard: Arc<Dashboard>) -> impl IntoView {
    let d = use_locale().dashboard();
    let year = dashboard.year;
    let set: Vec<(&DashboardObject, &DashboardPlan)> = dashboard
        .objects
        .iter()
        .filter_map(|o| o.plan.as_ref().filter(|p| !p.capacity.is_empty()).map(|p| (o, p)))
        .collect();
    let body = if set.is_empty() {
        view! { <p class="muted">{d.capacity_none}</p> }.into_any()
    } else {
        view! {
            <ul class="capacity-cards">
                {set
                    .into_iter()
                    .map(|(o, p)| {
                        let href = year.map(|y| format!("/objects/{}/plans/{y}/priorities", o.code)).unwrap_or_default();
                        view! {
                            <li class:over-capacity=p.over_capacity() data-object=o.code.clone()>
                                <a href=href><span class="code">{o.code.clone()}</span>" "{o.name.clone()}</a>
                                <ul>
                                    {p
                                        .capacity
                                        .iter()
                                        .map(|check| {
                                            let unit = |v: Decimal| match check.limit {
                                                crate::domain::Limit::Budget => money(v),
                                                _ => crate::i18n::format_hours_unit(v),
                                            };
                                            let verdict = if check.is_over() {
                                                fill(d.capacity_over, &[("amount", &unit(check.margin().abs()))])
                                            } else {
                                                fill(d.capacity_under, &[("amount", &unit(check.margin()))])
                                            };
                                            view! {
                                                <li>
                                                    {d.limit(check.limit)}": "{unit(check.demand)}" / "{unit(check.capacity)}
                                                    " – "<strong>{verdict}</strong>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="dashboard-section" id="capacity" aria-labelledby="capacity-heading">
            <h2 id="capacity-heading">{d.capacity_heading}</h2>
            <p class="muted">{d.capacity_intro}</p>
            {body}
        </section>
    }
}

/// How many of a list a section shows before "and N more".
const LIST_LIMIT: usize = 12;

#[component]
fn Escalations(dashboard: Arc<Dashboard>) -> impl IntoView {
    let (t, d) = (use_texts(), use_locale().dashboard());
    let rest = dashboard.escalations.len().saturating_sub(LIST_LIMIT);
    view! {
        <section class="dashboard-section" id="escalations" aria-labelledby="escalations-heading">
            <h2 id="escalations-heading">{d.escalations_heading}</h2>
            {dashboard.escalations.is_empty().then(|| view! { <p class="muted">{d.escalations_none}</p> })}
            <ul class="brief-list">
                {dashboard
                    .escalations
                    .iter()
                    .take(LIST_LIMIT)
                    .map(|e| {
                        view! {
                            <li data-escalation=e.id>
                                <a href=format!("/escalations/{}", e.id)>{e.title.clone()}</a>
                                <span class="muted">
                                    " · "{t.escalation.step(e.step)}" · "{e.object_codes.join(", ")}" · "
                                    {fill(d.due, &[("date", &format_date(e.due_on))])}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {(rest > 0).then(|| view! { <p><a href="/escalations">{fill(d.more, &[("n", &rest.to_string())])}</a></p> })}
        </section>
    }
}

#[component]
fn Contracts(dashboard: Arc<Dashboard>) -> impl IntoView {
    let d = use_locale().dashboard();
    let rest = dashboard.contracts.len().saturating_sub(LIST_LIMIT);
    view! {
        <section class="dashboard-section" id="contracts" aria-labelledby="contracts-heading">
            <h2 id="contracts-heading">{d.contracts_heading}</h2>
            {dashboard.contracts.is_empty().then(|| view! { <p class="muted">{d.contracts_none}</p> })}
            <ul class="brief-list">
                {dashboard
                    .contracts
                    .iter()
                    .take(LIST_LIMIT)
                    .map(|c| {
                        view! {
                            <li data-contract=c.id>
                                {crate::ui::contract::status_badge(c.status)}" "
                                <a href=format!("/contracts/{}", c.id)>{c.supplier.clone()}" – "{c.reference.clone()}</a>
                                <span class="muted">
                                    " · "{c.object_codes.join(", ")}" · "
                                    {fill(d.notice_by, &[("date", &format_date(c.notice_deadline))])}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p>
                {(rest > 0).then(|| view! { <span>{fill(d.more, &[("n", &rest.to_string())])}" · "</span> })}
                <a href="/contracts?within=12">{d.all_contracts}</a>
            </p>
        </section>
    }
}
