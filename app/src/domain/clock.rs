//! The day it is in Sweden. Deadlines are calendar days where the
//! municipality is: between midnight and one or two in the morning the UTC
//! date is still yesterday, and a reminder or a status would be a day late.
//! The rule is the EU's (since 1996): summer time from 01:00 UTC on the last
//! Sunday of March to 01:00 UTC on the last Sunday of October; CET (UTC+1)
//! otherwise. Small enough to keep here instead of a time-zone database.

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};

fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let last = NaiveDate::from_ymd_opt(year, month + 1, 1).and_then(|d| d.pred_opt()).unwrap_or_default();
    let back = i64::from(last.weekday().num_days_from_sunday());
    last - Duration::days(back)
}

/// Sweden's offset from UTC at `now`, in hours (1 or 2).
pub fn swedish_offset_hours(now: DateTime<Utc>) -> i64 {
    let year = now.year();
    let at_one = |date: NaiveDate| Utc.from_utc_datetime(&date.and_hms_opt(1, 0, 0).unwrap_or_default());
    let summer_from = at_one(last_sunday(year, 3));
    let summer_to = at_one(last_sunday(year, 10));
    if now >= summer_from && now < summer_to {
        2
    } else {
        1
    }
}

/// The calendar day in Sweden at `now`.
pub fn swedish_date(now: DateTime<Utc>) -> NaiveDate {
    (now + Duration::hours(swedish_offset_hours(now))).date_naive()
}

/// Today in Sweden (the server's clock; the browser gets the day from it).
#[cfg(feature = "ssr")]
pub fn today() -> NaiveDate {
    swedish_date(Utc::now())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().expect("test time")
    }

    #[test]
    fn the_swedish_day_starts_an_hour_or_two_before_utc() {
        let cases = [
            ("2026-01-14T22:59:59Z", "2026-01-14"),
            ("2026-01-14T23:00:00Z", "2026-01-15"),
            ("2026-07-14T21:59:59Z", "2026-07-14"),
            ("2026-07-14T22:00:00Z", "2026-07-15"),
            // Summer time starts 29 March 2026 at 01:00 UTC, ends 25 October.
            ("2026-03-29T00:59:59Z", "2026-03-29"),
            ("2026-03-28T23:30:00Z", "2026-03-29"),
            ("2026-10-24T22:30:00Z", "2026-10-25"),
            ("2026-10-25T22:30:00Z", "2026-10-25"),
            ("2026-12-31T23:00:00Z", "2027-01-01"),
            ("2024-02-28T23:00:00Z", "2024-02-29"),
        ];
        for (now, day) in cases {
            assert_eq!(swedish_date(at(now)).to_string(), day, "{now}");
        }
        assert_eq!(swedish_offset_hours(at("2026-03-29T01:00:00Z")), 2);
        assert_eq!(swedish_offset_hours(at("2026-10-25T01:00:00Z")), 1);
        assert_eq!(swedish_offset_hours(at("2026-10-25T00:59:59Z")), 2);
    }
}
