//! `/objects/:code/plans/:year/settings`: a plan year's rates per hour and
//! hours per FTE, with the plan's tables worked out again as they change.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::conflict::{ConflictNotice, Stale};
use super::form::{FormState, TextField};
use super::live::LiveBudget;
use super::{use_hydrated, Outcome, PlanHead};
use crate::api::{get_plan_editor, AppError, UpdatePlanSettings};
use crate::domain::SettingsForm;
use crate::i18n::Texts;
use crate::ui::access::{last_error, succeeded};
use crate::ui::status::ErrorPage;
use crate::ui::use_texts;
use crate::views::PlanEditor;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let key = move || {
        let params = params.read();
        (params.get("code").unwrap_or_default(), params.get("year").and_then(|y| y.parse::<i32>().ok()))
    };
    let data = Resource::new(key, |(code, year)| get_plan_editor(code, year.unwrap_or_default()));
    view! {
        <Title text=format!("{} – {}", t.settings_title, t.app_name)/>
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(editor) => view! { <EditSettings editor/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

fn show_setting(_: &'static Texts, _: &str, value: &str) -> String {
    value.to_owned()
}

#[component]
fn EditSettings(editor: PlanEditor) -> impl IntoView {
    let t = use_texts();
    let PlanEditor { object, plan, initiatives, can_edit } = editor;
    if !can_edit {
        return view! {
            <PlanHead object plan=plan.clone() heading=t.settings_title/>
            <p class="notice">{t.plan_locked}</p>
        }
        .into_any();
    }
    let save = ServerAction::<UpdatePlanSettings>::new();
    let error = last_error(save.value());
    let state = FormState::new("settings", SettingsForm::of(&plan.settings), error);
    let opened = RwSignal::new(SettingsForm::of(&plan.settings));
    let version = RwSignal::new(plan.version);
    let stale = RwSignal::new(super::catalog::stale_of(error.get_untracked()));
    let hydrated = use_hydrated();
    Effect::new(move |_| match save.value().get() {
        Some(Ok(stored)) => {
            version.set(stored.version);
            opened.set(SettingsForm::of(&stored.settings));
        }
        Some(Err(AppError::Stale { version, current })) => stale.set(Some(Stale { version, stored: current })),
        _ => {}
    });
    let ok = succeeded(save.value());
    // "Saved" while the form still reads as it was sent.
    let sent = RwSignal::new(None::<SettingsForm>);
    let done = Signal::derive(move || ok.get() && state.form.with(|f| sent.with(|s| s.as_ref() == Some(f))));
    let stored_settings = plan.settings;
    let settings = Memo::new(move |previous: Option<&crate::domain::PlanSettings>| {
        state.form.with(|f| f.check().ok()).or_else(|| previous.copied()).unwrap_or(stored_settings)
    });
    let plan_id = plan.id;
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if !state.try_submit() {
            return;
        }
        let f = state.form.get_untracked();
        sent.set(Some(f.clone()));
        save.dispatch(UpdatePlanSettings {
            plan_year_id: plan_id,
            version: version.get_untracked(),
            business_rate: f.business_rate,
            it_rate: f.it_rate,
            hours_per_fte: f.hours_per_fte,
        });
    };
    view! {
        <PlanHead object plan=plan.clone() heading=t.settings_title/>
        <ConflictNotice state stale version opened show=show_setting/>
        <form
            method="post"
            action=UpdatePlanSettings::url()
            class="plan-form"
            novalidate=move || hydrated.get()
            on:submit=on_submit
        >
            <input type="hidden" name="plan_year_id" value=plan_id/>
            <input type="hidden" name="version" value=plan.version prop:value=move || version.get().to_string()/>
            <TextField state field="business_rate" label=t.label_business_rate hint=t.hint_rate numeric=true required=true/>
            <TextField state field="it_rate" label=t.label_it_rate hint=t.hint_rate numeric=true required=true/>
            <TextField state field="hours_per_fte" label=t.label_hours_per_fte hint=t.hint_hours numeric=true required=true/>
            <div class="form-actions">
                <button type="submit" class="primary" disabled=move || save.pending().get()>{t.save}</button>
                <Outcome error done/>
            </div>
        </form>
        <LiveBudget settings=Signal::derive(move || settings.get()) others=initiatives/>
    }
    .into_any()
}
