//! The contract register (001, 3.1.3): the overview with what must be
//! acted on now, the 36-month timeline, the list by next date and the
//! yearly cost per quarter; one contract with its dates, history and term
//! changes; and the register form. Every form is a plain HTML form before
//! hydration; after it, fields are checked as typed.

mod detail;
mod edit;
mod register;
/// Reminders in the app: "Mina påminnelser" and one contract's ledger.
pub mod reminders;
mod timeline;

pub use detail::ContractDetailPage;
pub use edit::{EditContractPage, NewContractPage};
pub use register::ContractsPage;

use leptos::prelude::*;

use crate::domain::ContractStatus;
use crate::ui::use_texts;

/// A contract's status as a badge.
fn status_badge(status: ContractStatus) -> impl IntoView {
    let c = use_texts().contract;
    view! { <span class=format!("badge contract-status status-{}", status.key()) data-status=status.key()>{c.status(status)}</span> }
}

/// An amount in kronor, the Swedish way.
fn kronor(amount: crate::domain::Money) -> String {
    crate::i18n::format_money(amount.value(), "kr")
}
