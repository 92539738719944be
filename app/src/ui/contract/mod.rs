//! The contract register (001, 3.1.3): the overview with what must be
//! acted on now, the 36-month timeline, the list by next date and the
//! yearly cost per quarter; one contract with its dates, history and term
//! changes; and the register form. Every form is a plain HTML form before
//! hydration; after it, fields are checked as typed.

/// Calendar feeds of contract deadlines (the person's own feeds).
pub mod calendar;
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

/// On the overview: how many contracts must be acted on now, whose notice
/// deadline has passed and which come within a year, with links to the
/// filtered register. Nothing when none needs attention.
#[component]
pub fn ContractAttention() -> impl IntoView {
    let c = use_texts().contract;
    let summary = OnceResource::new(crate::api::get_contract_summary());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let s = summary.await.ok().filter(|s| s.act_now + s.notice_passed + s.within_12_months > 0)?;
                let part = |n: usize, status: ContractStatus| (n > 0).then(|| view! {
                    <li>
                        <a href=format!("/contracts?status={}", status.key())>
                            <strong>{n}</strong>" "{c.status(status).to_lowercase()}
                        </a>
                    </li>
                });
                Some(view! {
                    <aside class="contract-summary" aria-label=c.summary_label data-contract-summary>
                        <p>{c.summary_intro}</p>
                        <ul class="chips">
                            {part(s.act_now, ContractStatus::ActNow)}
                            {part(s.notice_passed, ContractStatus::NoticePassed)}
                            {part(s.within_12_months, ContractStatus::Within12Months)}
                        </ul>
                    </aside>
                })
            })}
        </Suspense>
    }
}

/// A contract's status as a badge.
pub(crate) fn status_badge(status: ContractStatus) -> impl IntoView {
    let c = use_texts().contract;
    view! { <span class=format!("badge contract-status status-{}", status.key()) data-status=status.key()>{c.status(status)}</span> }
}

/// An amount in kronor, the Swedish way.
fn kronor(amount: crate::domain::Money) -> String {
    crate::i18n::format_money(amount.value(), "kr")
}
