//! `/objects/:code/plans/:year/report`: the object report
//! ("objektberättelse"): the goals' status counts, then per main activity
//! each goal's status, latest comment, and planned against actual cost and
//! hours with the deviation. Laid out for printing as well as the screen.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use rust_decimal::Decimal;

use crate::api::get_object_report;
use crate::ui::status::ErrorPage;
use crate::ui::tables::{hours, money, Scroller};
use crate::ui::use_texts;
use crate::views::{ObjectReport, ReportLine};

#[component]
pub fn ReportPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let key = move || {
        let params = params.read();
        (params.get("code").unwrap_or_default(), params.get("year").and_then(|y| y.parse().ok()).unwrap_or_default())
    };
    let data = Resource::new(key, |(code, year)| get_object_report(code, year));
    view! {
        <Title text=format!("{} – {}", t.report_title, t.app_name)/>
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(report) => view! { <Report report/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

fn optional(amount: Option<Decimal>, show: fn(Decimal) -> String) -> String {
    amount.map(show).unwrap_or_else(|| "–".to_owned())
}

/// Signed, so over and under read without colour.
fn deviation(line: &ReportLine) -> String {
    match line.deviation() {
        Some(d) if d > Decimal::ZERO => format!("+{}", money(d)),
        Some(d) if d < Decimal::ZERO => format!("−{}", money(-d)),
        Some(d) => money(d),
        None => "–".to_owned(),
    }
}

fn line_cells(line: ReportLine) -> impl IntoView {
    view! {
        <td class="num">{money(line.planned_cost)}</td>
        <td class="num">{optional(line.actual_cost, money)}</td>
        <td class="num">{deviation(&line)}</td>
        <td class="num">{hours(line.planned_hours)}</td>
        <td class="num">{optional(line.actual_hours, hours)}</td>
    }
}

#[component]
fn Report(report: ObjectReport) -> impl IntoView {
    let t = use_texts();
    let ObjectReport { object, plan, total, statuses, activities, with_outcome } = report;
    let goals: usize = statuses.iter().map(|(_, n)| n).sum();
    let back = format!("/objects/{}?year={}", object.code, plan.year);
    let counted = t.report_outcomes.replace("{n}", &with_outcome.to_string()).replace("{m}", &goals.to_string());
    let print = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <p class="breadcrumb no-print"><a href=back>{format!("{} ({}) – {}", object.name, object.code, plan.year)}</a></p>
        <div class="page-head">
            <div>
                <p class="eyebrow">{t.report_title}</p>
                <h1>{format!("{} {}", object.name, plan.year)}</h1>
                <p class="lead">{t.report_intro}</p>
            </div>
            <button type="button" class="no-print" on:click=print>{t.print}</button>
        </div>
        <dl class="kpis">
            <div class="kpi"><dt>{t.col_planned}</dt><dd data-report="planned">{money(total.planned_cost)}</dd></div>
            <div class="kpi"><dt>{t.col_actual}</dt><dd data-report="actual">{optional(total.actual_cost, money)}</dd></div>
            <div class="kpi"><dt>{t.col_deviation}</dt><dd data-report="deviation">{deviation(&total)}</dd></div>
            {statuses.into_iter().filter(|(_, n)| *n > 0).map(|(status, n)| view! {
                <div class="kpi"><dt>{t.initiative_status(status)}</dt><dd data-status-count=status.key()>{n}</dd></div>
            }).collect_view()}
        </dl>
        <p class="muted" data-report="outcomes">{counted}</p>
        {activities.into_iter().filter(|a| !a.rows.is_empty()).map(|a| {
            let heading = t.activity(a.activity);
            view! {
                <section class="report-activity">
                    <h2>{heading}</h2>
                    <Scroller label=heading.to_string()>
                        <table class="numbers report">
                            <thead>
                                <tr>
                                    <th scope="col">{t.col_initiative}</th>
                                    <th scope="col">{t.col_status}</th>
                                    <th scope="col" class="num">{t.col_planned}</th>
                                    <th scope="col" class="num">{t.col_actual}</th>
                                    <th scope="col" class="num">{t.col_deviation}</th>
                                    <th scope="col" class="num">{t.col_planned_hours}</th>
                                    <th scope="col" class="num">{t.col_actual_hours}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {a.rows.into_iter().map(|row| view! {
                                    <tr data-report-row=row.id>
                                        <th scope="row">
                                            {row.name.clone()}
                                            {row.comment.clone().map(|c| view! { <p class="report-comment">{c}</p> })}
                                        </th>
                                        <td>
                                            <span class=format!("badge status-{}", row.status.key())>{t.initiative_status(row.status)}</span>
                                        </td>
                                        {line_cells(row.line)}
                                    </tr>
                                }).collect_view()}
                            </tbody>
                            <tfoot>
                                <tr class="total">
                                    <th scope="row" colspan="2">{t.total}</th>
                                    {line_cells(a.total)}
                                </tr>
                            </tfoot>
                        </table>
                    </Scroller>
                </section>
            }
        }).collect_view()}
    }
    .into_any()
}
