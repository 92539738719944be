//! `/meetings`: the steering group's meetings, upcoming and past, newest
//! first, with links to a new meeting and to comparing two.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::state_badge;
use crate::api::get_meetings;
use crate::i18n::format_date;
use crate::ui::locale::use_locale;
use crate::ui::status::ErrorPage;
use crate::ui::use_texts;
use crate::views::{MeetingList, MeetingRow};

#[component]
pub fn MeetingsPage() -> impl IntoView {
    let t = use_texts();
    let m = use_locale().meeting();
    let data = Resource::new(|| (), |_| get_meetings());
    view! {
        <Title text=format!("{} – {}", m.list_title, t.app_name)/>
        <Transition fallback=move || view! { <p class="loading">{m.loading}</p> }>
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
fn ListBody(list: MeetingList) -> impl IntoView {
    let m = use_locale().meeting();
    let MeetingList { upcoming, past, can_create, .. } = list;
    let comparable = upcoming.len() + past.len() >= 2;
    view! {
        <div class="page-head">
            <div>
                <h1>{m.list_title}</h1>
                <p class="lead">{m.list_intro}</p>
                <p class="meeting-actions">
                    {can_create.then(|| view! { <a class="button" href="/meetings/new">{m.new_link}</a> })}
                    {comparable.then(|| view! { <A href="/meetings/compare">{m.compare_link}</A> })}
                </p>
            </div>
        </div>
        <section aria-labelledby="meetings-upcoming" data-section="upcoming">
            <h2 id="meetings-upcoming">{m.upcoming_heading}</h2>
            {if upcoming.is_empty() {
                view! { <p class="muted" data-empty>{m.empty_upcoming}</p> }.into_any()
            } else {
                view! { <MeetingTable rows=upcoming/> }.into_any()
            }}
        </section>
        <section aria-labelledby="meetings-past" data-section="past">
            <h2 id="meetings-past">{m.past_heading}</h2>
            {if past.is_empty() {
                view! { <p class="muted" data-empty>{m.empty_past}</p> }.into_any()
            } else {
                view! { <MeetingTable rows=past/> }.into_any()
            }}
        </section>
    }
}

#[component]
fn MeetingTable(rows: Vec<MeetingRow>) -> impl IntoView {
    let m = use_locale().meeting();
    view! {
        <table class="data-table stack meeting-table">
            <thead>
                <tr>
                    <th scope="col">{m.col_title}</th>
                    <th scope="col">{m.col_date}</th>
                    <th scope="col">{m.col_year}</th>
                    <th scope="col">{m.col_attendees}</th>
                    <th scope="col">{m.col_state}</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|row| view! {
                    <tr data-meeting=row.id>
                        <th scope="row"><A href=format!("/meetings/{}", row.id)>{row.title.clone()}</A></th>
                        <td data-label=m.col_date class="nowrap">{format_date(row.held_on)}</td>
                        <td data-label=m.col_year>{row.year}</td>
                        <td data-label=m.col_attendees>{row.attendees}</td>
                        <td data-label=m.col_state>{state_badge(row.state)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
