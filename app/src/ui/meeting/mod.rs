//! The portfolio steering group's meetings: the list, the form for a new
//! meeting, one meeting with its agenda and decisions, its printable
//! protocol, and two meetings' snapshots compared. Every form is a plain
//! HTML form before hydration; after it, fields are checked as typed by
//! the same domain rules the server runs.

mod compare;
mod detail;
mod fields;
mod list;
mod new;
mod protocol;

pub use compare::CompareMeetingsPage;
pub use detail::MeetingDetailPage;
pub use list::MeetingsPage;
pub use new::NewMeetingPage;
pub use protocol::ProtocolPage;

use leptos::prelude::*;

use super::access::general_error;
use super::locale::use_locale;
use super::use_texts;
use crate::api::AppError;
use crate::domain::MeetingState;
use crate::i18n::{format_fte, format_hours, format_money};
use crate::views::KeyFigures;

/// After a change: what went wrong that belongs to no single field.
#[component]
fn Outcome(error: Signal<Option<AppError>>, #[prop(into)] reload: String) -> impl IntoView {
    let t = use_texts();
    let m = use_locale().meeting();
    view! {
        <p class="form-outcome" role="status" aria-live="polite">
            {move || match error.get() {
                None | Some(AppError::Validation { .. }) => None,
                Some(AppError::Conflict { message }) if message == "stale" => Some(view! {
                    <span class="form-error" data-stale>{m.stale}" "<a href=reload.clone() rel="external">{m.reload}</a></span>
                }.into_any()),
                Some(AppError::Conflict { message }) if message == "closed" => Some(view! {
                    <span class="form-error" data-closed>{m.closed_error}</span>
                }.into_any()),
                Some(AppError::Forbidden) => Some(view! { <span class="form-error">{m.err_forbidden}</span> }.into_any()),
                Some(other) => Some(view! { <span class="form-error">{general_error(t, &other)}</span> }.into_any()),
            }}
        </p>
    }
}

fn state_badge(state: MeetingState) -> impl IntoView {
    let m = use_locale().meeting();
    view! { <span class=format!("badge meeting-{}", state.key()) data-state=state.key()>{m.state(state)}</span> }
}

/// True once the wasm runs: forms then check their own fields.
fn use_hydrated() -> RwSignal<bool> {
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    hydrated
}

/// The snapshot's key figures as a row of cards.
#[component]
fn Figures(figures: KeyFigures) -> impl IntoView {
    let t = use_texts();
    let m = use_locale().meeting();
    let card = |label: &'static str, key: &'static str, value: String| {
        view! {
            <div class="kpi">
                <dt>{label}</dt>
                <dd data-kpi=key>{value}</dd>
            </div>
        }
    };
    view! {
        <dl class="kpis meeting-kpis">
            {card(m.kpi_budget, "budget", format_money(figures.total.amount, t.currency))}
            {card(m.kpi_hours, "hours", format_hours(figures.total.hours))}
            {card(m.kpi_fte, "fte", format_fte(figures.total.fte))}
            {card(m.kpi_initiatives, "initiatives", figures.initiatives.to_string())}
            {card(m.kpi_escalations, "escalations", figures.escalations.to_string())}
            {card(m.kpi_contracts, "contracts", figures.contracts.to_string())}
            {card(m.kpi_over_capacity, "over-capacity", figures.over_capacity.to_string())}
        </dl>
    }
}
