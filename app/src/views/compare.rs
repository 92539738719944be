//! Two plan years of one object side by side: the budget per main
//! activity, and every initiative with its cost in each year, matched by
//! name (next year's plan keeps the names of the goals that continue).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::ObjectRef;
use crate::domain::{BudgetMatrix, Initiative, MainActivity, PlanYear};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearComparison {
    pub object: ObjectRef,
    /// Every year the object has a plan for, for the pickers.
    pub years: Vec<i32>,
    pub from: PlanYear,
    pub to: PlanYear,
    pub activities: Vec<ActivityComparison>,
    pub total: Compared,
    pub initiatives: Vec<ComparedInitiative>,
}

/// An amount and hours in each year; `None` where the year has none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Compared {
    pub from: Option<Decimal>,
    pub to: Option<Decimal>,
    pub from_hours: Option<Decimal>,
    pub to_hours: Option<Decimal>,
}

impl Compared {
    /// The change from the first year to the second, counting a missing
    /// year as zero.
    pub fn change(&self) -> Decimal {
        self.to.unwrap_or_default() - self.from.unwrap_or_default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityComparison {
    pub activity: MainActivity,
    pub budget: Compared,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComparedInitiative {
    pub name: String,
    pub activity: MainActivity,
    pub cost: Compared,
}

fn key(name: &str) -> String {
    name.trim().to_lowercase()
}

fn cost(plan: &PlanYear, i: &Initiative) -> Decimal {
    i.business.cost(plan.settings.business_rate) + i.it.cost(plan.settings.it_rate)
}

/// Compares `from` and `to` with their initiatives.
pub fn compare_years(
    object: ObjectRef,
    years: Vec<i32>,
    (from, from_initiatives): (PlanYear, &[Initiative]),
    (to, to_initiatives): (PlanYear, &[Initiative]),
) -> YearComparison {
    let (a, b) =
        (BudgetMatrix::compute(from.settings, from_initiatives), BudgetMatrix::compute(to.settings, to_initiatives));
    let both = |x: Decimal, y: Decimal, xh: Decimal, yh: Decimal| Compared {
        from: Some(x),
        to: Some(y),
        from_hours: Some(xh),
        to_hours: Some(yh),
    };
    let activities = MainActivity::ALL
        .iter()
        .map(|&activity| {
            let (x, y) = (a.activity_total(activity), b.activity_total(activity));
            ActivityComparison { activity, budget: both(x.amount, y.amount, x.hours, y.hours) }
        })
        .collect();
    let total = both(a.total.amount, b.total.amount, a.total.hours, b.total.hours);

    let mut from_sorted: Vec<&Initiative> = from_initiatives.iter().collect();
    from_sorted.sort_by_key(|i| i.rank);
    let mut to_sorted: Vec<&Initiative> = to_initiatives.iter().collect();
    to_sorted.sort_by_key(|i| i.rank);
    let hours = |i: &Initiative| i.business.hours.value() + i.it.hours.value();
    // In the later year's order, then what was dropped, in the earlier's.
    let mut initiatives: Vec<ComparedInitiative> = to_sorted
        .iter()
        .map(|t| {
            let earlier = from_sorted.iter().find(|f| key(&f.name) == key(&t.name));
            ComparedInitiative {
                name: t.name.clone(),
                activity: t.main_activity,
                cost: Compared {
                    from: earlier.map(|f| cost(&from, f)),
                    to: Some(cost(&to, t)),
                    from_hours: earlier.map(|f| hours(f)),
                    to_hours: Some(hours(t)),
                },
            }
        })
        .collect();
    initiatives.extend(from_sorted.iter().filter(|f| !to_sorted.iter().any(|t| key(&t.name) == key(&f.name))).map(
        |f| ComparedInitiative {
            name: f.name.clone(),
            activity: f.main_activity,
            cost: Compared { from: Some(cost(&from, f)), to: None, from_hours: Some(hours(f)), to_hours: None },
        },
    ));
    YearComparison { object, years, from, to, activities, total, initiatives }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        AssignmentType, Hours, InitiativeStatus, Money, ObjectCategory, PlanSettings, PlanStatus, SideEffort,
    };

    fn plan(id: i64, year: i32, rate: &str) -> PlanYear {
        let rate = Money::parse(rate).unwrap();
        PlanYear {
            id,
            object_id: 1,
            object_code: "AKN".into(),
            year,
            settings: PlanSettings::new(rate, rate, Hours::parse("1700").unwrap()).unwrap(),
            status: PlanStatus::Draft,
            version: 1,
            capacity: crate::domain::Capacity::default(),
        }
    }

    fn goal(name: &str, rank: i32, hours: &str) -> Initiative {
        Initiative {
            id: rank.into(),
            plan_year_id: 1,
            rank,
            name: name.into(),
            main_activity: MainActivity::UserSupport,
            assignment_type: AssignmentType::Maintain,
            priority: None,
            status: InitiativeStatus::NotStarted,
            business: SideEffort::new(Hours::parse(hours).unwrap(), Money::ZERO),
            it: SideEffort::default(),
            scores: Default::default(),
            version: 1,
        }
    }

    #[test]
    fn initiatives_are_matched_by_name_and_new_and_dropped_ones_show_one_year() {
        let object = ObjectRef { code: "AKN".into(), name: "Arbetsmarknad".into(), category: ObjectCategory::Core };
        let from = [goal("Support", 1, "10"), goal("Avvecklas", 2, "5")];
        let to = [goal("Nytt", 1, "2"), goal(" support ", 2, "20")];
        let c = compare_years(object, vec![2020, 2021], (plan(1, 2020, "655"), &from), (plan(2, 2021, "680"), &to));
        let names: Vec<&str> = c.initiatives.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["Nytt", " support ", "Avvecklas"]);
        assert_eq!(c.initiatives[0].cost.from, None);
        assert_eq!(c.initiatives[1].cost.from, Some(Decimal::from(6550)));
        assert_eq!(c.initiatives[1].cost.to, Some(Decimal::from(13600)));
        assert_eq!(c.initiatives[2].cost.to, None);
        assert_eq!(c.initiatives[2].cost.change(), Decimal::from(-3275));
        assert_eq!(c.total.from, Some(Decimal::from(9825)));
        assert_eq!(c.total.to, Some(Decimal::from(14960)));
        let support = c.activities.iter().find(|a| a.activity == MainActivity::UserSupport).unwrap();
        assert_eq!(support.budget.change(), Decimal::from(14960 - 9825));
    }
}
