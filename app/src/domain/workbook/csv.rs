//! The plan year as one CSV table and back. Layout: the settings first,
//! one per line (label, value, as on the `Plan` sheet), a blank line, then
//! one table whose first column is the main activity ("Huvudaktivitet")
//! followed by the columns of an activity sheet, initiatives in rank order.
//!
//! Written the way Swedish Excel reads it on a double click: UTF-8 with
//! BOM, `;` between fields, decimal comma (`1313,00`), CRLF, RFC 4180
//! quoting. Read leniently: `;` or `,` (whichever the first line uses),
//! with or without BOM, CRLF or LF, quoted fields with `""` and line
//! breaks, numbers Swedish or plain. Errors name sheet "CSV", the record
//! (as the row Excel shows) and the column letter.

use super::export::{column_value, in_rank_order, settings_rows};
use super::labels::{Column, CSV_SHEET};
use super::read::{finish, within_limits};
use super::settings::read_settings;
use super::table::read_table;
use super::{Cell, CellError, PlanImport, MAX_FILE_BYTES, MAX_ROWS};
use crate::domain::{Initiative, PlanYear};

const SEPARATOR: char = ';';

/// The plan year as CSV text (see the module documentation for the layout).
pub fn export_plan_csv(object_code: &str, object_name: &str, plan: &PlanYear, initiatives: &[Initiative]) -> String {
    let mut rows = settings_rows(object_code, object_name, plan);
    rows.push(Vec::new());
    let columns: Vec<Column> = std::iter::once(Column::Activity).chain(Column::SHEET).collect();
    rows.push(columns.iter().map(|c| Cell::text(c.header())).collect());
    for initiative in in_rank_order(initiatives) {
        rows.push(columns.iter().map(|&c| column_value(plan, initiative, c)).collect());
    }
    write_csv(&rows)
}

/// RFC 4180 with `;`, BOM and CRLF; numbers with a decimal comma.
pub(crate) fn write_csv(rows: &[Vec<Cell>]) -> String {
    let field = |cell: &Cell| match cell {
        Cell::Empty => String::new(),
        Cell::Number(number) => number.to_string().replace('.', ","),
        Cell::Text(text) if text.contains([SEPARATOR, ',', '"', '\n', '\r']) => {
            format!("\"{}\"", text.replace('"', "\"\""))
        }
        Cell::Text(text) => text.clone(),
    };
    let mut out = String::from("\u{feff}");
    for row in rows {
        out.push_str(&row.iter().map(field).collect::<Vec<_>>().join(&SEPARATOR.to_string()));
        out.push_str("\r\n");
    }
    out
}

/// Reads CSV text written by [`export_plan_csv`] (and edited by a person)
/// for the plan year `year` of object `object_code`.
pub fn read_plan_csv(text: &str, object_code: &str, year: i32) -> Result<PlanImport, Vec<CellError>> {
    if text.len() > MAX_FILE_BYTES {
        return Err(vec![CellError::sheet(CSV_SHEET, "too_large", text.len().to_string())]);
    }
    let rows = parse_csv(text)?;
    let mut errors = Vec::new();
    if !within_limits(CSV_SHEET, &rows, &mut errors) {
        return Err(errors);
    }
    // The header is the first row naming two columns or more: a settings
    // row names at most one, and a mistyped header cell still leaves others.
    let is_header = |row: &Vec<Cell>| row.iter().filter(|c| Column::from_header(&c.as_text()).is_some()).count() >= 2;
    let Some(header) = rows.iter().position(is_header) else {
        return Err(vec![CellError::sheet(CSV_SHEET, "missing_column", Column::Activity.header())]);
    };
    let settings = read_settings(CSV_SHEET, &rows, 0..header, (object_code, year), &mut errors);
    let read = read_table(CSV_SHEET, &rows, header, None, &mut errors);
    finish(settings, read, errors)
}

/// `;` when the first non-blank line has at least as many `;` as `,`
/// outside quotes (and some), else `,`.
fn separator(text: &str) -> char {
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or_default();
    let (mut quoted, mut semicolons, mut commas) = (false, 0, 0);
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => semicolons += 1,
            ',' if !quoted => commas += 1,
            _ => {}
        }
    }
    if semicolons > 0 && semicolons >= commas {
        ';'
    } else {
        ','
    }
}

/// Splits CSV text into rows of cells (empty fields are `Cell::Empty`).
pub(crate) fn parse_csv(text: &str) -> Result<Vec<Vec<Cell>>, Vec<CellError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let separator = separator(text);
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut row: Vec<Cell> = Vec::new();
    let mut field = String::new();
    let (mut quoted, mut row_started) = (false, false);
    let mut opened_at = (0, 0);
    let end_field = |row: &mut Vec<Cell>, field: &mut String| {
        let text = std::mem::take(field);
        row.push(if text.is_empty() { Cell::Empty } else { Cell::Text(text) });
    };
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        row_started = true;
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => {
                quoted = true;
                opened_at = (rows.len(), row.len());
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                end_field(&mut row, &mut field);
                rows.push(std::mem::take(&mut row));
                row_started = false;
                if rows.len() > MAX_ROWS {
                    return Err(vec![CellError::sheet(CSV_SHEET, "too_many_rows", format!("> {MAX_ROWS}"))]);
                }
            }
            c if c == separator => end_field(&mut row, &mut field),
            _ => field.push(c),
        }
    }
    if quoted {
        let (r, c) = opened_at;
        return Err(vec![CellError::at(CSV_SHEET, r, c, "unterminated_quote", field)]);
    }
    if row_started {
        end_field(&mut row, &mut field);
        rows.push(row);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(rows: &[Vec<Cell>]) -> Vec<Vec<String>> {
        rows.iter().map(|r| r.iter().map(Cell::as_text).collect()).collect()
    }

    #[test]
    fn quoted_fields_may_hold_separators_quotes_and_line_breaks() {
        let rows = parse_csv("\u{feff}a;\"b;c\";\"say \"\"hi\"\"\"\r\n\"two\r\nlines\";;x\n").expect("valid");
        assert_eq!(texts(&rows), [vec!["a", "b;c", "say \"hi\""], vec!["two\r\nlines", "", "x"]]);
        assert_eq!(rows[1][1], Cell::Empty);
    }

    #[test]
    fn the_separator_is_whichever_the_first_line_uses() {
        assert_eq!(texts(&parse_csv("a,b\n1;5,2\n").expect("valid")), [vec!["a", "b"], vec!["1;5", "2"]]);
        assert_eq!(texts(&parse_csv("a;b\n1,5;2").expect("valid")), [vec!["a", "b"], vec!["1,5", "2"]]);
        assert_eq!(separator("\"x;y\",z\n"), ',');
    }

    #[test]
    fn an_unterminated_quote_is_an_error_where_it_opens() {
        let errors = parse_csv("a;b\nc;\"open\n").unwrap_err();
        assert_eq!(errors[0].cell_name(), "B2");
        assert_eq!(errors[0].code, "unterminated_quote");
    }

    #[test]
    fn written_csv_reads_back_cell_for_cell() {
        let rows = vec![
            vec![Cell::text("=1+1"), Cell::Number("1313.50".parse().expect("decimal")), Cell::Empty],
            vec![Cell::text("a;b"), Cell::text("\"q\""), Cell::text("line\nbreak")],
        ];
        let csv = write_csv(&rows);
        assert!(csv.starts_with('\u{feff}') && csv.contains("'=1+1;1313,50;\r\n"), "{csv}");
        let back = parse_csv(&csv).expect("valid");
        assert_eq!(texts(&back), [vec!["=1+1", "1313,50", ""], vec!["a;b", "\"q\"", "line\nbreak"]]);
    }
}
