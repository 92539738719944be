//! Reading a whole workbook back into a plan import: finding the sheets by
//! name, reading the settings and each main activity's table, then the
//! checks across tables (ids and ranks used twice). Summary sheets are
//! skipped; they are written for reading only.

use std::collections::HashMap;

use super::labels::{activity_name, BUDGET_SHEET, FTE_SHEET, SETTINGS_SHEET};
use super::settings::read_settings;
use super::table::{read_table, ReadRow};
use super::{Cell, CellError, ImportedInitiative, PlanImport, Workbook, MAX_COLUMNS, MAX_ROWS};
use crate::domain::MainActivity;

/// What a sheet of an imported workbook is, found by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Settings,
    Activity(MainActivity),
    Summary,
}

fn role(name: &str) -> Option<Role> {
    let is = |expected: &str| expected.to_lowercase() == name.trim().to_lowercase();
    if is(SETTINGS_SHEET) {
        return Some(Role::Settings);
    }
    if is(BUDGET_SHEET) || is(FTE_SHEET) {
        return Some(Role::Summary);
    }
    MainActivity::ALL.iter().find(|&&a| is(activity_name(a))).map(|&a| Role::Activity(a))
}

/// Reads a workbook written by `export_plan` (and edited by a person) for
/// the plan year `year` of object `object_code`. Either the whole import,
/// or every problem found, each with its sheet, cell and code.
pub fn read_plan(workbook: &Workbook, object_code: &str, year: i32) -> Result<PlanImport, Vec<CellError>> {
    let mut errors = Vec::new();
    let mut seen: Vec<Role> = Vec::new();
    let mut settings = None;
    let mut rows: Vec<ReadRow> = Vec::new();
    for sheet in &workbook.sheets {
        let name = sheet.name.as_str();
        let blank = sheet.rows.iter().flatten().all(Cell::is_blank);
        let Some(role) = role(name) else {
            if !blank {
                errors.push(CellError::sheet(name, "unknown_sheet", name));
            }
            continue;
        };
        if seen.contains(&role) && role != Role::Summary {
            errors.push(CellError::sheet(name, "duplicate_sheet", name));
            continue;
        }
        seen.push(role);
        if !within_limits(name, &sheet.rows, &mut errors) {
            continue;
        }
        match role {
            Role::Summary => {}
            Role::Settings => {
                settings = read_settings(name, &sheet.rows, 0..sheet.rows.len(), (object_code, year), &mut errors);
            }
            Role::Activity(activity) => {
                let header = sheet.rows.iter().position(|row| !row.iter().all(Cell::is_blank)).unwrap_or(0);
                rows.extend(read_table(name, &sheet.rows, header, Some(activity), &mut errors));
            }
        }
    }
    if !seen.contains(&Role::Settings) {
        errors.push(CellError::sheet(SETTINGS_SHEET, "missing_sheet", SETTINGS_SHEET));
    }
    for &activity in MainActivity::ALL {
        if !seen.contains(&Role::Activity(activity)) {
            errors.push(CellError::sheet(activity_name(activity), "missing_sheet", activity_name(activity)));
        }
    }
    finish(settings, rows, errors)
}

/// `false`, with an error, when a sheet is beyond [`MAX_ROWS`] or [`MAX_COLUMNS`].
pub(crate) fn within_limits(sheet: &str, rows: &[Vec<Cell>], errors: &mut Vec<CellError>) -> bool {
    if rows.len() > MAX_ROWS {
        errors.push(CellError::sheet(sheet, "too_many_rows", rows.len().to_string()));
        return false;
    }
    if let Some(width) = rows.iter().map(Vec::len).max().filter(|&w| w > MAX_COLUMNS) {
        errors.push(CellError::sheet(sheet, "too_many_columns", width.to_string()));
        return false;
    }
    true
}

/// The checks across tables, then the import in rank order with ranks
/// renumbered 1, 2, 3, … as the store keeps them.
pub(crate) fn finish(
    settings: Option<(crate::domain::PlanSettings, crate::domain::PlanStatus)>,
    rows: Vec<ReadRow>,
    mut errors: Vec<CellError>,
) -> Result<PlanImport, Vec<CellError>> {
    let mut ids: HashMap<i64, &str> = HashMap::new();
    let mut ranks: HashMap<i32, ()> = HashMap::new();
    for read in &rows {
        let i = &read.initiative;
        if let Some(id) = i.id {
            match ids.get(&id) {
                Some(&sheet) => {
                    let code = if sheet == i.source.sheet { "duplicate_id" } else { "id_in_two_sheets" };
                    errors.push(CellError::at(&i.source.sheet, read.row, read.id_column, code, id.to_string()));
                }
                None => {
                    ids.insert(id, &i.source.sheet);
                }
            }
        }
        if ranks.insert(i.rank, ()).is_some() {
            errors.push(CellError::at(
                &i.source.sheet,
                read.row,
                read.rank_column,
                "duplicate_rank",
                i.rank.to_string(),
            ));
        }
    }
    let (settings, status) = match settings {
        Some(settings) if errors.is_empty() => settings,
        // Cannot happen: no settings always comes with a reason. Still, an
        // import never fails without saying where.
        None if errors.is_empty() => return Err(vec![CellError::sheet(SETTINGS_SHEET, "missing_sheet", "")]),
        _ => return Err(errors),
    };
    let mut initiatives: Vec<ImportedInitiative> = rows.into_iter().map(|r| r.initiative).collect();
    initiatives.sort_by_key(|i| i.rank);
    for (position, initiative) in initiatives.iter_mut().enumerate() {
        initiative.rank = i32::try_from(position + 1).unwrap_or(i32::MAX);
    }
    Ok(PlanImport { settings, status, initiatives })
}
