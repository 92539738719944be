//! The plan's place in its yearly cycle, on the object page: approve or
//! reopen it (object owners), and make next year's plan from it (owners
//! and leaders). `/objects/:code/plans/:year/next-year` picks the
//! initiatives that continue.

use leptos::prelude::*;
use leptos_meta::Title;

use super::PlanHead;
use crate::api::{get_plan_editor, ApprovePlan, ReopenPlan};
use crate::domain::{InitiativeStatus, PlanStatus, PlanYear};
use crate::ui::access::{last_error, FormOutcome};
use crate::ui::status::ErrorPage;
use crate::ui::use_texts;
use crate::views::PlanEditor;

/// Reloads the page once an action succeeded: the whole page shows the
/// plan's new state (locked or open).
fn reload_after<T: Clone + Send + Sync + 'static>(value: MappedSignal<Option<Result<T, crate::api::AppError>>>) {
    Effect::new(move |_| {
        if matches!(value.get(), Some(Ok(_))) {
            #[cfg(feature = "hydrate")]
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        }
    });
}

#[component]
pub fn CycleSection(plan: PlanYear, can_approve: bool, can_manage: bool, next_exists: bool) -> impl IntoView {
    let t = use_texts();
    let approve = ServerAction::<ApprovePlan>::new();
    let reopen = ServerAction::<ReopenPlan>::new();
    reload_after(approve.value());
    reload_after(reopen.value());
    let approve_error = last_error(approve.value());
    let reopen_error = last_error(reopen.value());
    let next = format!("/objects/{}/plans/{}/next-year", plan.object_code, plan.year);
    let status_action = can_approve.then(|| match plan.status {
        PlanStatus::Draft => view! {
            <ActionForm action=approve attr:class="cycle-action">
                <input type="hidden" name="plan_year_id" value=plan.id/>
                <input type="hidden" name="version" value=plan.version/>
                <button type="submit" class="primary">{t.approve_plan}</button>
                <p class="hint">{t.approve_hint}</p>
                <FormOutcome error=approve_error done=Signal::derive(|| false)/>
            </ActionForm>
        }
        .into_any(),
        PlanStatus::Approved => view! {
            <ActionForm action=reopen attr:class="cycle-action">
                <input type="hidden" name="plan_year_id" value=plan.id/>
                <input type="hidden" name="version" value=plan.version/>
                <button type="submit">{t.reopen_plan}</button>
                <p class="hint">{t.reopen_hint}</p>
                <FormOutcome error=reopen_error done=Signal::derive(|| false)/>
            </ActionForm>
        }
        .into_any(),
    });
    let next_link =
        (can_manage && !next_exists).then(|| view! { <p><a class="button" href=next>{t.next_plan_link}</a></p> });
    (can_approve || can_manage).then(|| {
        view! {
            <section class="cycle" aria-labelledby="cycle-heading" data-cycle>
                <h2 id="cycle-heading" class="small-heading">{t.cycle_heading}</h2>
                {status_action}
                {next_link}
            </section>
        }
    })
}

#[component]
pub fn NextPlanPage() -> impl IntoView {
    let t = use_texts();
    let params = leptos_router::hooks::use_params_map();
    let key = move || {
        let params = params.read();
        (params.get("code").unwrap_or_default(), params.get("year").and_then(|y| y.parse().ok()).unwrap_or_default())
    };
    let data = Resource::new(key, |(code, year)| get_plan_editor(code, year));
    view! {
        <Title text=format!("{} – {}", t.next_plan_title, t.app_name)/>
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(editor) => view! { <NextPlanForm editor/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// A plain form: it posts the ticked initiatives and the server answers
/// with the new plan's page, before and after hydration alike.
#[component]
fn NextPlanForm(editor: PlanEditor) -> impl IntoView {
    let t = use_texts();
    let PlanEditor { object, plan, mut initiatives, .. } = editor;
    initiatives.sort_by_key(|i| i.rank);
    let action = format!("/objects/{}/plans/{}/next", object.code, plan.year);
    let heading = t.next_plan_title;
    let next_year = plan.year + 1;
    view! {
        <PlanHead object plan heading/>
        <p>{t.next_plan_intro}</p>
        <form method="post" action=action class="plan-form next-plan">
            <fieldset>
                <legend>{format!("{} {next_year}", t.continues)}</legend>
                {initiatives.into_iter().map(|i| {
                    // Finished and stopped goals are left behind unless ticked.
                    let continues = !matches!(i.status, InitiativeStatus::Done | InitiativeStatus::Stopped);
                    let id = format!("keep-{}", i.id);
                    view! {
                        <div class="check">
                            <input type="checkbox" id=id.clone() name="keep" value=i.id checked=continues/>
                            <label for=id>
                                {i.name.clone()}
                                <span class="muted">" – "{t.activity(i.main_activity)}", "{t.initiative_status(i.status)}</span>
                            </label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <div class="form-actions">
                <button type="submit" class="primary">{format!("{} {next_year}", t.next_plan_create)}</button>
            </div>
        </form>
    }
    .into_any()
}
