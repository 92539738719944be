//! The escalation register (001, 2.3.4): the list for everyone with the
//! steering group's questions on top, the form that raises a question,
//! and one question with who must act, its history and what may be done
//! with it next. Every form is a plain HTML form before hydration; after
//! it, fields are checked as typed.

mod detail;
mod forms;
mod list;
mod new;

pub use detail::EscalationDetailPage;
pub use list::EscalationsPage;
pub use new::NewEscalationPage;

use leptos::prelude::*;
use leptos_router::components::A;

use super::access::general_error;
use super::use_texts;
use crate::api::{get_escalation_summary, AppError};
use crate::domain::{EscalationState, EscalationStep};

/// After a change: what went wrong that belongs to no single field. A
/// stale change says so and offers a reload; field messages stand by
/// their fields.
#[component]
fn Outcome(error: Signal<Option<AppError>>, #[prop(into)] reload: String) -> impl IntoView {
    let t = use_texts();
    let e = t.escalation;
    view! {
        <p class="form-outcome" role="status" aria-live="polite">
            {move || match error.get() {
                None | Some(AppError::Validation { .. }) => None,
                Some(AppError::Stale { .. }) => Some(view! {
                    <span class="form-error" data-stale>{e.stale}" "<a href=reload.clone() rel="external">{e.reload}</a></span>
                }.into_any()),
                Some(AppError::Conflict { message }) => Some(view! {
                    <span class="form-error">{e.conflict(&message).unwrap_or(t.err_conflict)}</span>
                }.into_any()),
                Some(other) => Some(view! { <span class="form-error">{general_error(t, &other)}</span> }.into_any()),
            }}
        </p>
    }
}

/// "Steg 2", as a badge.
fn step_badge(step: EscalationStep) -> impl IntoView {
    let e = use_texts().escalation;
    view! {
        <span class=format!("badge escalation-step step-{}", step.number()) title=e.step(step)>
            {format!("{} {}", e.step_word, step.number())}
        </span>
    }
}

fn state_badge(state: EscalationState) -> impl IntoView {
    let e = use_texts().escalation;
    view! { <span class=format!("badge escalation-{}", state.key())>{e.state(state)}</span> }
}

fn overdue_badge() -> impl IntoView {
    let e = use_texts().escalation;
    view! { <span class="badge escalation-overdue" data-overdue>{e.overdue}</span> }
}

/// True once the wasm runs: forms then check their own fields.
fn use_hydrated() -> RwSignal<bool> {
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    hydrated
}

/// On the overview: how many questions are open, how many wait for the
/// steering group and how many are overdue, with a link to the list.
/// Nothing when none is open.
#[component]
pub fn OpenEscalations() -> impl IntoView {
    let t = use_texts();
    let e = t.escalation;
    let summary = OnceResource::new(get_escalation_summary());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let summary = summary.await.ok().filter(|s| s.open > 0)?;
                Some(view! {
                    <aside class="escalation-summary" aria-label=e.list_title data-open-escalations=summary.open>
                        <p>
                            <strong>{summary.open}</strong>" "{e.summary_open}
                            {(summary.at_steering_group > 0).then(|| view! {
                                ", "<strong>{summary.at_steering_group}</strong>" "{e.summary_psg}
                            })}
                            {(summary.overdue > 0).then(|| view! {
                                ", "<strong class="overdue-text">{summary.overdue}</strong>" "{e.summary_overdue}
                            })}
                            ". "<A href="/escalations">{e.summary_link}</A>
                        </p>
                    </aside>
                })
            })}
        </Suspense>
    }
}
