//! `/escalations`: the register. Open questions first; those waiting for
//! the steering group (step 3) in a section of their own on top, so a PSG
//! meeting starts from its list. `?show=all` includes closed ones.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::{overdue_badge, state_badge, step_badge};
use crate::api::get_escalations;
use crate::domain::{EscalationState, EscalationStep};
use crate::ui::status::ErrorPage;
use crate::ui::use_texts;
use crate::views::{EscalationList, EscalationRow};

#[component]
pub fn EscalationsPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let all = move || query.read().get("show").is_some_and(|s| s == "all");
    let object = move || query.read().get("object").unwrap_or_default();
    let data = Resource::new(move || (all(), object()), |(all, object)| get_escalations(all, object));
    view! {
        <Title text=format!("{} – {}", t.escalation.list_title, t.app_name)/>
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(list) => view! { <ListBody list/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn ListBody(list: EscalationList) -> impl IntoView {
    let t = use_texts();
    let e = t.escalation;
    let EscalationList { rows, show_all, can_raise, object, .. } = list;
    let (psg, others): (Vec<EscalationRow>, Vec<EscalationRow>) =
        rows.into_iter().partition(|r| r.state == EscalationState::Open && r.step == EscalationStep::SteeringGroup);
    let empty = psg.is_empty() && others.is_empty();
    let current = |on: bool| on.then_some("page");
    view! {
        <div class="page-head">
            <div>
                <h1>{e.list_title}</h1>
                <p class="lead">{e.list_intro}</p>
                {can_raise.then(|| view! { <p><a class="button" href="/escalations/new">{e.raise_link}</a></p> })}
            </div>
        </div>
        <nav class="escalation-filter" aria-label=e.filter_label>
            <span class="muted">{e.filter_label}": "</span>
            <A href="/escalations" attr:aria-current=current(!show_all)>{e.filter_open}</A>
            " · "
            <A href="/escalations?show=all" attr:aria-current=current(show_all)>{e.filter_all}</A>
            {object.map(|code| {
                let key = code.clone();
                view! {
                " · "
                <a href=if show_all { "/escalations?show=all" } else { "/escalations" } data-object-filter=key>
                    {t.col_object}": "<strong>{code}</strong>" ✕"
                </a>
                }
            })}
        </nav>
        {empty.then(|| view! { <p class="notice" data-empty>{if show_all { e.empty_all } else { e.empty_open }}</p> })}
        {(!psg.is_empty()).then(|| view! {
            <section class="escalation-psg" aria-labelledby="escalations-psg" data-section="psg">
                <h2 id="escalations-psg">{e.psg_heading}" "<span class="count">"("{psg.len()}")"</span></h2>
                <p class="hint">{e.psg_intro}</p>
                <EscalationTable rows=psg/>
            </section>
        })}
        {(!others.is_empty()).then(|| view! {
            <section aria-labelledby="escalations-others" data-section="others">
                <h2 id="escalations-others">{e.others_heading}" "<span class="count">"("{others.len()}")"</span></h2>
                <EscalationTable rows=others/>
            </section>
        })}
    }
}

#[component]
fn EscalationTable(rows: Vec<EscalationRow>) -> impl IntoView {
    let e = use_texts().escalation;
    view! {
        <table class="data-table stack escalation-table">
            <thead>
                <tr>
                    <th scope="col">{e.col_title}</th>
                    <th scope="col">{e.col_step}</th>
                    <th scope="col">{e.col_objects}</th>
                    <th scope="col">{e.col_who}</th>
                    <th scope="col">{e.col_due}</th>
                    <th scope="col">{e.col_state}</th>
                </tr>
            </thead>
            <tbody>
                <For each=move || rows.clone() key=|row| (row.id, row.step, row.state) let:row>
                    <Row row/>
                </For>
            </tbody>
        </table>
    }
}

#[component]
fn Row(row: EscalationRow) -> impl IntoView {
    let t = use_texts();
    let e = t.escalation;
    let who = match (row.state, row.step) {
        (EscalationState::Open, EscalationStep::SteeringGroup) => e.psg_acts.to_owned(),
        (EscalationState::Open, _) if row.actors.is_empty() => e.no_actors.to_owned(),
        (EscalationState::Open, _) => row.actors.join(", "),
        _ => "–".to_owned(),
    };
    view! {
        <tr data-escalation=row.id class:overdue=row.overdue>
            <th scope="row">
                <A href=format!("/escalations/{}", row.id)>{row.title.clone()}</A>
                <span class="muted">" · "{e.col_year}" "{row.year}</span>
            </th>
            <td data-label=e.col_step>{step_badge(row.step)}" "<span class="step-name">{e.step(row.step)}</span></td>
            <td data-label=e.col_objects>{row.objects.join(", ")}</td>
            <td data-label=e.col_who>{who}</td>
            <td data-label=e.col_due class="nowrap">
                {row.due_on.to_string()}" "{row.overdue.then(overdue_badge)}
            </td>
            <td data-label=e.col_state>{state_badge(row.state)}</td>
        </tr>
    }
}
