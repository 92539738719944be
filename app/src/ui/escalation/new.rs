//! `/escalations/new`: raise a question at step 1. A link may fill it in:
//! `?objects=AKN,EHR&year=2021&initiatives=12,34&title=…` (the priority
//! page links here). Saving opens the new question's page.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::forms::Dated;
use super::{use_hydrated, Outcome};
use crate::api::{get_new_escalation, AppError, RaiseEscalation};
use crate::domain::{RaiseForm, ESCALATION_TEXT_MAX_CHARS};
use crate::ui::access::last_error;
use crate::ui::plan::form::{toggle_in, FormState, TextAreaField, TextField};
use crate::ui::status::ErrorPage;
use crate::ui::use_texts;
use crate::views::{split_list, NewEscalation};

/// What a link asked to fill in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Prefill {
    objects: Vec<String>,
    year: Option<String>,
    title: Option<String>,
}

#[component]
pub fn NewEscalationPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let initiatives = move || query.read().get("initiatives").unwrap_or_default();
    let data = Resource::new(initiatives, get_new_escalation);
    let prefill = move || {
        let q = query.read();
        Prefill {
            objects: split_list(&q.get("objects").unwrap_or_default()).into_iter().map(|c| c.to_uppercase()).collect(),
            year: q.get("year"),
            title: q.get("title"),
        }
    };
    view! {
        <Title text=format!("{} – {}", t.escalation.new_title, t.app_name)/>
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <RaiseBody page prefill=prefill()/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn RaiseBody(page: NewEscalation, prefill: Prefill) -> impl IntoView {
    let t = use_texts();
    let e = t.escalation;
    let NewEscalation { objects, initiatives, today } = page;
    let raise = ServerAction::<RaiseEscalation>::new();
    let error = last_error(raise.value());
    let initial = RaiseForm {
        year: prefill.year.unwrap_or_else(|| chrono::Datelike::year(&today).to_string()),
        title: prefill.title.unwrap_or_default(),
        description: String::new(),
        due_on: String::new(),
    };
    let state = FormState::new("raise", Dated { form: initial, today }, error);
    let known: Vec<String> = objects.iter().map(|o| o.code.clone()).collect();
    let chosen = RwSignal::new(prefill.objects.into_iter().filter(|c| known.contains(c)).collect::<Vec<String>>());
    let chosen_initiatives = RwSignal::new(initiatives.iter().map(|i| i.id).collect::<Vec<i64>>());
    let sent = RwSignal::new(false);
    let hydrated = use_hydrated();
    let objects_error = Signal::derive(move || {
        if sent.get() && chosen.with(Vec::is_empty) {
            return Some(t.field_error("objects", "required"));
        }
        match error.get() {
            Some(AppError::Validation { field, message }) if field == "objects" => {
                Some(t.field_error(&field, &message))
            }
            _ => None,
        }
    });
    let initiatives_error = Signal::derive(move || match error.get() {
        Some(AppError::Validation { field, message }) if field == "initiatives" => {
            Some(t.field_error(&field, &message))
        }
        _ => None,
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        sent.set(true);
        if !state.try_submit() || chosen.with_untracked(Vec::is_empty) {
            return;
        }
        let f = state.form.get_untracked().form;
        raise.dispatch(RaiseEscalation {
            year: f.year,
            title: f.title,
            description: f.description,
            due_on: f.due_on,
            objects: chosen.get_untracked(),
            initiatives: chosen_initiatives.get_untracked(),
        });
    };
    view! {
        <p class="breadcrumb"><a href="/escalations">{e.list_title}</a></p>
        <div class="page-head"><div><h1>{e.new_title}</h1><p class="lead">{e.new_intro}</p></div></div>
        <form
            method="post"
            action=RaiseEscalation::url()
            class="plan-form escalation-form"
            novalidate=move || hydrated.get()
            on:submit=on_submit
        >
            <TextField state field="title" label=e.label_title hint=e.hint_title required=true/>
            <TextAreaField state field="description" label=e.label_description rows=5 max_chars=ESCALATION_TEXT_MAX_CHARS/>
            <fieldset
                class="choices escalation-objects"
                data-field="objects"
                aria-invalid=move || objects_error.get().map(|_| "true")
                aria-describedby=move || objects_error.get().map(|_| "raise-objects-error")
            >
                <legend>{e.legend_objects}</legend>
                {objects.into_iter().map(|o| {
                    let code = o.code.clone();
                    let checked = chosen.with_untracked(|c| c.contains(&code));
                    view! {
                        <label class="choice">
                            <input
                                type="checkbox"
                                id=format!("raise-object-{}", o.code)
                                name="objects[]"
                                value=o.code.clone()
                                checked=checked
                                on:change=toggle_in(chosen, code)
                            />
                            <span class="code">{o.code}</span>" "{o.name}
                        </label>
                    }
                }).collect_view()}
                {move || objects_error.get().map(|message| view! {
                    <p class="field-error" id="raise-objects-error">{message}</p>
                })}
            </fieldset>
            {(!initiatives.is_empty()).then(|| view! {
                <fieldset class="choices" data-field="initiatives">
                    <legend>{e.legend_initiatives}</legend>
                    {initiatives.into_iter().map(|i| {
                        let id = i.id;
                        view! {
                            <label class="choice">
                                <input
                                    type="checkbox"
                                    name="initiatives[]"
                                    value=id
                                    checked=true
                                    on:change=toggle_in(chosen_initiatives, id)
                                />
                                <span class="code">{i.object_code}</span>" "{i.name}
                            </label>
                        }
                    }).collect_view()}
                    {move || initiatives_error.get().map(|message| view! { <p class="field-error">{message}</p> })}
                </fieldset>
            })}
            <div class="field-row">
                <TextField state field="year" label=e.label_year numeric=true required=true/>
                <TextField state field="due_on" label=e.label_due hint=e.hint_due input_type="date" required=true/>
            </div>
            <div class="form-actions">
                <button type="submit" class="primary" disabled=move || raise.pending().get()>{e.raise_button}</button>
                <Outcome error reload="/escalations/new"/>
            </div>
        </form>
    }
}
