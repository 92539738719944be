//! `/objects/:code/plans/:year/new`: a new initiative in a plan year, with
//! the plan's tables following along as it is typed. Saving opens the new
//! initiative's page.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::fields::InitiativeFields;
use super::form::FormState;
use super::live::LiveBudget;
use super::{use_hydrated, Outcome, PlanHead};
use crate::api::{get_plan_editor, CreateInitiative};
use crate::domain::{Initiative, InitiativeForm, InitiativeStatus, MainActivity};
use crate::ui::access::last_error;
use crate::ui::status::ErrorPage;
use crate::ui::use_texts;
use crate::views::PlanEditor;

#[component]
pub fn NewInitiativePage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        let params = params.read();
        (params.get("code").unwrap_or_default(), params.get("year").and_then(|y| y.parse::<i32>().ok()))
    };
    let data = Resource::new(key, |(code, year)| get_plan_editor(code, year.unwrap_or_default()));
    // The main activity the link came from, if any.
    let activity = move || query.read().get("activity").and_then(|a| MainActivity::from_key(&a).ok());
    view! {
        <Title text=format!("{} – {}", t.new_initiative, t.app_name)/>
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(editor) => view! { <NewInitiative editor activity=activity()/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn NewInitiative(editor: PlanEditor, activity: Option<MainActivity>) -> impl IntoView {
    let t = use_texts();
    let PlanEditor { object, plan, initiatives, can_edit } = editor;
    if !can_edit {
        return view! {
            <PlanHead object plan=plan.clone() heading=t.new_initiative/>
            <p class="notice">{t.plan_locked}</p>
        }
        .into_any();
    }
    let create = ServerAction::<CreateInitiative>::new();
    let error = last_error(create.value());
    let initial = InitiativeForm {
        main_activity: activity.map(|a| a.key().to_owned()).unwrap_or_default(),
        ..Default::default()
    };
    let state = FormState::new("initiative", initial, error);
    let hydrated = use_hydrated();
    let blank = Initiative {
        id: 0,
        plan_year_id: plan.id,
        rank: i32::MAX,
        name: String::new(),
        main_activity: activity.unwrap_or(MainActivity::ChangeManagement),
        assignment_type: crate::domain::AssignmentType::Develop,
        priority: None,
        status: InitiativeStatus::NotStarted,
        business: Default::default(),
        it: Default::default(),
        scores: Default::default(),
        version: 0,
    };
    // Until the form is valid the tables show the plan as it stands.
    let edited = Memo::new(move |_| state.form.with(|f| f.check().ok()).map(|input| input.applied_to(&blank)));
    let plan_id = plan.id;
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if !state.try_submit() {
            return;
        }
        let f = state.form.get_untracked();
        create.dispatch(CreateInitiative {
            plan_year_id: plan_id,
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
    let settings = plan.settings;
    view! {
        <PlanHead object plan heading=t.new_initiative/>
        <form
            method="post"
            action=CreateInitiative::url()
            class="plan-form"
            novalidate=move || hydrated.get()
            on:submit=on_submit
        >
            <input type="hidden" name="plan_year_id" value=plan_id/>
            <InitiativeFields state/>
            <div class="form-actions">
                <button type="submit" class="primary" disabled=move || create.pending().get()>{t.create_initiative}</button>
                <Outcome error done=Signal::derive(|| false)/>
            </div>
        </form>
        {move || {
            let others = initiatives.clone();
            match edited.get() {
                Some(new) => view! { <LiveBudget settings=Signal::stored(settings) others edited=Signal::stored(new)/> }.into_any(),
                None => view! { <LiveBudget settings=Signal::stored(settings) others/> }.into_any(),
            }
        }}
    }
    .into_any()
}
