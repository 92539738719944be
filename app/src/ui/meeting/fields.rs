//! The meeting forms as the shared form state sees them, and their fields:
//! labelled inputs whose messages come from the meeting texts (the same
//! domain checks the server runs decide them).

use leptos::prelude::*;

use crate::domain::{AgendaItemForm, DecisionForm, FieldProblem, MeetingForm};
use crate::ui::locale::use_locale;
use crate::ui::plan::form::{EditForm, FormState};

fn problems<T>(result: Result<T, Vec<FieldProblem>>) -> Vec<FieldProblem> {
    result.err().unwrap_or_default()
}

impl EditForm for MeetingForm {
    fn value(&self, field: &str) -> String {
        match field {
            "held_on" => self.held_on.clone(),
            "title" => self.title.clone(),
            "year" => self.year.clone(),
            _ => String::new(),
        }
    }

    fn set(&mut self, field: &str, value: String) {
        match field {
            "held_on" => self.held_on = value,
            "title" => self.title = value,
            "year" => self.year = value,
            _ => {}
        }
    }

    fn problems(&self) -> Vec<FieldProblem> {
        // The attendees are ticked boxes, checked by the server.
        problems(self.check(&[]))
    }
}

impl EditForm for AgendaItemForm {
    fn value(&self, field: &str) -> String {
        match field {
            "title" => self.title.clone(),
            "detail" => self.detail.clone(),
            _ => String::new(),
        }
    }

    fn set(&mut self, field: &str, value: String) {
        match field {
            "title" => self.title = value,
            "detail" => self.detail = value,
            _ => {}
        }
    }

    fn problems(&self) -> Vec<FieldProblem> {
        problems(self.check())
    }
}

impl EditForm for DecisionForm {
    fn value(&self, field: &str) -> String {
        if field == "decision" {
            self.decision.clone()
        } else {
            String::new()
        }
    }

    fn set(&mut self, field: &str, value: String) {
        if field == "decision" {
            self.decision = value;
        }
    }

    fn problems(&self) -> Vec<FieldProblem> {
        problems(self.check())
    }
}

/// The message under a field, by its code.
fn message(field: &'static str, code: String) -> &'static str {
    use_locale().meeting().field_error(field, &code)
}

/// A labelled input (`kind`: text or date) with its hint and message.
#[component]
pub fn Input<F: EditForm>(
    state: FormState<F>,
    /// Unique on the page: prefixes the element ids.
    #[prop(into)]
    prefix: String,
    field: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let id = format!("{prefix}-{field}");
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let initial = state.form.with_untracked(|f| f.value(field));
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids: Vec<String> = hint.map(|_| hint_id.clone()).into_iter().collect();
            ids.extend(state.problem(field).map(|_| error_id.clone()));
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" data-field=field>
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=field
                type=kind
                autocomplete="off"
                required=required
                value=initial
                prop:value=move || state.get(field)
                aria-invalid=move || state.problem(field).map(|_| "true")
                aria-describedby=described
                on:input=move |ev| state.input(field, event_target_value(&ev))
            />
            {hint.map(|text| view! { <p class="hint" id=hint_id>{text}</p> })}
            {move || state.problem(field).map(|code| view! {
                <p class="field-error" id=error_id.clone()>{message(field, code)}</p>
            })}
        </div>
    }
    .into_any()
}

/// A labelled choice among `options` (value, text), with its message.
#[component]
pub fn Select<F: EditForm>(
    state: FormState<F>,
    #[prop(into)] prefix: String,
    field: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
) -> impl IntoView {
    let id = format!("{prefix}-{field}");
    let error_id = format!("{id}-error");
    let initial = state.form.with_untracked(|f| f.value(field));
    let described = {
        let error_id = error_id.clone();
        move || state.problem(field).map(|_| error_id.clone())
    };
    view! {
        <div class="field" data-field=field>
            <label for=id.clone()>{label}</label>
            <select
                id=id
                name=field
                prop:value=move || state.get(field)
                aria-invalid=move || state.problem(field).map(|_| "true")
                aria-describedby=described
                on:change=move |ev| state.input(field, event_target_value(&ev))
            >
                {options.into_iter().map(|(value, text)| {
                    let selected = value == initial;
                    view! { <option value=value selected=selected>{text}</option> }
                }).collect_view()}
            </select>
            {move || state.problem(field).map(|code| view! {
                <p class="field-error" id=error_id.clone()>{message(field, code)}</p>
            })}
        </div>
    }
    .into_any()
}

/// A labelled multi-line text with its message. The server writes the
/// text as the textarea's content escaped by hand (tachys writes textarea
/// children unescaped); after that the value follows the form.
#[component]
pub fn TextArea<F: EditForm>(
    state: FormState<F>,
    #[prop(into)] prefix: String,
    field: &'static str,
    label: &'static str,
    #[prop(default = 3)] rows: u32,
    max_chars: usize,
) -> impl IntoView {
    let id = format!("{prefix}-{field}");
    let error_id = format!("{id}-error");
    let initial = crate::ui::title_text(state.form.with_untracked(|f| f.value(field)));
    let described = {
        let error_id = error_id.clone();
        move || state.problem(field).map(|_| error_id.clone())
    };
    view! {
        <div class="field" data-field=field>
            <label for=id.clone()>{label}</label>
            <textarea
                id=id
                name=field
                rows=rows.to_string()
                maxlength=max_chars.to_string()
                prop:value=move || state.get(field)
                aria-invalid=move || state.problem(field).map(|_| "true")
                aria-describedby=described
                on:input=move |ev| state.input(field, event_target_value(&ev))
            >{initial}</textarea>
            {move || state.problem(field).map(|code| view! {
                <p class="field-error" id=error_id.clone()>{message(field, code)}</p>
            })}
        </div>
    }
    .into_any()
}
