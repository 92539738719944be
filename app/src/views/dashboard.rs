//! The portfolio steering group's dashboard for a year: totals and every
//! object's budget, hours and FTE split by assignment type, side, main
//! activity and category; initiative statuses; plan against outcome; year
//! against year; capacity; the open escalations and the contracts that need
//! action. Every figure is a sum of budget cells computed exactly as the
//! object plan computes them ([`BudgetMatrix`]), so the dashboard, the
//! overview and each object's plan always agree, and every figure can be
//! drilled down to the initiatives behind it ([`drill_down`]).
//!
//! A meeting's snapshot is this value, serialised: two meetings' snapshots
//! compare with [`compare_snapshots`].

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::ReportLine;
use crate::domain::{
    AssignmentType, BudgetLine, BudgetMatrix, Capacity, Contract, ContractStatus, Escalation, EscalationStep,
    Initiative, InitiativeStatus, MainActivity, Object, ObjectCategory, Outcome, PlanStatus, PlanYear, Side,
};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    /// Every year any object has a plan for, ascending.
    pub years: Vec<i32>,
    pub year: Option<i32>,
    /// The year before, when any object has a plan for it.
    pub previous_year: Option<i32>,
    pub total: BudgetLine,
    pub previous_total: Option<BudgetLine>,
    pub by_type: Vec<(AssignmentType, BudgetLine)>,
    pub by_side: Vec<(Side, BudgetLine)>,
    pub by_activity: Vec<(MainActivity, BudgetLine)>,
    pub by_category: Vec<(ObjectCategory, BudgetLine)>,
    /// How many initiatives have each status, in the statuses' order.
    pub statuses: Vec<(InitiativeStatus, usize)>,
    pub initiatives: usize,
    /// Planned against actual for the whole portfolio.
    pub outcome: ReportLine,
    /// The portfolio's total year by year, for every year planned.
    pub history: Vec<(i32, BudgetLine)>,
    /// Objects by category (in the guideline's order), then name.
    pub objects: Vec<DashboardObject>,
    /// Open escalations of the year (or with no year), most urgent first.
    pub escalations: Vec<EscalationBrief>,
    /// Contracts whose notice deadline is passed or within 12 months,
    /// most urgent first.
    pub contracts: Vec<ContractBrief>,
    /// The day the contract statuses are computed for.
    pub today: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardObject {
    pub code: String,
    pub name: String,
    pub category: ObjectCategory,
    /// `None` when the object has no plan for the year.
    pub plan: Option<DashboardPlan>,
    /// Open escalations that concern the object.
    pub escalations: usize,
    /// Contracts of the object needing action.
    pub contracts: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardPlan {
    pub status: PlanStatus,
    pub total: BudgetLine,
    /// The same object's total the year before, if it had a plan.
    pub previous: Option<BudgetLine>,
    pub by_type: Vec<(AssignmentType, BudgetLine)>,
    pub by_side: Vec<(Side, BudgetLine)>,
    pub by_activity: Vec<(MainActivity, BudgetLine)>,
    pub statuses: Vec<(InitiativeStatus, usize)>,
    pub initiatives: usize,
    pub outcome: ReportLine,
    /// The capacity limits set for the year, with the plan's demand.
    pub capacity: Vec<CapacityCheck>,
}

impl DashboardPlan {
    /// Some limit is exceeded by the plan's demand.
    pub fn over_capacity(&self) -> bool {
        self.capacity.iter().any(CapacityCheck::is_over)
    }
}

/// One capacity limit against the demand of every initiative of a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CapacityCheck {
    pub limit: crate::domain::Limit,
    pub capacity: Decimal,
    pub demand: Decimal,
}

impl CapacityCheck {
    /// Capacity left: negative when over.
    pub fn margin(&self) -> Decimal {
        self.capacity - self.demand
    }

    pub fn is_over(&self) -> bool {
        self.demand > self.capacity
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EscalationBrief {
    pub id: i64,
    pub title: String,
    pub step: EscalationStep,
    pub due_on: NaiveDate,
    pub object_codes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractBrief {
    pub id: i64,
    pub reference: String,
    pub supplier: String,
    pub status: ContractStatus,
    pub notice_deadline: NaiveDate,
    pub end: NaiveDate,
    pub object_codes: Vec<String>,
}

/// What the dashboard is built from. `plans` are every plan year (for the
/// list of years and the history); `initiatives` and `outcomes` may hold
/// any years: only the plans' own are used.
pub struct DashboardSource<'a> {
    pub objects: &'a [Object],
    pub plans: &'a [PlanYear],
    pub initiatives: &'a [Initiative],
    pub outcomes: &'a [(i64, Outcome)],
    /// Open escalations.
    pub escalations: &'a [Escalation],
    pub contracts: &'a [Contract],
    pub today: NaiveDate,
}

/// The initiatives of each plan year, by plan id.
fn by_plan(initiatives: &[Initiative]) -> HashMap<i64, Vec<&Initiative>> {
    let mut map: HashMap<i64, Vec<&Initiative>> = HashMap::new();
    for initiative in initiatives {
        map.entry(initiative.plan_year_id).or_default().push(initiative);
    }
    map
}

fn matrix(plan: &PlanYear, initiatives: Option<&Vec<&Initiative>>) -> BudgetMatrix {
    let own: Vec<Initiative> = initiatives.map(|v| v.iter().map(|&i| i.clone()).collect()).unwrap_or_default();
    BudgetMatrix::compute(plan.settings, &own)
}

fn sum_cells(matrix: &BudgetMatrix, keep: impl Fn(&crate::domain::BudgetCell) -> bool) -> BudgetLine {
    matrix.cells.iter().filter(|c| keep(c)).map(|c| c.line).sum()
}

fn split<K: Copy + PartialEq>(
    keys: &[K],
    matrix: &BudgetMatrix,
    key_of: impl Fn(&crate::domain::BudgetCell) -> K,
) -> Vec<(K, BudgetLine)> {
    keys.iter().map(|&k| (k, sum_cells(matrix, |c| key_of(c) == k))).collect()
}

fn add_split<K: Copy + PartialEq>(into: &mut [(K, BudgetLine)], from: &[(K, BudgetLine)]) {
    for (key, line) in from {
        if let Some(slot) = into.iter_mut().find(|(k, _)| k == key) {
            slot.1 = slot.1 + *line;
        }
    }
}

fn zeroed<K: Copy>(keys: &[K]) -> Vec<(K, BudgetLine)> {
    keys.iter().map(|&k| (k, BudgetLine::default())).collect()
}

fn status_counts<'a>(initiatives: impl Iterator<Item = &'a Initiative>) -> Vec<(InitiativeStatus, usize)> {
    let mut counts = zeroed_counts();
    for initiative in initiatives {
        if let Some(slot) = counts.iter_mut().find(|(s, _)| *s == initiative.status) {
            slot.1 += 1;
        }
    }
    counts
}

fn zeroed_counts() -> Vec<(InitiativeStatus, usize)> {
    InitiativeStatus::ALL.iter().map(|&s| (s, 0)).collect()
}

fn outcome_line(plan: &PlanYear, initiatives: &[&Initiative], outcomes: &HashMap<i64, &Outcome>) -> ReportLine {
    let mut line = ReportLine::default();
    for initiative in initiatives {
        line.planned_cost += crate::domain::cost_of(initiative, &plan.settings);
        line.planned_hours += initiative.business.hours.value() + initiative.it.hours.value();
        if let Some(outcome) = outcomes.get(&initiative.id) {
            line.actual_cost = Some(line.actual_cost.unwrap_or_default() + outcome.cost(plan.settings));
            line.actual_hours =
                Some(line.actual_hours.unwrap_or_default() + outcome.business.hours.value() + outcome.it.hours.value());
        }
    }
    line
}

fn capacity_checks(capacity: &Capacity, total: &BudgetLine, by_side: &[(Side, BudgetLine)]) -> Vec<CapacityCheck> {
    use crate::domain::Limit;
    let side_hours = |side: Side| by_side.iter().find(|(s, _)| *s == side).map(|(_, l)| l.hours).unwrap_or_default();
    let mut checks = Vec::new();
    if let Some(limit) = capacity.business_hours {
        checks.push(CapacityCheck {
            limit: Limit::BusinessHours,
            capacity: limit.value(),
            demand: side_hours(Side::Business),
        });
    }
    if let Some(limit) = capacity.it_hours {
        checks.push(CapacityCheck { limit: Limit::ItHours, capacity: limit.value(), demand: side_hours(Side::It) });
    }
    if let Some(limit) = capacity.budget {
        checks.push(CapacityCheck { limit: Limit::Budget, capacity: limit.value(), demand: total.amount });
    }
    checks
}

/// Contract statuses that call for a decision before the next meetings.
pub fn needs_action(status: ContractStatus) -> bool {
    matches!(status, ContractStatus::NoticePassed | ContractStatus::ActNow | ContractStatus::Within12Months)
}

pub fn build_dashboard(source: &DashboardSource<'_>, year: Option<i32>) -> Dashboard {
    let mut years: Vec<i32> = source.plans.iter().map(|p| p.year).collect();
    years.sort_unstable();
    years.dedup();
    let previous_year = year.map(|y| y - 1).filter(|y| years.contains(y));
    let grouped = by_plan(source.initiatives);
    let outcomes: HashMap<i64, &Outcome> = source.outcomes.iter().map(|(id, o)| (*id, o)).collect();
    let plan_of = |object_id: i64, year: Option<i32>| {
        source.plans.iter().find(|p| p.object_id == object_id && Some(p.year) == year)
    };

    let escalations: Vec<&Escalation> = source
        .escalations
        .iter()
        .filter(|e| e.state == crate::domain::EscalationState::Open && (year.is_none() || Some(e.year) == year))
        .collect();
    let mut contracts: Vec<(ContractBrief, &Contract)> = source
        .contracts
        .iter()
        .filter_map(|c| {
            let deadlines = c.deadlines(source.today);
            needs_action(deadlines.status).then(|| {
                let brief = ContractBrief {
                    id: c.id,
                    reference: c.reference.clone(),
                    supplier: c.supplier.clone(),
                    status: deadlines.status,
                    notice_deadline: deadlines.term.notice_deadline,
                    end: deadlines.term.end,
                    object_codes: c.object_codes.clone(),
                };
                (brief, c)
            })
        })
        .collect();
    contracts.sort_by(|(a, _), (b, _)| {
        (a.status, a.notice_deadline, &a.reference).cmp(&(b.status, b.notice_deadline, &b.reference))
    });

    let mut objects: Vec<&Object> = source.objects.iter().collect();
    objects.sort_by(|a, b| (a.category, &a.name).cmp(&(b.category, &b.name)));
    let objects: Vec<DashboardObject> = objects
        .into_iter()
        .map(|object| {
            let plan = plan_of(object.id, year).map(|plan| {
                let own = grouped.get(&plan.id);
                let matrix = matrix(plan, own);
                let refs: Vec<&Initiative> = own.cloned().unwrap_or_default();
                let by_side = split(Side::ALL, &matrix, |c| c.side);
                DashboardPlan {
                    status: plan.status,
                    total: matrix.total,
                    previous: plan_of(object.id, previous_year).map(|p| matrix_total(p, grouped.get(&p.id))),
                    by_type: split(AssignmentType::ALL, &matrix, |c| c.assignment_type),
                    by_activity: split(MainActivity::ALL, &matrix, |c| c.activity),
                    capacity: capacity_checks(&plan.capacity, &matrix.total, &by_side),
                    by_side,
                    statuses: status_counts(refs.iter().copied()),
                    initiatives: refs.len(),
                    outcome: outcome_line(plan, &refs, &outcomes),
                }
            });
            let code = object.code.to_string();
            DashboardObject {
                escalations: escalations.iter().filter(|e| e.objects.iter().any(|o| o.id == object.id)).count(),
                contracts: contracts.iter().filter(|(c, _)| c.object_codes.contains(&code)).count(),
                code,
                name: object.name.clone(),
                category: object.category,
                plan,
            }
        })
        .collect();

    let planned: Vec<&DashboardPlan> = objects.iter().filter_map(|o| o.plan.as_ref()).collect();
    let mut by_type = zeroed(AssignmentType::ALL);
    let mut by_side = zeroed(Side::ALL);
    let mut by_activity = zeroed(MainActivity::ALL);
    let mut statuses = zeroed_counts();
    let mut outcome = ReportLine::default();
    for plan in &planned {
        add_split(&mut by_type, &plan.by_type);
        add_split(&mut by_side, &plan.by_side);
        add_split(&mut by_activity, &plan.by_activity);
        for (status, n) in &plan.statuses {
            if let Some(slot) = statuses.iter_mut().find(|(s, _)| s == status) {
                slot.1 += n;
            }
        }
        outcome.add(&plan.outcome);
    }
    let by_category: Vec<(ObjectCategory, BudgetLine)> = ObjectCategory::ALL
        .iter()
        .map(|&category| {
            let line = objects
                .iter()
                .filter(|o| o.category == category)
                .filter_map(|o| o.plan.as_ref())
                .map(|p| p.total)
                .sum();
            (category, line)
        })
        .filter(|(category, _)| objects.iter().any(|o| o.category == *category))
        .collect();
    let history = years
        .iter()
        .filter(|&&y| year.is_some_and(|chosen| in_history(y, chosen)))
        .map(|&y| {
            let total = source.plans.iter().filter(|p| p.year == y).map(|p| matrix_total(p, grouped.get(&p.id))).sum();
            (y, total)
        })
        .collect();
    let total = planned.iter().map(|p| p.total).sum();
    let previous_total = previous_year
        .map(|y| source.plans.iter().filter(|p| p.year == y).map(|p| matrix_total(p, grouped.get(&p.id))).sum());

    let mut escalations: Vec<EscalationBrief> = escalations
        .into_iter()
        .map(|e| EscalationBrief {
            id: e.id,
            title: e.title.clone(),
            step: e.step,
            due_on: e.due_on,
            object_codes: e.objects.iter().map(|o| o.code.clone()).collect(),
        })
        .collect();
    escalations.sort_by_key(|e| (e.due_on, e.id));

    Dashboard {
        years,
        year,
        previous_year,
        total,
        previous_total,
        by_type,
        by_side,
        by_activity,
        by_category,
        initiatives: planned.iter().map(|p| p.initiatives).sum(),
        statuses,
        outcome,
        history,
        objects,
        escalations,
        contracts: contracts.into_iter().map(|(brief, _)| brief).collect(),
        today: source.today,
    }
}

/// The years the dashboard's year-against-year chart shows: five up to the
/// one chosen, and the next when it is being planned.
pub fn in_history(year: i32, chosen: i32) -> bool {
    (chosen - 4..=chosen + 1).contains(&year)
}

fn matrix_total(plan: &PlanYear, initiatives: Option<&Vec<&Initiative>>) -> BudgetLine {
    matrix(plan, initiatives).total
}

impl Dashboard {
    pub fn over_capacity(&self) -> impl Iterator<Item = &DashboardObject> {
        self.objects.iter().filter(|o| o.plan.as_ref().is_some_and(DashboardPlan::over_capacity))
    }

    pub fn object(&self, code: &str) -> Option<&DashboardObject> {
        self.objects.iter().find(|o| o.code == code)
    }
}

/// Which initiatives a dashboard figure is the sum of: every filter left
/// empty matches all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrillFilter {
    pub year: Option<i32>,
    pub object: Option<String>,
    pub category: Option<ObjectCategory>,
    pub activity: Option<MainActivity>,
    pub side: Option<Side>,
    pub assignment_type: Option<AssignmentType>,
    pub status: Option<InitiativeStatus>,
}

impl DrillFilter {
    /// From a query string's pairs; unknown keys and values are ignored.
    pub fn from_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut filter = Self::default();
        for (key, value) in pairs {
            match key {
                "year" => filter.year = value.parse().ok(),
                "object" => filter.object = Some(value.to_owned()).filter(|v| !v.is_empty()),
                "category" => filter.category = ObjectCategory::from_key(value).ok(),
                "activity" => filter.activity = MainActivity::from_key(value).ok(),
                "side" => filter.side = Side::from_key(value).ok(),
                "type" => filter.assignment_type = AssignmentType::from_key(value).ok(),
                "status" => filter.status = InitiativeStatus::from_key(value).ok(),
                _ => {}
            }
        }
        filter
    }

    /// The query string that gives this filter, `year` first.
    pub fn query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(year) = self.year {
            parts.push(format!("year={year}"));
        }
        if let Some(object) = &self.object {
            parts.push(format!("object={}", encode(object)));
        }
        if let Some(category) = self.category {
            parts.push(format!("category={}", category.key()));
        }
        if let Some(activity) = self.activity {
            parts.push(format!("activity={}", activity.key()));
        }
        if let Some(side) = self.side {
            parts.push(format!("side={}", side.key()));
        }
        if let Some(kind) = self.assignment_type {
            parts.push(format!("type={}", kind.key()));
        }
        if let Some(status) = self.status {
            parts.push(format!("status={}", status.key()));
        }
        parts.join("&")
    }

    /// The drill-down page's address for this filter.
    pub fn href(&self) -> String {
        format!("/dashboard/rows?{}", self.query())
    }

    pub fn with(&self, change: impl FnOnce(&mut Self)) -> Self {
        let mut copy = self.clone();
        change(&mut copy);
        copy
    }
}

/// Object codes are capitals and digits, but an address typed by hand may
/// hold anything: keep it a single query value.
fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The initiatives behind a dashboard figure, and their sum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrillRows {
    pub filter: DrillFilter,
    pub years: Vec<i32>,
    pub rows: Vec<DrillRow>,
    /// Computed as the dashboard computes the figure: equal to it.
    pub total: BudgetLine,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrillRow {
    pub id: i64,
    pub name: String,
    pub object_code: String,
    pub object_name: String,
    pub activity: MainActivity,
    pub assignment_type: AssignmentType,
    pub status: InitiativeStatus,
    pub rank: i32,
    /// The side asked for, or both.
    pub hours: Decimal,
    pub amount: Decimal,
}

pub fn drill_down(source: &DashboardSource<'_>, filter: &DrillFilter) -> DrillRows {
    let mut years: Vec<i32> = source.plans.iter().map(|p| p.year).collect();
    years.sort_unstable();
    years.dedup();
    let grouped = by_plan(source.initiatives);
    let mut rows = Vec::new();
    let mut total = BudgetLine::default();
    let mut objects: Vec<&Object> = source
        .objects
        .iter()
        .filter(|o| filter.object.as_deref().is_none_or(|code| o.code.as_str() == code))
        .filter(|o| filter.category.is_none_or(|c| o.category == c))
        .collect();
    objects.sort_by(|a, b| (a.category, &a.name).cmp(&(b.category, &b.name)));
    for object in objects {
        let Some(plan) = source.plans.iter().find(|p| p.object_id == object.id && Some(p.year) == filter.year) else {
            continue;
        };
        let mut chosen: Vec<&Initiative> = grouped
            .get(&plan.id)
            .map(|all| {
                all.iter()
                    .copied()
                    .filter(|i| filter.activity.is_none_or(|a| i.main_activity == a))
                    .filter(|i| filter.assignment_type.is_none_or(|t| i.assignment_type == t))
                    .filter(|i| filter.status.is_none_or(|s| i.status == s))
                    .collect()
            })
            .unwrap_or_default();
        chosen.sort_by_key(|i| i.rank);
        // The cells of the object's matrix over the chosen initiatives: the
        // same rounding as the figure drilled into.
        let owned: Vec<Initiative> = chosen.iter().map(|&i| i.clone()).collect();
        let matrix = BudgetMatrix::compute(plan.settings, &owned);
        total = total + sum_cells(&matrix, |c| filter.side.is_none_or(|s| c.side == s));
        for initiative in chosen {
            let sides: Vec<Side> = Side::ALL.iter().copied().filter(|s| filter.side.is_none_or(|f| f == *s)).collect();
            rows.push(DrillRow {
                id: initiative.id,
                name: initiative.name.clone(),
                object_code: object.code.to_string(),
                object_name: object.name.clone(),
                activity: initiative.main_activity,
                assignment_type: initiative.assignment_type,
                status: initiative.status,
                rank: initiative.rank,
                hours: sides.iter().map(|&s| initiative.effort(s).hours.value()).sum(),
                amount: sides.iter().map(|&s| initiative.effort(s).cost(plan.settings.rate(s))).sum(),
            });
        }
    }
    DrillRows { filter: filter.clone(), years, rows, total }
}

/// One object's figures in two snapshots (a meeting's against an earlier
/// one's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotChange {
    pub code: String,
    pub name: String,
    pub before: Option<BudgetLine>,
    pub after: Option<BudgetLine>,
    pub before_status: Option<PlanStatus>,
    pub after_status: Option<PlanStatus>,
    /// Initiatives at risk or delayed, before and after.
    pub troubled_before: usize,
    pub troubled_after: usize,
    pub over_capacity_before: bool,
    pub over_capacity_after: bool,
}

impl SnapshotChange {
    pub fn changed(&self) -> bool {
        self.before != self.after
            || self.before_status != self.after_status
            || self.troubled_before != self.troubled_after
            || self.over_capacity_before != self.over_capacity_after
    }
}

fn troubled(plan: &DashboardPlan) -> usize {
    plan.statuses
        .iter()
        .filter(|(s, _)| matches!(s, InitiativeStatus::AtRisk | InitiativeStatus::Delayed))
        .map(|(_, n)| n)
        .sum()
}

/// Every object in either snapshot, in the later one's order (objects only
/// in the earlier one last), with its figures in both.
pub fn compare_snapshots(before: &Dashboard, after: &Dashboard) -> Vec<SnapshotChange> {
    let codes = after.objects.iter().chain(before.objects.iter().filter(|o| after.object(&o.code).is_none()));
    codes
        .map(|o| {
            let b = before.object(&o.code).and_then(|o| o.plan.as_ref());
            let a = after.object(&o.code).and_then(|o| o.plan.as_ref());
            SnapshotChange {
                code: o.code.clone(),
                name: o.name.clone(),
                before: b.map(|p| p.total),
                after: a.map(|p| p.total),
                before_status: b.map(|p| p.status),
                after_status: a.map(|p| p.status),
                troubled_before: b.map(troubled).unwrap_or(0),
                troubled_after: a.map(troubled).unwrap_or(0),
                over_capacity_before: b.is_some_and(DashboardPlan::over_capacity),
                over_capacity_after: a.is_some_and(DashboardPlan::over_capacity),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Hours, Money, ObjectCode, PlanSettings, SideEffort};

    fn object(id: i64, code: &str, category: ObjectCategory) -> Object {
        Object {
            id,
            code: ObjectCode::parse(code).unwrap(),
            name: format!("Objekt {code}"),
            category,
            description: String::new(),
            version: 1,
        }
    }

    fn plan(id: i64, object_id: i64, year: i32, rate: &str) -> PlanYear {
        let rate = Money::parse(rate).unwrap();
        PlanYear {
            id,
            object_id,
            object_code: String::new(),
            year,
            settings: PlanSettings::new(rate, Money::parse("800").unwrap(), Hours::parse("1700").unwrap()).unwrap(),
            status: PlanStatus::Draft,
            version: 1,
            capacity: Capacity::default(),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn goal(
        id: i64,
        plan: i64,
        activity: MainActivity,
        kind: AssignmentType,
        business: &str,
        it: &str,
        other: &str,
        status: InitiativeStatus,
    ) -> Initiative {
        Initiative {
            id,
            plan_year_id: plan,
            rank: id as i32,
            name: format!("Delmål {id}"),
            main_activity: activity,
            assignment_type: kind,
            priority: None,
            status,
            business: SideEffort::new(Hours::parse(business).unwrap(), Money::parse(other).unwrap()),
            it: SideEffort::new(Hours::parse(it).unwrap(), Money::ZERO),
            scores: Default::default(),
            version: 1,
        }
    }

    struct Fixture {
        objects: Vec<Object>,
        plans: Vec<PlanYear>,
        initiatives: Vec<Initiative>,
        outcomes: Vec<(i64, Outcome)>,
    }

    fn fixture() -> Fixture {
        use AssignmentType::*;
        use InitiativeStatus::*;
        use MainActivity::*;
        let mut akn_2021 = plan(2, 1, 2021, "680");
        akn_2021.capacity = Capacity { business_hours: Some(Hours::parse("100").unwrap()), ..Capacity::default() };
        let mut fst_2021 = plan(3, 2, 2021, "700");
        fst_2021.capacity = Capacity { budget: Some(Money::parse("1000000").unwrap()), ..Capacity::default() };
        Fixture {
            objects: vec![
                object(1, "AKN", ObjectCategory::Core),
                object(2, "FST", ObjectCategory::Support),
                object(3, "NYTT", ObjectCategory::Core),
            ],
            plans: vec![plan(1, 1, 2020, "655"), akn_2021, fst_2021],
            initiatives: vec![
                goal(1, 1, UserSupport, Maintain, "10", "0", "0", Done),
                goal(2, 2, UserSupport, Maintain, "60", "10", "500", OnTrack),
                goal(3, 2, ChangeManagement, Develop, "50,5", "3", "0", AtRisk),
                goal(4, 2, Operations, Maintain, "0", "20", "1000,50", Delayed),
                goal(5, 3, Governance, NewDevelopment, "7", "7", "0", NotStarted),
                goal(6, 3, ChangeManagement, Develop, "1", "0", "0", AtRisk),
            ],
            outcomes: vec![(
                2,
                Outcome {
                    business: SideEffort::new(Hours::parse("70").unwrap(), Money::ZERO),
                    it: SideEffort::default(),
                },
            )],
        }
    }

    fn source(f: &Fixture) -> DashboardSource<'_> {
        DashboardSource {
            objects: &f.objects,
            plans: &f.plans,
            initiatives: &f.initiatives,
            outcomes: &f.outcomes,
            escalations: &[],
            contracts: &[],
            today: NaiveDate::from_ymd_opt(2021, 3, 1).unwrap(),
        }
    }

    fn money(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn every_split_adds_up_to_the_plans_own_totals() {
        let f = fixture();
        let d = build_dashboard(&source(&f), Some(2021));
        let akn = d.object("AKN").unwrap().plan.as_ref().unwrap();
        // 60 h × 680 + 500 + 10 h × 800 = 49 300; 50,5 × 680 + 3 × 800 = 36 740;
        // 20 × 800 + 1 000,50 = 17 000,50.
        assert_eq!(akn.total.amount, money("103040.50"));
        assert_eq!(akn.total.hours, money("143.5"));
        let fst = d.object("FST").unwrap().plan.as_ref().unwrap();
        assert_eq!(fst.total.amount, money("10500") + money("700"));
        assert!(d.object("NYTT").unwrap().plan.is_none(), "no plan for 2021");
        assert_eq!(d.total, akn.total + fst.total);
        for split in [
            d.by_type.iter().map(|(_, l)| *l).sum::<BudgetLine>(),
            d.by_side.iter().map(|(_, l)| *l).sum(),
            d.by_activity.iter().map(|(_, l)| *l).sum(),
            d.by_category.iter().map(|(_, l)| *l).sum(),
        ] {
            assert_eq!(split, d.total);
        }
        assert_eq!(d.by_category.len(), 2, "both categories with objects");
        assert_eq!(d.initiatives, 5);
        assert!(d.statuses.contains(&(InitiativeStatus::AtRisk, 2)));
        assert!(d.statuses.contains(&(InitiativeStatus::Done, 0)), "2020's goal is not counted");
    }

    #[test]
    fn the_year_before_the_outcome_and_the_capacity_are_per_object() {
        let f = fixture();
        let d = build_dashboard(&source(&f), Some(2021));
        assert_eq!(d.years, [2020, 2021]);
        assert_eq!(d.previous_year, Some(2020));
        assert_eq!(d.previous_total.unwrap().amount, money("6550"));
        assert_eq!(d.history, vec![(2020, d.previous_total.unwrap()), (2021, d.total)]);
        let akn = d.object("AKN").unwrap().plan.as_ref().unwrap();
        assert_eq!(akn.previous.unwrap().amount, money("6550"));
        assert_eq!(d.object("FST").unwrap().plan.as_ref().unwrap().previous, None);
        assert_eq!(akn.outcome.actual_cost, Some(money("47600")));
        assert_eq!(akn.outcome.planned_cost, akn.total.amount);
        // 110,5 business hours against 100: over by 10,5.
        assert_eq!(akn.capacity.len(), 1);
        assert_eq!(akn.capacity[0].margin(), money("-10.5"));
        assert!(akn.over_capacity());
        assert!(!d.object("FST").unwrap().plan.as_ref().unwrap().over_capacity());
        assert_eq!(d.over_capacity().map(|o| o.code.as_str()).collect::<Vec<_>>(), ["AKN"]);
    }

    #[test]
    fn a_drill_down_sums_to_the_figure_it_came_from() {
        let f = fixture();
        let s = source(&f);
        let d = build_dashboard(&s, Some(2021));
        let all = drill_down(&s, &DrillFilter { year: Some(2021), ..Default::default() });
        assert_eq!(all.rows.len(), 5);
        assert_eq!(all.total, d.total);
        for (kind, line) in &d.by_type {
            let rows =
                drill_down(&s, &DrillFilter { year: Some(2021), assignment_type: Some(*kind), ..Default::default() });
            assert_eq!(rows.total, *line, "{kind:?}");
            assert_eq!(rows.rows.iter().map(|r| r.amount).sum::<Decimal>(), line.amount);
        }
        let it =
            DrillFilter { year: Some(2021), object: Some("AKN".into()), side: Some(Side::It), ..Default::default() };
        let rows = drill_down(&s, &it);
        let akn = d.object("AKN").unwrap().plan.as_ref().unwrap();
        assert_eq!(rows.total, akn.by_side[1].1);
        assert_eq!(rows.rows.iter().map(|r| r.hours).sum::<Decimal>(), money("33"));
    }

    #[test]
    fn a_filter_survives_its_address() {
        let filter = DrillFilter {
            year: Some(2021),
            object: Some("KÖP".into()),
            category: Some(ObjectCategory::Core),
            activity: Some(MainActivity::Operations),
            side: Some(Side::Business),
            assignment_type: Some(AssignmentType::Develop),
            status: Some(InitiativeStatus::Delayed),
        };
        let query = filter.query();
        assert!(query.contains("object=K%C3%96P"), "{query}");
        let pairs: Vec<(String, String)> = query
            .split('&')
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap();
                (k.to_owned(), v.replace("%C3%96", "Ö"))
            })
            .collect();
        let back = DrillFilter::from_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        assert_eq!(back, filter);
        assert_eq!(DrillFilter::from_query([("side", "sideways"), ("year", "x")]), DrillFilter::default());
    }

    #[test]
    fn two_snapshots_compare_object_by_object() {
        let f = fixture();
        let before = build_dashboard(&source(&f), Some(2021));
        let mut later = fixture();
        later.initiatives.retain(|i| i.id != 3);
        later.plans[1].status = PlanStatus::Approved;
        let after = build_dashboard(&source(&later), Some(2021));
        let changes = compare_snapshots(&before, &after);
        let akn = changes.iter().find(|c| c.code == "AKN").unwrap();
        assert!(akn.changed());
        assert_eq!((akn.troubled_before, akn.troubled_after), (2, 1));
        assert_eq!(akn.after_status, Some(PlanStatus::Approved));
        assert_eq!(akn.before.unwrap().amount - akn.after.unwrap().amount, money("36740"));
        assert!(!changes.iter().find(|c| c.code == "FST").unwrap().changed());
    }
}
