//! `/escalations/:id`: one question. Where it stands in the escalation
//! order, the objects and initiatives in conflict, who must act by when,
//! the decision once taken, its history, and the forms for what the
//! person may do next: raise it to the next step, record the decision,
//! or withdraw it. The page reloads its data after each change.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::forms::Dated;
use super::{overdue_badge, state_badge, step_badge, use_hydrated, Outcome};
use crate::api::{get_escalation, AppError, DecideEscalation, EscalateEscalation, WithdrawEscalation};
use crate::domain::{
    DecideForm, EscalateForm, Escalation, EscalationEvent, EscalationState, EscalationStep, WithdrawForm,
    ESCALATION_TEXT_MAX_CHARS,
};
use crate::ui::access::{after_success, last_error, succeeded, Changed};
use crate::ui::plan::form::{FormState, TextAreaField, TextField};
use crate::ui::status::ErrorPage;
use crate::ui::{title_text, use_texts};
use crate::views::{Actor, EscalationPage};

#[component]
pub fn EscalationDetailPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let counter = RwSignal::new(0_u32);
    provide_context(Changed(counter));
    let id = move || params.read().get("id").and_then(|id| id.parse::<i64>().ok());
    let data = Resource::new(
        move || (id(), counter.get()),
        |(id, _)| async move {
            match id {
                Some(id) => get_escalation(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <Detail page/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Detail(page: EscalationPage) -> impl IntoView {
    let t = use_texts();
    let e = t.escalation;
    let EscalationPage { escalation, actors, history, can_escalate, can_decide, can_withdraw, overdue, today } = page;
    let open = escalation.state == EscalationState::Open;
    let title = title_text(format!("{} – {} – {}", escalation.title, e.list_title, t.app_name));
    let href = format!("/escalations/{}", escalation.id);
    // Others act at this step (the raiser may still withdraw).
    let acts = can_escalate || can_decide;
    view! {
        <Title text=title/>
        <p class="breadcrumb"><a href="/escalations">{e.list_title}</a></p>
        <div class="page-head">
            <div>
                <p class="eyebrow">{format!("{} {}", e.col_year, escalation.year)}</p>
                <h1>{escalation.title.clone()}</h1>
                <p class="escalation-badges">
                    {state_badge(escalation.state)}" "
                    {open.then(|| step_badge(escalation.step))}" "
                    {overdue.then(overdue_badge)}
                </p>
            </div>
        </div>
        <Steps step=escalation.step state=escalation.state/>
        <Facts escalation=escalation.clone() actors/>
        {(escalation.state == EscalationState::Decided).then(|| view! { <Decision escalation=escalation.clone()/> })}
        {(escalation.state == EscalationState::Withdrawn).then(|| view! {
            <p class="notice" data-closed>{e.withdrawn_notice}</p>
        })}
        {(open && !acts).then(|| view! { <p class="notice" data-read-only>{e.read_only}</p> })}
        {can_escalate.then(|| view! { <EscalateSection escalation=escalation.clone() today href=href.clone()/> })}
        {can_decide.then(|| view! { <DecideSection escalation=escalation.clone() href=href.clone()/> })}
        {can_withdraw.then(|| view! { <WithdrawSection escalation=escalation.clone() href=href.clone()/> })}
        <History events=history/>
    }
}

/// The escalation order with this question's step marked.
#[component]
fn Steps(step: EscalationStep, state: EscalationState) -> impl IntoView {
    let e = use_texts().escalation;
    view! {
        <section aria-labelledby="escalation-steps">
            <h2 id="escalation-steps" class="visually-hidden">{e.steps_heading}</h2>
            <ol class="escalation-steps" aria-label=e.steps_heading>
                {EscalationStep::ALL.into_iter().map(|s| {
                    let current = s == step;
                    let class = if current { "current" } else if s < step { "done" } else { "" };
                    view! {
                        <li class=class aria-current=(current && state == EscalationState::Open).then_some("step") data-step=s.number()>
                            <span class="step-number">{s.number()}</span>
                            <span>{e.step(s)}</span>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn Facts(escalation: Escalation, actors: Vec<Actor>) -> impl IntoView {
    let t = use_texts();
    let e = t.escalation;
    let open = escalation.state == EscalationState::Open;
    let year = escalation.year;
    let who = if !open {
        None
    } else if escalation.step == EscalationStep::SteeringGroup {
        Some(view! { <span>{e.psg_acts}</span> }.into_any())
    } else if actors.is_empty() {
        Some(view! { <span class="muted">{e.no_actors}</span> }.into_any())
    } else {
        Some(
            view! {
                <ul class="plain-list" data-actors>
                    {actors.into_iter().map(|a| view! {
                        <li>{a.name}" "<span class="muted">{format!("({}, {})", t.role(a.role), a.object_code)}</span></li>
                    }).collect_view()}
                </ul>
            }
            .into_any(),
        )
    };
    view! {
        <dl class="facts escalation-facts">
            <div>
                <dt>{e.col_objects}</dt>
                <dd data-objects>
                    {escalation.objects.iter().enumerate().map(|(index, o)| view! {
                        {(index > 0).then_some(", ")}
                        <a href=format!("/objects/{}?year={year}", o.code) title=o.name.clone()>{o.code.clone()}</a>
                    }).collect_view()}
                </dd>
            </div>
            {who.map(|who| view! { <div><dt>{e.who_heading}</dt><dd>{who}</dd></div> })}
            {open.then(|| view! { <div><dt>{e.col_due}</dt><dd data-due>{escalation.due_on.to_string()}</dd></div> })}
            <div>
                <dt>{e.raised_by}</dt>
                <dd>
                    {escalation.raised_by_name.clone().unwrap_or_else(|| t.system_actor.to_owned())}
                    " "<span class="muted nowrap">{escalation.raised_at.format("%Y-%m-%d").to_string()}</span>
                </dd>
            </div>
        </dl>
        {(!escalation.description.is_empty()).then(|| view! {
            <p class="escalation-description">{escalation.description.clone()}</p>
        })}
        {(!escalation.initiatives.is_empty()).then(|| view! {
            <section aria-labelledby="escalation-initiatives">
                <h2 id="escalation-initiatives">{e.initiatives_heading}</h2>
                <ul class="plain-list">
                    {escalation.initiatives.iter().map(|i| view! {
                        <li><span class="code">{i.object_code.clone()}</span>" "<a href=format!("/initiatives/{}", i.id)>{i.name.clone()}</a></li>
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}

#[component]
fn Decision(escalation: Escalation) -> impl IntoView {
    let e = use_texts().escalation;
    view! {
        <section class="escalation-decision" aria-labelledby="escalation-decision" data-decision>
            <h2 id="escalation-decision">{e.decision_heading}</h2>
            <p class="escalation-description" data-decision-text>{escalation.decision.clone()}</p>
            <h3>{e.label_rationale}</h3>
            <p class="escalation-description" data-rationale>{escalation.rationale.clone()}</p>
            <p class="muted">
                {e.decided_by}" "{escalation.decided_by_name.clone().unwrap_or_default()}" "
                {escalation.decided_at.map(|at| at.format("%Y-%m-%d").to_string())}
            </p>
        </section>
    }
}

#[component]
fn EscalateSection(escalation: Escalation, today: chrono::NaiveDate, href: String) -> impl IntoView {
    let e = use_texts().escalation;
    let action = ServerAction::<EscalateEscalation>::new();
    let error = last_error(action.value());
    after_success(succeeded(action.value()));
    let state = FormState::new("escalate", Dated { form: EscalateForm::default(), today }, error);
    let hydrated = use_hydrated();
    let (id, version) = (escalation.id, escalation.version);
    let next = escalation.step.next().unwrap_or(EscalationStep::SteeringGroup);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if !state.try_submit() {
            return;
        }
        let f = state.form.get_untracked().form;
        action.dispatch(EscalateEscalation { id, version, note: f.note, due_on: f.due_on });
    };
    view! {
        <section class="escalation-action" aria-labelledby="escalate-heading" data-action="escalate">
            <h2 id="escalate-heading">{e.escalate_heading}": "{format!("{} {}", e.step_word, next.number())}</h2>
            <p class="hint">{e.escalate_intro}" ("{e.step(next)}")"</p>
            <form method="post" action=EscalateEscalation::url() class="plan-form" novalidate=move || hydrated.get() on:submit=on_submit>
                <input type="hidden" name="id" value=id/>
                <input type="hidden" name="version" value=version/>
                <TextAreaField state field="note" label=e.label_note max_chars=ESCALATION_TEXT_MAX_CHARS/>
                <TextField state field="due_on" label=e.new_due hint=e.hint_due input_type="date" required=true/>
                <div class="form-actions">
                    <button type="submit" class="primary" disabled=move || action.pending().get()>{e.escalate_button}</button>
                    <Outcome error reload=href/>
                </div>
            </form>
        </section>
    }
}

#[component]
fn DecideSection(escalation: Escalation, href: String) -> impl IntoView {
    let e = use_texts().escalation;
    let action = ServerAction::<DecideEscalation>::new();
    let error = last_error(action.value());
    after_success(succeeded(action.value()));
    let state = FormState::new("decide", DecideForm::default(), error);
    let hydrated = use_hydrated();
    let (id, version) = (escalation.id, escalation.version);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if !state.try_submit() {
            return;
        }
        let f = state.form.get_untracked();
        action.dispatch(DecideEscalation { id, version, decision: f.decision, rationale: f.rationale });
    };
    let intro = if escalation.step == EscalationStep::SteeringGroup { e.decide_intro_psg } else { e.decide_intro };
    view! {
        <section class="escalation-action" aria-labelledby="decide-heading" data-action="decide">
            <h2 id="decide-heading">{e.decide_heading}</h2>
            <p class="hint">{intro}</p>
            <form method="post" action=DecideEscalation::url() class="plan-form" novalidate=move || hydrated.get() on:submit=on_submit>
                <input type="hidden" name="id" value=id/>
                <input type="hidden" name="version" value=version/>
                <TextAreaField state field="decision" label=e.label_decision max_chars=ESCALATION_TEXT_MAX_CHARS/>
                <TextAreaField state field="rationale" label=e.label_rationale max_chars=ESCALATION_TEXT_MAX_CHARS/>
                <div class="form-actions">
                    <button type="submit" class="primary" disabled=move || action.pending().get()>{e.decide_button}</button>
                    <Outcome error reload=href/>
                </div>
            </form>
        </section>
    }
}

/// Withdrawing asks once more after hydration; without wasm the plain
/// form sends at once.
#[component]
fn WithdrawSection(escalation: Escalation, href: String) -> impl IntoView {
    let t = use_texts();
    let e = t.escalation;
    let action = ServerAction::<WithdrawEscalation>::new();
    let error = last_error(action.value());
    after_success(succeeded(action.value()));
    let state = FormState::new("withdraw", WithdrawForm::default(), error);
    let confirming = RwSignal::new(false);
    let (id, version) = (escalation.id, escalation.version);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if !state.try_submit() {
            return;
        }
        if !confirming.get_untracked() {
            confirming.set(true);
            return;
        }
        confirming.set(false);
        let note = state.form.get_untracked().note;
        action.dispatch(WithdrawEscalation { id, version, note });
    };
    view! {
        <details class="escalation-action" data-action="withdraw">
            <summary>{e.withdraw_heading}</summary>
            <form method="post" action=WithdrawEscalation::url() class="plan-form" on:submit=on_submit>
                <input type="hidden" name="id" value=id/>
                <input type="hidden" name="version" value=version/>
                <TextAreaField state field="note" label=e.label_withdraw_note max_chars=ESCALATION_TEXT_MAX_CHARS/>
                <div class="form-actions">
                    {move || if confirming.get() {
                        view! {
                            <div class="confirm" role="alert">
                                <p>{e.withdraw_confirm}</p>
                                <button type="submit" class="danger">{e.withdraw_button}</button>" "
                                <button type="button" on:click=move |_| confirming.set(false)>{t.cancel}</button>
                            </div>
                        }
                        .into_any()
                    } else {
                        view! {
                            <button type="submit" class="danger" disabled=move || action.pending().get()>{e.withdraw_button}</button>
                        }
                        .into_any()
                    }}
                    <Outcome error reload=href/>
                </div>
            </form>
        </details>
    }
}

#[component]
fn History(events: Vec<EscalationEvent>) -> impl IntoView {
    let t = use_texts();
    let e = t.escalation;
    view! {
        <section aria-labelledby="escalation-history">
            <h2 id="escalation-history">{e.history_heading}</h2>
            <ol class="escalation-history">
                <For each=move || events.clone() key=|event| event.id let:event>
                    <li data-event=event.kind.key()>
                        <span class="muted nowrap">{event.at.format("%Y-%m-%d %H:%M").to_string()}</span>" "
                        <strong>
                            {e.event(event.kind)}
                            {(event.kind == crate::domain::EscalationEventKind::Escalated).then(|| format!(" {}", event.step.number()))}
                        </strong>
                        " – "{event.actor_name.clone().unwrap_or_else(|| t.system_actor.to_owned())}
                        {event.due_on.map(|d| view! { <span class="muted">" · "{e.col_due}" "{d.to_string()}</span> })}
                        {(!event.note.is_empty()).then(|| view! { <p class="escalation-description">{event.note.clone()}</p> })}
                    </li>
                </For>
            </ol>
        </section>
    }
}
