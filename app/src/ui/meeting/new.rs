//! `/meetings/new`: date, title, plan year and attendees (the steering
//! group ticked). Creating takes the snapshot, builds the agenda and opens
//! the new meeting's page.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use super::fields::{Input, Select};
use super::{use_hydrated, Outcome};
use crate::api::{get_new_meeting, AppError, CreateMeeting};
use crate::domain::MeetingForm;
use crate::ui::access::last_error;
use crate::ui::locale::use_locale;
use crate::ui::plan::form::{toggle_in, FormState};
use crate::ui::status::ErrorPage;
use crate::ui::use_texts;
use crate::views::NewMeeting;

#[component]
pub fn NewMeetingPage() -> impl IntoView {
    let t = use_texts();
    let m = use_locale().meeting();
    let data = Resource::new(|| (), |_| get_new_meeting());
    view! {
        <Title text=format!("{} – {}", m.new_title, t.app_name)/>
        <Transition fallback=move || view! { <p class="loading">{m.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <NewBody page/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn NewBody(page: NewMeeting) -> impl IntoView {
    let m = use_locale().meeting();
    let NewMeeting { people, years, year, psg, .. } = page;
    let create = ServerAction::<CreateMeeting>::new();
    let error = last_error(create.value());
    let initial = MeetingForm {
        held_on: String::new(),
        title: String::new(),
        year: year.map(|y| y.to_string()).unwrap_or_default(),
    };
    let state = FormState::new("meeting", initial, error);
    let chosen = RwSignal::new(psg);
    let hydrated = use_hydrated();
    let attendees_error = Signal::derive(move || match error.get() {
        Some(AppError::Validation { field, message }) if field == "attendees" => Some(m.field_error(&field, &message)),
        _ => None,
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if !state.try_submit() {
            return;
        }
        let f = state.form.get_untracked();
        create.dispatch(CreateMeeting {
            held_on: f.held_on,
            title: f.title,
            year: f.year,
            attendees: chosen.get_untracked(),
        });
    };
    let year_options: Vec<(String, String)> = years.iter().map(|y| (y.to_string(), y.to_string())).collect();
    view! {
        <p class="breadcrumb"><a href="/meetings">{m.list_title}</a></p>
        <div class="page-head"><div><h1>{m.new_title}</h1><p class="lead">{m.new_intro}</p></div></div>
        <form
            method="post"
            action=CreateMeeting::url()
            class="plan-form meeting-form"
            novalidate=move || hydrated.get()
            on:submit=on_submit
        >
            <Input state prefix="meeting" field="title" label=m.label_title hint=m.hint_title required=true/>
            <div class="field-row">
                <Input state prefix="meeting" field="held_on" label=m.label_held_on kind="date" required=true/>
                <Select state prefix="meeting" field="year" label=m.label_year options=year_options/>
            </div>
            <fieldset
                class="choices meeting-attendees"
                data-field="attendees"
                aria-invalid=move || attendees_error.get().map(|_| "true")
                aria-describedby="meeting-attendees-hint"
            >
                <legend>{m.legend_attendees}</legend>
                <p class="hint" id="meeting-attendees-hint">{m.hint_attendees}</p>
                {people.into_iter().map(|(id, name)| {
                    let checked = chosen.with_untracked(|c| c.contains(&id));
                    view! {
                        <label class="choice">
                            <input
                                type="checkbox"
                                name="attendees[]"
                                value=id
                                checked=checked
                                on:change=toggle_in(chosen, id)
                            />
                            {name}
                        </label>
                    }
                }).collect_view()}
                {move || attendees_error.get().map(|message| view! {
                    <p class="field-error" id="meeting-attendees-error">{message}</p>
                })}
            </fieldset>
            <div class="form-actions">
                <button type="submit" class="primary" disabled=move || create.pending().get()>{m.create_button}</button>
                <Outcome error reload="/meetings/new"/>
            </div>
        </form>
    }
}
