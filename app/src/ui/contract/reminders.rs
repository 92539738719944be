//! Contract reminders in the app: "Mina påminnelser" (the contracts the
//! signed-in person must act on now, with what the e-mail ledger says of
//! each) and one contract's reminders (sent, waiting, failed). Shown
//! whether or not e-mail is set up, so a reminder is never only in an
//! inbox, or nowhere.

use leptos::prelude::*;
use leptos_router::components::A;

use super::status_badge;
use crate::api::{get_contract_reminders, get_my_reminders};
use crate::domain::{ReminderEntry, ReminderState};
use crate::i18n::{format_date, format_timestamp};
use crate::ui::access::general_error;
use crate::ui::use_texts;
use crate::views::{ContractReminders as ContractRemindersView, MyReminder, MyReminders as MyRemindersView};

/// "Mina påminnelser": a section listing the signed-in person's contracts
/// with a reminder due, nearest notice deadline first.
#[component]
pub fn MyReminders() -> impl IntoView {
    let t = use_texts();
    let data = Resource::new(|| (), |_| get_my_reminders());
    view! {
        <section class="my-reminders" aria-labelledby="my-reminders-heading" data-section="my-reminders">
            <h2 id="my-reminders-heading">{t.reminders.mine_heading}</h2>
            <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(list) => view! { <MyRemindersBody list/> }.into_any(),
                        Err(error) => view! { <p class="notice" role="alert">{general_error(t, &error)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn MyRemindersBody(list: MyRemindersView) -> impl IntoView {
    let t = use_texts();
    let (r, c) = (t.reminders, t.contract);
    let MyRemindersView { items, email, lead_months, .. } = list;
    let empty = items.is_empty();
    view! {
        <p class="hint">{r.mine_intro}</p>
        <EmailNote email lead_months/>
        {empty.then(|| view! { <p class="notice" data-empty>{r.mine_empty}</p> })}
        {(!empty).then(|| view! {
            <table class="data-table stack reminder-table">
                <thead>
                    <tr>
                        <th scope="col">{r.col_contract}</th>
                        <th scope="col">{r.col_reminder}</th>
                        <th scope="col">{c.label_notice_deadline}</th>
                        <th scope="col">{c.label_procurement_start}</th>
                        <th scope="col">{c.label_current_end}</th>
                        <th scope="col">{r.col_status}</th>
                        <th scope="col">{r.col_role}</th>
                        <th scope="col">{r.sent_so_far}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || items.clone() key=|item| (item.contract_id, item.lead_months) let:item>
                        <MyReminderRow item/>
                    </For>
                </tbody>
            </table>
        })}
    }
}

#[component]
fn MyReminderRow(item: MyReminder) -> impl IntoView {
    let t = use_texts();
    let (r, c) = (t.reminders, t.contract);
    let objects = item.objects.join(", ");
    view! {
        <tr data-contract=item.contract_id data-lead=item.lead_months>
            <th scope="row">
                <A href=format!("/contracts/{}", item.contract_id)>{item.reference.clone()}</A>
                <span class="muted">" · "{item.supplier.clone()}</span>
                {(!objects.is_empty()).then(|| view! { <span class="muted">" · "{objects}</span> })}
            </th>
            <td data-label=r.col_reminder>{r.lead(item.lead_months)}</td>
            <td data-label=c.label_notice_deadline class="nowrap">{format_date(item.notice_deadline)}</td>
            <td data-label=c.label_procurement_start class="nowrap">{format_date(item.procurement_start)}</td>
            <td data-label=c.label_current_end class="nowrap">{format_date(item.end)}</td>
            <td data-label=r.col_status>{status_badge(item.status)}</td>
            <td data-label=r.col_role>{r.role(item.role)}</td>
            <td data-label=r.sent_so_far>
                {if item.entries.is_empty() {
                    view! { <span class="muted">{r.none_sent}</span> }.into_any()
                } else {
                    view! {
                        <ul class="plain-list">
                            {item.entries.into_iter().map(|entry| view! { <li><Delivery entry with_lead=true/></li> }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </td>
        </tr>
    }
}

/// One contract's reminders: every ledger row, latest deadline first.
#[component]
pub fn ContractReminders(id: i64) -> impl IntoView {
    let t = use_texts();
    let data = Resource::new(move || id, get_contract_reminders);
    view! {
        <section class="contract-reminders" aria-labelledby="contract-reminders-heading" data-section="contract-reminders">
            <h2 id="contract-reminders-heading">{t.reminders.contract_heading}</h2>
            <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(ledger) => view! { <LedgerTable ledger/> }.into_any(),
                        Err(error) => view! { <p class="notice" role="alert">{general_error(t, &error)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn LedgerTable(ledger: ContractRemindersView) -> impl IntoView {
    let t = use_texts();
    let (r, c) = (t.reminders, t.contract);
    let ContractRemindersView { entries, email, lead_months, .. } = ledger;
    let empty = entries.is_empty();
    view! {
        <EmailNote email lead_months/>
        {empty.then(|| view! { <p class="notice" data-empty>{r.contract_empty}</p> })}
        {(!empty).then(|| view! {
            <table class="data-table stack reminder-ledger">
                <thead>
                    <tr>
                        <th scope="col">{c.label_notice_deadline}</th>
                        <th scope="col">{r.col_reminder}</th>
                        <th scope="col">{r.col_recipient}</th>
                        <th scope="col">{r.col_state}</th>
                        <th scope="col">{r.col_attempts}</th>
                        <th scope="col">{r.col_error}</th>
                    </tr>
                </thead>
                <tbody>
                    {entries.into_iter().map(|entry| view! { <LedgerRow entry/> }).collect_view()}
                </tbody>
            </table>
        })}
    }
}

#[component]
fn LedgerRow(entry: ReminderEntry) -> impl IntoView {
    let t = use_texts();
    let (r, c) = (t.reminders, t.contract);
    let error = entry.failed().then(|| entry.last_error.clone()).flatten();
    view! {
        <tr data-state=entry_key(&entry) data-lead=entry.key.lead_months data-person=entry.key.person_id>
            <td data-label=c.label_notice_deadline class="nowrap">{format_date(entry.key.notice_deadline)}</td>
            <td data-label=r.col_reminder>{r.lead(entry.key.lead_months)}</td>
            <th scope="row" data-label=r.col_recipient>{entry.person_name.clone()}</th>
            <td data-label=r.col_state><Delivery entry=entry.clone() with_lead=false/></td>
            <td data-label=r.col_attempts class="num">{entry.attempts}</td>
            <td data-label=r.col_error>{error}</td>
        </tr>
    }
}

/// "Skickad 2027-03-31 06:00", "Väntar", "Misslyckades, försöker igen".
#[component]
fn Delivery(entry: ReminderEntry, with_lead: bool) -> impl IntoView {
    let r = use_texts().reminders;
    let when = entry.sent_at.filter(|_| entry.state == ReminderState::Sent).map(format_timestamp);
    view! {
        <span class=format!("badge reminder-{}", entry_key(&entry))>{r.entry_state(&entry)}</span>
        {with_lead.then(|| view! { " "<span class="muted">{r.lead(entry.key.lead_months)}</span> })}
        {when.map(|when| view! { " "<span class="muted nowrap">{when}</span> })}
    }
}

/// Whether reminders go out by e-mail, and when.
#[component]
fn EmailNote(email: bool, lead_months: Vec<u32>) -> impl IntoView {
    let r = use_texts().reminders;
    view! {
        <p class="hint muted">{r.lead_times}": "{r.lead_list(&lead_months)}"."</p>
        {(!email).then(|| view! { <p class="notice" data-email-off>{r.email_off}</p> })}
    }
}

fn entry_key(entry: &ReminderEntry) -> &'static str {
    if entry.failed() {
        "failed"
    } else {
        entry.state.key()
    }
}
