//! Contract reminders as the pages show them and as the e-mail digest
//! says them: pure functions over contracts, their people and the ledger.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::{due_reminder, Contract, ContractPeople, ContractRole, ContractStatus, Recipient, ReminderEntry};
use crate::i18n::{format_date, Texts};

/// One contract the signed-in person must act on now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyReminder {
    pub contract_id: i64,
    pub reference: String,
    pub supplier: String,
    pub objects: Vec<String>,
    pub end: NaiveDate,
    pub notice_deadline: NaiveDate,
    pub procurement_start: NaiveDate,
    pub status: ContractStatus,
    /// The reminder due now, in months before the notice deadline.
    pub lead_months: u32,
    pub role: ContractRole,
    /// The ledger's rows for this person and the current notice deadline.
    pub entries: Vec<ReminderEntry>,
}

/// "Mina påminnelser".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyReminders {
    pub items: Vec<MyReminder>,
    pub email: bool,
    pub lead_months: Vec<u32>,
    pub today: NaiveDate,
}

/// A contract's reminder ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractReminders {
    pub contract_id: i64,
    pub entries: Vec<ReminderEntry>,
    pub email: bool,
    pub lead_months: Vec<u32>,
}

/// The contracts `person_id` owns or deputises for that are due a
/// reminder on `today`, computed live (whether or not the worker has run),
/// with what the ledger says of them; the nearest notice deadline first.
pub fn my_reminders(
    person_id: i64,
    contracts: &[Contract],
    people: &[ContractPeople],
    ledger: &[ReminderEntry],
    today: NaiveDate,
    lead_months: &[u32],
) -> Vec<MyReminder> {
    let mut items: Vec<MyReminder> = contracts
        .iter()
        .filter_map(|contract| {
            let role = people.iter().find(|p| p.contract_id == contract.id)?.role_of(person_id)?;
            let due = due_reminder(contract, today, lead_months)?;
            let deadlines = contract.deadlines(today);
            let entries = ledger
                .iter()
                .filter(|e| {
                    e.key.contract_id == contract.id
                        && e.key.person_id == person_id
                        && e.key.notice_deadline == due.notice_deadline
                })
                .cloned()
                .collect();
            Some(MyReminder {
                contract_id: contract.id,
                reference: contract.reference.clone(),
                supplier: contract.supplier.clone(),
                objects: contract.object_codes.clone(),
                end: deadlines.term.end,
                notice_deadline: due.notice_deadline,
                procurement_start: deadlines.term.procurement_start,
                status: deadlines.status,
                lead_months: due.lead_months,
                role,
                entries,
            })
        })
        .collect();
    items.sort_by_key(|item| (item.notice_deadline, item.contract_id));
    items
}

/// One contract in a digest, with the reminder it is sent for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigestItem {
    pub contract: Contract,
    pub lead_months: u32,
    pub role: ContractRole,
}

/// One e-mail: subject and plain-text body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digest {
    pub subject: String,
    pub body: String,
}

/// The digest e-mail to one recipient: every contract they must act on,
/// the nearest notice deadline first, with its dates and a link.
pub fn reminder_digest(
    texts: &Texts,
    recipient: &Recipient,
    items: &[DigestItem],
    public_url: &str,
    today: NaiveDate,
    lead_months: &[u32],
) -> Digest {
    let (t, c) = (texts.reminders, texts.contract);
    let mut items: Vec<&DigestItem> = items.iter().collect();
    items.sort_by_key(|item| (item.contract.notice_deadline(today), item.contract.id));
    let mut body = format!("{} {},\n\n{}\n", t.mail_greeting, recipient.name, t.mail_intro);
    for (number, item) in items.iter().enumerate() {
        let contract = &item.contract;
        let deadlines = contract.deadlines(today);
        let days = (deadlines.term.notice_deadline - today).num_days();
        body.push_str(&format!("\n{}. {} – {}\n", number + 1, contract.reference, contract.supplier));
        let mut line = |label: &str, value: String| body.push_str(&format!("   {label}: {value}\n"));
        line(t.col_reminder, t.lead(item.lead_months));
        line(c.label_notice_deadline, format!("{} ({})", format_date(deadlines.term.notice_deadline), t.days(days)));
        line(c.label_procurement_start, format_date(deadlines.term.procurement_start));
        line(c.label_current_end, format_date(deadlines.term.end));
        line(t.col_status, c.status(deadlines.status).to_owned());
        if !contract.object_codes.is_empty() {
            line(t.col_objects, contract.object_codes.join(", "));
        }
        if !contract.it_components.is_empty() {
            line(t.mail_it_components, contract.it_components.join(", "));
        }
        line(t.col_role, t.role(item.role).to_owned());
        line(t.mail_link, format!("{}/contracts/{}", public_url.trim_end_matches('/'), contract.id));
    }
    body.push_str(&format!(
        "\n{}: {}. {}\n\n-- \n{}\n",
        t.lead_times,
        t.lead_list(lead_months),
        t.mail_footer,
        t.mail_signature
    ));
    Digest { subject: t.subject(items.len()), body }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ExtensionOptions, Money, ReminderKey, ReminderState};
    use crate::i18n::Locale;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("test date")
    }

    fn contract(id: i64, end: &str) -> Contract {
        Contract {
            id,
            reference: format!("AVT-{id}"),
            supplier: "Formpipe".into(),
            it_components: vec!["W3D3".into()],
            object_codes: vec!["AKN".into(), "EHR".into()],
            start: day("2020-01-01"),
            end: day(end),
            notice_months: 3,
            options: ExtensionOptions::default(),
            auto_renewal_months: None,
            renewals_used: 0,
            notice_given_on: None,
            yearly_cost: Money::ZERO,
            line_organisation: None,
            owner: None,
            deputy: None,
            procurement_lead_months: 6,
            notes: String::new(),
            version: 1,
            procurement_initiative_id: None,
        }
    }

    fn recipient(id: i64) -> Recipient {
        Recipient { person_id: id, name: format!("Person {id}"), email: format!("p{id}@example.se") }
    }

    #[test]
    fn my_reminders_are_the_due_contracts_i_own_or_deputise_nearest_first() {
        let contracts = [contract(1, "2027-12-31"), contract(2, "2027-09-30"), contract(3, "2027-08-31")];
        let people = [
            ContractPeople { contract_id: 1, owner: Some(recipient(10)), deputy: None },
            ContractPeople { contract_id: 2, owner: Some(recipient(11)), deputy: Some(recipient(10)) },
            ContractPeople { contract_id: 3, owner: Some(recipient(11)), deputy: None },
        ];
        let entry = ReminderEntry {
            key: ReminderKey { contract_id: 1, notice_deadline: day("2027-09-30"), lead_months: 6, person_id: 10 },
            person_name: "Person 10".into(),
            state: ReminderState::Sent,
            attempts: 1,
            last_error: None,
            created_at: "2027-04-01T06:00:00Z".parse().expect("time"),
            sent_at: Some("2027-04-01T06:00:01Z".parse().expect("time")),
        };
        let other = ReminderEntry { key: ReminderKey { person_id: 11, ..entry.key }, ..entry.clone() };
        let items = my_reminders(10, &contracts, &people, &[entry.clone(), other], day("2027-04-01"), &[18, 12, 6, 3]);
        let seen: Vec<(i64, u32, ContractRole)> =
            items.iter().map(|i| (i.contract_id, i.lead_months, i.role)).collect();
        assert_eq!(seen, vec![(2, 3, ContractRole::Deputy), (1, 6, ContractRole::Owner)]);
        assert_eq!(items[1].entries, vec![entry]);
        assert!(items[0].entries.is_empty());
        assert_eq!(items[1].notice_deadline, day("2027-09-30"));
    }

    #[test]
    fn the_digest_names_every_contract_with_its_dates_and_link() {
        let t = Locale::Sv.texts();
        let items = [
            DigestItem { contract: contract(1, "2027-12-31"), lead_months: 6, role: ContractRole::Owner },
            DigestItem { contract: contract(2, "2027-09-30"), lead_months: 6, role: ContractRole::Deputy },
        ];
        let digest =
            reminder_digest(t, &recipient(10), &items, "https://styrbord.example/", day("2027-04-01"), &[18, 12, 6, 3]);
        assert_eq!(digest.subject, "Styrbord: 2 avtal att agera på");
        let body = &digest.body;
        assert!(body.starts_with("Hej Person 10,"), "{body}");
        let first = body.find("1. AVT-2 – Formpipe").expect("AVT-2 first: its deadline is nearer");
        let second = body.find("2. AVT-1 – Formpipe").expect("AVT-1 second");
        assert!(first < second);
        for expected in [
            "Senast uppsägning: 2027-06-30 (90 dagar kvar)",
            "Senast uppsägning: 2027-09-30 (182 dagar kvar)",
            "Starta upphandling senast: 2026-12-30",
            "Nuvarande slutdatum: 2027-12-31",
            "Påminnelse: 6 månader kvar",
            "Läge: Agera nu",
            "Objekt: AKN, EHR",
            "IT-komponenter: W3D3",
            "Din roll: Ersättare",
            "Se avtalet: https://styrbord.example/contracts/1",
            "Se avtalet: https://styrbord.example/contracts/2",
            "18, 12, 6 och 3 månader före sista dag för uppsägning",
        ] {
            assert!(body.contains(expected), "missing «{expected}» in\n{body}");
        }
    }
}
