//! The phone status page's texts, Swedish and English, and how its changes
//! and their times are phrased: "Naris Radetinac ändrade insatsen X i AKN",
//! "i går 14:05".

use chrono::{DateTime, Datelike, Duration, Utc, Weekday};

use super::Locale;
use crate::domain::clock::swedish_offset_hours;
use crate::views::{Change, ChangeKind};

/// Every phrase of `/status`. Sentences with `{name}` holes are filled by
/// [`StatusPageTexts::sentence`] in one pass (a name holding `{what}` stays
/// as typed).
#[derive(Debug)]
pub struct StatusPageTexts {
    pub nav: &'static str,
    pub phone_link: &'static str,
    pub title: &'static str,
    pub loading: &'static str,
    pub year_note: &'static str,
    pub mine_heading: &'static str,
    pub attention_heading: &'static str,
    pub attention_intro: &'static str,
    pub mine_none: &'static str,
    pub attention_none: &'static str,
    pub no_plan: &'static str,
    pub budget: &'static str,
    pub hours: &'static str,
    pub fte: &'static str,
    pub initiatives: &'static str,
    pub escalations: &'static str,
    pub contracts: &'static str,
    pub over_capacity: &'static str,
    pub capacity_over: &'static str,
    pub capacity_under: &'static str,
    pub open_object: &'static str,
    pub portfolio_heading: &'static str,
    pub to_dashboard: &'static str,
    pub changes_heading: &'static str,
    pub changes_since: &'static str,
    pub changes_first: &'static str,
    pub changes_none: &'static str,
    pub more: &'static str,
    pub to_audit: &'static str,
    pub mark_read: &'static str,
    pub mark_read_hint: &'static str,
    pub times: &'static str,
    pub system: &'static str,
    pub in_object: &'static str,
    pub today: &'static str,
    pub yesterday: &'static str,
    pub weekdays: [&'static str; 7],
    initiative_added: &'static str,
    initiative_changed: &'static str,
    initiative_removed: &'static str,
    initiative_moved: &'static str,
    status_reported: &'static str,
    status_reported_plain: &'static str,
    outcome_recorded: &'static str,
    components_changed: &'static str,
    plan_created: &'static str,
    plan_changed: &'static str,
    plan_approved: &'static str,
    plan_reopened: &'static str,
    plan_imported: &'static str,
    capacity_changed: &'static str,
    portfolio_capacity_changed: &'static str,
    object_added: &'static str,
    object_changed: &'static str,
    catalog_changed: &'static str,
    contract_added: &'static str,
    contract_changed: &'static str,
    contract_term_changed: &'static str,
    contract_removed: &'static str,
    escalation_raised: &'static str,
    escalation_changed: &'static str,
    supplier_changed: &'static str,
}

impl Locale {
    /// The status page's texts in this language.
    pub fn status_page(self) -> &'static StatusPageTexts {
        match self {
            Locale::Sv => &SV,
            Locale::En => &EN,
        }
    }
}

impl StatusPageTexts {
    fn template(&self, kind: ChangeKind) -> &'static str {
        use ChangeKind::*;
        match kind {
            InitiativeAdded => self.initiative_added,
            InitiativeChanged => self.initiative_changed,
            InitiativeRemoved => self.initiative_removed,
            InitiativeMoved => self.initiative_moved,
            StatusReported(Some(_)) => self.status_reported,
            StatusReported(None) => self.status_reported_plain,
            OutcomeRecorded => self.outcome_recorded,
            ComponentsChanged => self.components_changed,
            PlanCreated => self.plan_created,
            PlanChanged => self.plan_changed,
            PlanApproved => self.plan_approved,
            PlanReopened => self.plan_reopened,
            PlanImported => self.plan_imported,
            CapacityChanged => self.capacity_changed,
            PortfolioCapacityChanged => self.portfolio_capacity_changed,
            ObjectAdded => self.object_added,
            ObjectChanged => self.object_changed,
            CatalogChanged => self.catalog_changed,
            ContractAdded => self.contract_added,
            ContractChanged => self.contract_changed,
            ContractTermChanged => self.contract_term_changed,
            ContractRemoved => self.contract_removed,
            EscalationRaised => self.escalation_raised,
            EscalationChanged => self.escalation_changed,
            SupplierChanged => self.supplier_changed,
        }
    }

    /// The change in plain words: "Naris Radetinac ändrade insatsen X i
    /// AKN" (with "(3 gånger)" for a run of changes). `status` names an
    /// initiative status in this language.
    pub fn sentence(
        &self,
        change: &Change,
        status: impl Fn(crate::domain::InitiativeStatus) -> &'static str,
    ) -> String {
        let who = change.actor.as_deref().unwrap_or(self.system);
        let state = match change.kind {
            ChangeKind::StatusReported(Some(s)) => status(s),
            _ => "",
        };
        let mut text = fill_once(
            self.template(change.kind),
            &[("who", who), ("what", &change.subject), ("status", &state.to_lowercase())],
        );
        let own_object = matches!(change.kind, ChangeKind::ObjectAdded | ChangeKind::ObjectChanged);
        if let (Some(code), false) = (&change.object_code, own_object) {
            text.push_str(&fill_once(self.in_object, &[("object", code)]));
        }
        if change.count > 1 {
            text.push_str(&fill_once(self.times, &[("n", &change.count.to_string())]));
        }
        text
    }

    /// When, as on the wall in Sweden and relative to `now`: "i dag 14:05",
    /// "i går 14:05", "i måndags 09:30" within a week, else the date.
    pub fn when(&self, at: DateTime<Utc>, now: DateTime<Utc>) -> String {
        let local = |t: DateTime<Utc>| t + Duration::hours(swedish_offset_hours(t));
        let (then, today) = (local(at), local(now));
        let clock = then.format("%H:%M");
        match (today.date_naive() - then.date_naive()).num_days() {
            0 => format!("{} {clock}", self.today),
            1 => format!("{} {clock}", self.yesterday),
            2..=6 => format!("{} {clock}", self.weekday(then.weekday())),
            _ => format!("{} {clock}", then.format("%Y-%m-%d")),
        }
    }

    fn weekday(&self, day: Weekday) -> &'static str {
        self.weekdays[day.num_days_from_monday() as usize]
    }
}

/// Fills `{name}` holes in one pass: what is filled in is never read again.
fn fill_once(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').map(|close| (&after[..close], close)) {
            Some((name, close)) if values.iter().any(|(k, _)| *k == name) => {
                out.push_str(values.iter().find(|(k, _)| *k == name).map(|(_, v)| *v).unwrap_or_default());
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

pub static SV: StatusPageTexts = StatusPageTexts {
    nav: "Status",
    phone_link: "Läget för dina objekt och vad som ändrats →",
    title: "Läget",
    loading: "Hämtar läget …",
    year_note: "Planår {year}",
    mine_heading: "Mina objekt",
    attention_heading: "Objekt som behöver uppmärksamhet",
    attention_intro: "Du har ingen roll på ett enskilt objekt. Här är objekten som är över sin kapacitet, har öppna eskaleringar eller avtal som behöver åtgärd.",
    mine_none: "Dina objekt har ingen plan för året.",
    attention_none: "Inget objekt behöver uppmärksamhet just nu.",
    no_plan: "Ingen plan för året",
    budget: "Budget",
    hours: "Timmar",
    fte: "FTE",
    initiatives: "Insatser",
    escalations: "Öppna eskaleringar",
    contracts: "Avtal att åtgärda inom 12 mån",
    over_capacity: "Objekt över kapacitet",
    capacity_over: "{limit}: {amount} över",
    capacity_under: "{limit}: {amount} kvar",
    open_object: "Öppna {object}",
    portfolio_heading: "Portföljen",
    to_dashboard: "Hela styrgruppsvyn",
    changes_heading: "Sedan du tittade senast",
    changes_since: "Ändringar som andra gjort sedan {when}.",
    changes_first: "Första besöket: ändringar som andra gjort de senaste sju dagarna.",
    changes_none: "Inga ändringar sedan dess.",
    more: "… och {n} till",
    to_audit: "Hela ändringsloggen",
    mark_read: "Markera som läst",
    mark_read_hint: "Nästa gång visas bara det som ändras efter att den här sidan hämtades.",
    times: " ({n} gånger)",
    system: "Systemet",
    in_object: " i {object}",
    today: "i dag",
    yesterday: "i går",
    weekdays: ["i måndags", "i tisdags", "i onsdags", "i torsdags", "i fredags", "i lördags", "i söndags"],
    initiative_added: "{who} lade till insatsen {what}",
    initiative_changed: "{who} ändrade insatsen {what}",
    initiative_removed: "{who} tog bort insatsen {what}",
    initiative_moved: "{who} flyttade insatsen {what} i prioriteringen",
    status_reported: "{who} satte status {status} på insatsen {what}",
    status_reported_plain: "{who} rapporterade status för insatsen {what}",
    outcome_recorded: "{who} förde in utfall för insatsen {what}",
    components_changed: "{who} ändrade IT-komponenterna för insatsen {what}",
    plan_created: "{who} skapade planen för {what}",
    plan_changed: "{who} ändrade planen för {what}",
    plan_approved: "{who} godkände planen för {what}",
    plan_reopened: "{who} öppnade planen för {what} igen",
    plan_imported: "{who} importerade planen för {what}",
    capacity_changed: "{who} ändrade kapaciteten för {what}",
    portfolio_capacity_changed: "{who} ändrade portföljens IT-kapacitet för {what}",
    object_added: "{who} lade till objektet {what}",
    object_changed: "{who} ändrade objektet {what}",
    catalog_changed: "{who} ändrade objektets produkter och komponenter ({what})",
    contract_added: "{who} registrerade avtalet {what}",
    contract_changed: "{who} ändrade avtalet {what}",
    contract_term_changed: "{who} ändrade avtalstiden för {what}",
    contract_removed: "{who} tog bort avtalet {what}",
    escalation_raised: "{who} eskalerade frågan {what}",
    escalation_changed: "{who} förde eskaleringen {what} vidare",
    supplier_changed: "{who} ändrade leverantören {what}",
};

pub static EN: StatusPageTexts = StatusPageTexts {
    nav: "Status",
    phone_link: "How your objects are doing and what changed →",
    title: "Status",
    loading: "Loading the status …",
    year_note: "Plan year {year}",
    mine_heading: "My objects",
    attention_heading: "Objects needing attention",
    attention_intro: "You hold no role on a single object. These are the objects over capacity, with open escalations or with contracts needing action.",
    mine_none: "Your objects have no plan for the year.",
    attention_none: "No object needs attention right now.",
    no_plan: "No plan for the year",
    budget: "Budget",
    hours: "Hours",
    fte: "FTE",
    initiatives: "Initiatives",
    escalations: "Open escalations",
    contracts: "Contracts needing action within 12 months",
    over_capacity: "Objects over capacity",
    capacity_over: "{limit}: {amount} over",
    capacity_under: "{limit}: {amount} left",
    open_object: "Open {object}",
    portfolio_heading: "The portfolio",
    to_dashboard: "The full steering view",
    changes_heading: "Since you last looked",
    changes_since: "Changes others made since {when}.",
    changes_first: "First visit: changes others made in the last seven days.",
    changes_none: "No changes since then.",
    more: "… and {n} more",
    to_audit: "The full audit trail",
    mark_read: "Mark as read",
    mark_read_hint: "Next time, only what changes after this page was loaded is shown.",
    times: " ({n} times)",
    system: "The system",
    in_object: " in {object}",
    today: "today",
    yesterday: "yesterday",
    weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    initiative_added: "{who} added the initiative {what}",
    initiative_changed: "{who} changed the initiative {what}",
    initiative_removed: "{who} removed the initiative {what}",
    initiative_moved: "{who} moved the initiative {what} in the priorities",
    status_reported: "{who} set the initiative {what} to {status}",
    status_reported_plain: "{who} reported status for the initiative {what}",
    outcome_recorded: "{who} recorded the outcome of the initiative {what}",
    components_changed: "{who} changed the IT components of the initiative {what}",
    plan_created: "{who} created the plan for {what}",
    plan_changed: "{who} changed the plan for {what}",
    plan_approved: "{who} approved the plan for {what}",
    plan_reopened: "{who} reopened the plan for {what}",
    plan_imported: "{who} imported the plan for {what}",
    capacity_changed: "{who} changed the capacity for {what}",
    portfolio_capacity_changed: "{who} changed the portfolio's IT capacity for {what}",
    object_added: "{who} added the object {what}",
    object_changed: "{who} changed the object {what}",
    catalog_changed: "{who} changed the object's products and components ({what})",
    contract_added: "{who} registered the contract {what}",
    contract_changed: "{who} changed the contract {what}",
    contract_term_changed: "{who} changed the term of the contract {what}",
    contract_removed: "{who} removed the contract {what}",
    escalation_raised: "{who} escalated the question {what}",
    escalation_changed: "{who} took the escalation {what} further",
    supplier_changed: "{who} changed the supplier {what}",
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::InitiativeStatus;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().expect("time")
    }

    fn change(kind: ChangeKind, count: usize) -> Change {
        Change {
            at: at("2026-12-01T13:05:00Z"),
            actor: Some("Naris Radetinac".into()),
            kind,
            subject: "Stöd för {what} digital arkivering".into(),
            object_code: Some("AKN".into()),
            href: None,
            count,
        }
    }

    #[test]
    fn changes_read_as_plain_swedish_and_english() {
        let status = |s: InitiativeStatus| crate::i18n::Locale::Sv.texts().initiative_status(s);
        assert_eq!(
            SV.sentence(&change(ChangeKind::InitiativeChanged, 1), status),
            "Naris Radetinac ändrade insatsen Stöd för {what} digital arkivering i AKN"
        );
        assert_eq!(
            SV.sentence(&change(ChangeKind::StatusReported(Some(InitiativeStatus::Delayed)), 3), status),
            "Naris Radetinac satte status försenad på insatsen Stöd för {what} digital arkivering i AKN (3 gånger)"
        );
        let en = |s: InitiativeStatus| crate::i18n::Locale::En.texts().initiative_status(s);
        let mut system = change(ChangeKind::ContractRemoved, 1);
        system.actor = None;
        assert_eq!(
            EN.sentence(&system, en),
            "The system removed the contract Stöd för {what} digital arkivering in AKN"
        );
    }

    #[test]
    fn times_are_relative_on_the_swedish_wall_clock() {
        let now = at("2026-12-02T09:00:00Z");
        assert_eq!(SV.when(at("2026-12-02T07:30:00Z"), now), "i dag 08:30");
        assert_eq!(SV.when(at("2026-12-01T13:05:00Z"), now), "i går 14:05");
        // 23:30 UTC on 1 December is already 2 December in Sweden.
        assert_eq!(SV.when(at("2026-12-01T23:30:00Z"), now), "i dag 00:30");
        assert_eq!(SV.when(at("2026-11-30T10:00:00Z"), now), "i måndags 11:00");
        assert_eq!(EN.when(at("2026-11-30T10:00:00Z"), now), "Monday 11:00");
        assert_eq!(SV.when(at("2026-11-20T10:00:00Z"), now), "2026-11-20 11:00");
    }
}
