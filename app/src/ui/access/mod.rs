//! Pages about people and access: sign-in, the person's own account and
//! API tokens, people and roles (administrators), and the audit trail.

mod account;
mod audit;
mod people;
mod sign_in;

pub use account::AccountPage;
pub use audit::AuditPage;
pub use people::PeoplePage;
pub use sign_in::SignInPage;

use leptos::prelude::*;

use super::use_texts;
use crate::api::AppError;
use crate::i18n::Texts;

/// A validation message next to its field, in the reader's language. The
/// field's input points at it with `aria-describedby` (see [`described`]).
#[component]
pub fn FieldError(error: Signal<Option<AppError>>, field: &'static str, form: &'static str) -> impl IntoView {
    let t = use_texts();
    move || match error.get() {
        Some(AppError::Validation { field: f, message }) if f == field => Some(view! {
            <p class="field-error" id=error_id(form, field)>
                {t.field_error(&f, &message)}
            </p>
        }),
        _ => None,
    }
}

pub fn error_id(form: &str, field: &str) -> String {
    format!("{form}-{field}-error")
}

/// Whether the last error is about `field`: for `aria-invalid`.
pub fn invalid(error: Signal<Option<AppError>>, field: &'static str) -> impl Fn() -> Option<&'static str> {
    move || matches!(error.get(), Some(AppError::Validation { field: f, .. }) if f == field).then_some("true")
}

/// `aria-describedby` pointing at the field's message while it has one.
pub fn described(
    error: Signal<Option<AppError>>,
    form: &'static str,
    field: &'static str,
) -> impl Fn() -> Option<String> {
    move || {
        matches!(error.get(), Some(AppError::Validation { field: f, .. }) if f == field).then(|| error_id(form, field))
    }
}

/// What a form says after it ran: "saved", or an error that belongs to no
/// single field.
#[component]
pub fn FormOutcome(error: Signal<Option<AppError>>, done: Signal<bool>) -> impl IntoView {
    let t = use_texts();
    view! {
        <p class="form-outcome" role="status" aria-live="polite">
            {move || match error.get() {
                Some(AppError::Validation { .. }) => None,
                Some(other) => Some(view! { <span class="form-error">{general_error(t, &other)}</span> }.into_any()),
                None if done.get() => Some(view! { <span class="form-saved">{t.saved}</span> }.into_any()),
                None => None,
            }}
        </p>
    }
}

pub fn general_error(t: &'static Texts, error: &AppError) -> &'static str {
    match error {
        AppError::Unauthorized => t.err_unauthorized,
        AppError::Forbidden => t.err_forbidden,
        AppError::Conflict { message } if message == "locked" => t.plan_locked,
        AppError::Conflict { message } if message == "in_use" => t.supplier_in_use,
        AppError::Conflict { .. } | AppError::Stale { .. } => t.err_conflict,
        AppError::NotFound => t.not_found_body,
        AppError::Validation { field, message } => t.field_error(field, message),
        AppError::BadRequest { .. } | AppError::Internal => t.err_failed,
    }
}

/// The error of an action's last run, if it failed.
pub fn last_error<T>(value: MappedSignal<Option<Result<T, AppError>>>) -> Signal<Option<AppError>>
where
    T: Clone + Send + Sync + 'static,
{
    Signal::derive(move || value.get().and_then(Result::err))
}

/// Bumped after every saved change: a page keys its data on the counter
/// and reloads it.
#[derive(Clone, Copy)]
pub struct Changed(pub RwSignal<u32>);

/// Tells the page (its [`Changed`] counter) that a change was saved.
pub fn changed() {
    if let Some(Changed(counter)) = use_context::<Changed>() {
        counter.update(|n| *n += 1);
    }
}

/// Tells the page each time `done` turns true (an action succeeded).
pub fn after_success(done: Signal<bool>) {
    let page = use_context::<Changed>();
    Effect::new(move |_| {
        if done.get() {
            if let Some(Changed(counter)) = page {
                counter.update(|n| *n += 1);
            }
        }
    });
}

/// Whether the action's last run succeeded.
pub fn succeeded<T>(value: MappedSignal<Option<Result<T, AppError>>>) -> Signal<bool>
where
    T: Clone + Send + Sync + 'static,
{
    Signal::derive(move || matches!(value.get(), Some(Ok(_))))
}
