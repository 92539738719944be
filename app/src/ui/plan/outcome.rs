//! An initiative's outcome on its page: what it actually took, recorded by
//! the object's managers for the object report, approved plan or not.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::form::{EditForm, FormState, TextField};
use super::Outcome as Saved;
use crate::api::RecordOutcome;
use crate::domain::{FieldProblem, OutcomeForm};
use crate::ui::access::{last_error, succeeded};
use crate::ui::use_texts;

impl EditForm for OutcomeForm {
    fn value(&self, field: &str) -> String {
        match field {
            "business_hours" => self.business_hours.clone(),
            "business_other" => self.business_other.clone(),
            "it_hours" => self.it_hours.clone(),
            "it_other" => self.it_other.clone(),
            _ => String::new(),
        }
    }

    fn set(&mut self, field: &str, value: String) {
        let slot = match field {
            "business_hours" => &mut self.business_hours,
            "business_other" => &mut self.business_other,
            "it_hours" => &mut self.it_hours,
            "it_other" => &mut self.it_other,
            _ => return,
        };
        *slot = value;
    }

    fn problems(&self) -> Vec<FieldProblem> {
        self.check().err().unwrap_or_default()
    }
}

#[component]
pub fn OutcomeSection(id: i64, outcome: Option<crate::domain::Outcome>) -> impl IntoView {
    let t = use_texts();
    let save = ServerAction::<RecordOutcome>::new();
    let error = last_error(save.value());
    let initial = outcome.as_ref().map(OutcomeForm::of).unwrap_or_default();
    let state = FormState::new("outcome", initial, error);
    let sent = RwSignal::new(None::<OutcomeForm>);
    let ok = succeeded(save.value());
    let done = Signal::derive(move || ok.get() && state.form.with(|f| sent.with(|s| s.as_ref() == Some(f))));
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if !state.try_submit() {
            return;
        }
        let f = state.form.get_untracked();
        sent.set(Some(f.clone()));
        save.dispatch(RecordOutcome {
            id,
            business_hours: f.business_hours,
            business_other: f.business_other,
            it_hours: f.it_hours,
            it_other: f.it_other,
        });
    };
    view! {
        <section class="outcome" aria-labelledby="outcome-heading">
            <h2 id="outcome-heading">{t.outcome_heading}</h2>
            <p class="hint">{t.outcome_intro}</p>
            <form method="post" action=RecordOutcome::url() class="plan-form" novalidate on:submit=on_submit>
                <input type="hidden" name="id" value=id/>
                <fieldset class="side">
                    <legend>{t.side_business}</legend>
                    <TextField state field="business_hours" label=t.outcome_business_hours hint=t.hint_hours numeric=true/>
                    <TextField state field="business_other" label=t.outcome_business_other hint=t.hint_money numeric=true/>
                </fieldset>
                <fieldset class="side">
                    <legend>{t.side_it}</legend>
                    <TextField state field="it_hours" label=t.outcome_it_hours hint=t.hint_hours numeric=true/>
                    <TextField state field="it_other" label=t.outcome_it_other hint=t.hint_money numeric=true/>
                </fieldset>
                <div class="form-actions">
                    <button type="submit" class="primary" disabled=move || save.pending().get()>{t.outcome_save}</button>
                    <Saved error done/>
                </div>
            </form>
        </section>
    }
    .into_any()
}
