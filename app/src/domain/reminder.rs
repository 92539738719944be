//! Contract reminders: which reminder a contract is due on a day, who
//! receives it, and the ledger that records each one (001, 3.1.3: start
//! renewal or procurement in time). Pure: the e-mail worker, the "my
//! reminders" list and a contract's page all ask these functions, and the
//! dates come from [`Contract::deadlines`], so they never disagree.
//!
//! One ledger row per contract, notice deadline, lead time and recipient:
//! a reminder is sent once, and a moved deadline (an option exercised, a
//! renewal) starts a fresh set of reminders for the new deadline.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::contract::{reminder_due, Contract, ContractStatus, DEFAULT_REMINDER_MONTHS};
use super::keyed::keyed;

/// Where one reminder is in the ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReminderState {
    /// Recorded, not sent yet (or released after a failed attempt).
    Pending,
    /// Claimed by one instance, which is sending it under a lease.
    Sending,
    Sent,
}

keyed!(ReminderState {
    Pending => "pending",
    Sending => "sending",
    Sent => "sent",
});

/// One reminder: the ledger's key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ReminderKey {
    pub contract_id: i64,
    pub notice_deadline: NaiveDate,
    pub lead_months: u32,
    pub person_id: i64,
}

/// One ledger row as the pages show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderEntry {
    #[serde(flatten)]
    pub key: ReminderKey,
    pub person_name: String,
    pub state: ReminderState,
    /// Sending attempts so far, successful or not.
    pub attempts: u32,
    /// Why the last attempt failed (kept after a later success).
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

impl ReminderEntry {
    /// Not sent, and the last attempt failed: it is tried again.
    pub fn failed(&self) -> bool {
        self.state != ReminderState::Sent && self.last_error.is_some()
    }
}

/// Someone who receives a contract's reminders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recipient {
    pub person_id: i64,
    pub name: String,
    pub email: String,
}

/// What a person is to a contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContractRole {
    Owner,
    Deputy,
    /// Entered as both owner and deputy.
    OwnerAndDeputy,
}

/// A contract's owner and deputy, as people with e-mail addresses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractPeople {
    pub contract_id: i64,
    pub owner: Option<Recipient>,
    pub deputy: Option<Recipient>,
}

impl ContractPeople {
    /// Owner and deputy, each once (the same person entered twice gets one).
    pub fn recipients(&self) -> Vec<&Recipient> {
        let mut all: Vec<&Recipient> = Vec::with_capacity(2);
        for person in [&self.owner, &self.deputy].into_iter().flatten() {
            if !all.iter().any(|r| r.person_id == person.person_id) {
                all.push(person);
            }
        }
        all
    }

    /// What `person_id` is to the contract, if anything.
    pub fn role_of(&self, person_id: i64) -> Option<ContractRole> {
        let is = |who: &Option<Recipient>| who.as_ref().is_some_and(|r| r.person_id == person_id);
        match (is(&self.owner), is(&self.deputy)) {
            (true, true) => Some(ContractRole::OwnerAndDeputy),
            (true, false) => Some(ContractRole::Owner),
            (false, true) => Some(ContractRole::Deputy),
            (false, false) => None,
        }
    }
}

/// The reminder a contract is due on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueReminder {
    pub notice_deadline: NaiveDate,
    pub lead_months: u32,
}

/// The reminder `contract` is due on `today`: the shortest lead time whose
/// day has come before its current notice deadline. None once notice has
/// been given (there is nothing left to decide), and for a contract that
/// has ended or whose notice deadline has passed.
pub fn due_reminder(contract: &Contract, today: NaiveDate, lead_months: &[u32]) -> Option<DueReminder> {
    if contract.notice_given_on.is_some() {
        return None;
    }
    let deadlines = contract.deadlines(today);
    if matches!(deadlines.status, ContractStatus::Ended | ContractStatus::NoticePassed) {
        return None;
    }
    let notice_deadline = deadlines.term.notice_deadline;
    reminder_due(notice_deadline, today, lead_months).map(|lead_months| DueReminder { notice_deadline, lead_months })
}

/// The ledger rows to record on `today`: one per due contract and
/// recipient. Recording is idempotent (the ledger keeps the first).
pub fn reminders_to_record(
    contracts: &[Contract],
    people: &[ContractPeople],
    today: NaiveDate,
    lead_months: &[u32],
) -> Vec<ReminderKey> {
    let mut keys = Vec::new();
    for contract in contracts {
        let Some(due) = due_reminder(contract, today, lead_months) else { continue };
        let Some(people) = people.iter().find(|p| p.contract_id == contract.id) else { continue };
        for recipient in people.recipients() {
            keys.push(ReminderKey {
                contract_id: contract.id,
                notice_deadline: due.notice_deadline,
                lead_months: due.lead_months,
                person_id: recipient.person_id,
            });
        }
    }
    keys
}

/// Whether a recorded reminder still stands on `today`: its deadline is
/// the contract's current one, still ahead, notice not given, and the
/// person still owner or deputy. A reminder that no longer stands is void
/// (the new deadline gets reminders of its own); sending it would announce
/// a date that no longer holds.
pub fn still_stands(
    key: &ReminderKey,
    contract: Option<&Contract>,
    people: Option<&ContractPeople>,
    today: NaiveDate,
) -> bool {
    let Some(contract) = contract else { return false };
    let recipient = people.is_some_and(|p| p.role_of(key.person_id).is_some());
    let deadlines = contract.deadlines(today);
    recipient
        && contract.notice_given_on.is_none()
        && deadlines.term.notice_deadline == key.notice_deadline
        && today <= key.notice_deadline
}

/// How reminders are set up on this server, for the pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderSettings {
    /// Lead times in months before the notice deadline, longest first.
    pub lead_months: Vec<u32>,
    /// Whether reminders go out by e-mail (SMTP configured), or are only
    /// shown in the app.
    pub email: bool,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        Self { lead_months: DEFAULT_REMINDER_MONTHS.to_vec(), email: false }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ExtensionOptions, Money};

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("test date")
    }

    /// Ends 2027-12-31 with 3 months' notice: notice deadline 2027-09-30.
    fn contract(id: i64) -> Contract {
        Contract {
            id,
            reference: format!("AVT-{id}"),
            supplier: "Formpipe".into(),
            it_components: vec!["W3D3".into()],
            object_codes: vec!["AKN".into()],
            start: day("2023-01-01"),
            end: day("2027-12-31"),
            notice_months: 3,
            options: ExtensionOptions::default(),
            auto_renewal_months: None,
            renewals_used: 0,
            notice_given_on: None,
            yearly_cost: Money::ZERO,
            line_organisation: None,
            owner: Some("Anna".into()),
            deputy: Some("Bo".into()),
            procurement_lead_months: 6,
            notes: String::new(),
            version: 1,
            procurement_initiative_id: None,
        }
    }

    fn person(id: i64) -> Option<Recipient> {
        Some(Recipient { person_id: id, name: format!("P{id}"), email: format!("p{id}@example.se") })
    }

    fn people(contract_id: i64, owner: i64, deputy: Option<i64>) -> ContractPeople {
        ContractPeople { contract_id, owner: person(owner), deputy: deputy.and_then(person) }
    }

    const LEADS: [u32; 4] = [18, 12, 6, 3];

    #[test]
    fn the_reminder_due_is_the_shortest_lead_time_reached_before_the_deadline() {
        let c = contract(1);
        let cases = [
            ("2026-03-29", None),
            ("2026-03-30", Some(18)),
            ("2026-09-29", Some(18)),
            ("2026-09-30", Some(12)),
            ("2027-03-30", Some(6)),
            ("2027-06-30", Some(3)),
            ("2027-09-30", Some(3)),
            ("2027-10-01", None),
        ];
        for (today, expected) in cases {
            let due = due_reminder(&c, day(today), &LEADS);
            assert_eq!(due.map(|d| d.lead_months), expected, "{today}");
            if let Some(due) = due {
                assert_eq!(due.notice_deadline, day("2027-09-30"));
            }
        }
    }

    #[test]
    fn no_reminder_once_notice_is_given_or_the_contract_has_ended() {
        let mut given = contract(1);
        given.notice_given_on = Some(day("2027-01-15"));
        assert_eq!(due_reminder(&given, day("2027-07-01"), &LEADS), None);
        let ended = contract(2);
        assert_eq!(due_reminder(&ended, day("2028-01-01"), &LEADS), None);
        assert_eq!(due_reminder(&ended, day("2027-11-01"), &LEADS), None, "notice passed");
    }

    #[test]
    fn owner_and_deputy_each_get_one_row_and_the_same_person_twice_gets_one() {
        let contracts = [contract(1), contract(2), contract(3)];
        let people = [people(1, 10, Some(11)), people(2, 12, Some(12)), people(3, 13, None)];
        let keys = reminders_to_record(&contracts, &people, day("2027-07-01"), &LEADS);
        let who: Vec<(i64, i64, u32)> = keys.iter().map(|k| (k.contract_id, k.person_id, k.lead_months)).collect();
        assert_eq!(who, vec![(1, 10, 3), (1, 11, 3), (2, 12, 3), (3, 13, 3)]);
        assert_eq!(people[1].role_of(12), Some(ContractRole::OwnerAndDeputy));
        assert_eq!(people[0].role_of(11), Some(ContractRole::Deputy));
        assert_eq!(people[0].role_of(99), None);
    }

    #[test]
    fn a_contract_without_owner_or_deputy_records_nothing() {
        let keys = reminders_to_record(
            &[contract(1)],
            &[ContractPeople { contract_id: 1, owner: None, deputy: None }],
            day("2027-07-01"),
            &LEADS,
        );
        assert!(keys.is_empty());
    }

    #[test]
    fn a_reminder_for_a_deadline_that_moved_no_longer_stands() {
        let c = contract(1);
        let p = people(1, 10, Some(11));
        let key = ReminderKey { contract_id: 1, notice_deadline: day("2027-09-30"), lead_months: 6, person_id: 10 };
        assert!(still_stands(&key, Some(&c), Some(&p), day("2027-04-01")));
        assert!(!still_stands(&key, Some(&c), Some(&p), day("2027-10-01")), "deadline passed");
        assert!(!still_stands(&key, None, Some(&p), day("2027-04-01")), "contract gone");
        let mut extended = c.clone();
        extended.options = ExtensionOptions { count: 1, months: 12, used: 1 };
        assert!(!still_stands(&key, Some(&extended), Some(&p), day("2027-04-01")), "option exercised");
        let other = people(1, 20, None);
        assert!(!still_stands(&key, Some(&c), Some(&other), day("2027-04-01")), "no longer the owner");
    }

    #[test]
    fn states_have_stable_keys() {
        for state in ReminderState::ALL {
            assert_eq!(ReminderState::from_key(state.key()), Ok(*state));
        }
        assert!(ReminderState::from_key("lost").is_err());
    }
}
