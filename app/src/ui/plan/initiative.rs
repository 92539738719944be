//! `/initiatives/:id`: one initiative. Its object's owners and leaders edit
//! it while the plan's tables follow along, or delete it; whoever may
//! report its status does so below, above the status history.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::components::ComponentsSection;
use super::conflict::{ConflictNotice, Stale};
use super::fields::{show_value, InitiativeFields};
use super::form::FormState;
use super::live::LiveBudget;
use super::outcome::OutcomeSection;
use super::status::StatusSection;
use super::{use_hydrated, Outcome};
use crate::api::{get_initiative_editor, AppError, DeleteInitiative, UpdateInitiative};
use crate::domain::{Initiative, InitiativeForm, PlanStatus, PlanYear};
use crate::ui::access::{last_error, succeeded};
use crate::ui::status::ErrorPage;
use crate::ui::tables::{hours, money};
use crate::ui::{title_text, use_texts};
use crate::views::InitiativeEditor;

#[component]
pub fn InitiativePage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|id| id.parse::<i64>().ok());
    let data = Resource::new(id, |id| async move {
        match id {
            Some(id) => get_initiative_editor(id).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(editor) => view! { <InitiativeBody editor/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn InitiativeBody(editor: InitiativeEditor) -> impl IntoView {
    let t = use_texts();
    let InitiativeEditor {
        initiative,
        plan,
        object,
        others,
        history,
        can_edit,
        can_report,
        today,
        outcome,
        can_record_outcome,
    } = editor;
    let plan_href = format!("/objects/{}?year={}", object.code, plan.year);
    let version = RwSignal::new(initiative.version);
    let title = RwSignal::new(initiative.name.clone());
    let locked = plan.status == PlanStatus::Approved;
    view! {
        <Title text=move || title_text(format!("{} – {}", title.get(), t.app_name))/>
        <p class="breadcrumb">
            <a href=plan_href.clone()>{format!("{} ({}) – {}", object.name, object.code, plan.year)}</a>
        </p>
        <div class="page-head">
            <div>
                <p class="eyebrow">{t.activity(initiative.main_activity)}</p>
                <h1>{move || title.get()}</h1>
            </div>
        </div>
        {locked.then(|| view! { <p class="notice" data-locked>{t.plan_locked}</p> })}
        {if can_edit {
            view! {
                <EditInitiative initiative=initiative.clone() plan=plan.clone() others version title/>
                <DeleteForm id=initiative.id version/>
            }
            .into_any()
        } else {
            view! { <Facts initiative=initiative.clone() plan=plan.clone()/> }.into_any()
        }}
        <ComponentsSection id=initiative.id/>
        <StatusSection id=initiative.id status=initiative.status history can_report today/>
        {can_record_outcome.then(|| view! { <OutcomeSection id=initiative.id outcome/> })}
        <p><a href=plan_href>{t.back_to_plan}</a></p>
    }
    .into_any()
}

/// What a reader sees instead of the form.
#[component]
fn Facts(initiative: Initiative, plan: PlanYear) -> impl IntoView {
    let t = use_texts();
    let s = plan.settings;
    view! {
        <dl class="facts">
            <div><dt>{t.col_assignment_type}</dt><dd>{t.assignment_type(initiative.assignment_type)}</dd></div>
            <div><dt>{t.col_priority}</dt><dd>{initiative.priority.map_or_else(|| "–".to_owned(), |p| p.to_string())}</dd></div>
            <div><dt>{t.label_business_hours}</dt><dd>{hours(initiative.business.hours.value())}</dd></div>
            <div><dt>{t.label_business_other}</dt><dd>{money(initiative.business.other.value())}</dd></div>
            <div><dt>{t.label_it_hours}</dt><dd>{hours(initiative.it.hours.value())}</dd></div>
            <div><dt>{t.label_it_other}</dt><dd>{money(initiative.it.other.value())}</dd></div>
            <div>
                <dt>{t.goal_cost}</dt>
                <dd>{money(initiative.business.cost(s.business_rate) + initiative.it.cost(s.it_rate))}</dd>
            </div>
        </dl>
    }
    .into_any()
}

#[component]
fn EditInitiative(
    initiative: Initiative,
    plan: PlanYear,
    others: Vec<Initiative>,
    version: RwSignal<i64>,
    title: RwSignal<String>,
) -> impl IntoView {
    let t = use_texts();
    let save = ServerAction::<UpdateInitiative>::new();
    let error = last_error(save.value());
    let state = FormState::new("initiative", InitiativeForm::of(&initiative), error);
    let opened = RwSignal::new(InitiativeForm::of(&initiative));
    let stale = RwSignal::new(super::catalog::stale_of(error.get_untracked()));
    let hydrated = use_hydrated();
    Effect::new(move |_| match save.value().get() {
        Some(Ok(stored)) => {
            version.set(stored.version);
            opened.set(InitiativeForm::of(&stored));
            title.set(stored.name);
        }
        Some(Err(AppError::Stale { version, current })) => stale.set(Some(Stale { version, stored: current })),
        _ => {}
    });
    let ok = succeeded(save.value());
    // "Saved" while the form still reads as it was sent.
    let sent = RwSignal::new(None::<InitiativeForm>);
    let done = Signal::derive(move || ok.get() && state.form.with(|f| sent.with(|s| s.as_ref() == Some(f))));
    let id = initiative.id;
    let base = initiative.clone();
    let edited = Memo::new(move |previous: Option<&Initiative>| {
        let now = state.form.with(|f| f.check().ok()).map(|input| input.applied_to(&base));
        now.or_else(|| previous.cloned()).unwrap_or_else(|| base.clone())
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if !state.try_submit() {
            return;
        }
        let f = state.form.get_untracked();
        sent.set(Some(f.clone()));
        save.dispatch(UpdateInitiative {
            id,
            version: version.get_untracked(),
            name: f.name,
            main_activity: f.main_activity,
            assignment_type: f.assignment_type,
            priority: f.priority,
            business_hours: f.business_hours,
            business_other: f.business_other,
            it_hours: f.it_hours,
            it_other: f.it_other,
        });
    };
    view! {
        <section class="editor" aria-labelledby="edit-heading">
            <h2 id="edit-heading">{t.edit_initiative}</h2>
            <ConflictNotice state stale version opened show=show_value/>
            <form
                method="post"
                action=UpdateInitiative::url()
                class="plan-form"
                novalidate=move || hydrated.get()
                on:submit=on_submit
            >
                <input type="hidden" name="id" value=id/>
                <input
                    type="hidden"
                    name="version"
                    value=initiative.version
                    prop:value=move || version.get().to_string()
                />
                <InitiativeFields state/>
                <div class="form-actions">
                    <button type="submit" class="primary" disabled=move || save.pending().get()>{t.save}</button>
                    <Outcome error done/>
                </div>
            </form>
        </section>
        <LiveBudget settings=Signal::stored(plan.settings) others edited=Signal::derive(move || edited.get())/>
    }
    .into_any()
}

/// Deleting asks once more after hydration; without wasm the plain form
/// deletes at once, as any form post does.
#[component]
fn DeleteForm(id: i64, version: RwSignal<i64>) -> impl IntoView {
    let t = use_texts();
    let delete = ServerAction::<DeleteInitiative>::new();
    let error = last_error(delete.value());
    let confirming = RwSignal::new(false);
    // The question replaces the button that asked it: focus follows.
    let yes = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if confirming.get() {
            if let Some(button) = yes.get() {
                let _ = button.focus();
            }
        }
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if confirming.get_untracked() {
            delete.dispatch(DeleteInitiative { id, version: version.get_untracked() });
        } else {
            confirming.set(true);
        }
    };
    view! {
        <form method="post" action=DeleteInitiative::url() class="delete-form" on:submit=on_submit>
            <input type="hidden" name="id" value=id/>
            <input type="hidden" name="version" value=version.get_untracked() prop:value=move || version.get().to_string()/>
            {move || if confirming.get() {
                view! {
                    <div class="confirm" role="alert">
                        <p>{t.delete_confirm}</p>
                        <button type="submit" class="danger" node_ref=yes>{t.delete_yes}</button>" "
                        <button type="button" on:click=move |_| confirming.set(false)>{t.cancel}</button>
                    </div>
                }
                .into_any()
            } else {
                view! { <button type="submit" class="danger">{t.delete_initiative}</button> }.into_any()
            }}
            <Outcome error done=Signal::derive(|| false)/>
        </form>
    }
    .into_any()
}
