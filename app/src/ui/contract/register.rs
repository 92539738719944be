//! `/contracts`: the register. What must be acted on now comes first (on a
//! phone it is the page's answer), then the 36-month timeline, the list by
//! next date with filters, and the yearly cost per quarter. The filters
//! are a GET form: links to a filtered view can be shared and work before
//! hydration.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use super::calendar::CalendarFeeds;
use super::reminders::MyReminders;
use super::timeline::TimelineChart;
use super::{kronor, status_badge};
use crate::api::get_contracts;
use crate::domain::ContractStatus;
use crate::i18n::fill;
use crate::ui::status::ErrorPage;
use crate::ui::{encode_component, use_texts};
use crate::views::{ContractFilter, ContractRegister, ContractRow, Grouping, QuarterCost, PERIODS};

#[component]
pub fn ContractsPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let params = move || {
        let q = query.read();
        let get = |key: &str| q.get(key).unwrap_or_default();
        (get("object"), get("supplier"), get("status"), get("within"), get("group"))
    };
    let data = Resource::new(params, |(object, supplier, status, within, group)| {
        get_contracts(object, supplier, status, within, group)
    });
    view! {
        <Title text=format!("{} – {}", t.contract.title, t.app_name)/>
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(register) => view! { <Register register/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The query string of a filter, for links that keep it.
fn query_of(filter: &ContractFilter) -> String {
    let mut parts = Vec::new();
    if let Some(object) = &filter.object {
        parts.push(format!("object={}", encode_component(object)));
    }
    if let Some(supplier) = &filter.supplier {
        parts.push(format!("supplier={}", encode_component(supplier)));
    }
    if let Some(status) = filter.status {
        parts.push(format!("status={}", status.key()));
    }
    if let Some(within) = filter.within_months {
        parts.push(format!("within={within}"));
    }
    if filter.group == Grouping::Supplier {
        parts.push("group=supplier".into());
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

#[component]
fn Register(register: ContractRegister) -> impl IntoView {
    let t = use_texts();
    let c = t.contract;
    let ContractRegister { rows, act_now, timeline, quarters, total, objects, suppliers, can_create, filter, .. } =
        register;
    let query = query_of(&filter);
    let filtered = filter.object.is_some()
        || filter.supplier.is_some()
        || filter.status.is_some()
        || filter.within_months.is_some();
    let other_grouping = {
        let mut other = filter.clone();
        other.group = if filter.group == Grouping::Object { Grouping::Supplier } else { Grouping::Object };
        format!("/contracts{}#timeline", query_of(&other))
    };
    let shown = rows.len();
    view! {
        <div class="page-head">
            <div>
                <h1>{c.title}</h1>
                <p class="lead">{c.intro}</p>
            </div>
            <p class="page-actions">
                {can_create.then(|| view! { <a class="button primary" href="/contracts/new">{c.new_contract}</a> })}
                <a class="button" href=format!("/contracts/export.csv{query}") rel="external" download>{c.export_csv}</a>
                <a class="button" href=format!("/contracts/export.xlsx{query}") rel="external" download>{c.export_xlsx}</a>
            </p>
        </div>
        <section class="act-now" aria-labelledby="act-now-heading" data-section="act-now">
            <h2 id="act-now-heading">{c.act_now_heading}" "<span class="count">"("{act_now.len()}")"</span></h2>
            <p class="hint">{c.act_now_intro}</p>
            {if act_now.is_empty() {
                view! { <p class="notice" data-empty>{c.act_now_empty}</p> }.into_any()
            } else {
                view! {
                    <ul class="act-now-list">
                        {act_now.into_iter().map(|row| view! { <ActNowCard row/> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
        <MyReminders/>
        <FilterForm filter=filter.clone() objects suppliers filtered/>
        <section id="timeline" aria-labelledby="timeline-heading" data-section="timeline">
            <div class="section-head">
                <h2 id="timeline-heading">{c.timeline_heading}</h2>
                <p class="grouping">
                    <span class="muted">{c.group_label}": "</span>
                    {match filter.group {
                        Grouping::Object => view! {
                            <strong aria-current="true">{c.group_object}</strong>" · "<a href=other_grouping>{c.group_supplier}</a>
                        }.into_any(),
                        Grouping::Supplier => view! {
                            <a href=other_grouping>{c.group_object}</a>" · "<strong aria-current="true">{c.group_supplier}</strong>
                        }.into_any(),
                    }}
                </p>
            </div>
            <TimelineChart timeline heading=true/>
        </section>
        <section aria-labelledby="contract-list-heading" data-section="list">
            <div class="section-head">
                <h2 id="contract-list-heading">{c.list_heading}</h2>
                <p class="muted" data-count=shown>
                    {fill(c.showing_template, &[("n", &shown.to_string()), ("total", &total.to_string())])}
                </p>
            </div>
            {if rows.is_empty() {
                view! { <p class="notice" data-empty>{c.empty}</p> }.into_any()
            } else {
                view! { <ContractTable rows/> }.into_any()
            }}
        </section>
        <QuarterTable quarters/>
        <CalendarFeeds/>
    }
}

#[component]
fn ActNowCard(row: ContractRow) -> impl IntoView {
    let c = use_texts().contract;
    let (next_date, next_kind) = row.next;
    view! {
        <li class=format!("act-now-card status-{}", row.status.key()) data-contract=row.id>
            <p class="act-now-title">
                <a href=format!("/contracts/{}", row.id)>{row.reference.clone()}</a>
                " "<span class="muted">{row.supplier.clone()}</span>
            </p>
            <p>{status_badge(row.status)}" "<span class="act-now-objects">{row.objects.join(", ")}</span></p>
            <p class="act-now-date">
                <span class="muted">{c.next(next_kind)}": "</span><strong>{next_date.to_string()}</strong>
            </p>
            <p class="muted">{c.col_cost}": "{kronor(row.yearly_cost)}</p>
        </li>
    }
}

#[component]
fn FilterForm(
    filter: ContractFilter,
    objects: Vec<crate::views::ObjectName>,
    suppliers: Vec<String>,
    filtered: bool,
) -> impl IntoView {
    let t = use_texts();
    let c = t.contract;
    let object = filter.object.clone().unwrap_or_default();
    let supplier = filter.supplier.clone().unwrap_or_default();
    let status = filter.status.map(ContractStatus::key).unwrap_or_default();
    let within = filter.within_months.map(|m| m.to_string()).unwrap_or_default();
    view! {
        <Form method="GET" action="/contracts" noscroll=true>
            <fieldset class="contract-filter" data-filter>
                <legend>{c.filter_legend}</legend>
                {(filter.group == Grouping::Supplier).then(|| view! { <input type="hidden" name="group" value="supplier"/> })}
                <div class="field">
                    <label for="filter-object">{c.label_object}</label>
                    <select id="filter-object" name="object">
                        <option value="" selected=object.is_empty()>{c.all}</option>
                        {objects.into_iter().map(|o| {
                            let selected = o.code == object;
                            view! { <option value=o.code.clone() selected=selected>{format!("{} – {}", o.code, o.name)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-supplier">{c.label_supplier}</label>
                    <select id="filter-supplier" name="supplier">
                        <option value="" selected=supplier.is_empty()>{c.all}</option>
                        {suppliers.into_iter().map(|s| {
                            let selected = s == supplier;
                            view! { <option value=s.clone() selected=selected>{s.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-status">{c.label_status}</label>
                    <select id="filter-status" name="status">
                        <option value="" selected=status.is_empty()>{c.all}</option>
                        {ContractStatus::ALL.iter().map(|s| view! {
                            <option value=s.key() selected=s.key() == status>{c.status(*s)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-within">{c.label_period}</label>
                    <select id="filter-within" name="within">
                        <option value="" selected=within.is_empty()>{c.all}</option>
                        {PERIODS.iter().map(|m| view! {
                            <option value=m.to_string() selected=m.to_string() == within>
                                {fill(c.months_template, &[("n", &m.to_string())])}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="form-actions">
                    <button type="submit">{c.filter_button}</button>
                    {filtered.then(|| view! { <a href="/contracts">{c.clear_filters}</a> })}
                </div>
            </fieldset>
        </Form>
    }
}

#[component]
fn ContractTable(rows: Vec<ContractRow>) -> impl IntoView {
    let c = use_texts().contract;
    view! {
        <table class="data-table stack contract-table">
            <thead>
                <tr>
                    <th scope="col">{c.col_reference}</th>
                    <th scope="col">{c.col_objects}</th>
                    <th scope="col">{c.col_status}</th>
                    <th scope="col">{c.col_next}</th>
                    <th scope="col">{c.col_procurement}</th>
                    <th scope="col">{c.col_notice}</th>
                    <th scope="col">{c.col_end}</th>
                    <th scope="col" class="num">{c.col_cost}</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|row| {
                    let (next_date, next_kind) = row.next;
                    view! {
                        <tr data-contract=row.id data-status=row.status.key()>
                            <th scope="row">
                                <a href=format!("/contracts/{}", row.id)>{row.reference.clone()}</a>
                                <span class="muted">" · "{row.supplier.clone()}</span>
                            </th>
                            <td data-label=c.col_objects>{row.objects.join(", ")}</td>
                            <td data-label=c.col_status>{status_badge(row.status)}</td>
                            <td data-label=c.col_next class="nowrap">
                                {next_date.to_string()}" "<span class="muted">{c.next(next_kind)}</span>
                            </td>
                            <td data-label=c.col_procurement class="nowrap">{row.term.procurement_start.to_string()}</td>
                            <td data-label=c.col_notice class="nowrap" data-notice-deadline>{row.term.notice_deadline.to_string()}</td>
                            <td data-label=c.col_end class="nowrap">{row.term.end.to_string()}</td>
                            <td data-label=c.col_cost class="num nowrap">{kronor(row.yearly_cost)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn QuarterTable(quarters: Vec<QuarterCost>) -> impl IntoView {
    let c = use_texts().contract;
    view! {
        <section aria-labelledby="quarters-heading" data-section="quarters">
            <h2 id="quarters-heading">{c.quarters_heading}</h2>
            <p class="hint">{c.quarters_intro}</p>
            <table class="data-table stack quarter-table">
                <thead>
                    <tr>
                        <th scope="col">{c.col_quarter}</th>
                        <th scope="col">{c.col_ending}</th>
                        <th scope="col" class="num">{c.col_ending_cost}</th>
                        <th scope="col" class="num">{c.col_running}</th>
                    </tr>
                </thead>
                <tbody>
                    {quarters.into_iter().map(|q| view! {
                        <tr data-quarter=format!("{}-Q{}", q.year, q.quarter)>
                            <th scope="row" class="nowrap">{format!("{} Q{}", q.year, q.quarter)}</th>
                            <td data-label=c.col_ending>{if q.ending.is_empty() { "–".to_owned() } else { q.ending.join(", ") }}</td>
                            <td data-label=c.col_ending_cost class="num nowrap">{kronor(q.ending_cost)}</td>
                            <td data-label=c.col_running class="num nowrap">{kronor(q.running_cost)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
