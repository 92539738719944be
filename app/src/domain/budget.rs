//! The budget and FTE tables of an object plan (000, section 4.3): the
//! matrix main activity × side × assignment type, computed from the
//! initiatives and the plan year's settings, exactly.
//!
//! Amounts and hours are exact sums. FTE is rounded to two decimals per
//! cell and the totals add up the rounded cells, as the object plan does:
//! AKN 2020 shows 9,49 FTE in all, although its 16 172 hours are 9,51 FTE.
//! That way every total is exactly the sum of the cells shown.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{two_decimals, AssignmentType, Hours, Initiative, MainActivity, PlanSettings, Side};

/// Full-time equivalents for a number of hours, to two decimals (half away
/// from zero, like a spreadsheet's ROUND).
pub fn fte(hours: Decimal, hours_per_fte: Hours) -> Decimal {
    two_decimals(hours / hours_per_fte.value())
}

/// Hours, money and FTE of one cell or one total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetLine {
    pub hours: Decimal,
    pub amount: Decimal,
    pub fte: Decimal,
}

impl std::ops::Add for BudgetLine {
    type Output = BudgetLine;
    fn add(self, other: BudgetLine) -> BudgetLine {
        BudgetLine { hours: self.hours + other.hours, amount: self.amount + other.amount, fte: self.fte + other.fte }
    }
}

impl std::iter::Sum for BudgetLine {
    fn sum<I: Iterator<Item = BudgetLine>>(iter: I) -> BudgetLine {
        iter.fold(BudgetLine::default(), std::ops::Add::add)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetCell {
    pub activity: MainActivity,
    pub side: Side,
    pub assignment_type: AssignmentType,
    #[serde(flatten)]
    pub line: BudgetLine,
}

/// A column of the table: one side and one assignment type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetColumn {
    pub side: Side,
    pub assignment_type: AssignmentType,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetMatrix {
    pub settings: PlanSettings,
    /// Every activity × side × assignment type, in that order.
    pub cells: Vec<BudgetCell>,
    /// The columns to lay out: VM and VU on each side always (as the object
    /// plan does), new development and decommissioning only when used.
    pub columns: Vec<BudgetColumn>,
    pub total: BudgetLine,
}

impl BudgetMatrix {
    pub fn compute(settings: PlanSettings, initiatives: &[Initiative]) -> Self {
        let mut cells = Vec::with_capacity(MainActivity::ALL.len() * 2 * AssignmentType::ALL.len());
        for &activity in MainActivity::ALL {
            for &side in Side::ALL {
                for &assignment_type in AssignmentType::ALL {
                    let (hours, amount) = initiatives
                        .iter()
                        .filter(|i| i.main_activity == activity && i.assignment_type == assignment_type)
                        .map(|i| i.effort(side))
                        .fold((Decimal::ZERO, Decimal::ZERO), |(h, a), e| {
                            (h + e.hours.value(), a + e.cost(settings.rate(side)))
                        });
                    let line = BudgetLine {
                        hours: two_decimals(hours),
                        amount: two_decimals(amount),
                        fte: fte(hours, settings.hours_per_fte),
                    };
                    cells.push(BudgetCell { activity, side, assignment_type, line });
                }
            }
        }
        let used = |t: AssignmentType| initiatives.iter().any(|i| i.assignment_type == t);
        let columns = Side::ALL
            .iter()
            .flat_map(|&side| {
                AssignmentType::ALL
                    .iter()
                    .filter(|&&t| matches!(t, AssignmentType::Maintain | AssignmentType::Develop) || used(t))
                    .map(move |&assignment_type| BudgetColumn { side, assignment_type })
            })
            .collect();
        let total = cells.iter().map(|c| c.line).sum();
        Self { settings, cells, columns, total }
    }

    pub fn cell(&self, activity: MainActivity, side: Side, assignment_type: AssignmentType) -> BudgetLine {
        self.lines(|c| c.activity == activity && c.side == side && c.assignment_type == assignment_type)
    }

    /// The "Summa" column of a row.
    pub fn activity_total(&self, activity: MainActivity) -> BudgetLine {
        self.lines(|c| c.activity == activity)
    }

    /// One side of a row: the "Total" line of a main activity's goal table.
    pub fn activity_side_total(&self, activity: MainActivity, side: Side) -> BudgetLine {
        self.lines(|c| c.activity == activity && c.side == side)
    }

    /// The "Summa" row under a column.
    pub fn column_total(&self, column: BudgetColumn) -> BudgetLine {
        self.lines(|c| c.side == column.side && c.assignment_type == column.assignment_type)
    }

    fn lines(&self, keep: impl Fn(&BudgetCell) -> bool) -> BudgetLine {
        self.cells.iter().filter(|c| keep(c)).map(|c| c.line).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{InitiativeStatus, Money, Scores, SideEffort};
    use proptest::prelude::*;

    fn dec(text: &str) -> Decimal {
        text.parse().expect("test literal")
    }

    fn settings() -> PlanSettings {
        let rate = Money::parse("655").unwrap();
        PlanSettings::new(rate, rate, Hours::parse("1700").unwrap()).unwrap()
    }

    fn initiative(activity: MainActivity, kind: AssignmentType, business: (u32, u32), it: (u32, u32)) -> Initiative {
        let effort = |(hours, other): (u32, u32)| {
            SideEffort::new(Hours::new(hours.into()).unwrap(), Money::new(other.into()).unwrap())
        };
        Initiative {
            id: 0,
            plan_year_id: 0,
            rank: 0,
            name: String::new(),
            main_activity: activity,
            assignment_type: kind,
            priority: None,
            status: InitiativeStatus::NotStarted,
            business: effort(business),
            it: effort(it),
            scores: Scores::default(),
            version: 1,
        }
    }

    #[test]
    fn fte_rounds_half_away_from_zero_to_two_decimals() {
        let per_fte = Hours::parse("1700").unwrap();
        assert_eq!(fte(dec("1313"), per_fte), dec("0.77"));
        assert_eq!(fte(dec("4178"), per_fte), dec("2.46"));
        assert_eq!(fte(dec("8.5"), per_fte), dec("0.01"));
        assert_eq!(fte(dec("0"), per_fte).to_string(), "0.00");
    }

    #[test]
    fn a_cell_sums_hours_times_rate_plus_other_costs() {
        let matrix = BudgetMatrix::compute(
            settings(),
            &[
                initiative(MainActivity::UserSupport, AssignmentType::Maintain, (595, 25_000), (340, 0)),
                initiative(MainActivity::UserSupport, AssignmentType::Maintain, (40, 0), (40, 50_000)),
            ],
        );
        let cell = matrix.cell(MainActivity::UserSupport, Side::Business, AssignmentType::Maintain);
        assert_eq!(cell.amount, dec("440925"));
        assert_eq!(cell.hours, dec("635"));
        let it = matrix.cell(MainActivity::UserSupport, Side::It, AssignmentType::Maintain);
        assert_eq!(it.amount, dec("298900"));
        assert_eq!(matrix.total.amount, dec("739825"));
    }

    #[test]
    fn unused_assignment_types_get_no_column() {
        let only_vm = BudgetMatrix::compute(
            settings(),
            &[initiative(MainActivity::Governance, AssignmentType::Maintain, (1, 0), (1, 0))],
        );
        assert_eq!(only_vm.columns.len(), 4);
        let with_new = BudgetMatrix::compute(
            settings(),
            &[initiative(MainActivity::Governance, AssignmentType::NewDevelopment, (1, 0), (1, 0))],
        );
        assert_eq!(with_new.columns.len(), 6);
        assert_eq!(
            with_new.columns[2],
            BudgetColumn { side: Side::Business, assignment_type: AssignmentType::NewDevelopment }
        );
    }

    fn arb_initiative() -> impl Strategy<Value = Initiative> {
        (
            0..MainActivity::ALL.len(),
            0..AssignmentType::ALL.len(),
            (0u32..500_000, 0u32..100_000_000),
            (0u32..500_000, 0u32..100_000_000),
        )
            .prop_map(|(a, t, (bh, bo), (ih, io))| {
                let mut i = initiative(MainActivity::ALL[a], AssignmentType::ALL[t], (0, 0), (0, 0));
                // hundredths of hours and öre: two decimals, like real input
                i.business = SideEffort::new(
                    Hours::new(Decimal::new(bh.into(), 2)).unwrap(),
                    Money::new(Decimal::new(bo.into(), 2)).unwrap(),
                );
                i.it = SideEffort::new(
                    Hours::new(Decimal::new(ih.into(), 2)).unwrap(),
                    Money::new(Decimal::new(io.into(), 2)).unwrap(),
                );
                i
            })
    }

    fn arb_settings() -> impl Strategy<Value = PlanSettings> {
        (1u32..200_000, 1u32..200_000, 1u32..300_000).prop_map(|(b, i, h)| {
            PlanSettings::new(
                Money::new(Decimal::new(b.into(), 2)).unwrap(),
                Money::new(Decimal::new(i.into(), 2)).unwrap(),
                Hours::new(Decimal::new(h.into(), 2)).unwrap(),
            )
            .unwrap()
        })
    }

    proptest! {
        #[test]
        fn rows_and_columns_sum_exactly_to_the_total(settings in arb_settings(), initiatives in prop::collection::vec(arb_initiative(), 0..40)) {
            let matrix = BudgetMatrix::compute(settings, &initiatives);
            let by_rows: BudgetLine = MainActivity::ALL.iter().map(|&a| matrix.activity_total(a)).sum();
            let by_columns: BudgetLine = matrix.columns.iter().map(|&c| matrix.column_total(c)).sum();
            prop_assert_eq!(by_rows, matrix.total);
            prop_assert_eq!(by_columns, matrix.total);
        }

        #[test]
        fn the_total_is_every_initiatives_cost(settings in arb_settings(), initiatives in prop::collection::vec(arb_initiative(), 0..40)) {
            let matrix = BudgetMatrix::compute(settings, &initiatives);
            let expected: Decimal = initiatives.iter()
                .map(|i| i.business.cost(settings.business_rate) + i.it.cost(settings.it_rate))
                .sum();
            let hours: Decimal = initiatives.iter().map(|i| i.business.hours.value() + i.it.hours.value()).sum();
            prop_assert_eq!(matrix.total.amount, expected);
            prop_assert_eq!(matrix.total.hours, hours);
        }

        #[test]
        fn each_cells_fte_is_within_half_a_hundredth_of_exact(settings in arb_settings(), initiatives in prop::collection::vec(arb_initiative(), 0..40)) {
            let matrix = BudgetMatrix::compute(settings, &initiatives);
            for cell in &matrix.cells {
                let exact = cell.line.hours / settings.hours_per_fte.value();
                prop_assert!((cell.line.fte - exact).abs() <= dec("0.005"));
            }
        }
    }
}
