//! `/meetings/compare?from=…&to=…`: two meetings' snapshots side by side
//! — the portfolio's key figures with their change, and every object's
//! budget, plan status, troubled initiatives and capacity in both, changed
//! ones marked in words. The meeting pickers are a plain GET form; by
//! default the latest two meetings.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use rust_decimal::Decimal;

use crate::api::get_meeting_comparison;
use crate::domain::PlanStatus;
use crate::i18n::{format_date, format_fte, format_hours, format_money};
use crate::ui::locale::use_locale;
use crate::ui::status::ErrorPage;
use crate::ui::tables::Scroller;
use crate::ui::use_texts;
use crate::views::{ComparedMeeting, KeyFigures, MeetingComparison, MeetingRow, SnapshotChange};

#[component]
pub fn CompareMeetingsPage() -> impl IntoView {
    let t = use_texts();
    let m = use_locale().meeting();
    let query = use_query_map();
    let key = move || {
        let id = |name: &str| query.read().get(name).and_then(|v| v.parse::<i64>().ok());
        (id("from"), id("to"))
    };
    let data = Resource::new(key, |(from, to)| get_meeting_comparison(from, to));
    view! {
        <Title text=format!("{} – {}", m.compare_title, t.app_name)/>
        <Transition fallback=move || view! { <p class="loading">{m.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(comparison) => view! { <Comparison comparison/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// A signed difference, so it reads without colour: `+1 234`, `−56`, `0`.
fn signed(delta: Decimal, show: impl Fn(Decimal) -> String) -> String {
    if delta > Decimal::ZERO {
        format!("+{}", show(delta))
    } else {
        show(delta)
    }
}

fn picker(name: &'static str, label: &'static str, meetings: &[MeetingRow], chosen: Option<i64>) -> impl IntoView {
    let id = format!("compare-{name}");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name>
                {meetings.iter().map(|row| view! {
                    <option value=row.id selected=Some(row.id) == chosen>
                        {format!("{} – {}", format_date(row.held_on), row.title)}
                    </option>
                }).collect_view()}
            </select>
        </div>
    }
}

#[component]
fn Comparison(comparison: MeetingComparison) -> impl IntoView {
    let m = use_locale().meeting();
    let MeetingComparison { meetings, from, to, changes } = comparison;
    let (from_id, to_id) = (from.as_ref().map(|f| f.id), to.as_ref().map(|t| t.id));
    let enough = meetings.len() >= 2;
    view! {
        <p class="breadcrumb"><a href="/meetings">{m.list_title}</a></p>
        <div class="page-head"><div><h1>{m.compare_title}</h1><p class="lead">{m.compare_intro}</p></div></div>
        {(!enough).then(|| view! { <p class="notice" data-empty>{m.need_two}</p> })}
        {enough.then(|| view! {
            <form method="get" action="/meetings/compare" class="filter-form meeting-compare-form">
                {picker("from", m.label_from, &meetings, from_id)}
                {picker("to", m.label_to, &meetings, to_id)}
                <button type="submit">{m.compare_button}</button>
            </form>
        })}
        {from.zip(to).map(|(from, to)| view! {
            <FiguresTable from=from.clone() to=to.clone()/>
            <ChangesTable from to changes/>
        })}
    }
}

fn heading(meeting: &ComparedMeeting) -> String {
    format!("{} ({})", meeting.title, format_date(meeting.held_on))
}

#[component]
fn FiguresTable(from: ComparedMeeting, to: ComparedMeeting) -> impl IntoView {
    let t = use_texts();
    let m = use_locale().meeting();
    let money = |v: Decimal| format_money(v, t.currency);
    let (a, b): (&KeyFigures, &KeyFigures) = (&from.figures, &to.figures);
    let count = |v: usize| Decimal::from(v as u64);
    let plain = |v: Decimal| v.to_string();
    let rows: Vec<(&'static str, &'static str, String, String, String)> = vec![
        (
            "budget",
            m.kpi_budget,
            money(a.total.amount),
            money(b.total.amount),
            signed(b.total.amount - a.total.amount, money),
        ),
        (
            "hours",
            m.kpi_hours,
            format_hours(a.total.hours),
            format_hours(b.total.hours),
            signed(b.total.hours - a.total.hours, format_hours),
        ),
        (
            "fte",
            m.kpi_fte,
            format_fte(a.total.fte),
            format_fte(b.total.fte),
            signed(b.total.fte - a.total.fte, format_fte),
        ),
        (
            "initiatives",
            m.kpi_initiatives,
            a.initiatives.to_string(),
            b.initiatives.to_string(),
            signed(count(b.initiatives) - count(a.initiatives), plain),
        ),
        (
            "escalations",
            m.kpi_escalations,
            a.escalations.to_string(),
            b.escalations.to_string(),
            signed(count(b.escalations) - count(a.escalations), plain),
        ),
        (
            "contracts",
            m.kpi_contracts,
            a.contracts.to_string(),
            b.contracts.to_string(),
            signed(count(b.contracts) - count(a.contracts), plain),
        ),
        (
            "over-capacity",
            m.kpi_over_capacity,
            a.over_capacity.to_string(),
            b.over_capacity.to_string(),
            signed(count(b.over_capacity) - count(a.over_capacity), plain),
        ),
    ];
    view! {
        <section aria-labelledby="compare-figures">
            <h2 id="compare-figures">{m.figures_heading}</h2>
            <Scroller label=m.figures_heading>
                <table class="data-table compare-figures">
                    <thead>
                        <tr>
                            <th scope="col">{m.col_figure}</th>
                            <th scope="col" class="num">{heading(&from)}</th>
                            <th scope="col" class="num">{heading(&to)}</th>
                            <th scope="col" class="num">{m.col_change}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows.into_iter().map(|(key, label, before, after, change)| view! {
                            <tr data-figure=key>
                                <th scope="row">{label}</th>
                                <td class="num" data-before>{before}</td>
                                <td class="num" data-after>{after}</td>
                                <td class="num" data-change>{change}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </Scroller>
        </section>
    }
}

#[component]
fn ChangesTable(from: ComparedMeeting, to: ComparedMeeting, changes: Vec<SnapshotChange>) -> impl IntoView {
    let t = use_texts();
    let m = use_locale().meeting();
    let money = move |v: Decimal| format_money(v, t.currency);
    let status = move |s: Option<PlanStatus>| s.map(|s| t.plan_status_label(s)).unwrap_or(m.no_plan);
    let yes = move |on: bool| if on { m.yes } else { "–" };
    view! {
        <section aria-labelledby="compare-changes">
            <h2 id="compare-changes">{m.changes_heading}</h2>
            <Scroller label=m.changes_heading>
                <table class="data-table compare-changes">
                    <thead>
                        <tr>
                            <th scope="col">{m.col_object}</th>
                            <th scope="col" class="num">{format!("{} – {}", m.col_budget, heading(&from))}</th>
                            <th scope="col" class="num">{format!("{} – {}", m.col_budget, heading(&to))}</th>
                            <th scope="col" class="num">{m.col_change}</th>
                            <th scope="col">{m.col_status}</th>
                            <th scope="col" class="num">{m.col_troubled}</th>
                            <th scope="col">{m.col_over}</th>
                            <th scope="col">{m.changed}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {changes.into_iter().map(|c| {
                            let before = c.before.map(|l| l.amount);
                            let after = c.after.map(|l| l.amount);
                            let delta = signed(after.unwrap_or_default() - before.unwrap_or_default(), money);
                            let changed = c.changed();
                            view! {
                                <tr data-object=c.code.clone() class:changed=changed>
                                    <th scope="row"><span class="code">{c.code.clone()}</span>" "{c.name.clone()}</th>
                                    <td class="num" data-before>{before.map(money).unwrap_or_else(|| "–".into())}</td>
                                    <td class="num" data-after>{after.map(money).unwrap_or_else(|| "–".into())}</td>
                                    <td class="num" data-change>{delta}</td>
                                    <td>{format!("{} → {}", status(c.before_status), status(c.after_status))}</td>
                                    <td class="num">{format!("{} → {}", c.troubled_before, c.troubled_after)}</td>
                                    <td>{format!("{} → {}", yes(c.over_capacity_before), yes(c.over_capacity_after))}</td>
                                    <td data-changed=changed.to_string()>{if changed { m.changed } else { m.unchanged }}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </Scroller>
        </section>
    }
}
