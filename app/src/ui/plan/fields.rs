//! An initiative's fields, as the new-initiative and edit pages show them,
//! and how a field's stored text reads to a person.

use leptos::prelude::*;

use super::form::{ChoiceField, FormState, TextField};
use crate::domain::{AssignmentType, InitiativeForm, MainActivity};
use crate::i18n::Texts;
use crate::ui::use_texts;

#[component]
pub fn InitiativeFields(state: FormState<InitiativeForm>) -> impl IntoView {
    let t = use_texts();
    let activities = MainActivity::ALL.iter().map(|&a| (a.key(), t.activity(a))).collect();
    let types = AssignmentType::ALL.iter().map(|&k| (k.key(), t.assignment_type(k))).collect();
    view! {
        <TextField state field="name" label=t.label_name required=true/>
        <div class="field-row">
            <ChoiceField state field="main_activity" label=t.col_main_activity options=activities/>
            <ChoiceField state field="assignment_type" label=t.col_assignment_type options=types/>
            <TextField state field="priority" label=t.col_priority hint=t.hint_priority numeric=true/>
        </div>
        <fieldset class="side">
            <legend>{t.side_business}</legend>
            <TextField state field="business_hours" label=t.label_business_hours hint=t.hint_hours numeric=true/>
            <TextField state field="business_other" label=t.label_business_other hint=t.hint_money numeric=true/>
        </fieldset>
        <fieldset class="side">
            <legend>{t.side_it}</legend>
            <TextField state field="it_hours" label=t.label_it_hours hint=t.hint_hours numeric=true/>
            <TextField state field="it_other" label=t.label_it_other hint=t.hint_money numeric=true/>
        </fieldset>
    }
    .into_any()
}

/// A field's text as the form shows it: choices by their label, blanks
/// as a dash.
pub fn show_value(t: &'static Texts, field: &str, value: &str) -> String {
    let label = match field {
        "main_activity" => MainActivity::from_key(value).ok().map(|a| t.activity(a)),
        "assignment_type" => AssignmentType::from_key(value).ok().map(|k| t.assignment_type(k)),
        _ => None,
    };
    match label {
        Some(label) => label.to_owned(),
        None if value.trim().is_empty() => "–".to_owned(),
        None => value.to_owned(),
    }
}
