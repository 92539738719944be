//! Editing an object's plan: an initiative (edit, delete, status reports),
//! a new initiative, and a plan year's settings. Each form works as a
//! plain HTML form before the wasm loads; after hydration its fields are
//! checked as they are typed and the plan's tables follow along.

mod catalog;
mod compare;
mod components;
mod conflict;
mod cycle;
mod fields;
pub(crate) mod form;
mod import;
mod initiative;
mod live;
mod new_initiative;
mod object_form;
mod outcome;
mod portfolio;
mod priority;
mod report;
mod settings;
mod status;
mod suppliers;
mod upload;

pub use catalog::CatalogPage;
pub use compare::ComparePage;
pub use cycle::{CycleSection, NextPlanPage};
pub use import::{ImportPage, ImportPreviewRoute};
pub use initiative::InitiativePage;
pub use new_initiative::NewInitiativePage;
pub use object_form::{EditObjectPage, NewObjectPage};
pub use portfolio::PortfolioPriorityPage;
pub use priority::PriorityPage;
pub use report::ReportPage;
pub use settings::SettingsPage;
pub use suppliers::SuppliersPage;

use leptos::prelude::*;

use super::access::general_error;
use super::use_texts;
use crate::api::AppError;
use crate::domain::PlanYear;
use crate::views::ObjectRef;

/// The plan a form belongs to, linked, above the form's heading.
#[component]
fn PlanHead(object: ObjectRef, plan: PlanYear, heading: &'static str) -> impl IntoView {
    let href = format!("/objects/{}?year={}", object.code, plan.year);
    view! {
        <p class="breadcrumb"><a href=href>{format!("{} ({}) – {}", object.name, object.code, plan.year)}</a></p>
        <div class="page-head"><div><h1>{heading}</h1></div></div>
    }
}

/// After a save: "saved", or what went wrong that belongs to no single
/// field (field messages stand by their fields; a conflict has its own
/// notice).
#[component]
fn Outcome(error: Signal<Option<AppError>>, done: Signal<bool>) -> impl IntoView {
    let t = use_texts();
    view! {
        <p class="form-outcome" role="status" aria-live="polite">
            {move || match error.get() {
                Some(AppError::Validation { .. } | AppError::Stale { .. }) => None,
                Some(other) => Some(view! { <span class="form-error">{general_error(t, &other)}</span> }.into_any()),
                None if done.get() => Some(view! { <span class="form-saved">{t.saved}</span> }.into_any()),
                None => None,
            }}
        </p>
    }
}

/// True once the wasm runs: forms then check their own fields instead of
/// leaving it to the browser.
fn use_hydrated() -> RwSignal<bool> {
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    hydrated
}
