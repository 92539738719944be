//! Calendar feeds: the list a person sees, the URLs of a new feed, and the
//! calendar a feed serves, built from the date engine's dates
//! ([`feed_dates`]) and the texts of the feed's language.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ObjectChoice;
use crate::domain::ical::{Alarm, Calendar, Event};
use crate::domain::{feed_dates, CalendarFeed, Contract, DeadlineKind, FeedDate, NOTICE_ALARM_DAYS};
use crate::i18n::{CalendarTexts, Locale};

/// How often subscribers should fetch a feed again, in hours.
pub const FEED_REFRESH_HOURS: u32 = 4;

/// A person's feeds and the objects a new one can be limited to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarFeedsPage {
    pub feeds: Vec<CalendarFeed>,
    pub objects: Vec<ObjectChoice>,
}

/// A feed just created: its addresses, shown once (the secret is in them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCalendarFeed {
    pub feed: CalendarFeed,
    pub https_url: String,
    pub webcal_url: String,
}

/// The two forms of a feed's address: `http(s)://…/calendar/{secret}.ics`
/// and the same with `webcal://`, which calendar programs open as a
/// subscription.
pub fn feed_urls(base_url: &str, secret: &str) -> (String, String) {
    let url = format!("{}/calendar/{secret}.ics", base_url.trim_end_matches('/'));
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")).unwrap_or(&url);
    let webcal = format!("webcal://{rest}");
    (url, webcal)
}

/// The calendar a feed serves on `today`: the notice deadlines and
/// procurement starts of the contracts it covers (`contracts` is every
/// contract its owner may read), in the feed's language, linking to each
/// contract under `base_url`.
pub fn feed_calendar(feed: &CalendarFeed, contracts: &[Contract], today: NaiveDate, base_url: &str) -> Calendar {
    let t = Locale::from_code(&feed.locale).unwrap_or_default().calendar();
    let name = match &feed.object {
        Some(object) => format!("{} – {}", t.calendar_name, object.code),
        None => t.calendar_name.to_owned(),
    };
    let mut events: Vec<Event> = contracts
        .iter()
        .filter(|c| feed.covers(c))
        .flat_map(|contract| {
            feed_dates(contract, today).into_iter().map(move |date| event(t, contract, &date, base_url))
        })
        .collect();
    events.sort_by(|a, b| (a.date, &a.uid).cmp(&(b.date, &b.uid)));
    Calendar { name, refresh_hours: FEED_REFRESH_HOURS, events }
}

fn event(t: &CalendarTexts, contract: &Contract, date: &FeedDate, base_url: &str) -> Event {
    let url = format!("{}/contracts/{}", base_url.trim_end_matches('/'), contract.id);
    let label = match date.kind {
        DeadlineKind::Notice => t.notice_summary,
        DeadlineKind::ProcurementStart => t.procurement_summary,
    };
    let summary = format!("{label}: {}, {}", contract.reference, contract.supplier);
    let list = |items: &[String]| if items.is_empty() { t.none.to_owned() } else { items.join(", ") };
    let mut lines = vec![
        format!("{}: {}", t.supplier, contract.supplier),
        format!("{}: {}", t.objects, list(&contract.object_codes)),
        format!("{}: {}", t.it_components, list(&contract.it_components)),
        format!("{}: {}", t.term_end, date.term.end),
    ];
    match date.kind {
        DeadlineKind::Notice => lines.push(format!("{}: {}", t.procurement_start, date.term.procurement_start)),
        DeadlineKind::ProcurementStart => lines.push(format!("{}: {}", t.notice_deadline, date.term.notice_deadline)),
    }
    lines.push(url.clone());
    let alarm = (date.kind == DeadlineKind::Notice).then(|| Alarm {
        days_before: NOTICE_ALARM_DAYS,
        description: format!("{}: {}, {}", t.notice_alarm, contract.reference, contract.supplier),
    });
    Event { uid: date.uid(contract.id), date: date.date, summary, description: lines.join("\n"), url: Some(url), alarm }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ExtensionOptions, FeedObject, Money};

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("test date")
    }

    fn contract(id: i64, reference: &str, objects: &[&str]) -> Contract {
        Contract {
            id,
            reference: reference.into(),
            supplier: "Formpipe".into(),
            it_components: vec!["W3D3".into()],
            object_codes: objects.iter().map(|&c| c.to_owned()).collect(),
            start: date("2019-01-01"),
            end: date("2026-12-31"),
            notice_months: 6,
            options: ExtensionOptions::default(),
            auto_renewal_months: None,
            renewals_used: 0,
            notice_given_on: None,
            yearly_cost: Money::ZERO,
            line_organisation: None,
            owner: None,
            deputy: None,
            procurement_lead_months: 12,
            notes: String::new(),
            version: 1,
            procurement_initiative_id: None,
        }
    }

    fn feed(object: Option<&str>, locale: &str) -> CalendarFeed {
        CalendarFeed {
            id: 1,
            person_id: 1,
            object: object.map(|code| FeedObject { id: 9, code: code.into(), name: code.into() }),
            locale: locale.into(),
            created_at: chrono::DateTime::UNIX_EPOCH,
            last_used_at: None,
            revoked_at: None,
        }
    }

    #[test]
    fn the_urls_come_as_https_and_webcal() {
        assert_eq!(
            feed_urls("https://styrbord.kommun.se/", "sbc_abc"),
            (
                "https://styrbord.kommun.se/calendar/sbc_abc.ics".to_owned(),
                "webcal://styrbord.kommun.se/calendar/sbc_abc.ics".to_owned()
            )
        );
        assert_eq!(feed_urls("http://127.0.0.1:3000", "x").1, "webcal://127.0.0.1:3000/calendar/x.ics");
    }

    #[test]
    fn events_are_in_swedish_by_default_and_english_when_asked() {
        let contracts = [contract(7, "AVT-2019-002", &["AKN"])];
        let sv = feed_calendar(&feed(None, "sv"), &contracts, date("2025-01-10"), "https://s.example");
        assert_eq!(sv.name, "Styrbord – avtal");
        let summaries: Vec<&str> = sv.events.iter().map(|e| e.summary.as_str()).collect();
        assert_eq!(
            summaries,
            ["Starta upphandling: AVT-2019-002, Formpipe", "Senast uppsägning: AVT-2019-002, Formpipe"]
        );
        assert_eq!(sv.events[1].uid, "contract-7-notice-2026-06-30@styrbord");
        assert_eq!(sv.events[1].url.as_deref(), Some("https://s.example/contracts/7"));
        assert!(sv.events[1].description.contains("Avtalsperioden slutar: 2026-12-31"));
        assert!(sv.events[1].alarm.is_some() && sv.events[0].alarm.is_none(), "only notice deadlines alarm");
        let en = feed_calendar(&feed(None, "en"), &contracts, date("2025-01-10"), "https://s.example");
        assert_eq!(en.events[1].summary, "Notice deadline: AVT-2019-002, Formpipe");
        // An unknown language falls back to Swedish.
        let other = feed_calendar(&feed(None, "xx"), &contracts, date("2025-01-10"), "https://s.example");
        assert_eq!(other.events[1].summary, sv.events[1].summary);
    }

    #[test]
    fn an_object_feed_holds_only_that_objects_contracts() {
        let contracts =
            [contract(1, "AVT-1", &["AKN"]), contract(2, "AVT-2", &["VSOA"]), contract(3, "AVT-3", &["AKN", "EHR"])];
        let today = date("2025-01-10");
        let akn = feed_calendar(&feed(Some("AKN"), "sv"), &contracts, today, "https://s.example");
        assert_eq!(akn.name, "Styrbord – avtal – AKN");
        let uids: Vec<&str> = akn.events.iter().map(|e| e.uid.as_str()).collect();
        assert_eq!(
            uids,
            [
                "contract-1-procurement-2025-06-30@styrbord",
                "contract-3-procurement-2025-06-30@styrbord",
                "contract-1-notice-2026-06-30@styrbord",
                "contract-3-notice-2026-06-30@styrbord",
            ],
            "by date, then UID"
        );
        let all = feed_calendar(&feed(None, "sv"), &contracts, today, "https://s.example");
        assert_eq!(all.events.len(), 6);
    }
}
