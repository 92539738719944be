//! `/portfolio/priorities`: the portfolio's priority list across objects,
//! for the object leaders' forum and the steering group (001, 2.3.4). The
//! same board as an object's list; a filter (a plain GET form) narrows it
//! by object, assignment type and main activity, and moves among what it
//! shows keep the hidden items in place. Conflicts show where the IT
//! side's hours run out and where top initiatives of several objects need
//! the same IT component or supplier; each can be raised as an escalation.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::form::{FormState, TextField};
use super::priority::{List, PriorityBoard};
use super::{use_hydrated, Outcome};
use crate::api::{get_portfolio_priorities, SetPortfolioCapacity};
use crate::domain::{AssignmentType, CapacityForm, MainActivity};
use crate::i18n::format_hours_unit;
use crate::ui::access::{last_error, succeeded};
use crate::ui::status::ErrorPage;
use crate::ui::{title_text, use_texts};
use crate::views::{PortfolioFilter, PortfolioPriorityPage as Page};

#[component]
pub fn PortfolioPriorityPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let reload = RwSignal::new(0_u32);
    let year = move || query.read().get("year").and_then(|y| y.trim().parse::<i32>().ok());
    let filter = move || {
        let q = query.read();
        PortfolioFilter {
            object: q.get("object").unwrap_or_default(),
            kind: q.get("kind").unwrap_or_default(),
            activity: q.get("activity").unwrap_or_default(),
        }
    };
    let data = Resource::new(move || (year(), reload.get()), |(year, _)| get_portfolio_priorities(year));
    view! {
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <Portfolio page filter=filter() reload/> }.into_any(),
                    Err(error) => view! { <Title text=t.portfolio_title/><ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Portfolio(page: Page, filter: PortfolioFilter, reload: RwSignal<u32>) -> impl IntoView {
    let t = use_texts();
    let Page { year, years, rows, objects, capacity, version, revision, can_undo, can_edit } = page;
    let title = title_text(format!("{} {} – {}", t.portfolio_title, year, t.app_name));
    let events = format!("/portfolio/priorities/{year}/events");
    let choose = |value: &str, current: &str| value == current;
    let filter_form = view! {
        <form method="get" action="/portfolio/priorities" class="filter-form portfolio-filter" aria-label=t.portfolio_filter_title>
            <label>{t.label_plan_year}
                <select name="year">
                    {years.iter().map(|&y| view! { <option value=y selected=y == year>{y}</option> }).collect_view()}
                </select>
            </label>
            <label>{t.col_object}
                <select name="object">
                    <option value="" selected=filter.object.is_empty()>{t.filter_all}</option>
                    {objects.iter().map(|o| view! {
                        <option value=o.code.clone() selected=choose(&o.code, &filter.object)>{format!("{} – {}", o.code, o.name)}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>{t.label_assignment_filter}
                <select name="kind">
                    <option value="" selected=filter.kind.is_empty()>{t.filter_all}</option>
                    {AssignmentType::ALL.iter().map(|&k| view! {
                        <option value=k.key() selected=choose(k.key(), &filter.kind)>{t.assignment_type(k)}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>{t.label_activity_filter}
                <select name="activity">
                    <option value="" selected=filter.activity.is_empty()>{t.filter_all}</option>
                    {MainActivity::ALL.iter().map(|&a| view! {
                        <option value=a.key() selected=choose(a.key(), &filter.activity)>{t.activity(a)}</option>
                    }).collect_view()}
                </select>
            </label>
            <button type="submit">{t.filter_button}</button>
        </form>
    };
    view! {
        <Title text=title/>
        <div class="page-head"><div>
            <h1>{format!("{} {year}", t.portfolio_title)}</h1>
            <p class="lead">{t.portfolio_intro}</p>
        </div></div>
        {filter_form}
        <ItCapacity year it_hours=capacity.it_hours version can_edit reload/>
        {can_edit.then(|| view! { <p class="hint">{t.portfolio_reorder_reason}</p> })}
        <PriorityBoard
            list=List::Portfolio(year)
            rows
            capacity
            revision
            can_undo
            can_edit
            events
            filter
            reload
        />
    }
}

/// The IT side's hours for the year, and for the steering group a form.
#[component]
fn ItCapacity(
    year: i32,
    it_hours: Option<crate::domain::Hours>,
    version: i64,
    can_edit: bool,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let t = use_texts();
    let shown = it_hours.map_or_else(|| t.not_set.to_owned(), |h| format_hours_unit(h.value()));
    let form = can_edit.then(|| {
        let save = ServerAction::<SetPortfolioCapacity>::new();
        let error = last_error(save.value());
        let initial = CapacityForm::of(&crate::domain::Capacity { it_hours, ..Default::default() });
        let state = FormState::new("portfolio-capacity", initial, error);
        let saved = succeeded(save.value());
        let hydrated = use_hydrated();
        Effect::new(move |_| {
            if saved.get() {
                reload.update(|n| *n += 1);
            }
        });
        let on_submit = move |ev: SubmitEvent| {
            ev.prevent_default();
            if !state.try_submit() {
                return;
            }
            let it_hours = state.form.get_untracked().it_hours;
            save.dispatch(SetPortfolioCapacity { year, version, it_hours });
        };
        view! {
            <details class="capacity-edit" open=move || error.get().is_some()>
                <summary>{t.edit_capacity}</summary>
                <form method="post" action=SetPortfolioCapacity::url() class="plan-form" novalidate=move || hydrated.get() on:submit=on_submit>
                    <input type="hidden" name="year" value=year/>
                    <input type="hidden" name="version" value=version/>
                    <TextField state field="it_hours" label=t.portfolio_it_capacity hint=t.portfolio_capacity_hint numeric=true/>
                    <div class="form-actions">
                        <button type="submit" class="primary" disabled=move || save.pending().get()>{t.save}</button>
                        <Outcome error done=saved/>
                    </div>
                </form>
            </details>
        }
    });
    view! {
        <section class="capacity-section" aria-label=t.capacity_title>
            <dl class="facts capacity">
                <div><dt>{t.portfolio_it_capacity}</dt><dd data-it-capacity>{shown}</dd></div>
            </dl>
            {form}
        </section>
    }
}
