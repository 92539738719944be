//! The neutral spreadsheet model both file formats pass through: cells,
//! sheets and workbooks, Excel's A1 cell names, the located error an import
//! reports, and the formula neutralisation every exported text gets.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One cell. A `Number` written by the export carries its meaning in its
/// scale: hours, money and FTE always have two decimals (`655.00`), ids,
/// ranks, years and scores none, so a writer can pick a number format.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cell {
    #[default]
    Empty,
    Text(String),
    Number(Decimal),
}

impl Cell {
    /// A text cell, neutralised so that no spreadsheet runs it as a formula.
    pub fn text(text: &str) -> Self {
        if text.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(neutralise_cell(text))
        }
    }

    /// Blank, or only whitespace.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            Cell::Number(_) => false,
        }
    }

    /// The cell as a person would type it: a neutralised text loses its
    /// apostrophe again, a number is written plainly (`1313.5`).
    pub fn as_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => literal_text(text).to_owned(),
            Cell::Number(number) => number.to_string(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sheet {
    pub name: String,
    /// Row 1 first; a row may be shorter than others (missing cells are empty).
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    pub fn new(name: &str, rows: Vec<Vec<Cell>>) -> Self {
        Self { name: name.to_owned(), rows }
    }

    /// The same sheet without trailing empty cells and rows: what a file
    /// format gives back, since none of them stores trailing blanks.
    pub fn trimmed(&self) -> Self {
        let mut rows: Vec<Vec<Cell>> = self
            .rows
            .iter()
            .map(|row| {
                let used = row.iter().rposition(|c| *c != Cell::Empty).map_or(0, |i| i + 1);
                row[..used].to_vec()
            })
            .collect();
        while rows.last().is_some_and(Vec::is_empty) {
            rows.pop();
        }
        Self { name: self.name.clone(), rows }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workbook {
    pub sheets: Vec<Sheet>,
}

impl Workbook {
    /// Every sheet [`Sheet::trimmed`].
    pub fn trimmed(&self) -> Self {
        Self { sheets: self.sheets.iter().map(Sheet::trimmed).collect() }
    }
}

/// Excel's column name for a 0-based column index: 0 is `A`, 26 is `AA`.
pub fn column_letter(index: usize) -> String {
    let mut letters = Vec::new();
    let mut n = index + 1;
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(char::from(b'A' + rest as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

fn runs_as_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r']) || text.strip_prefix('\'').is_some_and(runs_as_formula)
}

/// A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`,
/// tab, carriage return first) gets a leading apostrophe (OWASP's advice).
/// So does an apostrophe before such a text, so that [`literal_text`]
/// gives every text back exactly.
pub fn neutralise_cell(text: &str) -> String {
    if runs_as_formula(text) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// The inverse of [`neutralise_cell`]: the text as it was before export.
pub fn literal_text(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if runs_as_formula(rest) => rest,
        _ => text,
    }
}

/// One refused cell of an import: where it is, as Excel names it, why (a
/// stable code for the interface's message table) and what it held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellError {
    pub sheet: String,
    /// 1-based, as Excel shows it; `None` when the problem is the whole
    /// sheet (missing, unknown).
    pub row: Option<u32>,
    /// The column letter (`C`); `None` when the problem is a whole row or
    /// sheet (a missing setting or column).
    pub column: Option<String>,
    pub code: String,
    /// The offending text, or for a missing thing, its name.
    pub text: String,
}

impl CellError {
    /// An error at row `row` (0-based index) and column `column` (0-based).
    pub(crate) fn at(sheet: &str, row: usize, column: usize, code: &str, text: impl Into<String>) -> Self {
        Self {
            sheet: sheet.to_owned(),
            row: Some(excel_row(row)),
            column: Some(column_letter(column)),
            code: code.to_owned(),
            text: text.into(),
        }
    }

    /// An error about a whole sheet, or something missing from it.
    pub(crate) fn sheet(sheet: &str, code: &str, text: impl Into<String>) -> Self {
        Self { sheet: sheet.to_owned(), row: None, column: None, code: code.to_owned(), text: text.into() }
    }

    /// `C5`, `5` or empty, as far as the location goes.
    pub fn cell_name(&self) -> String {
        format!("{}{}", self.column.as_deref().unwrap_or(""), self.row.map(|r| r.to_string()).unwrap_or_default())
    }
}

/// Excel's 1-based row number for a 0-based index, saturating on absurd sizes.
pub(crate) fn excel_row(index: usize) -> u32 {
    u32::try_from(index).map_or(u32::MAX, |i| i.saturating_add(1))
}

impl fmt::Display for CellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cell = self.cell_name();
        if cell.is_empty() {
            write!(f, "{}: {} ({:?})", self.sheet, self.code, self.text)
        } else {
            write!(f, "{}!{cell}: {} ({:?})", self.sheet, self.code, self.text)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_excel_names_them() {
        let cases = [(0, "A"), (1, "B"), (25, "Z"), (26, "AA"), (27, "AB"), (51, "AZ"), (52, "BA"), (701, "ZZ")];
        for (index, name) in cases {
            assert_eq!(column_letter(index), name, "{index}");
        }
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn formula_texts_get_an_apostrophe_that_import_takes_away_again() {
        for hostile in ["=HYPERLINK(\"http://x\")", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'=1", "''+2"] {
            let neutral = neutralise_cell(hostile);
            assert!(neutral.starts_with('\''), "{hostile}");
            assert_eq!(literal_text(&neutral), hostile);
        }
        for plain in ["Kalle", "'quoted'", "", "1-2", " =x"] {
            assert_eq!(neutralise_cell(plain), plain);
            assert_eq!(literal_text(plain), plain);
        }
    }

    #[test]
    fn trailing_blanks_are_trimmed_but_inner_ones_kept() {
        let sheet = Sheet::new(
            "S",
            vec![vec![Cell::Empty, Cell::text("a"), Cell::Empty], vec![], vec![Cell::Empty], vec![Cell::Empty]],
        );
        assert_eq!(sheet.trimmed().rows, vec![vec![Cell::Empty, Cell::text("a")]]);
    }

    #[test]
    fn an_error_names_its_cell_the_way_excel_does() {
        let error = CellError::at("Plan", 3, 1, "not_a_number", "abc");
        assert_eq!(error.cell_name(), "B4");
        assert_eq!(error.to_string(), "Plan!B4: not_a_number (\"abc\")");
        assert_eq!(CellError::sheet("Budget", "missing_sheet", "").to_string(), "Budget: missing_sheet (\"\")");
    }
}
