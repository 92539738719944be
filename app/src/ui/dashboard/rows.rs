//! `/dashboard/rows?…`: the initiatives a dashboard figure adds up, with
//! their part of it and the same total. The selection shows as chips, each
//! a link that widens it again.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use crate::i18n::fill;
use crate::ui::locale::use_locale;
use crate::ui::status::ErrorPage;
use crate::ui::tables::{fte, hours, money, Scroller};
use crate::ui::use_texts;
use crate::views::{DrillFilter, DrillRows};

#[component]
pub fn DrillPage() -> impl IntoView {
    let search = use_location().search;
    let query = move || search.get();
    let data = AsyncDerived::new(move || crate::api::get_drill_rows(query()));
    let (t, d) = (use_texts(), use_locale().dashboard());
    view! {
        <Title text=format!("{} – {}", d.rows_title, t.app_name)/>
        <Suspense fallback=move || view! { <p class="loading">{d.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(rows) => view! { <DrillBody rows/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The selection's parts, each with the filter that drops it.
fn chips(filter: &DrillFilter) -> Vec<(&'static str, String, DrillFilter)> {
    let (t, d) = (use_texts(), use_locale().dashboard());
    let mut chips = Vec::new();
    if let Some(code) = &filter.object {
        chips.push((d.filter_object, code.clone(), filter.with(|f| f.object = None)));
    }
    if let Some(category) = filter.category {
        chips.push((d.filter_category, t.category(category).to_owned(), filter.with(|f| f.category = None)));
    }
    if let Some(activity) = filter.activity {
        chips.push((d.filter_activity, t.activity(activity).to_owned(), filter.with(|f| f.activity = None)));
    }
    if let Some(side) = filter.side {
        chips.push((d.filter_side, t.side(side).to_owned(), filter.with(|f| f.side = None)));
    }
    if let Some(kind) = filter.assignment_type {
        chips.push((d.filter_type, t.assignment_type(kind).to_owned(), filter.with(|f| f.assignment_type = None)));
    }
    if let Some(status) = filter.status {
        chips.push((d.filter_status, t.initiative_status(status).to_owned(), filter.with(|f| f.status = None)));
    }
    chips
}

#[component]
fn DrillBody(rows: DrillRows) -> impl IntoView {
    let (t, d) = (use_texts(), use_locale().dashboard());
    let filter = rows.filter.clone();
    let back = match filter.year {
        Some(y) => format!("/dashboard?year={y}"),
        None => "/dashboard".to_owned(),
    };
    let chips = chips(&filter);
    let count = fill(d.rows_count, &[("n", &rows.rows.len().to_string())]);
    let total = rows.total;
    view! {
        <p class="no-print"><a href=back>"← "{d.rows_back}</a></p>
        <h1>{d.rows_title}{filter.year.map(|y| format!(" {y}"))}</h1>
        <p class="lead">{d.rows_intro}</p>
        <section aria-label=d.rows_filters>
            <ul class="chips drill-chips">
                {chips.is_empty().then(|| view! { <li>{d.rows_all}</li> })}
                {chips
                    .into_iter()
                    .map(|(name, value, without)| {
                        let label = fill(d.remove_filter, &[("name", &format!("{name}: {value}"))]);
                        let title = label.clone();
                        view! {
                            <li>
                                <a href=without.href() aria-label=label title=title>
                                    {name}": "<strong>{value}</strong>" ✕"
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
        <dl class="kpis">
            <div class="kpi"><dt>{d.kpi_budget}</dt><dd data-total="budget">{money(total.amount)}</dd></div>
            <div class="kpi"><dt>{d.kpi_hours}</dt><dd data-total="hours">{hours(total.hours)}</dd></div>
            <div class="kpi"><dt>{d.kpi_fte}</dt><dd data-total="fte">{fte(total.fte)}</dd></div>
            <div class="kpi"><dt>{d.kpi_initiatives}</dt><dd data-total="count">{count}</dd></div>
        </dl>
        {rows.rows.is_empty().then(|| view! { <p>{d.rows_none}</p> })}
        {(!rows.rows.is_empty()).then(|| view! {
            <Scroller label=d.rows_title>
                <table class="numbers stack drill-rows">
                    <thead>
                        <tr>
                            <th scope="col">{d.col_initiative}</th>
                            <th scope="col">{d.col_object}</th>
                            <th scope="col">{d.col_activity}</th>
                            <th scope="col">{d.col_type}</th>
                            <th scope="col">{d.col_status}</th>
                            <th scope="col" class="num">{d.col_hours}</th>
                            <th scope="col" class="num">{d.col_budget}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .rows
                            .into_iter()
                            .map(|row| {
                                view! {
                                    <tr data-initiative=row.id>
                                        <th scope="row"><a href=format!("/initiatives/{}", row.id)>{row.name}</a></th>
                                        <td data-label=d.col_object>
                                            <a href=filter.with(|f| f.object = Some(row.object_code.clone())).href()>
                                                <span class="code">{row.object_code.clone()}</span>
                                            </a>
                                            " "{row.object_name}
                                        </td>
                                        <td data-label=d.col_activity>{t.activity(row.activity)}</td>
                                        <td data-label=d.col_type>{t.assignment_type(row.assignment_type)}</td>
                                        <td data-label=d.col_status>
                                            <span class=format!("badge status-{}", row.status.key())>{t.initiative_status(row.status)}</span>
                                        </td>
                                        <td class="num" data-label=d.col_hours>{hours(row.hours)}</td>
                                        <td class="num" data-label=d.col_budget>{money(row.amount)}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row" colspan="5">{d.row_total}</th>
                            <td class="num" data-label=d.col_hours>{hours(total.hours)}</td>
                            <td class="num" data-label=d.col_budget>{money(total.amount)}</td>
                        </tr>
                    </tfoot>
                </table>
            </Scroller>
        })}
    }
}
