//! Contract reminders' texts, Swedish and English: the "my reminders"
//! list, a contract's reminder ledger, and the e-mail digest (sent in
//! Swedish). One struct, so a missing translation is a compile error.
//! Dates and statuses are named as the contract register names them
//! ([`super::ContractTexts`]), so the e-mail and the pages agree.

use crate::domain::{ContractRole, ReminderEntry, ReminderState};

/// Every phrase of the reminders.
#[derive(Debug)]
pub struct ReminderTexts {
    pub mine_heading: &'static str,
    pub mine_intro: &'static str,
    pub mine_empty: &'static str,
    pub email_off: &'static str,
    pub lead_times: &'static str,
    pub contract_heading: &'static str,
    pub contract_empty: &'static str,
    pub col_contract: &'static str,
    pub col_supplier: &'static str,
    pub col_objects: &'static str,
    pub col_status: &'static str,
    pub col_reminder: &'static str,
    pub col_role: &'static str,
    pub col_recipient: &'static str,
    pub col_state: &'static str,
    pub col_sent_at: &'static str,
    pub col_attempts: &'static str,
    pub col_error: &'static str,
    pub sent_so_far: &'static str,
    pub none_sent: &'static str,
    /// "{n} månader kvar", as a word after the number.
    pub months_left: &'static str,
    pub month_left: &'static str,
    pub months_before: &'static str,
    pub days_left: &'static str,
    pub day_left: &'static str,
    pub today: &'static str,
    pub state_pending: &'static str,
    pub state_sending: &'static str,
    pub state_sent: &'static str,
    pub state_failed: &'static str,
    pub role_owner: &'static str,
    pub role_deputy: &'static str,
    pub role_owner_and_deputy: &'static str,
    pub and: &'static str,
    pub mail_subject_prefix: &'static str,
    pub mail_subject_one: &'static str,
    pub mail_subject_many: &'static str,
    pub mail_greeting: &'static str,
    pub mail_intro: &'static str,
    pub mail_it_components: &'static str,
    pub mail_link: &'static str,
    pub mail_footer: &'static str,
    pub mail_signature: &'static str,
}

/// Svenska.
pub static SV: ReminderTexts = ReminderTexts {
    mine_heading: "Mina påminnelser",
    mine_intro: "Avtal där du är ägare eller ersättare och där det är dags att bestämma om förlängning, uppsägning eller ny upphandling.",
    mine_empty: "Inga avtal att agera på just nu.",
    email_off: "E-post är inte inställt på servern: påminnelserna visas bara här.",
    lead_times: "Påminnelser skickas",
    contract_heading: "Påminnelser",
    contract_empty: "Inga påminnelser har gått ut för det här avtalet ännu.",
    col_contract: "Avtal",
    col_supplier: "Leverantör",
    col_objects: "Objekt",
    col_status: "Läge",
    col_reminder: "Påminnelse",
    col_role: "Din roll",
    col_recipient: "Mottagare",
    col_state: "Utskick",
    col_sent_at: "Skickad",
    col_attempts: "Försök",
    col_error: "Senaste fel",
    sent_so_far: "Utskick",
    none_sent: "Inget utskick registrerat ännu.",
    months_left: "månader kvar",
    month_left: "månad kvar",
    months_before: "månader före sista dag för uppsägning",
    days_left: "dagar kvar",
    day_left: "dag kvar",
    today: "i dag",
    state_pending: "Väntar",
    state_sending: "Skickas",
    state_sent: "Skickad",
    state_failed: "Misslyckades, försöker igen",
    role_owner: "Ägare",
    role_deputy: "Ersättare",
    role_owner_and_deputy: "Ägare och ersättare",
    and: "och",
    mail_subject_prefix: "Styrbord:",
    mail_subject_one: "avtal att agera på",
    mail_subject_many: "avtal att agera på",
    mail_greeting: "Hej",
    mail_intro: "Sista dag för uppsägning närmar sig för de här avtalen, där du är ägare eller ersättare. Bestäm i tid om avtalet ska förlängas, sägas upp eller upphandlas på nytt.",
    mail_it_components: "IT-komponenter",
    mail_link: "Se avtalet",
    mail_footer: "Varje påminnelse skickas en gång. Påminnelserna syns också i Styrbord under Mina påminnelser.",
    mail_signature: "Styrbord",
};

/// English.
pub static EN: ReminderTexts = ReminderTexts {
    mine_heading: "My reminders",
    mine_intro: "Contracts you own or deputise for, where it is time to decide on an extension, notice or a new procurement.",
    mine_empty: "No contracts to act on right now.",
    email_off: "E-mail is not set up on the server: reminders are only shown here.",
    lead_times: "Reminders go out",
    contract_heading: "Reminders",
    contract_empty: "No reminders have gone out for this contract yet.",
    col_contract: "Contract",
    col_supplier: "Supplier",
    col_objects: "Objects",
    col_status: "Status",
    col_reminder: "Reminder",
    col_role: "Your role",
    col_recipient: "Recipient",
    col_state: "Delivery",
    col_sent_at: "Sent",
    col_attempts: "Attempts",
    col_error: "Last error",
    sent_so_far: "Delivery",
    none_sent: "No delivery recorded yet.",
    months_left: "months left",
    month_left: "month left",
    months_before: "months before the notice deadline",
    days_left: "days left",
    day_left: "day left",
    today: "today",
    state_pending: "Waiting",
    state_sending: "Sending",
    state_sent: "Sent",
    state_failed: "Failed, will retry",
    role_owner: "Owner",
    role_deputy: "Deputy",
    role_owner_and_deputy: "Owner and deputy",
    and: "and",
    mail_subject_prefix: "Styrbord:",
    mail_subject_one: "contract to act on",
    mail_subject_many: "contracts to act on",
    mail_greeting: "Hello",
    mail_intro: "The notice deadline is getting close for these contracts, which you own or deputise for. Decide in time whether to extend, give notice or procure anew.",
    mail_it_components: "IT components",
    mail_link: "See the contract",
    mail_footer: "Each reminder is sent once. Reminders are also shown in Styrbord under My reminders.",
    mail_signature: "Styrbord",
};

impl ReminderTexts {
    /// "6 månader kvar".
    pub fn lead(&self, months: u32) -> String {
        format!("{months} {}", if months == 1 { self.month_left } else { self.months_left })
    }

    /// "152 dagar kvar", "1 dag kvar", "i dag".
    pub fn days(&self, days: i64) -> String {
        match days {
            0 => self.today.to_owned(),
            1 => format!("1 {}", self.day_left),
            n => format!("{n} {}", self.days_left),
        }
    }

    /// "18, 12, 6 och 3 månader före sista dag för uppsägning".
    pub fn lead_list(&self, months: &[u32]) -> String {
        let numbers: Vec<String> = months.iter().map(u32::to_string).collect();
        let list = match numbers.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [head @ .., last] => format!("{} {} {last}", head.join(", "), self.and),
        };
        format!("{list} {}", self.months_before)
    }

    /// "Styrbord: 2 avtal att agera på".
    pub fn subject(&self, count: usize) -> String {
        let what = if count == 1 { self.mail_subject_one } else { self.mail_subject_many };
        format!("{} {count} {what}", self.mail_subject_prefix)
    }

    pub fn state(&self, state: ReminderState) -> &'static str {
        match state {
            ReminderState::Pending => self.state_pending,
            ReminderState::Sending => self.state_sending,
            ReminderState::Sent => self.state_sent,
        }
    }

    /// A ledger row's delivery state, failed attempts told apart.
    pub fn entry_state(&self, entry: &ReminderEntry) -> &'static str {
        if entry.failed() {
            self.state_failed
        } else {
            self.state(entry.state)
        }
    }

    pub fn role(&self, role: ContractRole) -> &'static str {
        match role {
            ContractRole::Owner => self.role_owner,
            ContractRole::Deputy => self.role_deputy,
            ContractRole::OwnerAndDeputy => self.role_owner_and_deputy,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_lists_read_naturally_in_both_languages() {
        assert_eq!(SV.subject(2), "Styrbord: 2 avtal att agera på");
        assert_eq!(EN.subject(1), "Styrbord: 1 contract to act on");
        assert_eq!(EN.subject(3), "Styrbord: 3 contracts to act on");
        assert_eq!(SV.lead(6), "6 månader kvar");
        assert_eq!(SV.lead(1), "1 månad kvar");
        assert_eq!(SV.lead_list(&[18, 12, 6, 3]), "18, 12, 6 och 3 månader före sista dag för uppsägning");
        assert_eq!(EN.lead_list(&[6]), "6 months before the notice deadline");
        assert_eq!(SV.days(0), "i dag");
        assert_eq!(SV.days(1), "1 dag kvar");
        assert_eq!(EN.days(152), "152 days left");
    }
}
