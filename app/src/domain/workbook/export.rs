//! A plan year as a workbook, laid out like the object plan: the settings,
//! one goal table per main activity (4.2.3), and the budget and FTE tables
//! (4.3) from the same `BudgetMatrix` the pages use.

use rust_decimal::Decimal;

use super::labels::{
    activity_name, assignment_abbreviation, plan_status_name, status_name, Column, Setting, BUDGET_SHEET, FTE_SHEET,
    SETTINGS_SHEET,
};
use super::{Cell, Sheet, Workbook};
use crate::domain::{BudgetLine, BudgetMatrix, Initiative, MainActivity, PlanYear, Side};

/// The plan year as a workbook: sheets `Plan`, the four main activities,
/// `Budget` and `FTE`, in that order. Initiatives appear in rank order.
pub fn export_plan(object_code: &str, object_name: &str, plan: &PlanYear, initiatives: &[Initiative]) -> Workbook {
    let mut sheets = vec![settings_sheet(object_code, object_name, plan)];
    let ordered = in_rank_order(initiatives);
    for &activity in MainActivity::ALL {
        let mut rows = vec![Column::SHEET.iter().map(|c| Cell::text(c.header())).collect()];
        rows.extend(ordered.iter().filter(|i| i.main_activity == activity).map(|i| initiative_row(plan, i)));
        sheets.push(Sheet::new(activity_name(activity), rows));
    }
    let matrix = BudgetMatrix::compute(plan.settings, initiatives);
    sheets.push(summary_sheet(&matrix, BUDGET_SHEET, "Summa SEK", "Summa", |line| line.amount));
    sheets.push(summary_sheet(&matrix, FTE_SHEET, "Summa tid", "Summa FTE", |line| line.fte));
    Workbook { sheets }
}

pub(crate) fn in_rank_order(initiatives: &[Initiative]) -> Vec<&Initiative> {
    let mut ordered: Vec<&Initiative> = initiatives.iter().collect();
    ordered.sort_by_key(|i| (i.rank, i.id));
    ordered
}

pub(crate) fn settings_rows(object_code: &str, object_name: &str, plan: &PlanYear) -> Vec<Vec<Cell>> {
    Setting::ALL
        .iter()
        .map(|&setting| {
            let value = match setting {
                Setting::ObjectCode => Cell::text(object_code),
                Setting::ObjectName => Cell::text(object_name),
                Setting::Year => Cell::Number(plan.year.into()),
                Setting::BusinessRate => Cell::Number(plan.settings.business_rate.value()),
                Setting::ItRate => Cell::Number(plan.settings.it_rate.value()),
                Setting::HoursPerFte => Cell::Number(plan.settings.hours_per_fte.value()),
                Setting::Status => Cell::text(plan_status_name(plan.status)),
            };
            vec![Cell::text(setting.label()), value]
        })
        .collect()
}

fn settings_sheet(object_code: &str, object_name: &str, plan: &PlanYear) -> Sheet {
    Sheet::new(SETTINGS_SHEET, settings_rows(object_code, object_name, plan))
}

/// The value of one column for one initiative.
pub(crate) fn column_value(plan: &PlanYear, initiative: &Initiative, column: Column) -> Cell {
    let settings = &plan.settings;
    let optional = |value: Option<u8>| value.map_or(Cell::Empty, |v| Cell::Number(v.into()));
    let business = initiative.business.cost(settings.rate(Side::Business));
    let it = initiative.it.cost(settings.rate(Side::It));
    match column {
        Column::Activity => Cell::text(activity_name(initiative.main_activity)),
        Column::Id => Cell::Number(initiative.id.into()),
        Column::Rank => Cell::Number(initiative.rank.into()),
        Column::Name => Cell::text(&initiative.name),
        Column::AssignmentType => Cell::text(assignment_abbreviation(initiative.assignment_type)),
        Column::Priority => initiative.priority.map_or(Cell::Empty, |p| Cell::Number(p.into())),
        Column::Status => Cell::text(status_name(initiative.status)),
        Column::BusinessHours => Cell::Number(initiative.business.hours.value()),
        Column::BusinessOther => Cell::Number(initiative.business.other.value()),
        Column::BusinessSum => Cell::Number(business),
        Column::ItHours => Cell::Number(initiative.it.hours.value()),
        Column::ItOther => Cell::Number(initiative.it.other.value()),
        Column::ItSum => Cell::Number(it),
        Column::Sum => Cell::Number(business + it),
        Column::Benefit => optional(initiative.scores.benefit),
        Column::GoalContribution => optional(initiative.scores.goal_contribution),
        Column::Effort => optional(initiative.scores.effort),
    }
}

fn initiative_row(plan: &PlanYear, initiative: &Initiative) -> Vec<Cell> {
    Column::SHEET.iter().map(|&column| column_value(plan, initiative, column)).collect()
}

/// One of the two tables of 4.3: main activity × (side, assignment type),
/// a sum per row and a sum row. One header row ("Verksamhetsnära VM")
/// stands for the document's two.
fn summary_sheet(
    matrix: &BudgetMatrix,
    name: &str,
    sum_header: &str,
    sum_row: &str,
    pick: impl Fn(BudgetLine) -> Decimal,
) -> Sheet {
    let side_name = |side: Side| match side {
        Side::Business => "Verksamhetsnära",
        Side::It => "IT-nära",
    };
    let mut header = vec![Cell::text("Huvudaktivitet")];
    header.extend(
        matrix
            .columns
            .iter()
            .map(|c| Cell::text(&format!("{} {}", side_name(c.side), assignment_abbreviation(c.assignment_type)))),
    );
    header.push(Cell::text(sum_header));
    let mut rows = vec![header];
    for &activity in MainActivity::ALL {
        let mut row = vec![Cell::text(activity_name(activity))];
        row.extend(matrix.columns.iter().map(|c| Cell::Number(pick(matrix.cell(activity, c.side, c.assignment_type)))));
        row.push(Cell::Number(pick(matrix.activity_total(activity))));
        rows.push(row);
    }
    let mut total = vec![Cell::text(sum_row)];
    total.extend(matrix.columns.iter().map(|&c| Cell::Number(pick(matrix.column_total(c)))));
    total.push(Cell::Number(pick(matrix.total)));
    rows.push(total);
    Sheet::new(name, rows)
}
