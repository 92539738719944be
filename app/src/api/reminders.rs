//! Contract reminders in the app: the signed-in person's contracts that
//! are due a reminder now (computed live, so they show even before the
//! worker has run, and without e-mail), and one contract's ledger: what
//! was sent to whom, what waits, what failed. Anyone who reads the
//! portfolio may read both; the check is made here, on the server.

use leptos::prelude::*;

use super::AppError;
use crate::views::{ContractReminders, MyReminders};

#[cfg(feature = "ssr")]
fn settings() -> crate::domain::ReminderSettings {
    use_context::<crate::domain::ReminderSettings>().unwrap_or_default()
}

/// "Mina påminnelser": contracts I own or deputise for with a reminder due.
#[server(prefix = "/sf", endpoint = "reminders/mine")]
pub async fn get_my_reminders() -> Result<MyReminders, AppError> {
    use crate::api::support::{person_id, require, respond, store};
    use crate::domain::{clock, Permission};
    respond(async {
        let principal = require(Permission::ReadPortfolio)?;
        let me = person_id(&principal)?;
        let store = store()?;
        let settings = settings();
        let today = clock::today();
        let contracts = store.contracts().await?;
        let people = store.contract_people().await?;
        let ledger = store.reminder_ledger(None, Some(me)).await?;
        let items = crate::views::my_reminders(me, &contracts, &people, &ledger, today, &settings.lead_months);
        Ok(MyReminders { items, email: settings.email, lead_months: settings.lead_months, today })
    })
    .await
}

/// One contract's reminders, every notice deadline, latest first.
#[server(prefix = "/sf", endpoint = "reminders/contract")]
pub async fn get_contract_reminders(id: i64) -> Result<ContractReminders, AppError> {
    use crate::api::support::{require, respond, store};
    use crate::domain::Permission;
    respond(async {
        require(Permission::ReadPortfolio)?;
        let store = store()?;
        store.contract(id).await?.ok_or(AppError::NotFound)?;
        let entries = store.reminder_ledger(Some(id), None).await?;
        let settings = settings();
        Ok(ContractReminders { contract_id: id, entries, email: settings.email, lead_months: settings.lead_months })
    })
    .await
}
