//! The object report ("objektberättelse") of a plan year: every goal's
//! status and latest comment, its planned and actual cost and hours, per
//! main activity and in total, with the deviation. Printable.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::ObjectRef;
use crate::domain::{Initiative, InitiativeStatus, MainActivity, Outcome, PlanYear};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectReport {
    pub object: ObjectRef,
    pub plan: PlanYear,
    pub total: ReportLine,
    /// How many goals have each status, in the statuses' order.
    pub statuses: Vec<(InitiativeStatus, usize)>,
    pub activities: Vec<ReportActivity>,
    /// Goals with an outcome recorded, of all goals.
    pub with_outcome: usize,
}

/// Planned against actual; actual counts only the goals with an outcome.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportLine {
    pub planned_cost: Decimal,
    pub planned_hours: Decimal,
    pub actual_cost: Option<Decimal>,
    pub actual_hours: Option<Decimal>,
}

impl ReportLine {
    pub(crate) fn add(&mut self, other: &ReportLine) {
        self.planned_cost += other.planned_cost;
        self.planned_hours += other.planned_hours;
        if let Some(cost) = other.actual_cost {
            self.actual_cost = Some(self.actual_cost.unwrap_or_default() + cost);
        }
        if let Some(hours) = other.actual_hours {
            self.actual_hours = Some(self.actual_hours.unwrap_or_default() + hours);
        }
    }

    /// Actual minus planned, where there is an actual.
    pub fn deviation(&self) -> Option<Decimal> {
        self.actual_cost.map(|actual| actual - self.planned_cost)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportActivity {
    pub activity: MainActivity,
    pub total: ReportLine,
    pub rows: Vec<ReportRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportRow {
    pub id: i64,
    pub name: String,
    pub status: InitiativeStatus,
    /// The latest status report's comment, if any.
    pub comment: Option<String>,
    pub line: ReportLine,
}

pub fn build_object_report(
    object: ObjectRef,
    plan: PlanYear,
    initiatives: &[Initiative],
    outcomes: &[(i64, Outcome)],
    comments: &[(i64, String)],
) -> ObjectReport {
    let settings = plan.settings;
    let mut sorted: Vec<&Initiative> = initiatives.iter().collect();
    sorted.sort_by_key(|i| i.rank);
    let row = |i: &Initiative| {
        let outcome = outcomes.iter().find(|(id, _)| *id == i.id).map(|(_, o)| o);
        ReportRow {
            id: i.id,
            name: i.name.clone(),
            status: i.status,
            comment: comments.iter().find(|(id, _)| *id == i.id).map(|(_, c)| c.clone()),
            line: ReportLine {
                planned_cost: i.business.cost(settings.business_rate) + i.it.cost(settings.it_rate),
                planned_hours: i.business.hours.value() + i.it.hours.value(),
                actual_cost: outcome.map(|o| o.cost(settings)),
                actual_hours: outcome.map(|o| o.business.hours.value() + o.it.hours.value()),
            },
        }
    };
    let mut total = ReportLine::default();
    let activities: Vec<ReportActivity> = MainActivity::ALL
        .iter()
        .map(|&activity| {
            let rows: Vec<ReportRow> = sorted.iter().filter(|i| i.main_activity == activity).map(|i| row(i)).collect();
            let mut sum = ReportLine::default();
            rows.iter().for_each(|r| sum.add(&r.line));
            total.add(&sum);
            ReportActivity { activity, total: sum, rows }
        })
        .collect();
    let statuses =
        InitiativeStatus::ALL.iter().map(|&s| (s, initiatives.iter().filter(|i| i.status == s).count())).collect();
    let with_outcome = initiatives.iter().filter(|i| outcomes.iter().any(|(id, _)| *id == i.id)).count();
    ObjectReport { object, plan, total, statuses, activities, with_outcome }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AssignmentType, Hours, Money, ObjectCategory, PlanSettings, PlanStatus, SideEffort};

    fn goal(id: i64, activity: MainActivity, hours: &str, status: InitiativeStatus) -> Initiative {
        Initiative {
            id,
            plan_year_id: 1,
            rank: id as i32,
            name: format!("Delmål {id}"),
            main_activity: activity,
            assignment_type: AssignmentType::Maintain,
            priority: None,
            status,
            business: SideEffort::new(Hours::parse(hours).unwrap(), Money::ZERO),
            it: SideEffort::default(),
            scores: Default::default(),
            version: 1,
        }
    }

    #[test]
    fn planned_and_actual_sum_per_activity_and_the_deviation_counts_only_recorded_outcomes() {
        let rate = Money::parse("100").unwrap();
        let plan = PlanYear {
            id: 1,
            object_id: 1,
            object_code: "AKN".into(),
            year: 2020,
            settings: PlanSettings::new(rate, rate, Hours::parse("1700").unwrap()).unwrap(),
            status: PlanStatus::Approved,
            version: 1,
            capacity: crate::domain::Capacity::default(),
        };
        let goals = [
            goal(1, MainActivity::UserSupport, "10", InitiativeStatus::Done),
            goal(2, MainActivity::UserSupport, "20", InitiativeStatus::Delayed),
            goal(3, MainActivity::Operations, "5", InitiativeStatus::Done),
        ];
        let actual = Outcome {
            business: SideEffort::new(Hours::parse("12").unwrap(), Money::parse("50").unwrap()),
            it: SideEffort::default(),
        };
        let object = ObjectRef { code: "AKN".into(), name: "AKN".into(), category: ObjectCategory::Core };
        let report = build_object_report(object, plan, &goals, &[(1, actual)], &[(2, "Försenad leverans".into())]);
        let support = report.activities.iter().find(|a| a.activity == MainActivity::UserSupport).unwrap();
        assert_eq!(support.total.planned_cost, Decimal::from(3000));
        assert_eq!(support.total.actual_cost, Some(Decimal::from(1250)));
        assert_eq!(support.rows[0].line.deviation(), Some(Decimal::from(250)));
        assert_eq!(support.rows[1].line.deviation(), None, "no outcome yet");
        assert_eq!(support.rows[1].comment.as_deref(), Some("Försenad leverans"));
        assert_eq!(report.total.planned_cost, Decimal::from(3500));
        assert_eq!(report.total.actual_hours, Some(Decimal::from(12)));
        assert_eq!(report.with_outcome, 1);
        assert!(report.statuses.contains(&(InitiativeStatus::Done, 2)));
    }
}
