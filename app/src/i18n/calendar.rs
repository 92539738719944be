//! The calendar feeds' texts, Swedish and English: what the `.ics` events
//! say and what the feed list on the contract pages says. One struct, so a
//! missing translation is a compile error.

use super::Locale;

/// Every phrase of the calendar feeds.
#[derive(Debug)]
pub struct CalendarTexts {
    // In the calendar file.
    pub calendar_name: &'static str,
    pub notice_summary: &'static str,
    pub procurement_summary: &'static str,
    pub supplier: &'static str,
    pub objects: &'static str,
    pub it_components: &'static str,
    pub term_end: &'static str,
    pub notice_deadline: &'static str,
    pub procurement_start: &'static str,
    pub notice_alarm: &'static str,
    pub none: &'static str,

    // On the page.
    pub heading: &'static str,
    pub intro: &'static str,
    pub label_scope: &'static str,
    pub scope_all: &'static str,
    pub create_button: &'static str,
    pub created: &'static str,
    pub label_https: &'static str,
    pub label_webcal: &'static str,
    pub subscribe_hint: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_manually: &'static str,
    pub col_scope: &'static str,
    pub col_created: &'static str,
    pub col_last_used: &'static str,
    pub col_status: &'static str,
    pub never: &'static str,
    pub active: &'static str,
    pub revoked: &'static str,
    pub revoke: &'static str,
    pub revoke_confirm: &'static str,
    pub revoke_yes: &'static str,
    pub cancel: &'static str,
    pub empty: &'static str,
    pub loading: &'static str,
}

impl Locale {
    /// The calendar feeds' texts in this language.
    pub fn calendar(self) -> &'static CalendarTexts {
        match self {
            Locale::Sv => &SV,
            Locale::En => &EN,
        }
    }
}

/// Svenska.
pub static SV: CalendarTexts = CalendarTexts {
    calendar_name: "Styrbord – avtal",
    notice_summary: "Senast uppsägning",
    procurement_summary: "Starta upphandling",
    supplier: "Leverantör",
    objects: "Objekt",
    it_components: "IT-komponenter",
    term_end: "Avtalsperioden slutar",
    notice_deadline: "Senast uppsägning",
    procurement_start: "Upphandlingen ska starta",
    notice_alarm: "Om en vecka: senast uppsägning",
    none: "–",

    heading: "Kalenderflöden",
    intro: "Prenumerera på avtalens sista uppsägningsdagar och upphandlingsstarter i Outlook eller en annan kalender. Adressen är hemlig: den som har den ser datumen. Återkalla flödet om adressen har kommit på avvägar.",
    label_scope: "Avtal i flödet",
    scope_all: "Alla avtal",
    create_button: "Skapa kalenderflöde",
    created: "Kopiera adressen nu. Den visas bara den här gången.",
    label_https: "Adress",
    label_webcal: "Adress för prenumeration (webcal)",
    subscribe_hint: "I Outlook: Lägg till kalender → Prenumerera från webben, klistra in adressen.",
    copy: "Kopiera",
    copied: "Kopierad.",
    copy_manually: "Adressen är markerad: kopiera med Ctrl+C.",
    col_scope: "Avtal",
    col_created: "Skapat",
    col_last_used: "Senast hämtat",
    col_status: "Läge",
    never: "Aldrig",
    active: "Aktivt",
    revoked: "Återkallat",
    revoke: "Återkalla",
    revoke_confirm: "Återkalla flödet? Kalendrar som prenumererar på det slutar att uppdateras.",
    revoke_yes: "Ja, återkalla",
    cancel: "Avbryt",
    empty: "Du har inga kalenderflöden ännu.",
    loading: "Hämtar …",
};

/// English.
pub static EN: CalendarTexts = CalendarTexts {
    calendar_name: "Styrbord – contracts",
    notice_summary: "Notice deadline",
    procurement_summary: "Start procurement",
    supplier: "Supplier",
    objects: "Objects",
    it_components: "IT components",
    term_end: "Term ends",
    notice_deadline: "Notice deadline",
    procurement_start: "Procurement must start",
    notice_alarm: "In a week: notice deadline",
    none: "–",

    heading: "Calendar feeds",
    intro: "Subscribe to the contracts' notice deadlines and procurement starts in Outlook or another calendar. The address is secret: whoever has it sees the dates. Revoke the feed if the address has gone astray.",
    label_scope: "Contracts in the feed",
    scope_all: "All contracts",
    create_button: "Create calendar feed",
    created: "Copy the address now. It is shown only this once.",
    label_https: "Address",
    label_webcal: "Address to subscribe to (webcal)",
    subscribe_hint: "In Outlook: Add calendar → Subscribe from web, paste the address.",
    copy: "Copy",
    copied: "Copied.",
    copy_manually: "The address is selected: copy it with Ctrl+C.",
    col_scope: "Contracts",
    col_created: "Created",
    col_last_used: "Last fetched",
    col_status: "State",
    never: "Never",
    active: "Active",
    revoked: "Revoked",
    revoke: "Revoke",
    revoke_confirm: "Revoke the feed? Calendars subscribed to it stop updating.",
    revoke_yes: "Yes, revoke",
    cancel: "Cancel",
    empty: "You have no calendar feeds yet.",
    loading: "Loading …",
};
