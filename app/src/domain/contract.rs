//! Supplier contracts ("avtal"): what was agreed and the dates that follow
//! from it. The full deadline engine (statuses, reminders) builds on the
//! month arithmetic here.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::Money;

/// Extension options such as "2 × 12 months", and how many are used.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtensionOptions {
    pub count: u32,
    pub months: u32,
    pub used: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contract {
    pub id: i64,
    pub reference: String,
    pub supplier: String,
    pub it_components: Vec<String>,
    pub object_codes: Vec<String>,
    pub start: NaiveDate,
    /// The end date as originally agreed, before options or renewals.
    pub end: NaiveDate,
    pub notice_months: u32,
    pub options: ExtensionOptions,
    /// Renews itself by this many months unless notice is given.
    pub auto_renewal_months: Option<u32>,
    pub yearly_cost: Money,
    pub line_organisation: Option<String>,
    pub owner: Option<String>,
    pub deputy: Option<String>,
    pub procurement_lead_months: u32,
    pub notes: String,
}

impl Contract {
    /// The end date after the options already exercised.
    pub fn current_end(&self) -> NaiveDate {
        add_months(self.end, self.options.used * self.options.months)
    }

    /// The last day notice can be given ("senast uppsägning").
    pub fn notice_deadline(&self) -> NaiveDate {
        sub_months(self.current_end(), self.notice_months)
    }
}

/// Adds calendar months, clamping to the last day of a shorter month:
/// 31 January + 1 month is 28 (or 29) February.
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    shift_months(date, i64::from(months))
}

fn sub_months(date: NaiveDate, months: u32) -> NaiveDate {
    shift_months(date, -i64::from(months))
}

fn shift_months(date: NaiveDate, months: i64) -> NaiveDate {
    let index = i64::from(date.year()) * 12 + i64::from(date.month0()) + months;
    let year = i32::try_from(index.div_euclid(12)).unwrap_or(i32::MAX);
    let month = u32::try_from(index.rem_euclid(12)).unwrap_or(0) + 1;
    (1..=date.day()).rev().find_map(|day| NaiveDate::from_ymd_opt(year, month, day)).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("test date")
    }

    #[test]
    fn month_arithmetic_clamps_to_month_ends_and_leap_days() {
        let cases = [
            ("2021-01-31", 1, "2021-02-28"),
            ("2024-01-31", 1, "2024-02-29"),
            ("2024-02-29", 12, "2025-02-28"),
            ("2020-11-30", 3, "2021-02-28"),
            ("2020-06-15", 0, "2020-06-15"),
            ("2020-12-31", 24, "2022-12-31"),
        ];
        for (from, months, expected) in cases {
            assert_eq!(add_months(date(from), months), date(expected), "{from} + {months}");
        }
        assert_eq!(sub_months(date("2021-03-31"), 1), date("2021-02-28"));
        assert_eq!(sub_months(date("2021-01-15"), 2), date("2020-11-15"));
    }

    #[test]
    fn exercised_options_move_the_end_and_the_notice_deadline() {
        let contract = Contract {
            id: 1,
            reference: "AV-1".into(),
            supplier: "Formpipe".into(),
            it_components: vec![],
            object_codes: vec![],
            start: date("2018-01-01"),
            end: date("2021-12-31"),
            notice_months: 6,
            options: ExtensionOptions { count: 2, months: 12, used: 1 },
            auto_renewal_months: None,
            yearly_cost: Money::ZERO,
            line_organisation: None,
            owner: None,
            deputy: None,
            procurement_lead_months: 12,
            notes: String::new(),
        };
        assert_eq!(contract.current_end(), date("2022-12-31"));
        assert_eq!(contract.notice_deadline(), date("2022-06-30"));
    }
}
