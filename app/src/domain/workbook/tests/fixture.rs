//! The AKN 2020 demo plan as stored values, and small builders for tests.

use chrono::NaiveDate;

use crate::domain::workbook::{export_plan, Cell, CellError, Workbook};
use crate::domain::{Initiative, PlanYear};

pub const CODE: &str = "AKN";
pub const NAME: &str = "Administration, kommunikation och näringsliv";
pub const YEAR: i32 = 2020;

/// The demo plan year of AKN 2020 with ids 101, 102, … and ranks 1, 2, …
pub fn akn() -> (PlanYear, Vec<Initiative>) {
    let data = crate::demo::dataset(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default());
    let seed = data.plan_years.iter().find(|p| p.object == CODE && p.year == YEAR).expect("AKN 2020 in the demo");
    let plan = PlanYear {
        id: 7,
        object_id: 3,
        object_code: CODE.into(),
        year: YEAR,
        settings: seed.settings,
        status: seed.status,
        version: 1,
        capacity: crate::domain::Capacity::default(),
    };
    let initiatives = seed
        .initiatives
        .iter()
        .enumerate()
        .map(|(index, s)| Initiative {
            id: 101 + index as i64,
            plan_year_id: plan.id,
            rank: index as i32 + 1,
            name: s.name.clone(),
            main_activity: s.main_activity,
            assignment_type: s.assignment_type,
            priority: s.priority,
            status: s.status,
            business: s.business,
            it: s.it,
            scores: s.scores,
            version: 1,
        })
        .collect();
    (plan, initiatives)
}

/// The 0-based (row, column) of an A1-style cell name such as `AB12`.
pub fn position(name: &str) -> (usize, usize) {
    let letters: String = name.chars().take_while(char::is_ascii_alphabetic).collect();
    let row: usize = name[letters.len()..].parse().expect("a row number");
    let column = letters.bytes().fold(0, |n, b| n * 26 + usize::from(b - b'A' + 1));
    (row - 1, column - 1)
}

/// Puts `cell` at `name` of `sheet`, growing the sheet as needed.
pub fn set(workbook: &mut Workbook, sheet: &str, name: &str, cell: Cell) {
    let (row, column) = position(name);
    let sheet = workbook.sheets.iter_mut().find(|s| s.name == sheet).expect("the sheet exists");
    if sheet.rows.len() <= row {
        sheet.rows.resize(row + 1, Vec::new());
    }
    let cells = &mut sheet.rows[row];
    if cells.len() <= column {
        cells.resize(column + 1, Cell::Empty);
    }
    cells[column] = cell;
}

pub fn text(t: &str) -> Cell {
    Cell::Text(t.into())
}

pub fn number(t: &str) -> Cell {
    Cell::Number(t.parse().expect("a decimal literal"))
}

/// The AKN 2020 export.
pub fn akn_workbook() -> Workbook {
    let (plan, initiatives) = akn();
    export_plan(CODE, NAME, &plan, &initiatives)
}

/// Every error as (sheet, cell name, code).
pub fn located(errors: &[CellError]) -> Vec<(String, String, String)> {
    errors.iter().map(|e| (e.sheet.clone(), e.cell_name(), e.code.clone())).collect()
}
