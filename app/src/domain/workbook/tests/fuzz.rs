//! Hostile input: random workbooks and CSV text never panic and either
//! read or fail with located errors; a valid export with any one input
//! cell replaced by garbage fails naming exactly that cell.

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::fixture::{akn, akn_workbook, CODE, NAME, YEAR};
use crate::domain::workbook::csv::{parse_csv, write_csv};
use crate::domain::workbook::{
    column_letter, export_plan_csv, preview, read_plan, read_plan_csv, Cell, CellError, PlanImport, Sheet, Workbook,
};
use crate::domain::{BudgetMatrix, Initiative};

/// Errors without a cell are about whole sheets, rows or missing things.
const SHEET_CODES: &[&str] = &[
    "missing_sheet",
    "unknown_sheet",
    "duplicate_sheet",
    "missing_column",
    "missing_field",
    "too_many_rows",
    "too_many_columns",
    "too_large",
];

fn assert_located(result: &Result<PlanImport, Vec<CellError>>) -> Result<(), TestCaseError> {
    if let Err(errors) = result {
        prop_assert!(!errors.is_empty());
        for e in errors {
            prop_assert!(!e.code.is_empty());
            prop_assert!((e.row.is_some() && e.column.is_some()) || SHEET_CODES.contains(&e.code.as_str()), "{e:?}");
        }
    }
    Ok(())
}

/// What the app does next with an import: preview it, store it, compute
/// the budget and export it again. None of it may panic.
fn use_import(import: &PlanImport) {
    let (mut plan, current) = akn();
    let _ = preview(&current, &plan, import);
    plan.settings = import.settings;
    let stored: Vec<Initiative> = import
        .initiatives
        .iter()
        .map(|i| Initiative {
            id: i.id.unwrap_or(0),
            plan_year_id: plan.id,
            rank: i.rank,
            name: i.input.name.clone(),
            main_activity: i.input.main_activity,
            assignment_type: i.input.assignment_type,
            priority: i.input.priority,
            status: i.status,
            business: i.input.business,
            it: i.input.it,
            scores: i.scores,
            version: 1,
        })
        .collect();
    let _ = BudgetMatrix::compute(plan.settings, &stored);
    let _ = export_plan_csv(CODE, NAME, &plan, &stored);
}

fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[=+@\\-\t\r'\";,\n ]{0,3}[0-9 ,.\\-]{0,30}",
        prop::sample::select(vec![
            "Id",
            "Rang",
            "Delmål",
            "Uppdragstyp",
            "Status",
            "VM",
            "VU",
            "Klar",
            "Objekt",
            "AKN",
            "År",
            "2020",
            "Planstatus",
            "Godkänd",
            "Timmar per heltid",
            "1 313,50",
            "1e9",
            "NaN",
            "-0",
            "∞",
        ])
        .prop_map(str::to_owned),
    ]
}

fn hostile_cell() -> impl Strategy<Value = Cell> {
    prop_oneof![
        Just(Cell::Empty),
        hostile_text().prop_map(Cell::Text),
        (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Cell::Number(Decimal::new(m, s))),
        (any::<i64>(), 0u32..=3).prop_map(|(m, s)| Cell::Number(Decimal::new(m % 10_000_000, s))),
        Just(Cell::Number(Decimal::MAX)),
        Just(Cell::Number(Decimal::MIN)),
    ]
}

fn sheet_name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "Plan",
            "plan",
            "Budget",
            "FTE",
            "Förvaltningsstyrning",
            "Användarstöd",
            "Ändringshantering",
            "Daglig IT-drift och underhåll",
            "",
        ])
        .prop_map(str::to_owned),
        any::<String>(),
    ]
}

fn random_workbook() -> impl Strategy<Value = Workbook> {
    let row = prop::collection::vec(hostile_cell(), 0..20);
    let sheet = (sheet_name(), prop::collection::vec(row, 0..12)).prop_map(|(name, rows)| Sheet { name, rows });
    prop::collection::vec(sheet, 0..9).prop_map(|sheets| Workbook { sheets })
}

/// (sheet index, row, column) of every cell an import reads: all but the
/// computed sums, the object name and the summary sheets.
fn input_cells(workbook: &Workbook) -> Vec<(usize, usize, usize)> {
    let mut cells = Vec::new();
    for (s, sheet) in workbook.sheets.iter().enumerate().take(5) {
        for (r, row) in sheet.rows.iter().enumerate() {
            for c in 0..row.len() {
                let computed = if s == 0 { (r, c) == (1, 1) } else { r > 0 && [8, 11, 12].contains(&c) };
                if !computed {
                    cells.push((s, r, c));
                }
            }
        }
    }
    cells
}

/// Garbage no cell accepts: more than 200 characters that are not blank.
fn garbage(prefix: &str) -> Cell {
    Cell::Text(format!("{prefix}{}", "§".repeat(201)))
}

fn names_cell(errors: &[CellError], sheet: &str, row: usize, column: usize) -> bool {
    let (row, column) = (u32::try_from(row + 1).ok(), Some(column_letter(column)));
    errors.iter().any(|e| e.sheet == sheet && e.row == row && e.column == column)
}

#[test]
fn any_one_input_cell_replaced_by_garbage_fails_naming_that_cell() {
    let valid = akn_workbook();
    let cells = input_cells(&valid);
    assert_eq!(cells.len(), 7 * 2 - 1 + (43 * 16 - 39 * 3));
    for (s, r, c) in cells {
        let mut workbook = valid.clone();
        workbook.sheets[s].rows[r][c] = garbage("=");
        let name = &valid.sheets[s].name;
        let errors = read_plan(&workbook, CODE, YEAR).expect_err(&format!("{name} {r} {c}"));
        assert!(names_cell(&errors, name, r, c), "{name}!{}{}: {errors:?}", column_letter(c), r + 1);
    }
}

#[test]
fn any_one_csv_field_replaced_by_garbage_fails_naming_that_cell() {
    let (plan, initiatives) = akn();
    let rows = parse_csv(&export_plan_csv(CODE, NAME, &plan, &initiatives)).expect("valid");
    for r in 0..rows.len() {
        for c in 0..rows[r].len() {
            let computed = (r, c) == (1, 1) || (r > 8 && [9, 12, 13].contains(&c));
            if computed {
                continue;
            }
            let mut edited = rows.clone();
            edited[r][c] = garbage("");
            let errors = read_plan_csv(&write_csv(&edited), CODE, YEAR).expect_err(&format!("{r} {c}"));
            assert!(names_cell(&errors, "CSV", r, c), "CSV!{}{}: {errors:?}", column_letter(c), r + 1);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_workbooks_read_or_fail_with_located_errors(workbook in random_workbook()) {
        let result = read_plan(&workbook, CODE, YEAR);
        assert_located(&result)?;
        if let Ok(import) = &result {
            use_import(import);
        }
    }

    #[test]
    fn a_valid_export_with_random_cells_replaced_reads_or_fails_with_located_errors(
        edits in prop::collection::vec((0usize..5, 0usize..45, 0usize..18, hostile_cell()), 1..6)
    ) {
        let mut workbook = akn_workbook();
        for (s, r, c, cell) in edits {
            let rows = &mut workbook.sheets[s].rows;
            if let Some(row) = rows.get_mut(r) {
                if row.len() <= c {
                    row.resize(c + 1, Cell::Empty);
                }
                row[c] = cell;
            }
        }
        let result = read_plan(&workbook, CODE, YEAR);
        assert_located(&result)?;
        if let Ok(import) = &result {
            use_import(import);
        }
    }

    #[test]
    fn random_csv_text_reads_or_fails_with_located_errors(text in any::<String>()) {
        assert_located(&read_plan_csv(&text, CODE, YEAR))?;
    }

    #[test]
    fn a_valid_csv_export_with_random_edits_reads_or_fails_with_located_errors(
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..4, hostile_text()), 1..5)
    ) {
        let (plan, initiatives) = akn();
        let mut csv: Vec<char> = export_plan_csv(CODE, NAME, &plan, &initiatives).chars().collect();
        for (at, remove, insert) in edits {
            let start = at.index(csv.len());
            let end = (start + remove).min(csv.len());
            csv.splice(start..end, insert.chars());
        }
        let text: String = csv.into_iter().collect();
        let result = read_plan_csv(&text, CODE, YEAR);
        assert_located(&result)?;
        if let Ok(import) = &result {
            use_import(import);
        }
    }

    #[test]
    fn one_random_input_cell_replaced_by_random_garbage_fails_naming_that_cell(
        pick in any::<prop::sample::Index>(),
        prefix in "[=+@\\-\t'\";, a-zA-Z0-9]{0,10}",
    ) {
        let valid = akn_workbook();
        let cells = input_cells(&valid);
        let (s, r, c) = cells[pick.index(cells.len())];
        let mut workbook = valid.clone();
        workbook.sheets[s].rows[r][c] = garbage(&prefix);
        let errors = read_plan(&workbook, CODE, YEAR).expect_err("garbage is never valid");
        prop_assert!(names_cell(&errors, &valid.sheets[s].name, r, c), "{errors:?}");
    }
}
