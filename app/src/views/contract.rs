//! The contract register as its pages show it: rows with today's dates and
//! status, the filters, the 36-month timeline, the list of what must be
//! acted on now, and the yearly cost per quarter. Pure: the date engine
//! decides, this only arranges. Timeline positions are integer basis
//! points (1/100 of a percent) so no float arithmetic is needed.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::domain::{
    add_months, quarter_of, Contract, ContractEvent, ContractForm, ContractStatus, Money, Term, SOON_MONTHS,
};

/// How many months the timeline and the quarters look ahead.
pub const HORIZON_MONTHS: u32 = 36;

/// Which date comes next for a contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NextDate {
    ProcurementStart,
    NoticeDeadline,
    End,
}

/// One contract with its dates on the day the page was built.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractRow {
    pub id: i64,
    pub reference: String,
    pub supplier: String,
    pub objects: Vec<String>,
    pub it_components: Vec<String>,
    pub yearly_cost: Money,
    pub start: NaiveDate,
    pub term: Term,
    pub status: ContractStatus,
    /// The next date that matters, and which it is; for an ended contract
    /// its end.
    pub next: (NaiveDate, NextDate),
    pub options_left: u32,
    pub option_months: u32,
    pub auto_renewal_months: Option<u32>,
    pub notice_given_on: Option<NaiveDate>,
    pub owner: Option<String>,
    pub deputy: Option<String>,
    pub line_organisation: Option<String>,
    /// Terms after the current one inside the horizon (renewing contracts).
    pub later_terms: Vec<Term>,
}

pub fn contract_row(contract: &Contract, today: NaiveDate) -> ContractRow {
    let d = contract.deadlines(today);
    let horizon = add_months(today, HORIZON_MONTHS);
    let term = d.term;
    let next = if today <= term.procurement_start {
        (term.procurement_start, NextDate::ProcurementStart)
    } else if today <= term.notice_deadline {
        (term.notice_deadline, NextDate::NoticeDeadline)
    } else {
        (term.end, NextDate::End)
    };
    ContractRow {
        id: contract.id,
        reference: contract.reference.clone(),
        supplier: contract.supplier.clone(),
        objects: contract.object_codes.clone(),
        it_components: contract.it_components.clone(),
        yearly_cost: contract.yearly_cost,
        start: contract.start,
        term,
        status: d.status,
        next,
        options_left: d.options_left,
        option_months: contract.options.months,
        auto_renewal_months: contract.auto_renewal_months,
        notice_given_on: contract.notice_given_on,
        owner: contract.owner.clone(),
        deputy: contract.deputy.clone(),
        line_organisation: contract.line_organisation.clone(),
        later_terms: contract.terms(today, horizon).into_iter().skip(1).collect(),
    }
}

/// How the timeline groups its rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grouping {
    #[default]
    Object,
    Supplier,
}

/// The register's filters, as the query string carries them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractFilter {
    pub object: Option<String>,
    pub supplier: Option<String>,
    pub status: Option<ContractStatus>,
    /// Only contracts whose next date is within this many months.
    pub within_months: Option<u32>,
    pub group: Grouping,
}

/// The periods the filter offers, in months.
pub const PERIODS: [u32; 5] = [3, 6, 12, 24, 36];

impl ContractFilter {
    /// Reads the query string's values; anything unknown is ignored (a
    /// filter link that went stale shows everything rather than an error).
    pub fn from_query(object: &str, supplier: &str, status: &str, within: &str, group: &str) -> Self {
        let some = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        Self {
            object: some(object),
            supplier: some(supplier),
            status: ContractStatus::from_key(status.trim()).ok(),
            within_months: within.trim().parse().ok().filter(|m| PERIODS.contains(m)),
            group: if group == "supplier" { Grouping::Supplier } else { Grouping::Object },
        }
    }

    pub fn matches(&self, row: &ContractRow, today: NaiveDate) -> bool {
        self.object.as_ref().is_none_or(|code| row.objects.contains(code))
            && self.supplier.as_ref().is_none_or(|s| &row.supplier == s)
            && self.status.is_none_or(|s| row.status == s)
            && self.within_months.is_none_or(|m| row.next.0 <= add_months(today, m))
    }
}

/// Most urgent first: by next date, then reference.
pub fn sort_by_next(rows: &mut [ContractRow]) {
    rows.sort_by(|a, b| a.next.0.cmp(&b.next.0).then_with(|| a.reference.cmp(&b.reference)).then(a.id.cmp(&b.id)));
}

/// What must be acted on now: procurement due or notice passed, most
/// urgent first.
pub fn act_now(rows: &[ContractRow]) -> Vec<ContractRow> {
    let mut now: Vec<ContractRow> = rows
        .iter()
        .filter(|r| matches!(r.status, ContractStatus::ActNow | ContractStatus::NoticePassed))
        .cloned()
        .collect();
    sort_by_next(&mut now);
    now
}

/// A month on the timeline's scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthTick {
    pub month: NaiveDate,
    /// Basis points from the left edge.
    pub at: u32,
}

/// A span on a row, in basis points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub from: u32,
    pub to: u32,
}

/// A marked date on a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub date: NaiveDate,
    pub at: u32,
    pub kind: NextDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineRow {
    pub id: i64,
    pub reference: String,
    pub supplier: String,
    pub status: ContractStatus,
    /// The contract's term inside the window.
    pub term: Option<Span>,
    /// The notice periods (notice deadline to end) inside the window.
    pub notice: Vec<Span>,
    pub marks: Vec<Mark>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineGroup {
    pub name: String,
    pub rows: Vec<TimelineRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeline {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub months: Vec<MonthTick>,
    pub today: u32,
    pub groups: Vec<TimelineGroup>,
}

/// Where `date` falls between `from` and `to`, in basis points, clamped.
fn position(date: NaiveDate, from: NaiveDate, to: NaiveDate) -> u32 {
    let total = (to - from).num_days().max(1);
    let days = (date - from).num_days().clamp(0, total);
    u32::try_from(days * 10_000 / total).unwrap_or(0)
}

fn timeline_row(row: &ContractRow, from: NaiveDate, to: NaiveDate) -> TimelineRow {
    let at = |date: NaiveDate| position(date, from, to);
    let inside = |date: NaiveDate| date >= from && date <= to;
    let last_end = row.later_terms.last().map_or(row.term.end, |t| t.end);
    let term = (row.start <= to && last_end >= from).then(|| Span { from: at(row.start), to: at(last_end) });
    let mut notice = Vec::new();
    let mut marks = Vec::new();
    for term in std::iter::once(&row.term).chain(&row.later_terms) {
        if term.notice_deadline <= to && term.end >= from {
            notice.push(Span { from: at(term.notice_deadline), to: at(term.end) });
        }
        for (date, kind) in [
            (term.procurement_start, NextDate::ProcurementStart),
            (term.notice_deadline, NextDate::NoticeDeadline),
            (term.end, NextDate::End),
        ] {
            if inside(date) {
                marks.push(Mark { date, at: at(date), kind });
            }
        }
    }
    TimelineRow {
        id: row.id,
        reference: row.reference.clone(),
        supplier: row.supplier.clone(),
        status: row.status,
        term,
        notice,
        marks,
    }
}

/// The next 36 months from the first of this month, one row per contract,
/// grouped by object (a shared contract shows under each) or by supplier.
/// Contracts that ended before the window are left out.
pub fn timeline(rows: &[ContractRow], today: NaiveDate, grouping: Grouping) -> Timeline {
    let from = today.with_day(1).unwrap_or(today);
    let to = add_months(from, HORIZON_MONTHS);
    let months = (0..HORIZON_MONTHS)
        .map(|m| {
            let month = add_months(from, m);
            MonthTick { month, at: position(month, from, to) }
        })
        .collect();
    let mut groups: Vec<TimelineGroup> = Vec::new();
    for row in rows.iter().filter(|r| r.later_terms.last().map_or(r.term.end, |t| t.end) >= from) {
        let names = match grouping {
            Grouping::Object if row.objects.is_empty() => vec![String::new()],
            Grouping::Object => row.objects.clone(),
            Grouping::Supplier => vec![row.supplier.clone()],
        };
        for name in names {
            let line = timeline_row(row, from, to);
            match groups.iter_mut().find(|g| g.name == name) {
                Some(group) => group.rows.push(line),
                None => groups.push(TimelineGroup { name, rows: vec![line] }),
            }
        }
    }
    // Named groups alphabetically; contracts with no object last.
    groups.sort_by_key(|g| (g.name.is_empty(), g.name.to_lowercase()));
    Timeline { from, to, months, today: position(today, from, to), groups }
}

/// One quarter: the contracts whose term ends in it (and the yearly cost
/// that comes up for renewal or procurement with them), and what all
/// contracts running in it cost for that quarter (a quarter of the yearly
/// cost each).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuarterCost {
    pub year: i32,
    pub quarter: u32,
    pub ending: Vec<String>,
    pub ending_cost: Money,
    pub running_cost: Money,
}

fn quarter_start(year: i32, quarter: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, (quarter - 1) * 3 + 1, 1).unwrap_or_default()
}

/// The twelve quarters from this one.
pub fn quarter_costs(rows: &[ContractRow], today: NaiveDate) -> Vec<QuarterCost> {
    let (mut year, mut quarter) = quarter_of(today);
    let mut quarters = Vec::new();
    for _ in 0..HORIZON_MONTHS / 3 {
        let start = quarter_start(year, quarter);
        let end = add_months(start, 3).pred_opt().unwrap_or(start);
        let mut ending = Vec::new();
        let (mut ending_cost, mut running_cost) = (Decimal::ZERO, Decimal::ZERO);
        for row in rows {
            let ends = std::iter::once(&row.term).chain(&row.later_terms).any(|t| t.end >= start && t.end <= end);
            if ends {
                ending.push(row.reference.clone());
                ending_cost += row.yearly_cost.value();
            }
            let last_end = row.later_terms.last().map_or(row.term.end, |t| t.end);
            if row.start <= end && last_end >= start {
                running_cost += row.yearly_cost.value() / Decimal::from(4);
            }
        }
        quarters.push(QuarterCost {
            year,
            quarter,
            ending,
            ending_cost: Money::new(ending_cost).unwrap_or(Money::ZERO),
            running_cost: Money::new(running_cost.round_dp(2)).unwrap_or(Money::ZERO),
        });
        (year, quarter) = if quarter == 4 { (year + 1, 1) } else { (year, quarter + 1) };
    }
    quarters
}

/// An object a filter or form offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectName {
    pub code: String,
    pub name: String,
}

/// `/contracts`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractRegister {
    pub today: NaiveDate,
    pub filter: ContractFilter,
    /// Filtered, most urgent first.
    pub rows: Vec<ContractRow>,
    pub act_now: Vec<ContractRow>,
    pub timeline: Timeline,
    pub quarters: Vec<QuarterCost>,
    /// All contracts, before filtering.
    pub total: usize,
    pub objects: Vec<ObjectName>,
    pub suppliers: Vec<String>,
    pub can_create: bool,
}

pub fn build_register(
    contracts: &[Contract],
    objects: Vec<ObjectName>,
    today: NaiveDate,
    filter: ContractFilter,
    can_create: bool,
) -> ContractRegister {
    let all: Vec<ContractRow> = contracts.iter().map(|c| contract_row(c, today)).collect();
    let mut suppliers: Vec<String> = all.iter().map(|r| r.supplier.clone()).collect();
    suppliers.sort_by_key(|s| s.to_lowercase());
    suppliers.dedup();
    let mut rows: Vec<ContractRow> = all.iter().filter(|r| filter.matches(r, today)).cloned().collect();
    sort_by_next(&mut rows);
    ContractRegister {
        today,
        act_now: act_now(&rows),
        timeline: timeline(&rows, today, filter.group),
        quarters: quarter_costs(&rows, today),
        total: all.len(),
        rows,
        objects,
        suppliers,
        can_create,
        filter,
    }
}

/// Where a procurement initiative would go, and whether it can.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcurementTarget {
    pub object_code: String,
    pub object_name: String,
    pub year: i32,
    /// The object has a plan for that year (else it must be made first).
    pub plan_exists: bool,
    /// The object's latest plan year, from which next year's is made.
    pub latest_plan: Option<i32>,
}

/// The procurement initiative made from a contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcurementLink {
    pub initiative_id: i64,
    pub name: String,
    pub object_code: String,
    pub year: i32,
}

/// `/contracts/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractPage {
    pub row: ContractRow,
    pub contract: Contract,
    pub history: Vec<ContractEvent>,
    pub today: NaiveDate,
    pub can_edit: bool,
    /// The objects (managed by the caller) a procurement initiative can go
    /// to; empty when it cannot be made (not needed yet, or made already).
    pub procurement_targets: Vec<ProcurementTarget>,
    pub procurement: Option<ProcurementLink>,
    pub timeline: Timeline,
}

/// The year a procurement initiative belongs to: the year procurement must
/// start, or this year when that is already past.
pub fn procurement_year(row: &ContractRow, today: NaiveDate) -> i32 {
    row.term.procurement_start.max(today).year()
}

/// Whether the contract calls for procurement now or within a year:
/// what the procurement button is offered for.
pub fn needs_procurement(row: &ContractRow, today: NaiveDate) -> bool {
    row.options_left == 0
        && match row.status {
            ContractStatus::ActNow | ContractStatus::NoticePassed | ContractStatus::Within12Months => true,
            ContractStatus::Ok => row.term.procurement_start <= add_months(today, SOON_MONTHS),
            ContractStatus::Ended => true,
        }
}

/// The name of a contract's procurement initiative: "Upphandling" and what
/// is procured (the IT components, else the supplier) with the reference.
pub fn procurement_name(word: &str, contract: &Contract) -> String {
    let what =
        if contract.it_components.is_empty() { contract.supplier.clone() } else { contract.it_components.join(", ") };
    let name = format!("{word} {what} ({})", contract.reference);
    name.chars().take(crate::domain::NAME_MAX_CHARS).collect()
}

/// A choice in the contract form: the value sent and the text shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// `/contracts/new` and `/contracts/{id}/edit`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractEditor {
    pub id: Option<i64>,
    pub version: i64,
    pub form: ContractForm,
    pub it_components: Vec<i64>,
    pub objects: Vec<String>,
    pub supplier_choices: Vec<Choice>,
    pub line_organisation_choices: Vec<Choice>,
    pub people_choices: Vec<Choice>,
    pub component_choices: Vec<Choice>,
    pub object_choices: Vec<ObjectName>,
    /// The objects the caller manages: a new contract must name one.
    pub own_objects: Vec<String>,
    pub reference: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ExtensionOptions;

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("test date")
    }

    fn contract(id: i64, reference: &str, supplier: &str, objects: &[&str], end: &str) -> Contract {
        Contract {
            id,
            reference: reference.into(),
            supplier: supplier.into(),
            it_components: vec!["Public 360".into()],
            object_codes: objects.iter().map(|o| o.to_string()).collect(),
            start: date("2020-01-01"),
            end: date(end),
            notice_months: 6,
            options: ExtensionOptions::default(),
            auto_renewal_months: None,
            renewals_used: 0,
            notice_given_on: None,
            yearly_cost: Money::parse("120000").expect("money"),
            line_organisation: None,
            owner: None,
            deputy: None,
            procurement_lead_months: 12,
            notes: String::new(),
            version: 1,
            procurement_initiative_id: None,
        }
    }

    fn today() -> NaiveDate {
        date("2026-11-24")
    }

    #[test]
    fn rows_sort_by_the_next_date_and_act_now_picks_the_urgent_ones() {
        let contracts = [
            contract(1, "A", "Tieto", &["AKN"], "2030-12-31"),
            contract(2, "B", "Formpipe", &["AKN"], "2027-12-31"), // notice 2027-06-30, procurement 2026-06-30: act now
            contract(3, "C", "Formpipe", &["EHR"], "2027-03-31"), // notice 2026-09-30 passed
            contract(4, "D", "Visma", &["EHR"], "2026-01-31"),    // ended
        ];
        let register = build_register(&contracts, vec![], today(), ContractFilter::default(), false);
        let order: Vec<&str> = register.rows.iter().map(|r| r.reference.as_str()).collect();
        assert_eq!(order, ["D", "C", "B", "A"]);
        assert_eq!(register.rows[0].status, ContractStatus::Ended);
        let urgent: Vec<&str> = register.act_now.iter().map(|r| r.reference.as_str()).collect();
        assert_eq!(urgent, ["C", "B"]);
        assert_eq!(register.suppliers, ["Formpipe", "Tieto", "Visma"]);
        assert_eq!(register.rows[2].next, (date("2027-06-30"), NextDate::NoticeDeadline));
    }

    #[test]
    fn filters_narrow_by_object_supplier_status_and_period() {
        let contracts = [
            contract(1, "A", "Tieto", &["AKN"], "2030-12-31"),
            contract(2, "B", "Formpipe", &["AKN", "EHR"], "2027-12-31"),
            contract(3, "C", "Formpipe", &["EHR"], "2027-03-31"),
        ];
        let refs = |filter: ContractFilter| -> Vec<String> {
            build_register(&contracts, vec![], today(), filter, false).rows.into_iter().map(|r| r.reference).collect()
        };
        assert_eq!(refs(ContractFilter::from_query("EHR", "", "", "", "")), ["C", "B"]);
        assert_eq!(refs(ContractFilter::from_query("", "Tieto", "", "", "")), ["A"]);
        assert_eq!(refs(ContractFilter::from_query("", "", "act_now", "", "")), ["B"]);
        assert_eq!(refs(ContractFilter::from_query("", "", "", "12", "")), ["C", "B"]);
        assert_eq!(refs(ContractFilter::from_query("", "", "bogus", "7", "")).len(), 3, "unknown values are ignored");
    }

    #[test]
    fn the_timeline_spans_36_months_with_today_and_groups_shared_contracts_under_each_object() {
        let contracts = [
            contract(1, "A", "Tieto", &["AKN"], "2030-12-31"),
            contract(2, "B", "Formpipe", &["AKN", "EHR"], "2027-12-31"),
            contract(4, "D", "Visma", &["EHR"], "2020-06-30"),
        ];
        let register = build_register(&contracts, vec![], today(), ContractFilter::default(), false);
        let t = &register.timeline;
        assert_eq!((t.from, t.to), (date("2026-11-01"), date("2029-11-01")));
        assert_eq!(t.months.len(), 36);
        assert_eq!(t.months[0].at, 0);
        assert_eq!(t.today, 209, "23 days into 1 096, in basis points");
        let names: Vec<&str> = t.groups.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(names, ["AKN", "EHR"]);
        assert_eq!(t.groups[1].rows.len(), 1, "the contract that ended in 2020 is not drawn");
        let b = &t.groups[0].rows.iter().find(|r| r.reference == "B").expect("B under AKN");
        assert_eq!(
            b.notice,
            [Span { from: position(date("2027-06-30"), t.from, t.to), to: position(date("2027-12-31"), t.from, t.to) }]
        );
        let kinds: Vec<NextDate> = b.marks.iter().map(|m| m.kind).collect();
        assert_eq!(kinds, [NextDate::NoticeDeadline, NextDate::End], "procurement start is before the window");
        let a = &t.groups[0].rows.iter().find(|r| r.reference == "A").expect("A");
        assert_eq!(a.term, Some(Span { from: 0, to: 10_000 }), "runs through the window");
        let by_supplier = timeline(&register.rows, today(), Grouping::Supplier);
        let names: Vec<&str> = by_supplier.groups.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(names, ["Formpipe", "Tieto"]);
    }

    #[test]
    fn quarters_sum_the_yearly_cost_that_ends_and_a_quarter_of_what_runs() {
        let mut renewing = contract(5, "E", "Atea", &["AKN"], "2027-03-31");
        renewing.auto_renewal_months = Some(12);
        renewing.notice_months = 3;
        let contracts = [contract(2, "B", "Formpipe", &["AKN"], "2027-12-31"), renewing];
        let quarters =
            quarter_costs(&build_register(&contracts, vec![], today(), ContractFilter::default(), false).rows, today());
        assert_eq!(quarters.len(), 12);
        assert_eq!((quarters[0].year, quarters[0].quarter), (2026, 4));
        assert_eq!((quarters[1].year, quarters[1].quarter), (2027, 1));
        assert_eq!(quarters[1].ending, ["E"], "the renewing contract's term ends 31 March");
        assert_eq!(quarters[4].ending, ["B"]);
        assert_eq!(quarters[4].ending_cost, Money::parse("120000").expect("money"));
        assert_eq!(quarters[0].running_cost, Money::parse("60000").expect("money"));
        assert_eq!(quarters[5].running_cost, Money::parse("30000").expect("money"), "only E runs in 2028 Q1");
        assert_eq!(quarters[5].ending, ["E"], "and renews again");
    }

    #[test]
    fn procurement_goes_to_the_year_it_must_start_and_never_to_a_past_year() {
        let row = contract_row(&contract(2, "B", "Formpipe", &["AKN"], "2029-12-31"), today());
        assert_eq!(row.term.procurement_start, date("2028-06-30"));
        assert_eq!(procurement_year(&row, today()), 2028);
        assert!(!needs_procurement(&row, today()), "procurement starts more than a year ahead");
        let urgent = contract_row(&contract(3, "C", "Formpipe", &["AKN"], "2027-12-31"), today());
        assert_eq!(procurement_year(&urgent, today()), 2026);
        assert!(needs_procurement(&urgent, today()));
        let mut with_option = contract(3, "C", "Formpipe", &["AKN"], "2027-12-31");
        with_option.options = ExtensionOptions { count: 1, months: 12, used: 0 };
        assert!(!needs_procurement(&contract_row(&with_option, today()), today()), "an option can be used instead");
        assert_eq!(procurement_name("Upphandling", &with_option), "Upphandling Public 360 (C)");
    }
}
