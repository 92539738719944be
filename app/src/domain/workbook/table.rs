//! Reading one initiative table: the header row names the columns (in any
//! order), each later non-blank row is one initiative. Every cell is
//! checked by the domain's own parsers and every problem is collected.

use super::labels::{assignment_key, parse_activity, parse_status, Column};
use super::values::{integer_text, positive, score, within, MAX_HOURS, MAX_MONEY};
use super::{Cell, CellError, ImportedInitiative, Source};
use crate::domain::{InitiativeForm, MainActivity, Scores};

/// An initiative as read, with the cells later checks point at.
pub(crate) struct ReadRow {
    pub initiative: ImportedInitiative,
    pub row: usize,
    pub id_column: usize,
    pub rank_column: usize,
}

/// The table whose header is row `header` (0-based). `activity` is the
/// sheet's main activity, or `None` in the CSV, which has a column for it.
pub(crate) fn read_table(
    sheet: &str,
    rows: &[Vec<Cell>],
    header: usize,
    activity: Option<MainActivity>,
    errors: &mut Vec<CellError>,
) -> Vec<ReadRow> {
    let columns = header_columns(sheet, rows, header, activity.is_none(), errors);
    let mut read = Vec::new();
    for (index, row) in rows.iter().enumerate().skip(header + 1) {
        if row.iter().all(Cell::is_blank) {
            continue;
        }
        let before = errors.len();
        for (position, cell) in row.iter().enumerate() {
            if !cell.is_blank() && columns.get(position).copied().flatten().is_none() {
                errors.push(CellError::at(sheet, index, position, "no_column", cell.as_text()));
            }
        }
        let found = read_row(sheet, index, row, &columns, activity, errors);
        if let (Some(initiative), true) = (found, errors.len() == before) {
            let at = |c: Column| columns.iter().position(|&x| x == Some(c)).unwrap_or_default();
            read.push(ReadRow { initiative, row: index, id_column: at(Column::Id), rank_column: at(Column::Rank) });
        }
    }
    read
}

/// The column of each position of the header row; problems go to `errors`.
fn header_columns(
    sheet: &str,
    rows: &[Vec<Cell>],
    header: usize,
    with_activity: bool,
    errors: &mut Vec<CellError>,
) -> Vec<Option<Column>> {
    let cells = rows.get(header).map(Vec::as_slice).unwrap_or_default();
    let mut columns: Vec<Option<Column>> = Vec::with_capacity(cells.len());
    for (position, cell) in cells.iter().enumerate() {
        if cell.is_blank() {
            columns.push(None);
            continue;
        }
        let text = cell.as_text();
        let column = Column::from_header(&text).filter(|&c| with_activity || c != Column::Activity);
        match column {
            None => errors.push(CellError::at(sheet, header, position, "unknown_column", text)),
            Some(c) if columns.contains(&Some(c)) => {
                errors.push(CellError::at(sheet, header, position, "duplicate_column", text));
            }
            Some(_) => {}
        }
        columns.push(column.filter(|c| !columns.contains(&Some(*c))));
    }
    let required = with_activity.then_some(Column::Activity).into_iter().chain(Column::SHEET);
    for column in required.filter(|c| !c.is_computed()) {
        if !columns.contains(&Some(column)) {
            let mut error = CellError::sheet(sheet, "missing_column", column.header());
            error.row = Some(super::cell::excel_row(header));
            errors.push(error);
        }
    }
    columns
}

fn read_row(
    sheet: &str,
    index: usize,
    row: &[Cell],
    columns: &[Option<Column>],
    activity: Option<MainActivity>,
    errors: &mut Vec<CellError>,
) -> Option<ImportedInitiative> {
    let position = |c: Column| columns.iter().position(|&x| x == Some(c));
    let cell = |c: Column| position(c).and_then(|p| row.get(p)).unwrap_or(&Cell::Empty);
    // A missing column is reported once, at the header, not on every row.
    let mut fail = |c: Column, code: &str| {
        if let Some(p) = position(c) {
            errors.push(CellError::at(sheet, index, p, code, cell(c).as_text()));
        }
    };
    let activity = activity.or_else(|| {
        if cell(Column::Activity).is_blank() {
            fail(Column::Activity, "required");
            return None;
        }
        let found = parse_activity(&cell(Column::Activity).as_text());
        if found.is_none() {
            fail(Column::Activity, "unknown");
        }
        found
    });
    let id = positive::<i64>(cell(Column::Id)).map_err(|code| fail(Column::Id, code)).ok().flatten();
    let rank = match positive::<i32>(cell(Column::Rank)) {
        Ok(Some(rank)) => Some(rank),
        Ok(None) => {
            fail(Column::Rank, "required");
            None
        }
        Err(code) => {
            fail(Column::Rank, code);
            None
        }
    };
    let status = if cell(Column::Status).is_blank() {
        fail(Column::Status, "required");
        None
    } else {
        parse_status(&cell(Column::Status).as_text()).or_else(|| {
            fail(Column::Status, "unknown");
            None
        })
    };
    let [benefit, goal_contribution, effort] = [Column::Benefit, Column::GoalContribution, Column::Effort]
        .map(|c| score(cell(c)).map_err(|code| fail(c, code)).ok().flatten());
    for (c, max) in [
        (Column::BusinessHours, MAX_HOURS),
        (Column::BusinessOther, MAX_MONEY),
        (Column::ItHours, MAX_HOURS),
        (Column::ItOther, MAX_MONEY),
    ] {
        if let Err(code) = within(cell(c), max) {
            fail(c, code);
        }
    }
    let assignment = cell(Column::AssignmentType).as_text();
    let form = InitiativeForm {
        name: cell(Column::Name).as_text(),
        main_activity: activity.map(MainActivity::key).unwrap_or("governance").to_owned(),
        assignment_type: assignment_key(&assignment).map_or(assignment, str::to_owned),
        priority: integer_text(cell(Column::Priority)),
        business_hours: cell(Column::BusinessHours).as_text(),
        business_other: cell(Column::BusinessOther).as_text(),
        it_hours: cell(Column::ItHours).as_text(),
        it_other: cell(Column::ItOther).as_text(),
    };
    let input = match form.check() {
        Ok(input) => Some(input),
        Err(problems) => {
            for problem in problems {
                fail(form_column(problem.field), problem.error.code());
            }
            None
        }
    };
    let source = Source {
        sheet: sheet.to_owned(),
        row: super::cell::excel_row(index),
        id_column: super::column_letter(position(Column::Id).unwrap_or_default()),
    };
    activity?;
    Some(ImportedInitiative {
        id,
        rank: rank?,
        input: input?,
        status: status?,
        scores: Scores { benefit, goal_contribution, effort },
        source,
    })
}

/// The column of a field of [`InitiativeForm`].
fn form_column(field: &str) -> Column {
    match field {
        "main_activity" => Column::Activity,
        "assignment_type" => Column::AssignmentType,
        "priority" => Column::Priority,
        "business_hours" => Column::BusinessHours,
        "business_other" => Column::BusinessOther,
        "it_hours" => Column::ItHours,
        "it_other" => Column::ItOther,
        _ => Column::Name,
    }
}
