//! Calendar feeds of contract deadlines: a secret URL per person, for one
//! object's contracts or all of them, and the dates a feed announces. The
//! dates come from the date engine ([`Contract::terms`]) and nothing else.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::contract::{add_months, sub_months, Contract, Term};
use super::keyed::keyed;

/// How far ahead a feed looks, in months.
pub const FEED_MONTHS_AHEAD: u32 = 36;
/// How far back a feed still shows a date (a missed deadline stays
/// visible), in months.
pub const FEED_MONTHS_BACK: u32 = 12;
/// Days before a notice deadline that its reminder appears.
pub const NOTICE_ALARM_DAYS: u32 = 7;

/// A person's calendar feed as they see it (the secret is never stored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarFeed {
    pub id: i64,
    pub person_id: i64,
    /// The object whose contracts it holds; `None`: every contract.
    pub object: Option<FeedObject>,
    /// The language its events are written in (the creator's at the time).
    pub locale: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedObject {
    pub id: i64,
    pub code: String,
    pub name: String,
}

impl CalendarFeed {
    /// Whether the feed holds this contract.
    pub fn covers(&self, contract: &Contract) -> bool {
        self.object.as_ref().is_none_or(|object| contract.object_codes.contains(&object.code))
    }
}

/// What a dated feed event marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// The last day notice can be given ("senast uppsägning").
    Notice,
    /// The day procurement must start.
    ProcurementStart,
}

keyed!(DeadlineKind {
    Notice => "notice",
    ProcurementStart => "procurement",
});

/// One date a feed announces for a contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeedDate {
    pub kind: DeadlineKind,
    pub date: NaiveDate,
    /// The term the date belongs to.
    pub term: Term,
}

impl FeedDate {
    /// The event's UID: the same contract, kind and date always give the
    /// same UID, so a subscriber updates the event instead of adding
    /// another.
    pub fn uid(&self, contract_id: i64) -> String {
        format!("contract-{contract_id}-{}-{}@styrbord", self.kind.key(), self.date)
    }
}

/// The dates a feed announces for a contract on `today`: the notice
/// deadline and procurement start of every term the date engine lists
/// from [`FEED_MONTHS_BACK`] months ago up to [`FEED_MONTHS_AHEAD`] months
/// ahead, each kept when it falls within the last [`FEED_MONTHS_BACK`]
/// months or later (a missed deadline stays visible a year), or belongs
/// to a term that has not ended. By date, then kind.
pub fn feed_dates(contract: &Contract, today: NaiveDate) -> Vec<FeedDate> {
    let until = add_months(today, FEED_MONTHS_AHEAD);
    let since = sub_months(today, FEED_MONTHS_BACK);
    let current = contract.terms(today, until);
    let earlier = contract.terms(since, until);
    let mut dates: Vec<FeedDate> = Vec::new();
    for term in current.iter().chain(&earlier) {
        let running = term.end >= today;
        for (kind, date) in
            [(DeadlineKind::Notice, term.notice_deadline), (DeadlineKind::ProcurementStart, term.procurement_start)]
        {
            if (running || date >= since) && !dates.iter().any(|d| d.kind == kind && d.date == date) {
                dates.push(FeedDate { kind, date, term: *term });
            }
        }
    }
    dates.sort_by_key(|d| (d.date, d.kind));
    dates
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ExtensionOptions, Money};

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("test date")
    }

    fn contract(end: &str, notice: u32, lead: u32, renewal: Option<u32>) -> Contract {
        Contract {
            id: 7,
            reference: "AVT-2019-002".into(),
            supplier: "Formpipe".into(),
            it_components: vec!["W3D3".into()],
            object_codes: vec!["AKN".into(), "EHR".into()],
            start: date("2015-01-01"),
            end: date(end),
            notice_months: notice,
            options: ExtensionOptions::default(),
            auto_renewal_months: renewal,
            renewals_used: 0,
            notice_given_on: None,
            yearly_cost: Money::ZERO,
            line_organisation: None,
            owner: None,
            deputy: None,
            procurement_lead_months: lead,
            notes: String::new(),
            version: 1,
            procurement_initiative_id: None,
        }
    }

    fn listed(dates: &[FeedDate]) -> Vec<(DeadlineKind, NaiveDate)> {
        dates.iter().map(|d| (d.kind, d.date)).collect()
    }

    #[test]
    fn a_plain_contract_gives_its_notice_deadline_and_procurement_start() {
        let c = contract("2026-12-31", 6, 12, None);
        let dates = feed_dates(&c, date("2025-01-10"));
        assert_eq!(
            listed(&dates),
            [(DeadlineKind::ProcurementStart, date("2025-06-30")), (DeadlineKind::Notice, date("2026-06-30"))]
        );
        assert_eq!(dates[0].term.end, date("2026-12-31"));
    }

    #[test]
    fn a_running_term_keeps_its_passed_dates_and_an_ended_one_drops_them_after_a_year() {
        let c = contract("2026-12-31", 6, 12, None);
        // The procurement start passed more than a year ago, but the
        // contract still runs.
        let running = feed_dates(&c, date("2026-12-01"));
        assert_eq!(listed(&running).len(), 2);
        // Ended long ago: nothing left to show.
        assert!(feed_dates(&c, date("2029-01-01")).is_empty());
        // Ended, but the notice deadline is within the last year.
        let c = contract("2025-03-31", 1, 12, None);
        assert_eq!(listed(&feed_dates(&c, date("2025-06-01"))), [(DeadlineKind::Notice, date("2025-02-28"))]);
    }

    #[test]
    fn renewals_ahead_and_the_missed_deadline_of_the_last_year_are_listed_once() {
        // Renews yearly from 31 Jan 2021 with 3 months' notice: on
        // 2022-06-01 the deadline of 2021-10-31 was missed (the contract
        // renewed itself) and is shown; that term's procurement start
        // (2021-04-30) is more than a year back and is not. Terms run every
        // year up to 36 months ahead.
        let c = contract("2021-01-31", 3, 6, Some(12));
        let dates = feed_dates(&c, date("2022-06-01"));
        let of = |kind| dates.iter().filter(|d| d.kind == kind).map(|d| d.date).collect::<Vec<_>>();
        assert_eq!(
            of(DeadlineKind::Notice),
            [date("2021-10-31"), date("2022-10-31"), date("2023-10-31"), date("2024-10-31")]
        );
        assert_eq!(of(DeadlineKind::ProcurementStart), [date("2022-04-30"), date("2023-04-30"), date("2024-04-30")]);
        let uids: std::collections::HashSet<String> = dates.iter().map(|d| d.uid(c.id)).collect();
        assert_eq!(uids.len(), dates.len(), "no date twice");
    }

    #[test]
    fn uids_are_stable_and_name_the_contract_kind_and_date() {
        let c = contract("2026-12-31", 6, 12, None);
        let first = feed_dates(&c, date("2025-01-10"));
        let again = feed_dates(&c, date("2025-02-20"));
        assert_eq!(first[1].uid(7), "contract-7-notice-2026-06-30@styrbord");
        assert_eq!(first[0].uid(7), "contract-7-procurement-2025-06-30@styrbord");
        assert_eq!(
            first.iter().map(|d| d.uid(7)).collect::<Vec<_>>(),
            again.iter().map(|d| d.uid(7)).collect::<Vec<_>>()
        );
    }

    #[test]
    fn an_object_feed_covers_only_that_objects_contracts() {
        let feed = |object: Option<&str>| CalendarFeed {
            id: 1,
            person_id: 1,
            object: object.map(|code| FeedObject { id: 1, code: code.into(), name: code.into() }),
            locale: "sv".into(),
            created_at: DateTime::UNIX_EPOCH,
            last_used_at: None,
            revoked_at: None,
        };
        let c = contract("2026-12-31", 6, 12, None);
        assert!(feed(None).covers(&c));
        assert!(feed(Some("EHR")).covers(&c));
        assert!(!feed(Some("VSOA")).covers(&c));
    }
}
