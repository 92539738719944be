//! Supplier contracts ("avtal") and the date engine: what was agreed, and
//! the dates that follow from it on a given day (001, 3.1.3). Pure: the
//! register, the timeline, the calendar feed and the reminders all ask
//! [`Contract::deadlines`] and nothing else, so they never disagree.
//!
//! Month arithmetic clamps to the last day of a shorter month (31 January
//! plus a month is the last of February) and is always counted from the
//! agreed end, never chained, so month ends do not drift: a contract
//! ending 31 January and renewing monthly ends on 31 March, not 28 March.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::form::{free_text, name, Checks, FieldProblem};
use super::keyed::keyed;
use super::{DomainError, Money};

/// Extension options such as "2 × 12 months", and how many are used.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtensionOptions {
    pub count: u32,
    pub months: u32,
    pub used: u32,
}

impl ExtensionOptions {
    pub fn left(self) -> u32 {
        self.count.saturating_sub(self.used)
    }
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
    /// Renewals recorded in the register (each moves the end by one period).
    #[serde(default)]
    pub renewals_used: u32,
    /// The day notice was given: the contract ends with the term it was
    /// given in and renews no more.
    #[serde(default)]
    pub notice_given_on: Option<NaiveDate>,
    pub yearly_cost: Money,
    pub line_organisation: Option<String>,
    pub owner: Option<String>,
    pub deputy: Option<String>,
    pub procurement_lead_months: u32,
    pub notes: String,
    #[serde(default)]
    pub version: i64,
    /// The initiative "Upphandling …" created from this contract.
    #[serde(default)]
    pub procurement_initiative_id: Option<i64>,
}

/// Where a contract stands on a day, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContractStatus {
    /// Past its end.
    Ended,
    /// Too late to give notice (or to decide on an option): the term runs
    /// to its end whatever happens.
    NoticePassed,
    /// Procurement should already have started: the notice deadline is
    /// closer than the procurement lead time.
    ActNow,
    /// The notice deadline is within 12 months.
    Within12Months,
    Ok,
}

keyed!(ContractStatus {
    Ended => "ended",
    NoticePassed => "notice_passed",
    ActNow => "act_now",
    Within12Months => "within_12_months",
    Ok => "ok",
});

/// How far ahead "within 12 months" looks.
pub const SOON_MONTHS: u32 = 12;

/// The reminder lead times before a notice deadline, in months, by default.
pub const DEFAULT_REMINDER_MONTHS: [u32; 4] = [18, 12, 6, 3];

/// One term of a contract: when it ends and the dates that lead up to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    pub end: NaiveDate,
    /// The last day notice can be given ("senast uppsägning").
    pub notice_deadline: NaiveDate,
    /// When procurement must start: the notice deadline minus the
    /// procurement lead time.
    pub procurement_start: NaiveDate,
}

/// A contract's dates and status on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadlines {
    #[serde(flatten)]
    pub term: Term,
    pub status: ContractStatus,
    /// Renewals the contract has made by itself past the recorded end,
    /// because nobody gave notice in time.
    pub automatic_renewals: u32,
    pub options_left: u32,
}

impl Contract {
    /// The end after the options exercised and the renewals recorded.
    pub fn recorded_end(&self) -> NaiveDate {
        let months =
            self.options.used * self.options.months + self.renewals_used * self.auto_renewal_months.unwrap_or(0);
        add_months(self.end, months)
    }

    /// The end of the current term on `today`; an auto-renewing contract
    /// rolls forward past every notice deadline that went by unused.
    pub fn current_end(&self, today: NaiveDate) -> NaiveDate {
        self.deadlines(today).term.end
    }

    /// The last day notice can be given for the current term.
    pub fn notice_deadline(&self, today: NaiveDate) -> NaiveDate {
        self.deadlines(today).term.notice_deadline
    }

    fn term_ending(&self, end: NaiveDate) -> Term {
        let notice_deadline = sub_months(end, self.notice_months);
        Term { end, notice_deadline, procurement_start: sub_months(notice_deadline, self.procurement_lead_months) }
    }

    /// The `k`th term after the recorded end (0: the recorded term itself),
    /// counted from the recorded end so month ends do not drift.
    fn renewed_term(&self, k: u32) -> Term {
        let period = self.auto_renewal_months.unwrap_or(0);
        self.term_ending(add_months(self.recorded_end(), k.saturating_mul(period)))
    }

    /// How many automatic renewals have happened by `day`: the first term
    /// whose notice deadline is `day` or later is the one running. Notice
    /// given on a day fixes the term as it stood that day.
    fn renewals_by(&self, day: NaiveDate) -> u32 {
        let Some(period) = self.auto_renewal_months.filter(|p| *p > 0) else {
            return 0;
        };
        let day = self.notice_given_on.map_or(day, |given| given.min(day));
        let recorded = self.term_ending(self.recorded_end());
        if recorded.notice_deadline >= day {
            return 0;
        }
        // A first guess from whole months, then exact steps (at most a few).
        let behind = months_between(recorded.notice_deadline, day);
        let mut k = (behind / period).saturating_sub(1);
        while self.renewed_term(k).notice_deadline < day {
            k += 1;
        }
        k
    }

    /// The dates and status on `today`.
    pub fn deadlines(&self, today: NaiveDate) -> Deadlines {
        let automatic_renewals = self.renewals_by(today);
        let term = self.renewed_term(automatic_renewals);
        Deadlines { term, status: status_of(term, today), automatic_renewals, options_left: self.options.left() }
    }

    /// The current term and, for a contract that renews itself, the terms
    /// after it whose notice deadline falls on or before `until`: what the
    /// timeline draws and the calendar feed announces.
    pub fn terms(&self, today: NaiveDate, until: NaiveDate) -> Vec<Term> {
        let first = self.renewals_by(today);
        let mut terms = vec![self.renewed_term(first)];
        let renews = self.auto_renewal_months.is_some_and(|p| p > 0) && self.notice_given_on.is_none();
        if renews {
            for k in first + 1..first + 1 + 1200 {
                let term = self.renewed_term(k);
                if term.notice_deadline > until {
                    break;
                }
                terms.push(term);
            }
        }
        terms
    }
}

fn status_of(term: Term, today: NaiveDate) -> ContractStatus {
    if today > term.end {
        ContractStatus::Ended
    } else if today > term.notice_deadline {
        ContractStatus::NoticePassed
    } else if today >= term.procurement_start {
        ContractStatus::ActNow
    } else if today >= sub_months(term.notice_deadline, SOON_MONTHS) {
        ContractStatus::Within12Months
    } else {
        ContractStatus::Ok
    }
}

/// The reminder due on `today` for a notice deadline: the shortest lead
/// time (in months) whose day has come, while the deadline is still ahead.
/// A contract registered 5 months before its deadline gets the 6-month
/// reminder only, not the 18 and 12 it never had a chance to send.
pub fn reminder_due(notice_deadline: NaiveDate, today: NaiveDate, lead_months: &[u32]) -> Option<u32> {
    if today > notice_deadline {
        return None;
    }
    lead_months.iter().copied().filter(|&months| today >= sub_months(notice_deadline, months)).min()
}

/// Reads reminder lead times as configured: months, separated by commas or
/// spaces (`18,12,6,3`); each 1–60, at least one. Sorted longest first.
pub fn parse_reminder_months(text: &str) -> Result<Vec<u32>, DomainError> {
    let mut months = Vec::new();
    for part in text.split([',', ' ', ';']).map(str::trim).filter(|p| !p.is_empty()) {
        let value: u32 = part.parse().map_err(|_| DomainError::NotANumber)?;
        if !(1..=60).contains(&value) {
            return Err(DomainError::UnknownValue(part.to_owned()));
        }
        if !months.contains(&value) {
            months.push(value);
        }
    }
    if months.is_empty() {
        return Err(DomainError::Required);
    }
    months.sort_unstable_by(|a, b| b.cmp(a));
    Ok(months)
}

/// Adds calendar months, clamping to the last day of a shorter month:
/// 31 January + 1 month is 28 (or 29) February.
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    shift_months(date, i64::from(months))
}

/// Subtracts calendar months, clamping like [`add_months`].
pub fn sub_months(date: NaiveDate, months: u32) -> NaiveDate {
    shift_months(date, -i64::from(months))
}

fn shift_months(date: NaiveDate, months: i64) -> NaiveDate {
    let index = i64::from(date.year()) * 12 + i64::from(date.month0()) + months;
    let year = i32::try_from(index.div_euclid(12)).unwrap_or(i32::MAX);
    let month = u32::try_from(index.rem_euclid(12)).unwrap_or(0) + 1;
    (1..=date.day()).rev().find_map(|day| NaiveDate::from_ymd_opt(year, month, day)).unwrap_or(date)
}

/// Whole calendar months from `from` to `to` (0 when `to` is earlier).
fn months_between(from: NaiveDate, to: NaiveDate) -> u32 {
    let months =
        (i64::from(to.year()) - i64::from(from.year())) * 12 + i64::from(to.month0()) - i64::from(from.month0());
    u32::try_from(months.max(0)).unwrap_or(u32::MAX)
}

/// The quarter a day falls in, as (year, 1–4).
pub fn quarter_of(date: NaiveDate) -> (i32, u32) {
    (date.year(), date.month0() / 3 + 1)
}

pub const REFERENCE_MAX_CHARS: usize = 60;
pub const MONTHS_MAX: u32 = 120;

/// A contract's register fields as a person typed them. IT components and
/// objects are chosen from lists and checked against the store by the
/// server.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractForm {
    pub reference: String,
    pub supplier: String,
    pub start: String,
    pub end: String,
    pub notice_months: String,
    pub option_count: String,
    pub option_months: String,
    pub options_used: String,
    pub auto_renewal_months: String,
    pub yearly_cost: String,
    pub line_organisation: String,
    pub owner: String,
    pub deputy: String,
    pub procurement_lead_months: String,
    pub notes: String,
}

/// The register fields, checked. Names (supplier, line organisation) and
/// people (by id) are resolved by the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractInput {
    pub reference: String,
    pub supplier: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub notice_months: u32,
    pub options: ExtensionOptions,
    pub auto_renewal_months: Option<u32>,
    pub yearly_cost: Money,
    pub line_organisation: Option<String>,
    pub owner_id: Option<i64>,
    pub deputy_id: Option<i64>,
    pub procurement_lead_months: u32,
    pub notes: String,
}

fn iso_date(text: &str) -> Result<NaiveDate, DomainError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(DomainError::Required);
    }
    NaiveDate::parse_from_str(trimmed, "%Y-%m-%d").map_err(|_| DomainError::UnknownValue(trimmed.to_owned()))
}

/// Whole months, 0–[`MONTHS_MAX`]; blank is `blank`.
fn months(text: &str, blank: Option<u32>) -> Result<u32, DomainError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return blank.ok_or(DomainError::Required);
    }
    let value: i64 = trimmed.parse().map_err(|_| DomainError::NotANumber)?;
    if value < 0 {
        return Err(DomainError::Negative);
    }
    u32::try_from(value).ok().filter(|v| *v <= MONTHS_MAX).ok_or(DomainError::TooLarge)
}

fn person_id(text: &str) -> Result<Option<i64>, DomainError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    trimmed.parse().map(Some).map_err(|_| DomainError::UnknownValue(trimmed.to_owned()))
}

fn optional_name(text: &str) -> Result<Option<String>, DomainError> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        name(text, super::NAME_MAX_CHARS).map(Some)
    }
}

impl ContractForm {
    /// The form as it opens on a stored contract. People are chosen by id:
    /// the caller fills `owner` and `deputy` in (the contract names them).
    pub fn of(contract: &Contract) -> Self {
        let count = |n: u32| if n == 0 { String::new() } else { n.to_string() };
        Self {
            reference: contract.reference.clone(),
            supplier: contract.supplier.clone(),
            start: contract.start.to_string(),
            end: contract.end.to_string(),
            notice_months: contract.notice_months.to_string(),
            option_count: count(contract.options.count),
            option_months: count(contract.options.months),
            options_used: count(contract.options.used),
            auto_renewal_months: contract.auto_renewal_months.map(count).unwrap_or_default(),
            yearly_cost: super::form::as_typed(contract.yearly_cost.value()),
            line_organisation: contract.line_organisation.clone().unwrap_or_default(),
            owner: String::new(),
            deputy: String::new(),
            procurement_lead_months: contract.procurement_lead_months.to_string(),
            notes: contract.notes.clone(),
        }
    }

    /// Checks every field; all problems at once.
    pub fn parse(&self) -> Result<ContractInput, Vec<FieldProblem>> {
        let mut checks = Checks::default();
        let reference = checks.take("reference", name(&self.reference, REFERENCE_MAX_CHARS));
        let supplier = checks.take("supplier", name(&self.supplier, super::NAME_MAX_CHARS));
        let start = checks.take("start", iso_date(&self.start));
        let end = checks.take("end", iso_date(&self.end));
        let end = match (start, end) {
            (Some(start), Some(end)) if end < start => {
                checks.take::<()>("end", Err(DomainError::BeforeStart));
                None
            }
            (_, end) => end,
        };
        let notice_months = checks.take("notice_months", months(&self.notice_months, Some(0)));
        let option_count = checks.take("option_count", months(&self.option_count, Some(0)));
        let option_months = checks.take("option_months", months(&self.option_months, Some(0)));
        let options_used = checks.take("options_used", months(&self.options_used, Some(0)));
        let options = match (option_count, option_months, options_used) {
            (Some(count), Some(months), Some(used)) => {
                if used > count {
                    checks.take::<()>("options_used", Err(DomainError::TooLarge));
                    None
                } else if count > 0 && months == 0 {
                    checks.take::<()>("option_months", Err(DomainError::NotPositive));
                    None
                } else {
                    Some(ExtensionOptions { count, months, used })
                }
            }
            _ => None,
        };
        let auto_renewal_months = checks.take(
            "auto_renewal_months",
            match months(&self.auto_renewal_months, Some(0)) {
                Ok(0) => Ok(None),
                Ok(months) => Ok(Some(months)),
                Err(e) => Err(e),
            },
        );
        let yearly_cost = checks.take(
            "yearly_cost",
            if self.yearly_cost.trim().is_empty() { Ok(Money::ZERO) } else { Money::parse(&self.yearly_cost) },
        );
        let line_organisation = checks.take("line_organisation", optional_name(&self.line_organisation));
        let owner_id = checks.take("owner", person_id(&self.owner));
        let deputy_id = checks.take("deputy", person_id(&self.deputy));
        let procurement_lead_months =
            checks.take("procurement_lead_months", months(&self.procurement_lead_months, Some(0)));
        let notes = checks.take("notes", free_text(&self.notes));
        let value = (|| {
            Some(ContractInput {
                reference: reference?,
                supplier: supplier?,
                start: start?,
                end: end?,
                notice_months: notice_months?,
                options: options?,
                auto_renewal_months: auto_renewal_months?,
                yearly_cost: yearly_cost?,
                line_organisation: line_organisation?,
                owner_id: owner_id?,
                deputy_id: deputy_id?,
                procurement_lead_months: procurement_lead_months?,
                notes: notes?,
            })
        })();
        checks.finish(value)
    }

    /// Each field's name and text, in form order.
    pub fn fields(&self) -> Vec<(String, String)> {
        [
            ("reference", &self.reference),
            ("supplier", &self.supplier),
            ("start", &self.start),
            ("end", &self.end),
            ("notice_months", &self.notice_months),
            ("option_count", &self.option_count),
            ("option_months", &self.option_months),
            ("options_used", &self.options_used),
            ("auto_renewal_months", &self.auto_renewal_months),
            ("yearly_cost", &self.yearly_cost),
            ("line_organisation", &self.line_organisation),
            ("owner", &self.owner),
            ("deputy", &self.deputy),
            ("procurement_lead_months", &self.procurement_lead_months),
            ("notes", &self.notes),
        ]
        .into_iter()
        .map(|(name, value)| (name.to_owned(), value.clone()))
        .collect()
    }
}

/// What happened to a contract's term, kept as its history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContractEventKind {
    /// An extension option was exercised.
    OptionExercised,
    /// A renewal was recorded.
    Renewed,
    /// Notice was given.
    NoticeGiven,
}

keyed!(ContractEventKind {
    OptionExercised => "option_exercised",
    Renewed => "renewed",
    NoticeGiven => "notice_given",
});

/// One entry in a contract's history: the end before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractEvent {
    pub kind: ContractEventKind,
    pub previous_end: NaiveDate,
    pub new_end: NaiveDate,
    pub on: NaiveDate,
    pub by: Option<String>,
    pub note: String,
}

/// Why a term change is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TermChangeError {
    /// Every option is used (or there were none).
    NoOptionsLeft,
    /// The contract does not renew itself.
    NotRenewing,
    /// Notice was already given.
    NoticeAlreadyGiven,
    /// The contract has ended.
    Ended,
}

impl Contract {
    /// The contract after `kind` on `today`, with its history entry; the
    /// end date moves by the option's or the renewal's length.
    pub fn change_term(
        &self,
        kind: ContractEventKind,
        today: NaiveDate,
    ) -> Result<(Contract, NaiveDate, NaiveDate), TermChangeError> {
        let before = self.deadlines(today);
        if self.notice_given_on.is_some() {
            return Err(TermChangeError::NoticeAlreadyGiven);
        }
        let mut after = self.clone();
        match kind {
            ContractEventKind::OptionExercised => {
                if self.options.left() == 0 {
                    return Err(TermChangeError::NoOptionsLeft);
                }
                if before.status == ContractStatus::Ended {
                    return Err(TermChangeError::Ended);
                }
                after.options.used += 1;
            }
            ContractEventKind::Renewed => {
                if self.auto_renewal_months.is_none_or(|p| p == 0) {
                    return Err(TermChangeError::NotRenewing);
                }
                // Record the renewals that happened by themselves, and this one.
                after.renewals_used += before.automatic_renewals + 1;
            }
            ContractEventKind::NoticeGiven => {
                if before.status == ContractStatus::Ended {
                    return Err(TermChangeError::Ended);
                }
                after.renewals_used += before.automatic_renewals;
                after.notice_given_on = Some(today);
            }
        }
        let new_end = after.deadlines(today).term.end;
        Ok((after, before.term.end, new_end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("test date")
    }

    fn contract(start: &str, end: &str, notice_months: u32, lead: u32) -> Contract {
        Contract {
            id: 1,
            reference: "AV-1".into(),
            supplier: "Formpipe".into(),
            it_components: vec![],
            object_codes: vec![],
            start: date(start),
            end: date(end),
            notice_months,
            options: ExtensionOptions::default(),
            auto_renewal_months: None,
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

    #[test]
    fn month_arithmetic_clamps_to_month_ends_and_leap_days() {
        let cases = [
            ("2021-01-31", 1, "2021-02-28"),
            ("2024-01-31", 1, "2024-02-29"),
            ("2024-02-29", 12, "2025-02-28"),
            ("2024-02-29", 48, "2028-02-29"),
            ("2020-11-30", 3, "2021-02-28"),
            ("2020-06-15", 0, "2020-06-15"),
            ("2020-12-31", 24, "2022-12-31"),
            ("2021-08-31", 1, "2021-09-30"),
        ];
        for (from, months, expected) in cases {
            assert_eq!(add_months(date(from), months), date(expected), "{from} + {months}");
        }
        let back = [
            ("2021-03-31", 1, "2021-02-28"),
            ("2024-03-31", 1, "2024-02-29"),
            ("2021-01-15", 2, "2020-11-15"),
            ("2025-02-28", 12, "2024-02-28"),
            ("2022-12-31", 18, "2021-06-30"),
        ];
        for (from, months, expected) in back {
            assert_eq!(sub_months(date(from), months), date(expected), "{from} - {months}");
        }
    }

    #[test]
    fn deadlines_table() {
        // (end, notice, lead, today) -> (notice deadline, procurement start, status)
        let cases = [
            ("2022-12-31", 6, 12, "2021-01-01", "2022-06-30", "2021-06-30", ContractStatus::Ok),
            ("2022-12-31", 6, 12, "2021-07-01", "2022-06-30", "2021-06-30", ContractStatus::ActNow),
            ("2022-12-31", 6, 12, "2021-06-30", "2022-06-30", "2021-06-30", ContractStatus::ActNow),
            ("2022-12-31", 6, 12, "2021-06-29", "2022-06-30", "2021-06-30", ContractStatus::Ok),
            ("2022-12-31", 6, 3, "2021-07-01", "2022-06-30", "2022-03-30", ContractStatus::Within12Months),
            ("2022-12-31", 6, 3, "2021-06-29", "2022-06-30", "2022-03-30", ContractStatus::Ok),
            ("2022-12-31", 6, 12, "2022-06-30", "2022-06-30", "2021-06-30", ContractStatus::ActNow),
            ("2022-12-31", 6, 12, "2022-07-01", "2022-06-30", "2021-06-30", ContractStatus::NoticePassed),
            ("2022-12-31", 6, 12, "2022-12-31", "2022-06-30", "2021-06-30", ContractStatus::NoticePassed),
            ("2022-12-31", 6, 12, "2023-01-01", "2022-06-30", "2021-06-30", ContractStatus::Ended),
            // Month ends: 31 August minus 6 months is the last of February.
            ("2021-08-31", 6, 1, "2020-01-01", "2021-02-28", "2021-01-28", ContractStatus::Ok),
            ("2024-08-31", 6, 1, "2020-01-01", "2024-02-29", "2024-01-29", ContractStatus::Ok),
            // No notice period: the deadline is the end itself.
            ("2022-12-31", 0, 0, "2022-12-31", "2022-12-31", "2022-12-31", ContractStatus::ActNow),
        ];
        for (end, notice, lead, today, deadline, procurement, status) in cases {
            let c = contract("2018-01-01", end, notice, lead);
            let d = c.deadlines(date(today));
            assert_eq!(d.term.end, date(end), "{end} {notice} {lead} {today}");
            assert_eq!(d.term.notice_deadline, date(deadline), "{end} {notice} {lead} {today}");
            assert_eq!(d.term.procurement_start, date(procurement), "{end} {notice} {lead} {today}");
            assert_eq!(d.status, status, "{end} {notice} {lead} {today}");
        }
    }

    #[test]
    fn notice_longer_than_the_remaining_term_has_passed_from_the_start() {
        // Signed for 6 months with 12 months' notice: the deadline lies
        // before the contract even began.
        let c = contract("2021-01-01", "2021-06-30", 12, 6);
        let d = c.deadlines(date("2021-01-01"));
        assert_eq!(d.term.notice_deadline, date("2020-06-30"));
        assert_eq!(d.term.procurement_start, date("2019-12-30"));
        assert_eq!(d.status, ContractStatus::NoticePassed);
        assert_eq!(reminder_due(d.term.notice_deadline, date("2021-01-01"), &DEFAULT_REMINDER_MONTHS), None);
    }

    #[test]
    fn exercised_options_move_the_end_and_the_notice_deadline() {
        let mut c = contract("2018-01-01", "2021-12-31", 6, 12);
        c.options = ExtensionOptions { count: 2, months: 12, used: 1 };
        let d = c.deadlines(date("2021-03-01"));
        assert_eq!(d.term.end, date("2022-12-31"));
        assert_eq!(d.term.notice_deadline, date("2022-06-30"));
        assert_eq!(d.options_left, 1);

        let (after, before_end, new_end) =
            c.change_term(ContractEventKind::OptionExercised, date("2021-03-01")).expect("an option is left");
        assert_eq!((before_end, new_end), (date("2022-12-31"), date("2023-12-31")));
        assert_eq!(after.options.used, 2);
        assert_eq!(
            after.change_term(ContractEventKind::OptionExercised, date("2021-03-01")),
            Err(TermChangeError::NoOptionsLeft)
        );
        assert_eq!(
            c.change_term(ContractEventKind::Renewed, date("2021-03-01")),
            Err(TermChangeError::NotRenewing),
            "options are not renewals"
        );
    }

    #[test]
    fn auto_renewal_rolls_forward_past_unused_notice_deadlines() {
        // Ends 31 Jan 2021, 3 months' notice, renews by 12 months.
        let mut c = contract("2019-02-01", "2021-01-31", 3, 6);
        c.auto_renewal_months = Some(12);
        let cases = [
            ("2020-10-31", "2021-01-31", "2020-10-31", 0),
            ("2020-11-01", "2022-01-31", "2021-10-31", 1),
            ("2021-10-31", "2022-01-31", "2021-10-31", 1),
            ("2021-11-01", "2023-01-31", "2022-10-31", 2),
            // Years ahead, across a leap year, with no drift.
            ("2027-06-15", "2028-01-31", "2027-10-31", 7),
            ("2031-11-01", "2033-01-31", "2032-10-31", 12),
        ];
        for (today, end, deadline, renewals) in cases {
            let d = c.deadlines(date(today));
            assert_eq!(d.term.end, date(end), "{today}");
            assert_eq!(d.term.notice_deadline, date(deadline), "{today}");
            assert_eq!(d.automatic_renewals, renewals, "{today}");
            assert_ne!(d.status, ContractStatus::NoticePassed, "a renewing contract never misses its notice");
            assert_ne!(d.status, ContractStatus::Ended);
        }
    }

    #[test]
    fn monthly_renewal_from_a_month_end_does_not_drift() {
        let mut c = contract("2020-01-01", "2021-01-31", 0, 0);
        c.auto_renewal_months = Some(1);
        assert_eq!(c.deadlines(date("2021-02-15")).term.end, date("2021-02-28"));
        assert_eq!(c.deadlines(date("2021-03-01")).term.end, date("2021-03-31"), "not 28 March");
        assert_eq!(c.deadlines(date("2024-02-10")).term.end, date("2024-02-29"));
        assert_eq!(c.deadlines(date("2024-04-30")).term.end, date("2024-04-30"));
    }

    #[test]
    fn renewal_period_shorter_than_the_notice_still_rolls_correctly() {
        // 6-month renewals with 9 months' notice: each deadline lies before
        // the previous term's end.
        let mut c = contract("2019-01-01", "2021-12-31", 9, 0);
        c.auto_renewal_months = Some(6);
        let d = c.deadlines(date("2021-04-01"));
        assert_eq!((d.term.end, d.term.notice_deadline), (date("2022-06-30"), date("2021-09-30")));
        let d = c.deadlines(date("2021-10-01"));
        assert_eq!((d.term.end, d.term.notice_deadline), (date("2022-12-31"), date("2022-03-31")));
    }

    #[test]
    fn notice_given_stops_the_rolling_and_the_contract_ends() {
        let mut c = contract("2019-02-01", "2021-01-31", 3, 6);
        c.auto_renewal_months = Some(12);
        let (after, before_end, new_end) =
            c.change_term(ContractEventKind::NoticeGiven, date("2021-03-01")).expect("notice can be given");
        assert_eq!((before_end, new_end), (date("2022-01-31"), date("2022-01-31")));
        assert_eq!(after.renewals_used, 1, "the renewal that happened is recorded");
        assert_eq!(after.deadlines(date("2022-01-31")).status, ContractStatus::NoticePassed);
        assert_eq!(after.deadlines(date("2022-02-01")).status, ContractStatus::Ended);
        assert_eq!(after.deadlines(date("2025-02-01")).term.end, date("2022-01-31"));
        assert_eq!(after.terms(date("2021-03-01"), date("2030-01-01")).len(), 1);
        assert_eq!(
            after.change_term(ContractEventKind::Renewed, date("2021-03-02")),
            Err(TermChangeError::NoticeAlreadyGiven)
        );
    }

    #[test]
    fn recording_a_renewal_moves_the_end_by_one_period() {
        let mut c = contract("2019-02-01", "2021-01-31", 3, 6);
        c.auto_renewal_months = Some(12);
        let (after, before_end, new_end) =
            c.change_term(ContractEventKind::Renewed, date("2020-06-01")).expect("renews");
        assert_eq!((before_end, new_end), (date("2021-01-31"), date("2022-01-31")));
        assert_eq!(after.recorded_end(), date("2022-01-31"));
    }

    #[test]
    fn terms_list_the_renewals_ahead_for_the_timeline_and_the_calendar() {
        let mut c = contract("2019-02-01", "2021-01-31", 3, 6);
        c.auto_renewal_months = Some(12);
        let ends: Vec<NaiveDate> = c.terms(date("2020-06-01"), date("2023-12-31")).iter().map(|t| t.end).collect();
        assert_eq!(ends, [date("2021-01-31"), date("2022-01-31"), date("2023-01-31"), date("2024-01-31")]);
        let plain = contract("2019-02-01", "2021-01-31", 3, 6);
        assert_eq!(plain.terms(date("2020-06-01"), date("2030-01-01")).len(), 1);
    }

    #[test]
    fn reminders_fire_at_each_lead_time_and_only_the_latest_due() {
        let deadline = date("2023-06-30");
        let cases = [
            ("2021-12-29", None),
            ("2021-12-30", Some(18)),
            ("2022-06-29", Some(18)),
            ("2022-06-30", Some(12)),
            ("2022-12-30", Some(6)),
            ("2023-03-30", Some(3)),
            ("2023-06-30", Some(3)),
            ("2023-07-01", None),
        ];
        for (today, due) in cases {
            assert_eq!(reminder_due(deadline, date(today), &DEFAULT_REMINDER_MONTHS), due, "{today}");
        }
        // Registered five months ahead: the 6-month reminder, not 18 or 12.
        assert_eq!(reminder_due(deadline, date("2023-01-31"), &DEFAULT_REMINDER_MONTHS), Some(6));
    }

    #[test]
    fn reminder_months_are_read_from_configuration() {
        assert_eq!(parse_reminder_months("18,12,6,3"), Ok(vec![18, 12, 6, 3]));
        assert_eq!(parse_reminder_months(" 3 12, 6 "), Ok(vec![12, 6, 3]));
        assert_eq!(parse_reminder_months(""), Err(DomainError::Required));
        assert_eq!(parse_reminder_months("6,x"), Err(DomainError::NotANumber));
        assert_eq!(parse_reminder_months("0"), Err(DomainError::UnknownValue("0".into())));
    }

    #[test]
    fn the_form_reports_every_problem_at_once() {
        let form = ContractForm {
            reference: " ".into(),
            supplier: "Formpipe".into(),
            start: "2022-01-01".into(),
            end: "2021-12-31".into(),
            notice_months: "-1".into(),
            option_count: "1".into(),
            option_months: "".into(),
            options_used: "2".into(),
            auto_renewal_months: "tolv".into(),
            yearly_cost: "12,345".into(),
            procurement_lead_months: "500".into(),
            ..ContractForm::default()
        };
        let problems = form.parse().expect_err("bad input");
        let fields: Vec<(&str, &str)> = problems.iter().map(|p| (p.field, p.error.code())).collect();
        assert_eq!(
            fields,
            [
                ("reference", "required"),
                ("end", "before_start"),
                ("notice_months", "negative"),
                ("options_used", "too_large"),
                ("auto_renewal_months", "not_a_number"),
                ("yearly_cost", "too_many_decimals"),
                ("procurement_lead_months", "too_large"),
            ]
        );
        let good = ContractForm {
            reference: "AVT-1".into(),
            supplier: "Formpipe".into(),
            start: "2022-01-01".into(),
            end: "2025-12-31".into(),
            notice_months: "6".into(),
            option_count: "2".into(),
            option_months: "12".into(),
            yearly_cost: "1 200 000".into(),
            owner: "3".into(),
            ..ContractForm::default()
        };
        let input = good.parse().expect("valid");
        assert_eq!(input.options, ExtensionOptions { count: 2, months: 12, used: 0 });
        assert_eq!(input.auto_renewal_months, None);
        assert_eq!(input.owner_id, Some(3));
        assert_eq!(input.yearly_cost, Money::parse("1200000").expect("money"));
    }

    #[test]
    fn quarters() {
        assert_eq!(quarter_of(date("2021-03-31")), (2021, 1));
        assert_eq!(quarter_of(date("2021-04-01")), (2021, 2));
        assert_eq!(quarter_of(date("2021-12-31")), (2021, 4));
    }
}
